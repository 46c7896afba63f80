// Regenerates pgtyped queries against a freshly migrated scratch database. `pnpm db:codegen` runs it
// per package through turbo (cached on the package's queries and on sql/); with no argument it does all.
import { withScratchDatabase } from '@b2b/testing';
import { log, main } from './lib/cli';
import { codegenPackages, runPgTyped } from './lib/codegen';

main(async () => {
  const only = process.argv[2];
  const packages = codegenPackages().filter((pkg) => !only || pkg.name === only);
  if (packages.length === 0) throw new Error(`No package ${only} with a pgtyped.config.json`);
  await withScratchDatabase(async (db) => {
    for (const pkg of packages) {
      await runPgTyped(pkg, db.url);
      log(`generated ${pkg.name}`);
    }
  });
});
