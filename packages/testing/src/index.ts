export { withClient } from './client';
export { scriptDataKey, TEST_DATA_KEY } from './data-key';
export * from './provider/index';
export { buildTemplate, SQL_DIR } from './template/build-template';
export { type ScratchDatabase, serverMajor, withScratchDatabase } from './template/scratch';
export { databaseUrl, withRoleOption } from './template/server-urls';
