import './context';

export { TEST_DATA_KEY } from '../data-key';

export { type PgTapResult, runPgTapFile } from '../pgtap/run-file';
export {
  type CitusTestDatabase,
  type CitusTestRole,
  citusTestContext,
  citusTestDatabase,
  freshTenant,
  runCitusPgTapFile,
  type TestTenant,
} from './citus';
export { callWithHostileInputs, type Escape, HOSTILE_VALUES } from './hostile-inputs';
export { testPackageExports } from './package-exports';
export { createTestDatabase, type TestDatabase, testContext } from './test-database';
