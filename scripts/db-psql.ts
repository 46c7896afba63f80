// `pnpm db:psql [psql args]`: a psql shell on the development database.
import { spawnSync } from 'node:child_process';
import { main } from './lib/cli';
import { requireDevDatabase } from './lib/dev-database';

main(async () => {
  const db = await requireDevDatabase();
  const result = spawnSync('psql', [db.adminUrl, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (result.error)
    throw new Error(`Could not run psql: ${result.error.message} (install postgresql-client)`);
  process.exitCode = result.status ?? 1;
});
