// Closed-loop load: N clients each run an operation back to back, first for a warmup (not recorded,
// so connections, plans and caches are warm), then for a fixed duration that is measured.
import { createPool } from '@b2b/db';
import type pg from 'pg';
import { LatencyRecorder, type LatencySummary } from './percentiles';
import type { ServerCpu } from './server-cpu';

export interface LoadResult {
  clients: number;
  /** Wall time from the end of the warmup until the last measured operation finished. */
  seconds: number;
  perSecond: number;
  latency: LatencySummary;
  /** Every measured operation's latency in ms (to pool batches of the same workload before summarising). */
  samplesMs: readonly number[];
  /** With `cpu`: the server's CPU time over the measured window, in ms (server-cpu.ts). */
  serverCpuMs?: number;
  /** With `cpu` and `database`: the CPU time of that database's backends over the window, in ms. */
  backendCpuMs?: number;
  /** This process's CPU time (the load generator: Node and pg) over the measured window, in ms. */
  clientCpuMs?: number;
}

export interface LoadOptions {
  clients: number;
  warmupSeconds: number;
  seconds: number;
  /** One operation; `worker` is 0..clients-1. Its whole duration is one latency sample. */
  operation: (worker: number) => Promise<unknown>;
  /** The server's CPU counter: sampled when the warmup ends and when the last operation finished. */
  cpu?: ServerCpu;
  /** With `cpu`: also sample the backends of this database (ServerCpu.sampleDatabase) at the same points. */
  database?: string;
}

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const recorder = new LatencyRecorder();
  const measureFrom = performance.now() + options.warmupSeconds * 1000;
  const stopAt = measureFrom + options.seconds * 1000;
  let failed = false; // one failing client stops them all: figures from a broken workload mean nothing
  let cpuAtStart: { server?: number; backends?: number; client: NodeJS.CpuUsage } | undefined;
  const sampleBackends = () =>
    options.cpu && options.database !== undefined ? options.cpu.sampleDatabase(options.database) : undefined;
  const startCpu = () => {
    cpuAtStart = { server: options.cpu?.sample(), backends: sampleBackends(), client: process.cpuUsage() };
  };
  const timer = setTimeout(startCpu, Math.max(0, measureFrom - performance.now()));
  const workers = Array.from({ length: options.clients }, async (_, worker) => {
    try {
      for (let started = performance.now(); started < stopAt && !failed; started = performance.now()) {
        await options.operation(worker);
        // Operations that started during the warmup are not recorded, even if they end after it.
        if (started >= measureFrom) recorder.record(performance.now() - started);
      }
    } catch (error) {
      failed = true;
      throw error;
    }
  });
  const settled = await Promise.allSettled(workers);
  clearTimeout(timer);
  if (!cpuAtStart) startCpu(); // a zero-second warmup on a blocked event loop
  const serverCpuMs =
    options.cpu && cpuAtStart?.server !== undefined ? options.cpu.sample() - cpuAtStart.server : undefined;
  const backendsAtEnd = sampleBackends();
  const backendCpuMs =
    backendsAtEnd !== undefined && cpuAtStart?.backends !== undefined
      ? backendsAtEnd - cpuAtStart.backends
      : undefined;
  const clientCpuMs = cpuAtStart ? cpuMs(process.cpuUsage(cpuAtStart.client)) : undefined;
  const rejected = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (rejected) throw rejected.reason;
  const seconds = (performance.now() - measureFrom) / 1000;
  return {
    clients: options.clients,
    seconds,
    perSecond: recorder.count / seconds,
    latency: recorder.summary(),
    samplesMs: recorder.values(),
    ...(serverCpuMs === undefined ? {} : { serverCpuMs }),
    ...(backendCpuMs === undefined ? {} : { backendCpuMs }),
    ...(clientCpuMs === undefined ? {} : { clientCpuMs }),
  };
}

/** Connections opened at once by withPool. */
const CONNECT_WAVE = 25;

/**
 * A pool of exactly `clients` connections (all opened before `fn` runs, so no measured operation pays
 * for a connect), ended afterwards.
 */
export async function withPool<T>(
  url: string,
  clients: number,
  fn: (pool: pg.Pool) => Promise<T>,
): Promise<T> {
  // Keep idle connections: pg-pool closes one idle for 10 s, and a pool that waits while other batches run
  // (the interleaved figures) would then serve its next batch from new backends, which compile every
  // function and plan every statement again.
  const pool = createPool({
    connectionString: url,
    max: clients,
    applicationName: 'b2b-bench',
    idleTimeoutMillis: 0,
  });
  try {
    // In waves, so that hundreds of backends starting at once on a busy machine do not exceed the connect
    // timeout. All are held until the last one opened (so each wave opens new ones), then released; every
    // one that opened is released even when another failed (or pool.end() would wait for it forever).
    const held: pg.PoolClient[] = [];
    try {
      while (held.length < clients) {
        const wave = Math.min(CONNECT_WAVE, clients - held.length);
        const settled = await Promise.allSettled(Array.from({ length: wave }, () => pool.connect()));
        for (const s of settled) if (s.status === 'fulfilled') held.push(s.value);
        const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
        if (failed) throw failed.reason;
      }
    } finally {
      for (const client of held) client.release();
    }
    return await fn(pool);
  } finally {
    await pool.end();
  }
}

/** Refuses to measure unless the pool runs as b2b_app without BYPASSRLS: the figures must include RLS. */
export async function assertApplicationRole(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ role: string; bypass: boolean }>(
    'select current_user as role, rolbypassrls as bypass from pg_roles where rolname = current_user',
  );
  const [role] = rows;
  if (role?.role !== 'b2b_app' || role.bypass) {
    throw new Error(`The benchmark must run as b2b_app under row-level security, not as ${role?.role}.`);
  }
}
