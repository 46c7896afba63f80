// No exported function of @b2b/catalog lets a raw driver error or a TypeError escape: every export is
// called with oversized, non-NFC, NUL-byte and malformed inputs (functions added later included), and
// every function of ./index is exported guarded by ./public.
import { packageExportChecks } from '@b2b/db';
import { testPackageExports } from '@b2b/testing/vitest';
import * as impl from './index';
import * as pkg from './public';

testPackageExports({
  name: '@b2b/catalog',
  impl,
  pkg,
  minFunctions: 6,
  ...packageExportChecks,
});
