// A throwaway cluster with one migrated database, and optionally a PgBouncer in front of it, for a drill.
// Everything is stopped and deleted when `fn` returns (and by watchdogs if the process dies).
import { randomBytes } from 'node:crypto';
import { migrate } from '@b2b/migrate';
import { databaseUrl, withClient } from '@b2b/testing';
import {
  type RunningPgBouncer,
  startThrowawayCluster,
  startThrowawayPgBouncer,
  type ThrowawayOptions,
} from '@b2b/testing/provider';
import { SQL_DIR } from '../dev-database';

export interface DrillDatabase {
  /** Superuser URL of the migrated database. */
  adminUrl: string;
  /** b2b_app, directly to the server (RLS applies). */
  appUrl: string;
  port: number;
  dataDir: string;
  /** The database's name. */
  database: string;
  /** b2b_app's password (SCRAM on the server and in PgBouncer's auth_file). */
  appPassword: string;
}

export async function withDrillDatabase<T>(
  options: ThrowawayOptions & { database: string },
  fn: (db: DrillDatabase) => Promise<T>,
): Promise<T> {
  const cluster = await startThrowawayCluster(options);
  let failed = false;
  try {
    await withClient(cluster.url, (c) => c.query(`create database ${options.database}`));
    const adminUrl = databaseUrl(cluster.url, options.database);
    await migrate({ url: adminUrl, sqlDir: SQL_DIR, log: () => {} });
    const appPassword = randomBytes(18).toString('base64url');
    await withClient(adminUrl, (c) => c.query(`alter role b2b_app password '${appPassword}'`));
    const app = new URL(adminUrl);
    app.username = 'b2b_app';
    app.password = appPassword;
    return await fn({
      adminUrl,
      appUrl: app.toString(),
      port: cluster.port,
      dataDir: cluster.dataDir,
      database: options.database,
      appPassword,
    });
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // After a failed drill (a server killed and not restarted, say) stopping may fail too: the drill's own
    // error is the one to report (the watchdog still deletes the cluster).
    await cluster.stop().catch((error: unknown) => {
      if (!failed) throw error;
    });
  }
}

/** A PgBouncer (transaction pooling, SCRAM, pool sized for this machine unless given) in front of `db`. */
export async function withDrillPgBouncer<T>(
  db: DrillDatabase,
  options: { poolSize?: number; maxClientConn?: number },
  fn: (bouncer: RunningPgBouncer, appUrl: string) => Promise<T>,
): Promise<T> {
  const bouncer = await startThrowawayPgBouncer({
    serverPort: db.port,
    users: { b2b_app: db.appPassword },
    port: Number(process.env.B2B_PGBOUNCER_PORT ?? 6432),
    ...options,
  });
  try {
    return await fn(bouncer, bouncer.url('b2b_app', db.appPassword, db.database));
  } finally {
    await bouncer.stop();
  }
}
