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
  OWNER_ROLE,
  rollback,
  runBootstrap,
} from './migrate';
export { dumpSchema, normalizeDump, SNAPSHOT_FILE, snapshotMajor } from './snapshot';
