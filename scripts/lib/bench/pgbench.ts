// pgbench on the same server in the same run: the yardstick printed beside each suite's figures, so a
// reader can tell a slow machine (or a busy one) from a slow query. It runs in a scratch database of its
// own on the same cluster, dropped afterwards (also on Ctrl-C).
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { databaseUrl } from '@b2b/testing';
import { findPgBinaries, MIN_MAJOR } from '@b2b/testing/provider';
import { type Batch, progressWindow } from './interleave';
import { benchInterrupted, withBenchDatabase } from './scratch';
import type { ServerCpu } from './server-cpu';

const run = promisify(execFile);

/** Dropped and created again by each run: a run killed with -9 leaves it behind, the next one clears it. */
export const PGBENCH_DATABASE = 'b2b_bench_pgbench';

/** A script of the suite's own, run against the suite's database (not the scratch one). */
export interface CustomScript {
  /** Shown in the report. */
  name: string;
  /** pgbench script text; its variables come from `variables` (pgbench -D). */
  text: string;
  variables: Record<string, string>;
}

export interface PgbenchResult {
  script: 'select-only' | 'tpcb-like' | string;
  clients: number;
  transactions: number;
  tps: number;
  latencyAverageMs: number;
  /** With `cpu`: the server's CPU time over the run, in ms (server-cpu.ts). */
  serverCpuMs?: number;
}

/** The server's own pgbench (same directory as the binaries the resolver finds), else the one on PATH. */
export function pgbenchBinary(): string {
  const bindir = findPgBinaries()?.bindir;
  const candidates = [
    bindir && join(bindir, 'pgbench'),
    `/usr/lib/postgresql/${MIN_MAJOR}/bin/pgbench`,
  ].filter((c): c is string => Boolean(c));
  return candidates.find((c) => existsSync(c)) ?? 'pgbench';
}

async function pgbench(args: string[]): Promise<string> {
  try {
    const { stdout } = await run(pgbenchBinary(), args, { maxBuffer: 16 << 20 });
    return stdout;
  } catch (error) {
    // Dropping the database on interrupt is what ended pgbench: wait for the handler to exit instead.
    if (benchInterrupted()) await new Promise(() => {});
    const e = error as Error & { stderr?: string; code?: string };
    if (e.code === 'ENOENT')
      throw new Error('pgbench was not found: install postgresql-contrib-15 or postgresql-15');
    throw new Error(`pgbench failed: ${e.stderr?.trim() || e.message}`);
  }
}

/** Reads pgbench's summary (PostgreSQL 15's wording). */
export function parsePgbenchOutput(stdout: string): Omit<PgbenchResult, 'script' | 'clients'> {
  const number = (pattern: RegExp, what: string) => {
    const match = pattern.exec(stdout);
    if (!match) throw new Error(`could not read ${what} from pgbench's output:\n${stdout}`);
    return Number(match[1]);
  };
  const transactions = number(/number of transactions actually processed: (\d+)/, 'the transaction count');
  // A run too short to finish a transaction (a 1 s warmup while 32 clients still connect on a busy
  // machine) prints neither latency nor tps.
  if (transactions === 0) return { transactions, latencyAverageMs: Number.NaN, tps: 0 };
  return {
    transactions,
    latencyAverageMs: number(/latency average = ([\d.]+) ms/, 'the average latency'),
    tps: number(/tps = ([\d.]+)/, 'tps'),
  };
}

/**
 * Runs `fn` with the URL of a scratch database initialised by `pgbench -i -s <scale>` on the server
 * at `adminUrl` (a superuser or a role with CREATEDB), and drops the database afterwards.
 */
export async function withPgbenchDatabase<T>(
  adminUrl: string,
  scale: number,
  fn: (url: string) => Promise<T>,
): Promise<T> {
  return withBenchDatabase(adminUrl, PGBENCH_DATABASE, async (name) => {
    const url = databaseUrl(adminUrl, name);
    await pgbench(['-i', '-q', '-s', String(scale), url]);
    return fn(url);
  });
}

/**
 * The way every suite runs pgbench: once for `warmupSeconds` (not reported: connections, plans and caches
 * warm up), then once measured; 2 threads (one per core of the project's machine kind). With `cpu`, the
 * server's CPU is sampled before the measured run and after its backends have exited (so it includes
 * their connection start, a few ms per client, and their exit).
 */
