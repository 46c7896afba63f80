// Latency samples and their summary. Exact percentiles over every sample, not a histogram's buckets: a
// run records at most a few hundred thousand numbers, which is cheap to keep and sort.

export interface LatencySummary {
  count: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/**
 * The nearest-rank percentile of ascending `sorted` values: the smallest value with at least `p` percent
 * of the samples at or below it (so p99 of 100 samples is the 99th, and p100 the largest). NaN when empty.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be from 0 to 100, got ${p}`);
  if (sorted.length === 0) return Number.NaN;
  // The epsilon drops float noise: 99.9% of 1000 must be rank 999, not 999.0000000000001 rounded up.
  const rank = Math.ceil((p * sorted.length) / 100 - 1e-9);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export function summarize(samplesMs: readonly number[]): LatencySummary {
  const sorted = Float64Array.from(samplesMs).sort(); // typed arrays sort numerically
  const values = Array.from(sorted);
  const total = values.reduce((sum, v) => sum + v, 0);
  return {
    count: values.length,
    meanMs: values.length ? total / values.length : Number.NaN,
    p50Ms: percentile(values, 50),
    p95Ms: percentile(values, 95),
    p99Ms: percentile(values, 99),
    maxMs: values.at(-1) ?? Number.NaN,
  };
}

/** Collects the duration of each operation, in milliseconds. */
export class LatencyRecorder {
  private readonly samples: number[] = [];

  record(ms: number): void {
    this.samples.push(ms);
  }

  get count(): number {
    return this.samples.length;
  }

  /** Every sample recorded, in the order recorded (to pool several runs before summarising). */
  values(): readonly number[] {
    return this.samples;
  }

  summary(): LatencySummary {
    return summarize(this.samples);
  }
}
