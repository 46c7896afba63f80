-- Up Migration
-- The audit trail (docs/audit.md): who changed what, per tenant, append-only and tamper-evident.
-- audit.events: one row per inserted, updated or deleted row of every audited table (and per tenant for a
--   truncate), written only by the generic trigger function audit.capture() (security definer, as the owner).
--   Partitioned by month on occurred_at; audit.create_partitions() makes the months ahead (a default
--   partition catches anything outside them, so a missed maintenance run never fails a write).
-- audit.seals: the per-tenant hash chain, written by the sealing job audit.seal() off the write path.
-- audit.seal_heads: each tenant's chain head (what audit.chain_head() exports).
-- audit.chain_keys: each tenant's key for the keyed hashes of personal values (never granted to anyone).
-- The owner writes and reads all four bypassing row-level security (enabled, not forced: the capture
-- function records rows of any tenant, also those written without a tenant context by migrations and
-- seeds); the application reads its own tenant's events and seals through row-level security.
create schema audit;
comment on schema audit is
  'The audit trail: captured changes of every tenant table (events), their per-tenant hash chain (seals, seal_heads) and keys. Written by audit.capture() and the sealing job only.';

create table audit.events (
  tenant_id uuid not null default app.require_tenant_id(),
  event_id uuid not null default gen_random_uuid(),
  occurred_at timestamptz not null default statement_timestamp(),
  table_name text not null,
  row_key jsonb not null,
  operation text not null,
  old_values jsonb,
  new_values jsonb,
  actor_tenant_id uuid,
  actor_user_id uuid,
  actor_role text not null,
  source text not null,
  application_name text not null,
  txid bigint not null,
  constraint pk_events primary key (tenant_id, occurred_at, event_id),
  constraint chk_events_table_name_length check (char_length(table_name) <= 200),
  constraint chk_events_row_key_length check (octet_length(row_key::text) <= 2000),
  constraint chk_events_operation check (operation in ('insert', 'update', 'delete', 'truncate')),
  constraint chk_events_actor_role_length check (char_length(actor_role) <= 63),
  constraint chk_events_source check (source in ('application', 'seed', 'migration', 'maintenance')),
  constraint chk_events_application_name_length check (char_length(application_name) <= 200),
  -- what each operation keeps: insert the new row, delete the old row, update the changed columns on both
  -- sides, truncate neither
  constraint chk_events_values_fit_operation check (
    case operation
      when 'insert' then old_values is null and new_values is not null
      when 'delete' then old_values is not null and new_values is null
      when 'update' then old_values is not null and new_values is not null
      else old_values is null and new_values is null
    end
  )
) partition by range (occurred_at);
comment on table audit.events is
  'Append-only audit trail: one row per inserted, updated or deleted row of an audited table, one per tenant for a truncate; written only by the trigger function audit.capture(). Partitioned by month on occurred_at (audit.create_partitions), retention by partition (audit.retention_policy). B4001 for an update or delete outside erasure.';
comment on column audit.events.tenant_id is 'The tenant of the changed row (its tenant_id), whatever the transaction''s tenant was.';
comment on column audit.events.event_id is 'Random id of the event (no sequence shared across tenants).';
comment on column audit.events.occurred_at is 'When the statement that made the change started (statement_timestamp()).';
comment on column audit.events.table_name is 'The audited table, schema-qualified (orders.orders).';
comment on column audit.events.row_key is 'The changed row''s primary key columns, tenant_id included, as a JSON object.';
comment on column audit.events.operation is 'insert, update, delete or truncate.';
comment on column audit.events.old_values is 'delete: the whole old row; update: the old values of the changed columns only; null otherwise. Personal values are replaced by a pseudonym on erasure (audit.erase_subject).';
comment on column audit.events.new_values is 'insert: the whole new row; update: the new values of the changed columns only; null otherwise.';
comment on column audit.events.actor_tenant_id is 'The transaction''s tenant (app.tenant_id) when the change was made; null when none was set (migrations, owner scripts).';
comment on column audit.events.actor_user_id is 'The acting staff user or buyer (app.user_id, set by app.set_tenant); null when none was set.';
comment on column audit.events.actor_role is 'The database role that made the change (current_user outside the capture function).';
comment on column audit.events.source is 'Who wrote: application, seed (a seed loader, application_name b2b-seed...), migration (b2b-migrate) or maintenance (b2b-maintenance). A claim of the client, next to actor_role, which is the database''s fact.';
comment on column audit.events.application_name is 'The client''s application_name (on Citus, the one app.set_tenant recorded on the coordinator).';
comment on column audit.events.txid is 'The writing transaction''s id (txid_current(), on the node that wrote the row); the sealing job seals only transactions older than its snapshot.';

