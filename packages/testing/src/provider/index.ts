export { findPgBinaries, installHint, MIN_MAJOR } from './binaries';
export {
  DEV_DATABASE,
  devClusterRunning,
  devClusterState,
  ensureDevCluster,
  stopDevCluster,
} from './dev-cluster';
export {
  clusterIsRunning,
  startCluster,
  startThrowawayCluster,
  type ThrowawayOptions,
} from './local-cluster';
export { serverOsUser, serverUserCanReach } from './os-user';
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
export { repoRoot } from './repo';
export { resolveTestServer, type ServerSource, type TestServer } from './resolve';
export { checkPgTap, checkServer, describeUrl } from './server-url';
