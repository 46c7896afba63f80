export { findPgBinaries, installHint, MIN_MAJOR } from './binaries';
export {
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
export { type RunningCluster, startThrowawayCluster } from './local-cluster';
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
