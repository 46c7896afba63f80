// Shared by the pipeline tests: a private copy of sql/ that a test may edit, and small queries.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SQL_DIR } from '@b2b/testing';
import pg from 'pg';

export function copySqlDir(): { dir: string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), 'b2b-sql-'));
  const dir = join(root, 'sql');
  cpSync(SQL_DIR, dir, { recursive: true });
  return { dir, remove: () => rmSync(root, { recursive: true, force: true }) };
}

export async function queryOne<T>(url: string, sql: string, params: unknown[] = []): Promise<T | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(sql, params);
    return rows[0] as T | undefined;
  } finally {
    await client.end();
  }
}
