export { findPgBinaries, installHint, MIN_MAJOR } from './binaries';
export {
  DEV_CA_FILE,
  DEV_DATABASE,
  devClusterRunning,
  devClusterState,
  ensureDevCluster,
  stopDevCluster,
} from './dev-cluster';
export { hbaLines, SCRAM_ROLES } from './hba';
export { startThrowawayCluster } from './local-cluster';
export { repoRoot } from './repo';
export { resolveTestServer, type ServerSource, type TestServer } from './resolve';
export { checkPgTap, checkServer, describeUrl } from './server-url';
