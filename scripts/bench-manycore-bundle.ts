// `pnpm bench:manycore-bundle [--out DIR]`: the many-core benchmark, ready to copy to a bare x86-64 machine.
// Writes bench/manycore/sql/reference-data.sql again from a freshly migrated scratch database (the rows the
// schema snapshot leaves out), then builds DIR (default .tmp/manycore-bundle) and DIR.tar.gz with
// bench/manycore/bundle.sh: run.sh, its SQL, the schema and this machine's PostgreSQL 15 binaries and
// libraries. On the target: tar xzf manycore-bundle.tar.gz && manycore-bundle/run.sh (docs/benchmarks.md,
// "Many-core latencies").
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { withScratchDatabase } from '@b2b/testing';
import { repoRoot } from '@b2b/testing/provider';
import { dumpReferenceData, MANYCORE_DIR, REFERENCE_DATA_FILE } from './lib/bench/manycore';
import { fail, log, main } from './lib/cli';

function outDir(argv: string[]): string {
  const at = argv.indexOf('--out');
  if (at === -1) return join(repoRoot, '.tmp', 'manycore-bundle');
  const dir = argv[at + 1];
  if (!dir) fail('--out needs a folder');
  return resolve(dir);
}

main(async () => {
  const out = outDir(process.argv.slice(2));
  log('migrating a scratch database for the reference rows');
  const sql = await withScratchDatabase((db) => dumpReferenceData(db.url, db.bindir));
  writeFileSync(REFERENCE_DATA_FILE, sql);
  log(`wrote bench/manycore/sql/reference-data.sql (${sql.split('\n').length} lines)`);
  execFileSync('bash', [join(MANYCORE_DIR, 'bundle.sh'), out, '--tar'], { stdio: 'inherit' });
});
