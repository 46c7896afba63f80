// What testPackageExports (@b2b/testing/vitest) needs to check a package's public surface, from this
// package, which @b2b/testing cannot import: how a guarded export is recognised, how a test acts as a
// tenant, and which errors count as typed answers. One definition for every package's
// hostile-inputs.test.ts.
import { DbError } from './errors';
import { isGuarded } from './input';
import { NotFoundError } from './rows';
import { actAsTenant } from './tenant';

export const packageExportChecks = {
  isGuarded,
  actAs: actAsTenant,
  isTyped: (error: unknown) => error instanceof DbError || error instanceof NotFoundError,
};
