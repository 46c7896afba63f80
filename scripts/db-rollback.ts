// `pnpm db:rollback [n]`: undo the last n versioned migrations (default 1).
import { rollback } from '@b2b/migrate';
import { log, main } from './lib/cli';
import { requireDevDatabase, SQL_DIR } from './lib/dev-database';

main(async () => {
  const arg = process.argv[2] ?? '1';
  const count = Number(arg);
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`db:rollback takes a positive whole number, not "${arg}"`);
  const db = await requireDevDatabase();
  const undone = await rollback({ url: db.adminUrl, sqlDir: SQL_DIR, count, log });
  log(undone.length ? `rolled back ${undone.length}: ${undone.join(', ')}` : 'nothing to roll back');
});
