export { assertUniqueKeys, BATCH_ROWS, inBatches, mapErrors } from './bulk';
export {
  type Cursor,
  type CursorKey,
  defineCursor,
  fetchSize,
  type Page,
} from './cursor';
export { constraintErrors, type ErrorEntry, sqlstateErrors } from './error-catalog';
export {
  BuyerNotInCompanyError,
  ConflictError,
  DataKeyError,
  DbError,
  ForeignKeyError,
  mapDbError,
  PermissionError,
  ReadOnlyError,
  RetryExhaustedError,
  ShardMovingError,
  TenantContextError,
  ValidationError,
} from './errors';
export { guarded, isGuarded, toTypedError } from './input';
export { decimalAmount } from './money';
export { packageExportChecks } from './package-checks';
export { createPool, type PoolOptions } from './pool';
export {
  createPools,
  type Lsn,
  type Pools,
  type ReadOptions,
  ReplicaLagError,
  withReplica,
  withTenantLsn,
} from './replica';
export { NotFoundError, one, pageLimit } from './rows';
export { isShardMoveError, SHARD_MOVE_MESSAGES } from './shard-moves';
export {
  actAsTenant,
  forgetTenant,
  InvalidTenantContextError,
  type TenantContext,
  tenantOf,
  withTenant,
} from './tenant';
export {
  type Isolation,
  type Queryable,
  type RetryReason,
  type TransactionOptions,
  withTransaction,
} from './transaction';
export { TransactionAbortedError, TransactionOutcomeUnknownError } from './transaction-errors';
