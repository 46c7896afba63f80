// `pnpm db:migrate [--accept-edited <migration name> ...]`
import { migrate } from '@b2b/migrate';
import { log, main } from './lib/cli';
import { requireDevDatabase, SQL_DIR } from './lib/dev-database';

function acceptedEdits(args: string[]): string[] {
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--accept-edited') {
      const name = args[++i];
      if (!name)
        throw new Error(
          '--accept-edited needs a migration name, for example 20261123150100_create_tenancy_tables',
        );
      names.push(name);
    } else {
      throw new Error(
        `Unknown argument ${args[i]}. Usage: pnpm db:migrate [--accept-edited <migration name>]`,
      );
    }
  }
  return names;
}

main(async () => {
  const acceptEdited = acceptedEdits(process.argv.slice(2));
  const db = await requireDevDatabase();
  const result = await migrate({ url: db.adminUrl, sqlDir: SQL_DIR, acceptEdited, log });
  log(
    `${result.applied.length} versioned migration(s) applied, ${result.repeatablesApplied.length} repeatable file(s) applied`,
  );
});
