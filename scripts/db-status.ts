// `pnpm db:status`: is the development database up, and what has been applied to it.
import { versionedFiles } from '@b2b/migrate';
import pg from 'pg';
import { log, main } from './lib/cli';
import { currentDevDatabase, SQL_DIR } from './lib/dev-database';

main(async () => {
  const db = await currentDevDatabase();
  if (!db) {
    log('development database: not running (pnpm db:up starts it)');
    return;
  }
  log(`development database: running (${db.source})`);
  log(`  DATABASE_URL=${db.adminUrl}`);
  const client = new pg.Client({ connectionString: db.adminUrl });
  await client.connect();
  try {
    const { rows } = await client
      .query<{ name: string }>(`select name from migrations.pgmigrations order by run_on, id`)
      .catch(() => ({ rows: [] as { name: string }[] }));
    const applied = new Set(rows.map((r) => r.name));
    const pending = versionedFiles(SQL_DIR).filter((f) => !applied.has(f.name));
    log(`  versioned migrations: ${applied.size} applied, ${pending.length} pending`);
    for (const f of pending) log(`    pending: sql/${f.path}`);
  } finally {
    await client.end();
  }
});
