-- Up Migration
-- Ledger entry ids came from one identity sequence shared by every tenant: a tenant that booked a
-- payment saw 12, then 16 after another tenant's three bookings, and entry_id was its page cursor too.
-- Now a random uuid (no sequence, nothing shared); the ledger is ordered by recorded_at, which becomes
-- clock_timestamp() (the moment of the insert, so two entries of one transaction keep their order), then
-- by entry_id. Existing rows keep their order: within one (company, recorded_at), the new uuids are
-- handed out in the order of the old numbers. Why uuids, not a per-tenant counter: a counter row would
-- serialize every ledger write of a tenant (invoices at fulfilment, payments, credit notes); a uuid costs
-- nothing shared, and the ledger already has a time to order by.
alter table orders.receivable_entries add column entry_uuid uuid;

-- the append-only trigger (B3012) refuses updates; this one-off rewrite is the schema's own change
alter table orders.receivable_entries disable trigger user;
-- the owner obeys row-level security (forced): lift it for the rewrite, which sees every tenant's rows
alter table orders.receivable_entries no force row level security;
update orders.receivable_entries e
set entry_uuid = fresh.id
from (
  select old.tenant_id, old.entry_id, ids.id
  from (
    select tenant_id, entry_id, company_id, recorded_at,
      row_number() over (partition by tenant_id, company_id, recorded_at order by entry_id) as position
    from orders.receivable_entries
  ) old
  join (
    select tenant_id, company_id, recorded_at, id,
      row_number() over (partition by tenant_id, company_id, recorded_at order by id) as position
    from (select tenant_id, company_id, recorded_at, gen_random_uuid() as id from orders.receivable_entries) g
  ) ids using (tenant_id, company_id, recorded_at, position)
) fresh
where fresh.tenant_id = e.tenant_id and fresh.entry_id = e.entry_id;
alter table orders.receivable_entries force row level security;
alter table orders.receivable_entries enable trigger user;

alter table orders.receivable_entries alter column entry_id drop identity;
-- The rewrite takes an exclusive lock on the ledger for its duration: a one-off, in the release window.
alter table orders.receivable_entries
  -- squawk-ignore changing-column-type
  alter column entry_id type uuid using entry_uuid,
  alter column entry_id set default gen_random_uuid(),
  alter column recorded_at set default clock_timestamp();
-- the helper column of this migration, never seen by a client
-- squawk-ignore ban-drop-column
alter table orders.receivable_entries drop column entry_uuid;
comment on column orders.receivable_entries.entry_id is
  'Random id of the entry (gen_random_uuid(): from no sequence shared across tenants). Not an order: the ledger is ordered by (recorded_at, entry_id).';
comment on column orders.receivable_entries.recorded_at is
  'When the entry was recorded (clock_timestamp(): the moment of the insert, so entries of one transaction keep their order). The ledger is ordered by (recorded_at, entry_id).';

-- Serves listReceivableEntries: a company's ledger newest first, keyset on (recorded_at, entry_id).
-- squawk-ignore require-concurrent-index-creation
create index idx_receivable_entries_tenant_id_company_id_recorded_at
  on orders.receivable_entries (tenant_id, company_id, recorded_at desc, entry_id desc);

-- Down Migration
drop index orders.idx_receivable_entries_tenant_id_company_id_recorded_at;
alter table orders.receivable_entries add column entry_number bigint;
alter table orders.receivable_entries disable trigger user;
-- the owner obeys row-level security (forced): lift it for the rewrite, which sees every tenant's rows
alter table orders.receivable_entries no force row level security;
update orders.receivable_entries e
set entry_number = numbered.n
from (
  select tenant_id, entry_id, row_number() over (order by recorded_at, entry_id) as n
  from orders.receivable_entries
) numbered
where numbered.tenant_id = e.tenant_id and numbered.entry_id = e.entry_id;
alter table orders.receivable_entries enable trigger user;
alter table orders.receivable_entries
  alter column entry_id drop default,
  alter column recorded_at set default now();
alter table orders.receivable_entries alter column entry_id type bigint using entry_number;
alter table orders.receivable_entries drop column entry_number;
alter table orders.receivable_entries alter column entry_id add generated always as identity;
select setval(pg_get_serial_sequence('orders.receivable_entries', 'entry_id'),
  coalesce((select max(entry_id) from orders.receivable_entries), 0) + 1, false);
alter table orders.receivable_entries force row level security;
comment on column orders.receivable_entries.entry_id is 'Order of the entries.';
comment on column orders.receivable_entries.recorded_at is 'When the entry was recorded.';
