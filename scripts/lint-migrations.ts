// `pnpm lint:sql`: squawk over the Up section of every versioned migration. Down sections undo, so they
// drop by nature; linting them would only teach people to ignore the drop rules.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { versionedFiles } from '@b2b/migrate';
import { fail, log, main } from './lib/cli';
import { SQL_DIR } from './lib/dev-database';

main(async () => {
  const files = versionedFiles(SQL_DIR).filter((f) => f.absolutePath.endsWith('.sql'));
  const work = mkdtempSync(join(tmpdir(), 'b2b-squawk-'));
  try {
    const upFiles = files.map((f) => {
      const text = readFileSync(f.absolutePath, 'utf8');
      const downAt = text.search(/^--\s*Down Migration/im);
      if (!/^--\s*Up Migration/im.test(text) || downAt < 0) {
        throw new Error(`sql/${f.path} needs an "-- Up Migration" and a "-- Down Migration" section`);
      }
      const target = join(work, f.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text.slice(0, downAt));
      return f.path;
    });
    const result = spawnSync('squawk', ['--config', join(SQL_DIR, '..', '.squawk.toml'), ...upFiles], {
      cwd: work,
      encoding: 'utf8',
    });
    if (result.error) throw new Error(`could not run squawk: ${result.error.message}`);
    process.stdout.write(result.stdout.replaceAll(work, 'sql'));
    process.stderr.write(result.stderr);
    if (result.status !== 0) fail(`squawk found problems in the Up sections above (paths are under sql/)`);
    log(`squawk: ${upFiles.length} migration(s) clean`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
