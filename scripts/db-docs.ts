// `pnpm db:docs`: regenerate the documents derived from code and schema (docs/errors.md).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderErrorsDoc } from '@b2b/db/errors-doc';
import { repoRoot } from '@b2b/testing/provider';
import { log, main } from './lib/cli';

main(async () => {
  writeFileSync(join(repoRoot, 'docs', 'errors.md'), renderErrorsDoc());
  log('wrote docs/errors.md');
});
