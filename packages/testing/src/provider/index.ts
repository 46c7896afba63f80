export { findPgBinaries, installHint, MIN_MAJOR } from './binaries';
export {
  DEV_CA_FILE,
  DEV_DATABASE,
  devClusterRunning,
  devClusterState,
  ensureDevCluster,
  stopDevCluster,
} from './dev-cluster';
export {
  DEV_REPLICA_NAME,
  type DevReplicaStatus,
  devReplicaStatus,
  ensureDevReplica,
  stopDevReplica,
} from './dev-replica';
export { hbaLines, SCRAM_ROLES } from './hba';
export type { RunningCluster } from './local-cluster';
// Clusters started by the backup, restore and point-in-time recovery commands (scripts/lib/backup).
export {
  clusterIsRunning,
  initCluster,
  startCluster,
  startThrowawayCluster,
  stopCluster,
  type ThrowawayOptions,
  walArchiveDir,
} from './local-cluster';
export { asServerUser, chownToServerUser, serverOsUser, serverUserCanReach } from './os-user';
export {
  defaultPoolSize,
  findPgBouncer,
  listening,
  type PgBouncerOptions,
  pgbouncerInstallHint,
  pgbouncerVersion,
  processAlive,
  type RunningPgBouncer,
  readPid,
  scramSecret,
  startPgBouncer,
  startThrowawayPgBouncer,
  stopPgBouncerIn,
} from './pgbouncer';
export { freePort } from './ports';
export {
  allowReplication,
  baseBackup,
  ensureReplicationRole,
  killCluster,
  newReplicationPassword,
  promoteReplica,
  REPLICA_SETTINGS,
  REPLICATION_ROLE,
  serverTool,
  startReplica,
  startThrowawayReplica,
  type ThrowawayReplica,
  waitForStreaming,
  writePassfile,
} from './replica';
export { repoRoot } from './repo';
export { resolveTestServer, type ServerSource, type TestServer } from './resolve';
export { checkPgTap, checkServer, describeUrl } from './server-url';
