// The logical backup: pg_dump's custom format, taken in a snapshot that a manifest of every table's row
// count and checksum, and of the privileges, is read in too; checksummed (SHA-256) and, with a key file,
// encrypted by openssl (AES-256-CBC, PBKDF2) on the way to disk, so no plaintext dump is ever written.
import { createHash } from 'node:crypto';
import { statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { digestTables, type TableDigest } from './manifest';
import { privilegeFingerprint } from './privileges';
import { opensslArgs, pgBin, runTool, sha256File, spawnTool } from './tools';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_FORMAT = 'b2b-logical-backup/1';

export interface LogicalManifest {
  format: typeof MANIFEST_FORMAT;
  database: string;
  /** When the snapshot was taken (UTC), and the WAL position then. */
  takenAt: string;
  walLsn: string;
  serverVersion: string;
  dump: {
    file: string;
    bytes: number;
    /** SHA-256 of the file as stored (encrypted when encrypted); also in `<file>.sha256`. */
    sha256: string;
    /** SHA-256 of pg_dump's output before encryption (the same as sha256 when not encrypted). */
    plaintextSha256: string;
    encryption: null | { tool: 'openssl enc'; cipher: 'aes-256-cbc'; kdf: 'pbkdf2'; iterations: number };
  };
  tables: TableDigest[];
  privileges: string[];
}

export interface LogicalBackupOptions {
  /** Superuser URL of the database to back up. */
  adminUrl: string;
  dir: string;
  keyFile?: string;
  say: (line: string) => void;
}

/** Writes the dump, its .sha256 and manifest.json into `dir` (new, empty); returns the manifest. */
export async function backupLogical(options: LogicalBackupOptions): Promise<LogicalManifest> {
  const { dir, say } = options;
  const client = new pg.Client({ connectionString: options.adminUrl, application_name: 'b2b-backup' });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    const { rows } = await client.query<{
      snapshot: string;
      lsn: string;
      at: Date;
      db: string;
      version: string;
    }>(
      `select pg_export_snapshot() as snapshot, pg_current_wal_lsn()::text as lsn, now() as at,
         current_database() as db, current_setting('server_version') as version`,
    );
    const info = rows[0];
    if (!info) throw new Error('no snapshot');
    const file = `${info.db}.dump${options.keyFile ? '.enc' : ''}`;
    const path = join(dir, file);
    say(
      `pg_dump ${info.db} (custom format${options.keyFile ? ', encrypted with openssl aes-256-cbc' : ''}) -> ${path}`,
    );
    // pg_dump imports the exported snapshot: it dumps exactly what this transaction reads below.
    const dumpArgs = [
      '--format=custom',
      `--snapshot=${info.snapshot}`,
      '--no-sync',
      `--dbname=${options.adminUrl}`,
    ];
    let plaintextSha256: string;
    const dumped = (async () => {
      if (!options.keyFile) {
        await runTool(pgBin('pg_dump'), [...dumpArgs, `--file=${path}`]);
        plaintextSha256 = await sha256File(path);
        return;
      }
      const dump = spawnTool(pgBin('pg_dump'), dumpArgs);
      const openssl = spawnTool('openssl', [...opensslArgs('encrypt', options.keyFile), '-out', path]);
      const hash = createHash('sha256');
      dump.child.stdout?.on('data', (chunk: Buffer) => hash.update(chunk));
      await Promise.all([
        pipeline(dump.child.stdout as NodeJS.ReadableStream, openssl.child.stdin as NodeJS.WritableStream),
        dump.done,
        openssl.done,
      ]);
      plaintextSha256 = hash.digest('hex');
    })();
    say('manifest: row count and checksum of every table, in the same snapshot');
    const [tables] = await Promise.all([digestTables(client), dumped]);
    const privileges = await privilegeFingerprint(client);
    await client.query('commit');
    const sha256 = await sha256File(path);
    writeFileSync(`${path}.sha256`, `${sha256}  ${basename(path)}\n`);
    const manifest: LogicalManifest = {
      format: MANIFEST_FORMAT,
      database: info.db,
      takenAt: info.at.toISOString(),
      walLsn: info.lsn,
      serverVersion: info.version,
      dump: {
        file,
        bytes: statSync(path).size,
        sha256,
        // biome-ignore lint/style/noNonNullAssertion: set by `dumped`, awaited above
        plaintextSha256: plaintextSha256!,
        encryption: options.keyFile
          ? { tool: 'openssl enc', cipher: 'aes-256-cbc', kdf: 'pbkdf2', iterations: 200000 }
          : null,
      },
      tables,
      privileges,
    };
    writeFileSync(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } finally {
    await client.end();
  }
}
