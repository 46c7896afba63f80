// Restores a logical backup into a new database (of the development cluster, or of a fresh cluster made
// for it), then repeats the superuser steps a dump does not carry, then verifies it (verify.ts).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { runBootstrap } from '@b2b/migrate';
import { databaseUrl, withClient } from '@b2b/testing';
import { freePort, initCluster, startCluster, stopCluster } from '@b2b/testing/provider';
import { SQL_DIR } from '../dev-database';
import { clusterParentDir } from './layout';
import { type LogicalManifest, MANIFEST_FILE, MANIFEST_FORMAT } from './logical';
import { opensslArgs, pgBin, runTool, sha256File, spawnTool, stamp } from './tools';
import { type CheckOutcome, verifyRestored } from './verify';

/** Preferred first port of clusters made by restore (the next free one is taken). */
export const RESTORE_PORT = 6500;

export function readManifest(backupDir: string): LogicalManifest {
  const path = join(backupDir, MANIFEST_FILE);
  if (!existsSync(path)) throw new Error(`${backupDir} is not a logical backup: it has no ${MANIFEST_FILE}`);
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as LogicalManifest;
  if (manifest.format !== MANIFEST_FORMAT) throw new Error(`${path}: unknown format ${manifest.format}`);
  return manifest;
}

/** Checks the stored dump against its .sha256 file and the manifest; throws naming the mismatch. */
export async function verifyDumpFile(backupDir: string, manifest: LogicalManifest): Promise<void> {
  const path = join(backupDir, manifest.dump.file);
  const recorded = readFileSync(`${path}.sha256`, 'utf8').split(/\s+/)[0];
  const actual = await sha256File(path);
  if (actual !== recorded || actual !== manifest.dump.sha256) {
    throw new Error(
      `${path}: SHA-256 ${actual}, but ${manifest.dump.file}.sha256 says ${recorded} and the manifest ${manifest.dump.sha256}: the file is damaged or not this backup's`,
    );
  }
}

export interface RestoreTarget {
  /** Superuser URL of the restored database. */
  adminUrl: string;
  database: string;
  /** A cluster made for this restore (stopped and deleted by `discard`). */
  cluster?: { dataDir: string; port: number };
  discard(): Promise<void>;
}

export interface RestoreOptions {
  backupDir: string;
  /** Restore into a new cluster (initdb) instead of a new database of `serverUrl`'s cluster. */
  freshCluster: boolean;
  /** Superuser URL of the server to restore into when not `freshCluster`. */
  serverUrl?: string;
  database?: string;
  keyFile?: string;
  /** pg_restore --jobs (unencrypted dumps only; an encrypted one streams through openssl). */
  jobs?: number;
  say: (line: string) => void;
}

export interface RestoreResult {
  manifest: LogicalManifest;
  target: RestoreTarget;
  checks: CheckOutcome[];
  seconds: { restore: number; verify: number };
}

async function makeTarget(options: RestoreOptions, manifest: LogicalManifest): Promise<RestoreTarget> {
  const database = options.database ?? `${manifest.database}_restored_${stamp().toLowerCase()}`;
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`not a plain database name: ${database}`);
  let serverUrl = options.serverUrl;
  let cluster: RestoreTarget['cluster'];
  if (options.freshCluster) {
    const dataDir = join(clusterParentDir(), `restore-${stamp()}`);
    options.say(`initdb ${dataDir}`);
    await initCluster(dataDir);
    const started = await startCluster({
      dataDir,
      port: await freePort(RESTORE_PORT),
      ephemeral: false,
      archive: false,
    });
    options.say(`started a fresh cluster on 127.0.0.1:${started.port}`);
    cluster = { dataDir, port: started.port };
    serverUrl = started.url;
  }
  if (!serverUrl) throw new Error('no server to restore into');
  const url = serverUrl;
  await withClient(url, async (c) => {
    const { rowCount } = await c.query('select 1 from pg_database where datname = $1', [database]);
    if (rowCount) throw new Error(`database ${database} exists already: restore into a new one (--database)`);
    await c.query(`create database ${database} template template0`);
  });
  const adminUrl = databaseUrl(url, database);
  return {
    adminUrl,
    database,
    cluster,
    async discard() {
      if (cluster) {
        await stopCluster(cluster.dataDir, 'fast').catch(() => {});
        rmSync(cluster.dataDir, { recursive: true, force: true });
      } else {
        await withClient(url, (c) => c.query(`drop database if exists ${database} with (force)`));
      }
    },
  };
}

