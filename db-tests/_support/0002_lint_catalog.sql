-- What the multi-tenant lint pack inspects, and the one place where deliberate exceptions live.

-- Schemas that belong to the product (everything but system, test and migrator schemas).
create or replace view tests.linted_schemas as
select n.oid, n.nspname
from pg_catalog.pg_namespace n
where n.nspname not in ('information_schema', 'tests', 'tap', 'migrations')
  and n.nspname not like 'pg\_%'
  and not exists (select from pg_catalog.pg_depend d where d.objid = n.oid and d.deptype = 'e');

-- Ordinary and partitioned tables of those schemas, not owned by an extension.
create or replace view tests.linted_tables as
select c.oid, n.nspname as schema_name, c.relname as table_name, format('%I.%I', n.nspname, c.relname) as qualified,
  exists (
    select from pg_catalog.pg_attribute a
    where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
  ) as has_tenant_id
from pg_catalog.pg_class c
join tests.linted_schemas n on n.oid = c.relnamespace
where c.relkind in ('r', 'p')
  and not c.relispartition
  and not exists (select from pg_catalog.pg_depend d where d.objid = c.oid and d.deptype = 'e');

-- Deliberate exceptions to a lint rule: (rule, object, reason). Keep each reason honest and short.
create table if not exists tests.lint_exceptions (
  rule text not null,
  object text not null,
  reason text not null check (btrim(reason) <> ''),
  primary key (rule, object)
);

insert into tests.lint_exceptions (rule, object, reason) values
  ('unique_keys_lead_with_tenant_id', 'tenancy.tenants.uq_tenants_slug',
   'A tenant''s slug is its platform-wide URL name: unique across tenants by design.'),
  ('database_stamps_are_guarded_on_insert', 'orders.invoices.issued_at',
   'issue_invoice sets it (with due_at after it) as the calling role; the INSERT grant named it before Citus too.')
on conflict do nothing;

grant select on tests.linted_schemas, tests.linted_tables, tests.lint_exceptions
  to b2b_app, b2b_readonly, b2b_analytics;

-- The audit trail (docs/audit.md): tables it deliberately does not capture, and why; its own tables'
-- row-level security (enabled, not forced: audit.capture() writes as the owner for every tenant).
insert into tests.lint_exceptions (rule, object, reason) values
  ('tenant_tables_are_audited', 'tenancy.tenants',
   'The registry is a reference table on Citus: a trigger fires on every node''s copy and cannot write the distributed trail from a reference shard (cannot execute a distributed query from a query on a shard). Creating or suspending a tenant is a platform operation outside the tenants'' trails.'),
  ('tenant_tables_are_audited', 'catalog.stock_movements',
   'An append-only journal written by the stock triggers (updates and deletes refused): each row already records a change, with moved_by and moved_at.'),
  ('tenant_tables_are_audited', 'catalog.product_pages',
   'A read model derived from audited tables (products, product_translations, variants, prices) and rewritten by their triggers on each of their writes: its changes are the audited rows'' changes, already in the trail; capturing it would double the trail of every catalog write. Direct writes are refused (B5040).'),
  ('tenant_tables_are_audited', 'orders.order_state_history',
   'An append-only journal written by the state-machine trigger (orders.refuse_change): each row already records a transition, with changed_by and changed_at.'),
  ('tenant_tables_are_audited', 'orders.credit_exposures',
   'Derived from audited orders and the append-only ledger by their trigger (orders.apply_credit_exposure; other writes of the application are refused, B5041): its changes are those rows'' changes, already in the trail; capturing it would add an event to every placement.'),
  ('tenant_tables_are_audited', 'orders.receivable_entries',
   'An append-only ledger (orders.refuse_change): each row already records an entry, with recorded_by and recorded_at.'),
  ('tenant_tables_force_rls', 'audit.events',
   'Written by audit.capture() as the owner for the changed row''s tenant, also without a tenant context (migrations, seeds): forcing would refuse those. b2b_app reads through its policy; it has no write grant.'),
  ('tenant_tables_force_rls', 'audit.seals',
   'Written by the sealing job as the owner for any tenant; b2b_app reads through its policy and writes nothing.'),
  ('tenant_tables_force_rls', 'audit.seal_heads',
   'Written by the sealing job as the owner for any tenant; b2b_app reads through its policy and writes nothing.'),
  ('tenant_tables_force_rls', 'audit.chain_keys',
   'The chain keys: no grant to any role but the owner, whose security definer functions read them; no policy to force.')
on conflict do nothing;