-- The catch-all month: rows outside every month partition (before audit.create_partitions first runs,
-- or after a missed run) land here instead of failing the audited write; the next run moves them.
create table audit.events_default partition of audit.events default;
comment on table audit.events_default is
  'Default partition of audit.events: rows of months without a partition yet; audit.create_partitions moves them into their month.';

-- "Changes in a time range" of one tenant and the sealing job's scan: the primary key
-- (tenant_id, occurred_at, event_id). Retention and wide time scans: BRIN on time (the rows arrive in time
-- order, so a block range covers a short span; tiny next to a btree).
create index idx_events_occurred_at_brin on audit.events using brin (occurred_at);
comment on index audit.idx_events_occurred_at_brin is
  'Time scans over all tenants (retention checks, exports): BRIN, rows arrive in time order.';
-- "History of one row": equality on tenant, table and key, newest first, keyset on (occurred_at, event_id).
create index idx_events_tenant_id_table_name_row_key on audit.events
  (tenant_id, table_name, row_key, occurred_at, event_id);
comment on index audit.idx_events_tenant_id_table_name_row_key is
  'History of one row (audit.row_history, @b2b/audit rowHistory): tenant, table, primary key, then time for the keyset.';
-- "Changes by an actor".
create index idx_events_tenant_id_actor_user_id on audit.events (tenant_id, actor_user_id, occurred_at, event_id)
  where actor_user_id is not null;
comment on index audit.idx_events_tenant_id_actor_user_id is
  'Changes made by one acting user (@b2b/audit changesByActor), keyset on (occurred_at, event_id).';

alter table audit.events enable row level security;

create table audit.seals (
  tenant_id uuid not null default app.require_tenant_id(),
  seal_seq bigint not null,
  event_id uuid not null,
  occurred_at timestamptz not null,
  row_hash bytea not null,
  chain_hash bytea not null,
  sealed_at timestamptz not null default now(),
  constraint pk_seals primary key (tenant_id, seal_seq),
  constraint uq_seals_tenant_id_event_id unique (tenant_id, event_id),
  constraint chk_seals_seal_seq check (seal_seq > 0),
  constraint chk_seals_row_hash check (octet_length(row_hash) = 32),
  constraint chk_seals_chain_hash check (octet_length(chain_hash) = 32)
);
comment on table audit.seals is
  'The per-tenant hash chain over audit.events, appended by the sealing job audit.seal(): seal n holds the hash of event n (over keyed hashes of its personal values) and chain_hash = sha256(chain_hash of n-1 || seal_seq || row_hash). audit.verify recomputes both.';
comment on column audit.seals.seal_seq is 'Position in the tenant''s chain, 1, 2, 3 ... without gaps.';
comment on column audit.seals.event_id is 'The sealed event (audit.events.event_id).';
comment on column audit.seals.occurred_at is 'The sealed event''s occurred_at (finds its partition; verify''s time range).';
comment on column audit.seals.row_hash is 'sha256 of the event''s canonical form (audit.event_digest), personal values as keyed hashes.';
comment on column audit.seals.chain_hash is 'sha256(previous chain_hash || seal_seq || row_hash); the first link starts from 32 zero bytes.';
comment on column audit.seals.sealed_at is 'When the sealing job sealed the event.';
-- verify's time range and retention's "seals of a dropped month"
create index idx_seals_tenant_id_occurred_at on audit.seals (tenant_id, occurred_at);
comment on index audit.idx_seals_tenant_id_occurred_at is
  'audit.verify''s time range and retention''s removal of the seals of an exported month.';
alter table audit.seals enable row level security;

