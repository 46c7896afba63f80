/** Types generated for queries found in "queries/history.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type DateOrString = Date | string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'RowHistory' parameters type */
export interface IRowHistoryParams {
  afterEventId?: string | null | void;
  afterOccurredAt?: DateOrString | null | void;
  limit: number;
  rowKey: Json;
  tableName: string;
  tenantId: string;
}

/** 'RowHistory' return type */
export interface IRowHistoryResult {
  /** The database role that made the change (current_user outside the capture function). */
  actor_role: string;
  /** The transaction's tenant (app.tenant_id) when the change was made; null when none was set (migrations, owner scripts). */
  actor_tenant_id: string | null;
  /** The acting staff user or buyer (app.user_id, set by app.set_tenant); null when none was set. */
  actor_user_id: string | null;
  /** The client's application_name (on Citus, the one app.set_tenant recorded on the coordinator). */
  application_name: string;
  cursor_occurred_at: string;
  /** Random id of the event (no sequence shared across tenants). */
  event_id: string;
  /** insert: the whole new row; update: the new values of the changed columns only; null otherwise. */
  new_values: Json | null;
  /** When the statement that made the change started (statement_timestamp()). */
  occurred_at: Date;
  /** delete: the whole old row; update: the old values of the changed columns only; null otherwise. Personal values are replaced by a pseudonym on erasure (audit.erase_subject). */
  old_values: Json | null;
  /** insert, update, delete or truncate. */
  operation: string;
  /** The changed row's primary key columns, tenant_id included, as a JSON object. */
  row_key: Json;
  /** Who wrote: application, seed (a seed loader, application_name b2b-seed...), migration (b2b-migrate) or maintenance (b2b-maintenance). A claim of the client, next to actor_role, which is the database's fact. */
  source: string;
  /** The audited table, schema-qualified (orders.orders). */
  table_name: string;
  /** The writing transaction's id (txid_current(), on the node that wrote the row); the sealing job seals only transactions older than its snapshot. */
  txid: string;
}

/** 'RowHistory' query type */
export interface IRowHistoryQuery {
  params: IRowHistoryParams;
  result: IRowHistoryResult;
}

const rowHistoryIR: any = {"usedParamSet":{"tenantId":true,"tableName":true,"rowKey":true,"afterOccurredAt":true,"afterEventId":true,"limit":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":332,"b":341}]},{"name":"tableName","required":true,"transform":{"type":"scalar"},"locs":[{"a":362,"b":372}]},{"name":"rowKey","required":true,"transform":{"type":"scalar"},"locs":[{"a":391,"b":398}]},{"name":"afterOccurredAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":415,"b":430},{"a":487,"b":502}]},{"name":"afterEventId","required":false,"transform":{"type":"scalar"},"locs":[{"a":518,"b":530}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":592,"b":598}]}],"statement":"select e.event_id, e.occurred_at, e.table_name, e.row_key, e.operation, e.old_values, e.new_values,\n  e.actor_tenant_id, e.actor_user_id, e.actor_role, e.source, e.application_name, e.txid,\n  to_char(e.occurred_at at time zone 'utc', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') as \"cursor_occurred_at!\"\nfrom audit.events e\nwhere e.tenant_id = :tenantId! and e.table_name = :tableName! and e.row_key = (:rowKey!)::jsonb\n  and (:afterOccurredAt::timestamptz is null or (e.occurred_at, e.event_id) < (:afterOccurredAt::timestamptz, :afterEventId::uuid))\norder by e.occurred_at desc, e.event_id desc\nlimit (:limit!)::int"};

/**
 * Query generated from SQL:
 * ```
 * select e.event_id, e.occurred_at, e.table_name, e.row_key, e.operation, e.old_values, e.new_values,
 *   e.actor_tenant_id, e.actor_user_id, e.actor_role, e.source, e.application_name, e.txid,
 *   to_char(e.occurred_at at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursor_occurred_at!"
 * from audit.events e
 * where e.tenant_id = :tenantId! and e.table_name = :tableName! and e.row_key = (:rowKey!)::jsonb
 *   and (:afterOccurredAt::timestamptz is null or (e.occurred_at, e.event_id) < (:afterOccurredAt::timestamptz, :afterEventId::uuid))
 * order by e.occurred_at desc, e.event_id desc
 * limit (:limit!)::int
 * ```
 */
export const rowHistory = new PreparedQuery<IRowHistoryParams,IRowHistoryResult>(rowHistoryIR);


/** 'ChangesByActor' parameters type */
export interface IChangesByActorParams {
  actorUserId: string;
  afterEventId?: string | null | void;
  afterOccurredAt?: DateOrString | null | void;
  limit: number;
  tenantId: string;
}

