// `pnpm db:snapshot`: migrate a scratch database from zero and write sql/schema.snapshot.sql.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dumpSchema, SNAPSHOT_FILE } from '@b2b/migrate';
import { withScratchDatabase } from '@b2b/testing';
import { log, main } from './lib/cli';
import { SQL_DIR } from './lib/dev-database';

main(async () => {
  const snapshot = await withScratchDatabase((db) => dumpSchema(db.url, db.major, db.bindir));
  writeFileSync(join(SQL_DIR, SNAPSHOT_FILE), snapshot);
  log(`wrote sql/${SNAPSHOT_FILE} (${snapshot.split('\n').length} lines)`);
});
