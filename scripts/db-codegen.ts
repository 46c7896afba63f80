// `pnpm db:codegen`: regenerate every package's pgtyped queries against a freshly migrated database.
import { withScratchDatabase } from '@b2b/testing';
import { log, main } from './lib/cli';
import { codegenPackages, runPgTyped } from './lib/codegen';

main(async () => {
  const packages = codegenPackages();
  await withScratchDatabase(async (db) => {
    for (const pkg of packages) {
      await runPgTyped(pkg, db.url);
      log(`generated ${pkg.name}`);
    }
  });
});
