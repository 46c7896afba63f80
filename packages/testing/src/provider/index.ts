export { findPgBinaries, installHint, MIN_MAJOR } from './binaries';
export {
  DEV_DATABASE,
  devClusterRunning,
  devClusterState,
  ensureDevCluster,
  stopDevCluster,
} from './dev-cluster';
export { startThrowawayCluster } from './local-cluster';
export { repoRoot } from './repo';
export { resolveTestServer, type ServerSource, type TestServer } from './resolve';
export { checkPgTap, checkServer, describeUrl } from './server-url';
