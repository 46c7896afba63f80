// Shared by the pipeline tests: a private copy of sql/ that a test may edit, and small queries.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SQL_DIR, withClient } from '@b2b/testing';

export function copySqlDir(): { dir: string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), 'b2b-sql-'));
  const dir = join(root, 'sql');
  cpSync(SQL_DIR, dir, { recursive: true });
  return { dir, remove: () => rmSync(root, { recursive: true, force: true }) };
}

export function queryOne<T>(url: string, sql: string, params: unknown[] = []): Promise<T | undefined> {
  return withClient(url, async (client) => (await client.query(sql, params)).rows[0] as T | undefined);
}
