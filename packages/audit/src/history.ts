// Reading the audit trail: a row's history, the changes of one acting user, the changes in a time range.
// Every listing is keyset-paged with the project's cursor (defineCursor of @b2b/db) on (occurred_at,
// event_id), the order of the indexes that serve it (idx_events_tenant_id_table_name_row_key,
// idx_events_tenant_id_actor_user_id, pk_events). Row-level security limits every read to the client's
// tenant, and every query names the tenant as a value (tenantOf), so on Citus it is routed to one node.
import { defineCursor, fetchSize, type Page, pageLimit, type Queryable, tenantOf } from '@b2b/db';
import {
  changesByActor as changesByActorQuery,
  changesInRange as changesInRangeQuery,
  type IRowHistoryResult,
  rowHistory as rowHistoryQuery,
} from '../queries/history.queries';

/**
 * One audit event: `operation` insert, update, delete or truncate; `row_key` the row's primary key
 * (tenant_id included); `old_values` the deleted row or an update's old values of the changed columns;
 * `new_values` the inserted row or an update's new values; personal values erased by
 * `audit.erase_subject` read `erased:<hex>`. `source` application, seed, migration or maintenance.
 * `txid` is a bigint as a string.
 */
export type AuditEvent = Omit<IRowHistoryResult, 'cursor_occurred_at'>;

/** A page of events plus the cursor column each query prints (dropped from the items). */
function events(rows: IRowHistoryResult[]): AuditEvent[] {
  return rows.map(({ cursor_occurred_at: _, ...event }) => event);
}

const HISTORY_PAGE = defineCursor('audit.rowHistory', ['timestamptz', 'uuid'] as const);
const ACTOR_PAGE = defineCursor('audit.changesByActor', ['timestamptz', 'uuid'] as const);
const RANGE_PAGE = defineCursor('audit.changesInRange', ['timestamptz', 'uuid'] as const);

/**
 * The history of one row, newest first: `{ items, next? }`; pass `next` as `after` for the following page
 * (absent: no more). `table` is schema-qualified (`orders.orders`); `key` the row's primary key columns
 * without tenant_id (`{ order_id }`), values as the row holds them (uuids as text). `limit` 1 to 500
 * (default 50; RangeError otherwise); ValidationError `cursor_invalid` for a cursor this listing did not
 * make. SQL: RowHistory (index idx_events_tenant_id_table_name_row_key).
 */
export async function rowHistory(
  client: Queryable,
  query: { table: string; key: Record<string, unknown>; after?: string | null; limit?: number },
): Promise<Page<AuditEvent>> {
  const tenantId = tenantOf(client);
  const limit = pageLimit(query.limit, { fallback: 50, max: 500 });
  const [afterOccurredAt, afterEventId] = HISTORY_PAGE.decode(query.after) ?? [null, null];
  const rows = await rowHistoryQuery.run(
    {
      tenantId,
      tableName: query.table,
      rowKey: JSON.stringify({ ...query.key, tenant_id: tenantId }),
      afterOccurredAt,
      afterEventId,
      limit: fetchSize(limit),
    },
    client,
  );
  const page = HISTORY_PAGE.page(rows, limit, (r) => [r.cursor_occurred_at, r.event_id]);
  return { ...page, items: events(page.items) };
}

/**
 * The changes made by one acting user (the `userId` given to withTenant, `app.user_id`), newest first,
 * paged as rowHistory. `limit` 1 to 500 (default 50). SQL: ChangesByActor (index
 * idx_events_tenant_id_actor_user_id).
 */
export async function changesByActor(
  client: Queryable,
  query: { actorUserId: string; after?: string | null; limit?: number },
): Promise<Page<AuditEvent>> {
  const limit = pageLimit(query.limit, { fallback: 50, max: 500 });
  const [afterOccurredAt, afterEventId] = ACTOR_PAGE.decode(query.after) ?? [null, null];
  const rows = await changesByActorQuery.run(
    {
      tenantId: tenantOf(client),
      actorUserId: query.actorUserId,
      afterOccurredAt,
      afterEventId,
      limit: fetchSize(limit),
    },
    client,
  );
  const page = ACTOR_PAGE.page(rows, limit, (r) => [r.cursor_occurred_at, r.event_id]);
  return { ...page, items: events(page.items) };
}

/**
 * The changes in `[from, to)` (ISO 8601 times, or Dates), oldest first, optionally of one table
 * (`orders.orders`), paged as rowHistory. `limit` 1 to 500 (default 50). SQL: ChangesInRange (the primary
 * key, tenant_id then occurred_at; the partitions outside the range are pruned).
 */
export async function changesInRange(
  client: Queryable,
  query: { from: string | Date; to: string | Date; table?: string; after?: string | null; limit?: number },
): Promise<Page<AuditEvent>> {
  const limit = pageLimit(query.limit, { fallback: 50, max: 500 });
  const [afterOccurredAt, afterEventId] = RANGE_PAGE.decode(query.after) ?? [null, null];
  const rows = await changesInRangeQuery.run(
    {
      tenantId: tenantOf(client),
      from: toTime(query.from),
      to: toTime(query.to),
      tableName: query.table ?? null,
      afterOccurredAt,
      afterEventId,
      limit: fetchSize(limit),
    },
    client,
  );
  const page = RANGE_PAGE.page(rows, limit, (r) => [r.cursor_occurred_at, r.event_id]);
  return { ...page, items: events(page.items) };
}

function toTime(value: string | Date): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError('an invalid Date');
    return value.toISOString();
  }
  if (typeof value !== 'string') throw new TypeError('a time is an ISO 8601 string or a Date');
  return value;
}
