// Bulk loading through COPY: rows are generated lazily and streamed with backpressure, so memory stays
// flat whatever the row count. Values are written in COPY's text format.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type CopyValue = string | number | boolean | null | undefined;

function encode(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/** Rows per chunk written to the stream: enough to amortise stream overhead, small enough for smooth progress. */
const CHUNK_ROWS = 2_000;

export async function copyRows(
  client: pg.ClientBase,
  table: string,
  columns: string[],
  rows: Iterable<CopyValue[]>,
  onProgress: (rows: number) => void = () => {},
): Promise<number> {
  let count = 0;
  const iterator = rows[Symbol.iterator]();
  const source = new Readable({
    read() {
      const lines: string[] = [];
      for (let i = 0; i < CHUNK_ROWS; i++) {
        const next = iterator.next();
        if (next.done) {
          if (lines.length) this.push(lines.join(''));
          onProgress(lines.length);
          count += lines.length;
          this.push(null);
          return;
        }
        lines.push(`${next.value.map(encode).join('\t')}\n`);
      }
      count += lines.length;
      onProgress(lines.length);
      this.push(lines.join(''));
    },
  });
  const sink = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
  await pipeline(source, sink);
  return count;
}

/**
 * Streams rows already written in COPY text format, a chunk (many rows) at a time. The caller writes
 * each row with one template literal instead of encoding value by value: per-value encoding (map, join,
 * escaping) cost more than PostgreSQL's parsing of the rows. The caller guarantees that no value
 * contains a tab, newline or backslash.
 */
export async function copyChunks(
  client: pg.ClientBase,
  table: string,
  columns: string[],
  chunks: Iterable<{ bytes: Buffer; rows: number }>,
  onProgress: (rows: number) => void = () => {},
  options = '',
): Promise<number> {
  let count = 0;
  const iterator = chunks[Symbol.iterator]();
  const source = new Readable({
    read() {
      const next = iterator.next();
      if (next.done) {
        this.push(null);
        return;
      }
      count += next.value.rows;
      onProgress(next.value.rows);
      this.push(next.value.bytes);
    },
  });
  const sink = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin ${options}`));
  await pipeline(source, sink);
  return count;
}
