export {
  CITUS_SHARD_COUNT,
  type CitusCluster,
  type CitusNode,
  ensureDistributedDatabase,
  nodeUrl,
} from './cluster';
export { CITUS_VERSION, citusInstalled, citusPackagesHint, ensureCitusInstalled } from './install';
export {
  CITUS_DATABASE,
  CITUS_ROOT,
  citusClusterState,
  startCitusCluster,
  startThrowawayCitusCluster,
  stopCitusCluster,
  type ThrowawayCitusCluster,
  type ThrowawayCitusOptions,
} from './lifecycle';
export { CITUS_LOGIN_ROLES, type CitusPasswords, type CitusRole } from './secrets';