async function pgRestore(
  options: RestoreOptions,
  manifest: LogicalManifest,
  adminUrl: string,
): Promise<void> {
  const path = join(options.backupDir, manifest.dump.file);
  const restoreArgs = ['--exit-on-error', `--dbname=${adminUrl}`];
  if (!manifest.dump.encryption) {
    await runTool(pgBin('pg_restore'), [...restoreArgs, `--jobs=${options.jobs ?? 2}`, path]);
    return;
  }
  if (!options.keyFile)
    throw new Error(
      `${manifest.dump.file} is encrypted: pass --key-file <the key file it was encrypted with>`,
    );
  const openssl = spawnTool('openssl', [...opensslArgs('decrypt', options.keyFile), '-in', path]);
  const restore = spawnTool(pgBin('pg_restore'), restoreArgs);
  const hash = createHash('sha256');
  openssl.child.stdout?.on('data', (chunk: Buffer) => hash.update(chunk));
  const [piped, decrypted, restored] = await Promise.allSettled([
    pipeline(openssl.child.stdout as NodeJS.ReadableStream, restore.child.stdin as NodeJS.WritableStream),
    openssl.done,
    restore.done,
  ]);
  // the first cause: a wrong key makes openssl fail ("bad decrypt") or feed pg_restore garbage, which
  // then fails, which breaks the pipe
  if (decrypted.status === 'rejected') {
    throw new Error(
      `decrypting ${manifest.dump.file} failed (the wrong key file?): ${(decrypted.reason as Error).message}`,
    );
  }
  if (restored.status === 'rejected') {
    throw new Error(
      `${(restored.reason as Error).message}\n(an encrypted dump gives this when the key file is not the one it was made with)`,
    );
  }
  if (piped.status === 'rejected') throw piped.reason;
  const plain = hash.digest('hex');
  if (plain !== manifest.dump.plaintextSha256) {
    throw new Error(
      `the decrypted dump's SHA-256 is ${plain}, the manifest says ${manifest.dump.plaintextSha256}`,
    );
  }
}

/**
 * Restores and verifies. Roles (sql/bootstrap/cluster) and database grants (sql/bootstrap/database) before
 * pg_restore, since a dump holds neither; sql/bootstrap/after_migrate after it (the leakproof marks). The
 * restored database is kept: the caller discards it (`target.discard()`) when it was only a drill.
 */
export async function restoreLogical(options: RestoreOptions): Promise<RestoreResult> {
  const { say } = options;
  const manifest = readManifest(options.backupDir);
  await verifyDumpFile(options.backupDir, manifest);
  say(`${manifest.dump.file}: SHA-256 matches (${manifest.dump.sha256.slice(0, 16)}...)`);
  const started = performance.now();
  const target = await makeTarget(options, manifest);
  try {
    say(`bootstrap (roles, database grants) on ${target.database}`);
    await runBootstrap({ url: target.adminUrl, sqlDir: SQL_DIR }, ['cluster', 'database']);
    say(`pg_restore ${manifest.dump.file} -> ${target.database}`);
    await pgRestore(options, manifest, target.adminUrl);
    say(
      'sql/bootstrap/after_migrate (the superuser steps a dump does not carry: leakproof search operators)',
    );
    await runBootstrap({ url: target.adminUrl, sqlDir: SQL_DIR }, ['after_migrate']);
    const restored = performance.now();
    say('verifying: rows and checksums, privileges, search plans');
    const checks = await verifyRestored(target.adminUrl, manifest);
    return {
      manifest,
      target,
      checks,
      seconds: { restore: (restored - started) / 1000, verify: (performance.now() - restored) / 1000 },
    };
  } catch (error) {
    await target.discard().catch(() => {});
    throw error;
  }
}
