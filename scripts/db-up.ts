// `pnpm db:up`: start the development database, migrate it, seed it once, print how to connect.
import { migrate } from '@b2b/migrate';
import { log, main } from './lib/cli';
import { ensureDevDatabase, SQL_DIR } from './lib/dev-database';
import { loadSeed, seedIsLoaded } from './lib/seed';

main(async () => {
  const db = await ensureDevDatabase(log);
  const result = await migrate({ url: db.adminUrl, sqlDir: SQL_DIR, log: () => {} });
  log(
    result.applied.length || result.repeatablesApplied.length
      ? `migrated: ${result.applied.length} versioned, ${result.repeatablesApplied.length} repeatable`
      : 'migrations: up to date',
  );
  if (await seedIsLoaded(db.adminUrl, 'small')) {
    log('seed data: already loaded');
  } else {
    log('loading seed profile small');
    await loadSeed(db.adminUrl, 'small', log);
  }
  log('');
  log('The development database is ready.');
  log(`  DATABASE_URL=${db.adminUrl}`);
  log(`  application role (RLS applies): ${db.appUrl}`);
  log('  pnpm db:psql to open a shell, pnpm db:down to stop it.');
});