/** 'ChangesByActor' return type */
export interface IChangesByActorResult {
  /** The database role that made the change (current_user outside the capture function). */
  actor_role: string;
  /** The transaction's tenant (app.tenant_id) when the change was made; null when none was set (migrations, owner scripts). */
  actor_tenant_id: string | null;
  /** The acting staff user or buyer (app.user_id, set by app.set_tenant); null when none was set. */
  actor_user_id: string | null;
  /** The client's application_name (on Citus, the one app.set_tenant recorded on the coordinator). */
  application_name: string;
  cursor_occurred_at: string;
  /** Random id of the event (no sequence shared across tenants). */
  event_id: string;
  /** insert: the whole new row; update: the new values of the changed columns only; null otherwise. */
  new_values: Json | null;
  /** When the statement that made the change started (statement_timestamp()). */
  occurred_at: Date;
  /** delete: the whole old row; update: the old values of the changed columns only; null otherwise. Personal values are replaced by a pseudonym on erasure (audit.erase_subject). */
  old_values: Json | null;
  /** insert, update, delete or truncate. */
  operation: string;
  /** The changed row's primary key columns, tenant_id included, as a JSON object. */
  row_key: Json;
  /** Who wrote: application, seed (a seed loader, application_name b2b-seed...), migration (b2b-migrate) or maintenance (b2b-maintenance). A claim of the client, next to actor_role, which is the database's fact. */
  source: string;
  /** The audited table, schema-qualified (orders.orders). */
  table_name: string;
  /** The writing transaction's id (txid_current(), on the node that wrote the row); the sealing job seals only transactions older than its snapshot. */
  txid: string;
}

/** 'ChangesByActor' query type */
export interface IChangesByActorQuery {
  params: IChangesByActorParams;
  result: IChangesByActorResult;
}

const changesByActorIR: any = {"usedParamSet":{"tenantId":true,"actorUserId":true,"afterOccurredAt":true,"afterEventId":true,"limit":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":332,"b":341}]},{"name":"actorUserId","required":true,"transform":{"type":"scalar"},"locs":[{"a":365,"b":377}]},{"name":"afterOccurredAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":386,"b":401},{"a":458,"b":473}]},{"name":"afterEventId","required":false,"transform":{"type":"scalar"},"locs":[{"a":489,"b":501}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":563,"b":569}]}],"statement":"select e.event_id, e.occurred_at, e.table_name, e.row_key, e.operation, e.old_values, e.new_values,\n  e.actor_tenant_id, e.actor_user_id, e.actor_role, e.source, e.application_name, e.txid,\n  to_char(e.occurred_at at time zone 'utc', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') as \"cursor_occurred_at!\"\nfrom audit.events e\nwhere e.tenant_id = :tenantId! and e.actor_user_id = :actorUserId!\n  and (:afterOccurredAt::timestamptz is null or (e.occurred_at, e.event_id) < (:afterOccurredAt::timestamptz, :afterEventId::uuid))\norder by e.occurred_at desc, e.event_id desc\nlimit (:limit!)::int"};

/**
 * Query generated from SQL:
 * ```
 * select e.event_id, e.occurred_at, e.table_name, e.row_key, e.operation, e.old_values, e.new_values,
 *   e.actor_tenant_id, e.actor_user_id, e.actor_role, e.source, e.application_name, e.txid,
 *   to_char(e.occurred_at at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursor_occurred_at!"
 * from audit.events e
 * where e.tenant_id = :tenantId! and e.actor_user_id = :actorUserId!
 *   and (:afterOccurredAt::timestamptz is null or (e.occurred_at, e.event_id) < (:afterOccurredAt::timestamptz, :afterEventId::uuid))
 * order by e.occurred_at desc, e.event_id desc
 * limit (:limit!)::int
 * ```
 */
export const changesByActor = new PreparedQuery<IChangesByActorParams,IChangesByActorResult>(changesByActorIR);


/** 'ChangesInRange' parameters type */
export interface IChangesInRangeParams {
  afterEventId?: string | null | void;
  afterOccurredAt?: DateOrString | null | void;
  from: DateOrString;
  limit: number;
  tableName?: string | null | void;
  tenantId: string;
  to: DateOrString;
}

