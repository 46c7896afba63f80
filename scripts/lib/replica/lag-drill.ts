// `pnpm db:replica lag`: replication lag under order load. A scratch primary and replica (scratch-pair.ts);
// N clients place orders (the orders benchmark's workload) for a while, and every `sampleMs` the primary's
// pg_stat_replication is read: how far behind the replica's write, flush and replay positions are in bytes
// (pg_current_wal_lsn() minus each), and the write/flush/replay lag times PostgreSQL measures. Prints their
// percentiles. Checks afterwards that every order the clients saw committed reached the replica.
import { randomUUID } from 'node:crypto';
import { withClient } from '@b2b/testing';
import pg from 'pg';
import { runLoad, withPool } from '../bench/clients';
import { percentile } from '../bench/percentiles';
import { markdownTable } from '../bench/table';
import { orderKeys, placeRandomOrder, REPLICA_NAME, startScratchPair } from './scratch-pair';

export interface LagDrillOptions {
  clients: number;
  seconds: number;
  warmupSeconds: number;
  /** How often pg_stat_replication is sampled, in ms. */
  sampleMs: number;
  say: (line: string) => void;
}

interface Sample {
  writeBytes: number;
  flushBytes: number;
  replayBytes: number;
  writeMs: number | null;
  flushMs: number | null;
  replayMs: number | null;
}

const SAMPLE_SQL = `
  select pg_wal_lsn_diff(pg_current_wal_lsn(), write_lsn)::float8 as "writeBytes",
         pg_wal_lsn_diff(pg_current_wal_lsn(), flush_lsn)::float8 as "flushBytes",
         pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::float8 as "replayBytes",
         (extract(epoch from write_lag) * 1000)::float8 as "writeMs",
         (extract(epoch from flush_lag) * 1000)::float8 as "flushMs",
         (extract(epoch from replay_lag) * 1000)::float8 as "replayMs"
  from pg_stat_replication where application_name = $1`;

/** Samples until `done()` says stop; one connection, one query per tick. */
async function sample(url: string, sampleMs: number, done: () => boolean): Promise<Sample[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const samples: Sample[] = [];
  try {
    while (!done()) {
      const started = performance.now();
      const { rows } = await client.query<Sample>(SAMPLE_SQL, [REPLICA_NAME]);
      if (rows[0]) samples.push(rows[0]);
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, sampleMs - (performance.now() - started))),
      );
    }
  } finally {
    await client.end();
  }
  return samples;
}

function row(what: string, unit: string, values: readonly (number | null)[]): string[] {
  const present = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  const fmt = (v: number) =>
    Number.isNaN(v) ? '-' : unit === 'bytes' ? Math.round(v).toLocaleString('en') : v.toFixed(2);
  return [
    what,
    unit,
    `${present.length}/${values.length}`,
    fmt(percentile(present, 50)),
    fmt(percentile(present, 95)),
    fmt(percentile(present, 99)),
    fmt(present.at(-1) ?? Number.NaN),
  ];
}

/** Runs the drill; returns false when an order the clients saw committed is missing on the replica. */
export async function lagDrill(options: LagDrillOptions): Promise<boolean> {
  const { say } = options;
  say('replica lag drill: starting a scratch primary and replica (durable: fsync, synchronous_commit on)');
  const pair = await startScratchPair(say);
  try {
    const prefix = `lag-${Date.now()}`;
    const acked: string[] = [];
    let loadDone = false;
    say(
      `placing orders: ${options.clients} clients, ${options.warmupSeconds} s warmup + ${options.seconds} s, ` +
        `sampling pg_stat_replication every ${options.sampleMs} ms`,
    );
    const sampling = sample(pair.adminUrl(pair.primary), options.sampleMs, () => loadDone);
    const progress = setInterval(() => say(`  ${acked.length.toLocaleString('en')} orders placed`), 5000);
    let load: Awaited<ReturnType<typeof runLoad>>;
    try {
      load = await withPool(pair.appUrl(pair.primary), options.clients, (pool) =>
        runLoad({
          clients: options.clients,
          warmupSeconds: options.warmupSeconds,
          seconds: options.seconds,
          operation: async () => {
            const key = `${prefix}-${randomUUID()}`;
            await placeRandomOrder(pool, pair.fixture, key);
            acked.push(key);
          },
        }),
      );
    } finally {
      loadDone = true;
      clearInterval(progress);
    }
    const samples = await sampling;
    // Caught up: the replica has replayed everything the primary wrote by the end of the load.
    const target = await withClient(pair.adminUrl(pair.primary), async (c) => {
      const { rows } = await c.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn');
      return rows[0]?.lsn as string;
    });
    const caughtUp = await withClient(pair.adminUrl(pair.replica), async (c) => {
      const { rows } = await c.query<{ ok: boolean }>('select app.wait_for_replay($1, 30000) as ok', [
        target,
      ]);
      return rows[0]?.ok === true;
    });
    const onReplica = await orderKeys(pair.adminUrl(pair.replica), prefix);
    const missing = acked.filter((k) => !onReplica.has(k)).length;

    say('');
    say(
      `orders: ${load.perSecond.toFixed(0)} per s measured at ${options.clients} clients (p50 ${load.latency.p50Ms.toFixed(1)} ms, ` +
        `p99 ${load.latency.p99Ms.toFixed(1)} ms); ${acked.length.toLocaleString('en')} placed in all`,
    );
    say(
      `replication lag over ${samples.length} samples of pg_stat_replication (the load's warmup included):`,
    );
    say(
      markdownTable(
        [
          { header: 'lag' },
          { header: 'unit' },
          { header: 'non-null', align: 'right' },
          { header: 'p50', align: 'right' },
          { header: 'p95', align: 'right' },
          { header: 'p99', align: 'right' },
          { header: 'max', align: 'right' },
        ],
        [
          row(
            'write (sent, written by the replica)',
            'bytes',
            samples.map((s) => s.writeBytes),
          ),
          row(
            'flush (on the replica disk)',
            'bytes',
            samples.map((s) => s.flushBytes),
          ),
          row(
            'replay (visible on the replica)',
            'bytes',
            samples.map((s) => s.replayBytes),
          ),
          row(
            'write_lag',
            'ms',
            samples.map((s) => s.writeMs),
          ),
          row(
            'flush_lag',
            'ms',
            samples.map((s) => s.flushMs),
          ),
          row(
            'replay_lag',
            'ms',
            samples.map((s) => s.replayMs),
          ),
        ],
      ),
    );
    say(
      'bytes: pg_current_wal_lsn() minus the replica position at the sample; ms: the time from a local flush to ' +
        "the replica's report (NULL, not counted, when the replica had nothing left to catch up lately)",
    );
    say(
      `check: the replica caught up after the load: ${caughtUp ? 'yes' : 'NO (not within 30 s)'}; ` +
        `orders acknowledged but missing on the replica: ${missing} of ${acked.length}`,
    );
    return caughtUp && missing === 0 && acked.length > 0;
  } finally {
    await pair.stop();
  }
}
