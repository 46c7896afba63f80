-- Foreign keys of tenant tables use only the actions Citus accepts on a key that holds the distribution
-- column: ON DELETE NO ACTION, RESTRICT or CASCADE; ON UPDATE NO ACTION or RESTRICT. Citus refuses ON DELETE
-- SET NULL / SET DEFAULT (the column-list form `set null (col)` too) and ON UPDATE SET NULL / SET DEFAULT /
-- CASCADE when the distribution column is in the key ("cannot create foreign key constraint"). What such an
-- action did is a trigger in the same tenant (tenancy.clear_granted_by, accounts.follow_company_minor_units).
begin;
select plan(1);

select is_empty($$
  select format('%s.%s: %s %s', t.schema_name, t.table_name, c.conname, concat_ws(', ',
    case c.confdeltype when 'n' then 'ON DELETE SET NULL' when 'd' then 'ON DELETE SET DEFAULT' end,
    case c.confupdtype when 'n' then 'ON UPDATE SET NULL' when 'd' then 'ON UPDATE SET DEFAULT'
                       when 'c' then 'ON UPDATE CASCADE' end))
  from pg_catalog.pg_constraint c
  join tests.linted_tables t on t.oid = c.conrelid
  where c.contype = 'f' and t.has_tenant_id
    and (c.confdeltype in ('n', 'd') or c.confupdtype in ('n', 'd', 'c'))
$$, 'no foreign key of a tenant table sets null, sets a default or cascades an update (Citus refuses them)');

select * from finish();
rollback;
