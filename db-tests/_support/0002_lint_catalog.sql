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
