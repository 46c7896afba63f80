/* @name RowHistory */
select e.event_id, e.occurred_at, e.table_name, e.row_key, e.operation, e.old_values, e.new_values,
  e.actor_tenant_id, e.actor_user_id, e.actor_role, e.source, e.application_name, e.txid,
  to_char(e.occurred_at at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursor_occurred_at!"
from audit.events e
where e.tenant_id = :tenantId! and e.table_name = :tableName! and e.row_key = (:rowKey!)::jsonb
  and (:afterOccurredAt::timestamptz is null or (e.occurred_at, e.event_id) < (:afterOccurredAt::timestamptz, :afterEventId::uuid))
order by e.occurred_at desc, e.event_id desc
limit (:limit!)::int;

/* @name ChangesByActor */
select e.event_id, e.occurred_at, e.table_name, e.row_key, e.operation, e.old_values, e.new_values,
  e.actor_tenant_id, e.actor_user_id, e.actor_role, e.source, e.application_name, e.txid,
  to_char(e.occurred_at at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursor_occurred_at!"
from audit.events e
where e.tenant_id = :tenantId! and e.actor_user_id = :actorUserId!
  and (:afterOccurredAt::timestamptz is null or (e.occurred_at, e.event_id) < (:afterOccurredAt::timestamptz, :afterEventId::uuid))
order by e.occurred_at desc, e.event_id desc
limit (:limit!)::int;

/* @name ChangesInRange */
select e.event_id, e.occurred_at, e.table_name, e.row_key, e.operation, e.old_values, e.new_values,
  e.actor_tenant_id, e.actor_user_id, e.actor_role, e.source, e.application_name, e.txid,
  to_char(e.occurred_at at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursor_occurred_at!"
from audit.events e
where e.tenant_id = :tenantId! and e.occurred_at >= (:from!)::timestamptz and e.occurred_at < (:to!)::timestamptz
  and (:tableName::text is null or e.table_name = :tableName::text)
  and (:afterOccurredAt::timestamptz is null or (e.occurred_at, e.event_id) > (:afterOccurredAt::timestamptz, :afterEventId::uuid))
order by e.occurred_at, e.event_id
limit (:limit!)::int;

/* @name ChainHead */
select h.seal_seq, encode(h.chain_hash, 'hex') as "chain_hash!", h.sealed_at
from audit.seal_heads h
where h.tenant_id = :tenantId!;
