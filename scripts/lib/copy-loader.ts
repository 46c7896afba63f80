// Bulk loading through COPY: rows are generated lazily and streamed with backpressure, so memory stays
// flat whatever the row count. The rows arrive already written in COPY's text format.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

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
