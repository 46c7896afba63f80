// Retention of the audit trail (docs/audit.md, "Retention"): each month of audit.events past its period is
// detached, exported through a streamed COPY into a gzip file while its uncompressed text is hashed, read
// back and hashed again, and dropped only when both hashes and the row counts agree. A failed export drops
// nothing: the month stays detached and the next run exports it again.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Transform, type TransformCallback, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';

/** One retired month: where its export went, its rows and checksum; `dropped` false when the export failed. */
export interface RetiredMonth {
  partition: string;
  file: string;
  rows: number;
  sha256: string;
  dropped: boolean;
  error?: string;
}

/** Hashes and counts the lines (rows of COPY text) of what passes through. */
class Digest extends Transform {
  readonly hash = createHash('sha256');
  rows = 0;
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) this.rows++;
    done(null, chunk);
  }
}

/** Streams `COPY <partition> TO STDOUT` into a gzip file; returns the uncompressed text's sha256 and rows. */
export async function exportPartition(
  client: pg.ClientBase,
  partition: string,
  file: string,
): Promise<{ sha256: string; rows: number }> {
  const digest = new Digest();
  await pipeline(
    client.query(copyTo(`copy ${partition} to stdout`)),
    digest,
    createGzip(),
    createWriteStream(file),
  );
  return { sha256: digest.hash.digest('hex'), rows: digest.rows };
}

/** Reads an export back: gunzips it and returns its text's sha256 and rows. */
export async function readBack(file: string): Promise<{ sha256: string; rows: number }> {
  const digest = new Digest();
  // drained into a sink: only the digest matters
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  await pipeline(createReadStream(file), createGunzip(), digest, sink);
  return { sha256: digest.hash.digest('hex'), rows: digest.rows };
}

export interface RetentionOptions {
  /** Folder for the exports (made if missing). */
  dir: string;
  /** The time retention is computed at (default now). */
  at?: Date;
  say?: (line: string) => void;
  /** For the failure drill: replaces the export step (a test corrupts or fails it). */
  exportStep?: typeof exportPartition;
}

/**
 * Retires every expired month (audit.expired_partitions at `at`) and every month a previous run left
 * detached: detach (own transaction), export and read back, then record the export and drop (one
 * transaction). Run as the owner. Returns one entry per month; a month whose export failed or did not read
 * back identically has `dropped: false` and its `error`.
 */
export async function runRetention(
  client: pg.ClientBase,
  options: RetentionOptions,
): Promise<RetiredMonth[]> {
  const say = options.say ?? (() => {});
  const exportStep = options.exportStep ?? exportPartition;
  mkdirSync(options.dir, { recursive: true });
  const { rows: expired } = await client.query<{ partition_name: string }>(
    'select partition_name from audit.expired_partitions($1) order by range_from',
    [options.at ?? new Date()],
  );
  for (const { partition_name } of expired) {
    await client.query('select audit.detach_partition($1::regclass)', [partition_name]);
    say(`detached ${partition_name}`);
  }
  const { rows: detached } = await client.query<{ partition_name: string }>(
    `select partition_name from audit.retired_partitions where state in ('detached', 'exported') order by range_from`,
  );
  const done: RetiredMonth[] = [];
  for (const { partition_name: partition } of detached) {
    const file = join(options.dir, `${partition}.copy.gz`);
    try {
      const written = await exportStep(client, partition, file);
      const back = await readBack(file);
      if (back.sha256 !== written.sha256 || back.rows !== written.rows) {
        throw new Error(
          `the export of ${partition} does not read back as written (sha256 ${back.sha256} vs ${written.sha256}, rows ${back.rows} vs ${written.rows})`,
        );
      }
      await client.query('begin');
      try {
        await client.query('select audit.record_export($1::regclass, $2, $3, $4)', [
          partition,
          file,
          written.rows,
          written.sha256,
        ]);
        await client.query('select audit.drop_exported($1::regclass)', [partition]);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw error;
      }
      say(`exported ${partition}: ${written.rows} rows, sha256 ${written.sha256}, ${file}; dropped`);
      done.push({ partition, file, rows: written.rows, sha256: written.sha256, dropped: true });
    } catch (error) {
      const message = (error as Error).message;
      say(`NOT dropped ${partition}: ${message}`);
      done.push({ partition, file, rows: 0, sha256: '', dropped: false, error: message });
    }
  }
  return done;
}
