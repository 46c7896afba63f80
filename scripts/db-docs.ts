// `pnpm db:docs`: regenerate the documents derived from code and schema: docs/errors.md (error catalog),
// docs/erd.md and docs/data-dictionary.md (a freshly migrated scratch database and its comments).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderErrorsDoc } from '@b2b/db/errors-doc';
import { withScratchDatabase } from '@b2b/testing';
import { repoRoot } from '@b2b/testing/provider';
import { log, main } from './lib/cli';
import { renderSchemaDocs } from './lib/schema-docs';

main(async () => {
  const docs = join(repoRoot, 'docs');
  writeFileSync(join(docs, 'errors.md'), renderErrorsDoc());
  log('wrote docs/errors.md');
  const { erd, dictionary } = await withScratchDatabase((db) => renderSchemaDocs(db.url));
  writeFileSync(join(docs, 'erd.md'), erd);
  writeFileSync(join(docs, 'data-dictionary.md'), dictionary);
  log('wrote docs/erd.md and docs/data-dictionary.md');
});
