export {
  CITUS_DISTRIBUTES_FROM,
  hasCitus,
  TENANT_ARGUMENT,
  TENANT_COLUMN,
  TENANT_REGISTRY,
} from './citus';
export {
  type BootstrapLevel,
  checksumOf,
  REPEATABLE_KINDS,
  readDomains,
  repeatableFiles,
  versionedFiles,
} from './files';
export {
  bootstrapDatabase,
  type MigrateOptions,
  type MigrateResult,
  MigrationError,
  migrate,
  NODE_LOCAL_SCHEMAS,
  OWNER_ROLE,
  rollback,
  runBootstrap,
} from './migrate';
export { dumpSchema, normalizeDump, SNAPSHOT_FILE, snapshotMajor } from './snapshot';
export { splitSqlStatements } from './split-sql';
