// Interleaved batches: two (or more) workloads measured in short batches that alternate, so that a ratio
// between them is taken under the same load. On a machine shared with other work the load moves within
// minutes; two back-to-back runs of the same code differed by 38 % in CPU per order (docs/benchmarks.md,
// issue 13). A batch of each workload in every round, in forward order on even rounds and reversed on odd
// ones (A B, B A, A B...: each workload as often first as last), and a ratio per round: the median of the
// rounds' ratios is what the load moves least.
//
// Pure helpers only (tested in interleave.test.ts); the suites run the batches.

/**
 * The batch order of `rounds` rounds over `items`: forward on even rounds, reversed on odd ones
 * (ABBA...), so a drift in the load during a round weighs on every workload alike over two rounds.
 */
export function alternation<T>(items: readonly T[], rounds: number): T[][] {
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new Error(`rounds must be a whole number >= 1, got ${rounds}`);
  return Array.from({ length: rounds }, (_, round) => (round % 2 === 0 ? [...items] : [...items].reverse()));
}

/** The median of `values` (the mean of the two middle ones for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (!sorted.length) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Smallest and largest of `values`, as "a to b" with `digits` decimals (for the report's notes). */
export function spread(values: readonly number[], digits = 2): string {
  const finite = values.filter((v) => Number.isFinite(v));
  if (!finite.length) return '–';
  return `${Math.min(...finite).toFixed(digits)} to ${Math.max(...finite).toFixed(digits)}`;
}

/** One batch's result: work done and the server's CPU over it. */
export interface Batch {
  /** Transactions (orders) completed in the measured window. */
  count: number;
  /** Server CPU over the window, in ms. */
  serverCpuMs: number;
  /** CPU of the workload's own backends over the window, in ms (ServerCpu.sampleDatabase); NaN if not taken. */
  backendCpuMs?: number;
  /** Length of the measured window, in s. */
  seconds: number;
}

/** Server CPU per transaction of a batch, in ms (NaN for an empty batch). */
export const cpuPerTransaction = (b: Batch) => (b.count ? b.serverCpuMs / b.count : Number.NaN);

/** Backend CPU per transaction of a batch, in ms (NaN when not taken, or for an empty batch). */
export const backendCpuPerTransaction = (b: Batch) =>
  b.count && b.backendCpuMs !== undefined ? b.backendCpuMs / b.count : Number.NaN;

/** Sum of batches: the pooled figure beside the per-round medians. */
export function pooled(batches: readonly Batch[]): Batch {
  return batches.reduce(
    (a, b) => ({
      count: a.count + b.count,
      serverCpuMs: a.serverCpuMs + b.serverCpuMs,
      backendCpuMs: (a.backendCpuMs ?? Number.NaN) + (b.backendCpuMs ?? Number.NaN),
      seconds: a.seconds + b.seconds,
    }),
    { count: 0, serverCpuMs: 0, backendCpuMs: 0, seconds: 0 } as Batch,
  );
}

/** pgbench's progress line (`-P 1`, PostgreSQL 15): "progress: 3.0 s, 4012.3 tps, lat 1.99 ms stddev ...". */
export function parseProgressLine(line: string): { at: number; tps: number } | undefined {
  const match = /^progress: ([\d.]+) s, ([\d.]+) tps/.exec(line.trim());
  return match ? { at: Number(match[1]), tps: Number(match[2]) } : undefined;
}

/**
 * A measured window inside one pgbench run, read from its progress lines: it starts at the first line at
 * or after `warmupSeconds` (the backends are connected and have run the script for a while: their
 * start and first plans are outside the window) and ends at the first line `seconds` later. `feed`
 * answers 'start' and 'end' at those lines (the caller samples the server's CPU then), and counts the
 * transactions in between (each line's tps times its interval).
 */
export function progressWindow(warmupSeconds: number, seconds: number) {
  let startAt: number | undefined;
  let last = 0;
  let transactions = 0;
  let ended = false;
  return {
    feed(line: string): 'start' | 'end' | undefined {
      const progress = parseProgressLine(line);
      if (!progress || ended) return undefined;
      if (startAt === undefined) {
        if (progress.at + 1e-9 < warmupSeconds) return undefined;
        startAt = progress.at;
        last = progress.at;
        return 'start';
      }
      transactions += progress.tps * (progress.at - last);
      last = progress.at;
      if (progress.at - startAt + 1e-9 >= seconds) {
        ended = true;
        return 'end';
      }
      return undefined;
    },
    /** Transactions in the window (so far). */
    get transactions() {
      return Math.round(transactions);
    },
    /** Length of the window (so far), in s. */
    get seconds() {
      return startAt === undefined ? 0 : last - startAt;
    },
    get ended() {
      return ended;
    },
  };
}