/** 'ChangesInRange' return type */
export interface IChangesInRangeResult {
  /** The database role that made the change (current_user outside the capture function). */
  actor_role: string;
  /** The transaction's tenant (app.tenant_id) when the change was made; null when none was set (migrations, owner scripts). */
  actor_tenant_id: string | null;
  /** The acting staff user or buyer (app.user_id, set by app.set_tenant); null when none was set. */
  actor_user_id: string | null;
  /** The client's application_name (on Citus, the one app.set_tenant recorded on the coordinator). */
  application_name: string;
  cursor_occurred_at: string;
  /** Random id of the event (no sequence shared across tenants). */
  event_id: string;
  /** insert: the whole new row; update: the new values of the changed columns only; null otherwise. */
  new_values: Json | null;
  /** When the statement that made the change started (statement_timestamp()). */
  occurred_at: Date;
  /** delete: the whole old row; update: the old values of the changed columns only; null otherwise. Personal values are replaced by a pseudonym on erasure (audit.erase_subject). */
  old_values: Json | null;
  /** insert, update, delete or truncate. */
  operation: string;
  /** The changed row's primary key columns, tenant_id included, as a JSON object. */
  row_key: Json;
  /** Who wrote: application, seed (a seed loader, application_name b2b-seed...), migration (b2b-migrate) or maintenance (b2b-maintenance). A claim of the client, next to actor_role, which is the database's fact. */
  source: string;
  /** The audited table, schema-qualified (orders.orders). */
  table_name: string;
  /** The writing transaction's id (txid_current(), on the node that wrote the row); the sealing job seals only transactions older than its snapshot. */
  txid: string;
}

/** 'ChangesInRange' query type */
export interface IChangesInRangeQuery {
  params: IChangesInRangeParams;
  result: IChangesInRangeResult;
}

const changesInRangeIR: any = {"usedParamSet":{"tenantId":true,"from":true,"to":true,"tableName":true,"afterOccurredAt":true,"afterEventId":true,"limit":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":332,"b":341}]},{"name":"from","required":true,"transform":{"type":"scalar"},"locs":[{"a":365,"b":370}]},{"name":"to","required":true,"transform":{"type":"scalar"},"locs":[{"a":407,"b":410}]},{"name":"tableName","required":false,"transform":{"type":"scalar"},"locs":[{"a":433,"b":442},{"a":476,"b":485}]},{"name":"afterOccurredAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":501,"b":516},{"a":573,"b":588}]},{"name":"afterEventId","required":false,"transform":{"type":"scalar"},"locs":[{"a":604,"b":616}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":668,"b":674}]}],"statement":"select e.event_id, e.occurred_at, e.table_name, e.row_key, e.operation, e.old_values, e.new_values,\n  e.actor_tenant_id, e.actor_user_id, e.actor_role, e.source, e.application_name, e.txid,\n  to_char(e.occurred_at at time zone 'utc', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') as \"cursor_occurred_at!\"\nfrom audit.events e\nwhere e.tenant_id = :tenantId! and e.occurred_at >= (:from!)::timestamptz and e.occurred_at < (:to!)::timestamptz\n  and (:tableName::text is null or e.table_name = :tableName::text)\n  and (:afterOccurredAt::timestamptz is null or (e.occurred_at, e.event_id) > (:afterOccurredAt::timestamptz, :afterEventId::uuid))\norder by e.occurred_at, e.event_id\nlimit (:limit!)::int"};

/**
 * Query generated from SQL:
 * ```
 * select e.event_id, e.occurred_at, e.table_name, e.row_key, e.operation, e.old_values, e.new_values,
 *   e.actor_tenant_id, e.actor_user_id, e.actor_role, e.source, e.application_name, e.txid,
 *   to_char(e.occurred_at at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursor_occurred_at!"
 * from audit.events e
 * where e.tenant_id = :tenantId! and e.occurred_at >= (:from!)::timestamptz and e.occurred_at < (:to!)::timestamptz
 *   and (:tableName::text is null or e.table_name = :tableName::text)
 *   and (:afterOccurredAt::timestamptz is null or (e.occurred_at, e.event_id) > (:afterOccurredAt::timestamptz, :afterEventId::uuid))
 * order by e.occurred_at, e.event_id
 * limit (:limit!)::int
 * ```
 */
export const changesInRange = new PreparedQuery<IChangesInRangeParams,IChangesInRangeResult>(changesInRangeIR);


/** 'ChainHead' parameters type */
export interface IChainHeadParams {
  tenantId: string;
}

/** 'ChainHead' return type */
export interface IChainHeadResult {
  chain_hash: string;
  /** The last sealed position (0: nothing sealed yet). */
  seal_seq: string;
  /** When the last sealing run ended. */
  sealed_at: Date;
}

/** 'ChainHead' query type */
export interface IChainHeadQuery {
  params: IChainHeadParams;
  result: IChainHeadResult;
}

const chainHeadIR: any = {"usedParamSet":{"tenantId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":121,"b":130}]}],"statement":"select h.seal_seq, encode(h.chain_hash, 'hex') as \"chain_hash!\", h.sealed_at\nfrom audit.seal_heads h\nwhere h.tenant_id = :tenantId!"};

/**
 * Query generated from SQL:
 * ```
 * select h.seal_seq, encode(h.chain_hash, 'hex') as "chain_hash!", h.sealed_at
 * from audit.seal_heads h
 * where h.tenant_id = :tenantId!
 * ```
 */
export const chainHead = new PreparedQuery<IChainHeadParams,IChainHeadResult>(chainHeadIR);


