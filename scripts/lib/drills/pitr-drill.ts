// The point-in-time recovery drill (`pnpm db:pitr --drill`): orders are placed continuously in a scratch
// database of the development cluster, a named restore point is taken mid-load, the load goes on, and a
// new cluster is recovered to the point from a base backup and the archived WAL. The recovered orders
// must be exactly those committed before the point (restore-point.ts); it prints RPO (the WAL not yet
// archived during the load, archive-lag.ts) and RTO (from recovery's start to a promoted cluster).
import { randomUUID } from 'node:crypto';
import { databaseUrl, withClient } from '@b2b/testing';
import { devClusterRunning, walArchiveDir } from '@b2b/testing/provider';
import { type BaseBackupInfo, backupBase, listBaseBackups, requireArchiving } from '../backup/base';
import { backupRoot, newBackupDir } from '../backup/layout';
import { recover } from '../backup/pitr';
import { stamp } from '../backup/tools';
import { withBenchDatabase } from '../bench/scratch';
import { type FixtureSizes, prepareOrdersDatabase } from '../bench/suites/orders-fixture';
import type { DevDatabase } from '../dev-database';
import { archiveNow, type LagSummary, sampleArchiveLag } from './archive-lag';
import { startOrderLoad } from './order-load';
import { judgeRestorePoint, type RestorePointVerdict } from './restore-point';

/** Fixed, so a drill killed with -9 leaves at most this one behind and the next run drops it first. */
export const DRILL_DATABASE = 'b2b_drill_pitr';

export interface PitrDrillOptions {
  clients: number;
  /** Seconds of load before the restore point, and after it. */
  beforeSeconds: number;
  afterSeconds: number;
  /** Take a new base backup first (default), or start from the newest one there is. */
  newBase: boolean;
  /** The orders fixture's sizes (default the benchmark's: 4 tenants, 10,000 variants each). */
  fixture?: FixtureSizes;
  say: (line: string) => void;
}

export interface PitrDrillResult {
  verdict: RestorePointVerdict;
  orders: { acknowledged: number; failed: number; perSecond: number };
  rpo: LagSummary & { archiveTimeout: string };
  /** Seconds: switching and archiving the last segment, then recovery's phases from its start. */
  archiveLast: number;
  rto: { copy: number; consistent: number; promoted: number };
  base: BaseBackupInfo;
  stoppedAt: string;
  databaseBytes: number;
}

export async function pitrDrill(db: DevDatabase, options: PitrDrillOptions): Promise<PitrDrillResult> {
  const { say } = options;
  const cluster = await devClusterRunning();
  if (!cluster) throw new Error('the PITR drill needs the local development cluster: pnpm db:up');
  await requireArchiving(db.adminUrl);
  const archiveDir = walArchiveDir(cluster.dataDir);
  const root = backupRoot();
  return withBenchDatabase(db.adminUrl, DRILL_DATABASE, async (name) => {
    const adminUrl = databaseUrl(db.adminUrl, name);
    const appUrl = databaseUrl(db.appUrl, name);
    say(`drill: migrating the scratch database ${name} and loading the orders fixture`);
    const fixture = await prepareOrdersDatabase(adminUrl, options.fixture);
    let base: BaseBackupInfo;
    if (options.newBase) {
      const dir = newBackupDir(root, 'base', stamp());
      base = await backupBase({ port: cluster.port, dir, name: dir.split('/').at(-1) ?? stamp(), say });
    } else {
      const newest = listBaseBackups(root).at(-1);
      if (!newest) throw new Error('no base backup to start from: drop --no-new-base, or run pnpm db:backup');
      base = newest;
    }
    const { rows: settings } = await withClient(db.adminUrl, (c) =>
      c.query<{ timeout: string; bytes: string }>(
        `select current_setting('archive_timeout') as timeout,
           (select sum(pg_database_size(datname)) from pg_database)::text as bytes`,
      ),
    );
    const point = `drill-${randomUUID().slice(0, 8)}`;
    say(
      `load: ${options.clients} clients placing orders; restore point "${point}" after ${options.beforeSeconds} s, then ${options.afterSeconds} s more`,
    );
    const lag = sampleArchiveLag(db.adminUrl);
    const load = startOrderLoad({ appUrl, fixture, clients: options.clients, stopOnError: true });
    await new Promise((r) => setTimeout(r, options.beforeSeconds * 1000));
    const calledAt = performance.now();
    const { rows } = await withClient(db.adminUrl, (c) =>
      c.query<{ lsn: string }>('select pg_create_restore_point($1)::text as lsn', [point]),
    );
    const returnedAt = performance.now();
    say(`restore point "${point}" at WAL ${rows[0]?.lsn} with ${load.placed()} orders acknowledged`);
    await new Promise((r) => setTimeout(r, options.afterSeconds * 1000));
    const placed = await load.stop();
    const rpo = await lag.stop();
    if (placed.failed.length) {
      throw new Error(
        `${placed.failed.length} orders failed during the load; the first: ${placed.failed[0]?.error}`,
      );
    }
    say(`load stopped: ${placed.acknowledged.length} orders acknowledged in ${placed.seconds.toFixed(1)} s`);
    const archived = await archiveNow(db.adminUrl);
    say(`WAL up to segment ${archived.segment} archived (${archived.seconds.toFixed(1)} s after the load)`);

    const started = performance.now();
    const recovered = await recover({ base, archiveDir, target: { name: point }, startedAt: started, say });
    try {
      say(`recovered: ${recovered.stoppedAt}`);
      const present = await withClient(databaseUrl(recovered.url, name), async (c) => {
        const { rows: keys } = await c.query<{ key: string }>(
          'select idempotency_key as key from orders.orders where idempotency_key like $1',
          [`${placed.prefix}-%`],
        );
        return new Set(keys.map((k) => k.key));
      });
      return {
        verdict: judgeRestorePoint(placed.acknowledged, { calledAt, returnedAt }, present),
        orders: {
          acknowledged: placed.acknowledged.length,
          failed: placed.failed.length,
          perSecond: placed.acknowledged.length / placed.seconds,
        },
        rpo: { ...rpo, archiveTimeout: settings[0]?.timeout ?? '?' },
        archiveLast: archived.seconds,
        rto: recovered.seconds,
        base,
        stoppedAt: recovered.stoppedAt,
        databaseBytes: Number(settings[0]?.bytes ?? 0),
      };
    } finally {
      await recovered.discard();
    }
  });
}