export async function measurePgbench(
  url: string,
  options: { script: 'select-only' | 'tpcb-like' | CustomScript; clients: number; cpu?: ServerCpu },
  timing: { warmupSeconds: number; seconds: number },
): Promise<{ warmup: PgbenchResult; measured: PgbenchResult }> {
  const { cpu, ...rest } = options;
  const run = { ...rest, threads: 2 };
  const database = new URL(url).pathname.slice(1);
  const warmup = await runPgbench(url, { ...run, seconds: timing.warmupSeconds });
  await cpu?.settle(url, database);
  const before = cpu?.sample();
  const measured = await runPgbench(url, { ...run, seconds: timing.seconds });
  if (cpu && before !== undefined) {
    await cpu.settle(url, database);
    measured.serverCpuMs = cpu.sample() - before;
  }
  return { warmup, measured };
}

/**
 * One pgbench run (`-n`: no vacuum first; the scratch tables were vacuumed by the initialisation) of a
 * built-in script, or of a custom one with prepared statements (`-M prepared`: parsed and planned once per
 * connection, the cheapest a client can make a request).
 */
export async function runPgbench(
  url: string,
  options: {
    script: 'select-only' | 'tpcb-like' | CustomScript;
    clients: number;
    threads: number;
    seconds: number;
  },
): Promise<PgbenchResult> {
  const threads = Math.min(options.threads, options.clients); // pgbench refuses more threads than clients
  const args = ['-n', '-c', String(options.clients), '-j', String(threads)];
  args.push('-T', String(Math.max(1, Math.round(options.seconds))));
  const { script } = options;
  if (typeof script !== 'string') {
    const dir = mkdtempSync(join(tmpdir(), 'b2b-pgbench-'));
    try {
      const file = join(dir, 'script.sql');
      writeFileSync(file, script.text);
      const variables = Object.entries(script.variables).flatMap(([k, v]) => ['-D', `${k}=${v}`]);
      const stdout = await pgbench([...args, '-M', 'prepared', '-f', file, ...variables, url]);
      return { script: script.name, clients: options.clients, ...parsePgbenchOutput(stdout) };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (script === 'select-only') args.push('-S');
  const stdout = await pgbench([...args, url]);
  return { script, clients: options.clients, ...parsePgbenchOutput(stdout) };
}

/**
 * One batch of a built-in pgbench script with warm backends: one pgbench run whose measured window starts
 * `warmupSeconds` in (its backends connected, its statements planned, caches warm) and lasts `seconds`,
 * read from its progress lines (`-P 1`: interleave.ts's progressWindow); the server's CPU is sampled at
 * the window's first and last line, and pgbench is stopped at the last one. So no backend start, no
 * first plan and no exit is in the window, which a run of its own (measurePgbench) always includes.
 */
export async function measurePgbenchWindow(
  url: string,
  options: { script: 'select-only' | 'tpcb-like'; clients: number; cpu: ServerCpu },
  timing: { warmupSeconds: number; seconds: number },
): Promise<Batch> {
  const threads = Math.min(2, options.clients);
  // a margin after the window: the progress line that ends it may come late on a busy machine
  const total = Math.ceil(timing.warmupSeconds + timing.seconds) + 30;
  const args = ['-n', '-c', String(options.clients), '-j', String(threads), '-T', String(total), '-P', '1'];
  if (options.script === 'select-only') args.push('-S');
  const window = progressWindow(timing.warmupSeconds, timing.seconds);
  const child = spawn(pgbenchBinary(), [...args, url], { stdio: ['ignore', 'ignore', 'pipe'] });
  const database = new URL(url).pathname.slice(1);
  let cpuAtStart: number | undefined;
  let backendsAtStart = 0;
  let serverCpuMs: number | undefined;
  let backendCpuMs: number | undefined;
  let stderr = '';
  let pending = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const event = window.feed(line);
      if (event === 'start') {
        cpuAtStart = options.cpu.sample();
        backendsAtStart = options.cpu.sampleDatabase(database);
      }
      if (event === 'end' && cpuAtStart !== undefined) {
        serverCpuMs = options.cpu.sample() - cpuAtStart;
        backendCpuMs = options.cpu.sampleDatabase(database) - backendsAtStart;
        child.kill('SIGINT');
      }
    }
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (serverCpuMs === undefined) {
    if (benchInterrupted()) await new Promise(() => {});
    throw new Error(`pgbench ended (exit ${code}) before its measured window did:\n${stderr.trim()}`);
  }
  // its backends' exit belongs to no window: wait for them before the next batch starts
  await options.cpu.settle(url, database);
  return {
    count: window.transactions,
    serverCpuMs,
    backendCpuMs,
    seconds: window.seconds,
  };
}
