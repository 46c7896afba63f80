// `pnpm db:reset`: drop and recreate the development database, migrate and seed it (the demo world, as
// db:up does).

import { migrate } from '@b2b/migrate';
import { DEV_DATABASE } from '@b2b/testing/provider';
import pg from 'pg';
import { log, main } from './lib/cli';
import { describeDemo } from './lib/demo';
import { ensureDevDatabase, SQL_DIR } from './lib/dev-database';
import { loadSeed } from './lib/seed';

main(async () => {
  if (process.env.DATABASE_URL) {
    throw new Error(
      'db:reset only resets the local development cluster; it never drops a database named by DATABASE_URL.',
    );
  }
  const before = await ensureDevDatabase(log);
  const maintenance = new URL(before.adminUrl);
  maintenance.pathname = '/postgres';
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists ${DEV_DATABASE} with (force)`);
    log(`dropped database ${DEV_DATABASE}`);
  } finally {
    await client.end();
  }
  const db = await ensureDevDatabase(log);
  const result = await migrate({ url: db.adminUrl, sqlDir: SQL_DIR });
  log(`migrated: ${result.applied.length} versioned, ${result.repeatablesApplied.length} repeatable`);
  await loadSeed(db, 'demo', log);
  await describeDemo(db.adminUrl, log, { counts: true });
  log('');
  log(`DATABASE_URL=${db.adminUrl}`);
});
