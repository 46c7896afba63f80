export { checksumOf, REPEATABLE_KINDS, readDomains, repeatableFiles, versionedFiles } from './files';
export {
  bootstrapDatabase,
  type MigrateOptions,
  type MigrateResult,
  MigrationError,
  migrate,
  OWNER_ROLE,
  rollback,
} from './migrate';
export { dumpSchema, normalizeDump, SNAPSHOT_FILE, snapshotMajor } from './snapshot';
export {
  CITUS_DISTRIBUTES_FROM,
  hasCitus,
  TENANT_ARGUMENT,
  TENANT_COLUMN,
  TENANT_REGISTRY,
} from './citus';
export { splitSqlStatements } from './split-sql';
