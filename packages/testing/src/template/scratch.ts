// A freshly migrated database on a throwaway server, for tools that need a schema but no dev data
// (snapshot, codegen, docs). Everything is gone when `fn` returns.
import { migrate } from '@b2b/migrate';
import { withClient } from '../client';
import { findPgBinaries } from '../provider/binaries';
import { resolveTestServer } from '../provider/resolve';
import { createDatabase, dropDatabase, SQL_DIR } from './build-template';
import { databaseUrl } from './server-urls';

export interface ScratchDatabase {
  url: string;
  major: number;
  bindir: string | undefined;
}

export function serverMajor(url: string): Promise<number> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ v: string }>(`select current_setting('server_version_num') as v`);
    return Math.floor(Number(rows[0]?.v) / 10000);
  });
}

export async function withScratchDatabase<T>(
  fn: (db: ScratchDatabase) => Promise<T>,
  sqlDir = SQL_DIR,
): Promise<T> {
  const server = await resolveTestServer();
  const name = `b2b_scratch_${process.pid}`;
  try {
    await createDatabase(server.adminUrl, name);
    const url = databaseUrl(server.adminUrl, name);
    await migrate({ url, sqlDir });
    return await fn({ url, major: await serverMajor(url), bindir: findPgBinaries()?.bindir });
  } finally {
    if (server.source === 'DATABASE_URL') await dropDatabase(server.adminUrl, name).catch(() => {});
    await server.stop();
  }
}
