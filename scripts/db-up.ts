// `pnpm db:up`: start the development database, migrate it, seed it once (the demo world), print how to
// connect and how to explore it.
import { migrate } from '@b2b/migrate';
import { log, main } from './lib/cli';
import { describeDemo } from './lib/demo';
import { ensureDevDatabase, ensureMonitorLogin, SQL_DIR, withVerifyFull } from './lib/dev-database';
import { loadSeed, seedIsLoaded } from './lib/seed';

main(async () => {
  const db = await ensureDevDatabase(log);
  const result = await migrate({ url: db.adminUrl, sqlDir: SQL_DIR, log: () => {} });
  log(
    result.applied.length || result.repeatablesApplied.length
      ? `migrated: ${result.applied.length} versioned, ${result.repeatablesApplied.length} repeatable`
      : 'migrations: up to date',
  );
  const monitorUrl = await ensureMonitorLogin(db);
  const loaded = await seedIsLoaded(db.adminUrl, 'demo');
  if (loaded) {
    log('seed data: the demo world is already loaded');
  } else {
    log('loading seed profile demo (three tenants, each with accounts, catalog, orders)');
    const started = performance.now();
    await loadSeed(db, 'demo', log);
    log(`seed profile demo loaded in ${Math.round(performance.now() - started)} ms`);
  }
  await describeDemo(db.adminUrl, log, { counts: !loaded });
  log('');
  log('The development database is ready.');
  log(`  DATABASE_URL=${db.adminUrl}`);
  log(`  application role (RLS applies): ${db.appUrl}`);
  if (db.caFile && monitorUrl) {
    log(`  TLS, certificate checked (verify-full): ${withVerifyFull(db.adminUrl, db.caFile)}`);
    log(`  monitoring role (SCRAM password in .data/monitor.password, TLS only): pnpm db:health`);
  }
  log('  pnpm db:psql to open a shell (--tenant <slug> as the application role), pnpm db:down to stop it.');
});