create table audit.seal_heads (
  tenant_id uuid not null default app.require_tenant_id(),
  seal_seq bigint not null,
  chain_hash bytea not null,
  horizon bigint not null,
  scan_from timestamptz not null,
  sealed_at timestamptz not null default now(),
  constraint pk_seal_heads primary key (tenant_id),
  constraint chk_seal_heads_seal_seq check (seal_seq >= 0),
  constraint chk_seal_heads_chain_hash check (octet_length(chain_hash) = 32)
);
comment on table audit.seal_heads is
  'Each tenant''s chain head after the last sealing run: its last seal_seq and chain_hash, and the horizon (every transaction id below it was complete and is sealed). Exported by audit.chain_head().';
comment on column audit.seal_heads.seal_seq is 'The last sealed position (0: nothing sealed yet).';
comment on column audit.seal_heads.chain_hash is 'The chain hash at seal_seq.';
comment on column audit.seal_heads.horizon is 'The xmin of the last sealing run''s snapshot: events of transactions below it are all sealed, so an unsealed one is out of band.';
comment on column audit.seal_heads.scan_from is 'Where the next sealing run starts reading: the start of the oldest transaction still open at the last run (its events may still be unsealed).';
comment on column audit.seal_heads.sealed_at is 'When the last sealing run ended.';
alter table audit.seal_heads enable row level security;

create table audit.chain_keys (
  tenant_id uuid not null default app.require_tenant_id(),
  hash_key bytea not null,
  created_at timestamptz not null default now(),
  constraint pk_chain_keys primary key (tenant_id),
  constraint chk_chain_keys_hash_key check (octet_length(hash_key) = 32)
);
comment on table audit.chain_keys is
  'Per-tenant secret for the keyed hashes of personal values in the chain (audit.keyed_hash): the chain survives erasure, and a reader of the audit rows cannot test a guessed value. Readable by the owner''s functions only.';
comment on column audit.chain_keys.hash_key is '32 random bytes (two gen_random_uuid()s).';
comment on column audit.chain_keys.created_at is 'When the key was made (first sealing or erasure of the tenant).';
-- No row-level security: nobody but the owner's functions reads it (no grant at all).

-- Partitions retired by retention: detached, exported (file, rows, checksum), then dropped. Not a tenant
-- table (a month holds every tenant); audit.verify skips seals of retired months.
create table audit.retired_partitions (
  partition_name text not null,
  range_from timestamptz not null,
  range_to timestamptz not null,
  state text not null,
  export_file text,
  export_rows bigint,
  export_sha256 text,
  detached_at timestamptz not null default now(),
  dropped_at timestamptz,
  constraint pk_retired_partitions primary key (partition_name),
  constraint chk_retired_partitions_partition_name_length check (char_length(partition_name) <= 200),
  constraint chk_retired_partitions_state check (state in ('detached', 'exported', 'dropped')),
  constraint chk_retired_partitions_export_file_length check (char_length(export_file) <= 1000),
  constraint chk_retired_partitions_export_sha256 check (export_sha256 ~ '^[0-9a-f]{64}$'),
  constraint chk_retired_partitions_exported check (state = 'detached' or (export_file is not null and export_rows is not null and export_sha256 is not null))
);
comment on table audit.retired_partitions is
  'Months of audit.events retired by retention (scripts/audit.ts retention): detached, exported (gzip of COPY text, sha256 of the uncompressed stream, row count) and dropped only after the export was read back and matched.';
comment on column audit.retired_partitions.partition_name is 'The month partition, schema-qualified (audit.events_y2026m01).';
comment on column audit.retired_partitions.range_from is 'Its lower bound (inclusive).';
comment on column audit.retired_partitions.range_to is 'Its upper bound (exclusive).';
comment on column audit.retired_partitions.state is 'detached (not yet exported), exported (file verified), dropped.';
comment on column audit.retired_partitions.export_file is 'Where the export was written (path on the machine that ran the retention command).';
comment on column audit.retired_partitions.export_rows is 'Rows in the export, equal to the partition''s count.';
comment on column audit.retired_partitions.export_sha256 is 'sha256 (hex) of the uncompressed COPY text, as streamed and as read back.';
comment on column audit.retired_partitions.detached_at is 'When the partition was detached.';
comment on column audit.retired_partitions.dropped_at is 'When it was dropped (after the export verified).';

-- Down Migration
-- cascade: the repeatable functions, triggers and policies of the schema, and the capture triggers on
-- every audited table (they call audit.capture()).
drop schema audit cascade;
