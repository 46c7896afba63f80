import './context';

export { type PgTapResult, runPgTapFile } from '../pgtap/run-file';
export { createTestDatabase, type TestDatabase, testContext } from './test-database';
