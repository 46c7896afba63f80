-- Cross-tenant attacks written the way an attacker writes them, for every tenant table the catalog lists.
--
-- Why bare statements: a WHERE or RETURNING that reads a column makes PostgreSQL apply the SELECT policy
-- too, and that policy already hides the other tenant's rows; so `update t set x = 1 where id = ...
-- returning 1` stays empty even when the UPDATE or DELETE policy is broken. `delete from t`,
-- `update t set tenant_id = <own tenant>` and `update t set <column> = default` read no column: only the
-- policy of the command itself stands between the attacker and the other tenant's rows.
--
-- Each attack runs twice, as b2b_app acting as the attacker tenant, and is undone after each run:
-- 1. as is: tenant A's rows are counted and summed (md5 of the rows' text) by the session's superuser
--    before and after. A change is a breach.
-- 2. with a probe: a BEFORE ROW trigger that fires first (its name sorts first) raises on any row that is
--    not the attacker's, and skips the attacker's own rows. It tells a breach that a later error masks
--    (a foreign key that refuses to delete tenant A's company, a WITH CHECK that refuses the new row, a
--    NOT NULL column set to its default) from a statement that never reached tenant A's rows.
-- A statement refused before it reads a row (no grant: 42501) passes both runs.
-- Before them, one of the victim's rows is inserted again as the attacker (tests.insert_attack): it must be
-- refused by the INSERT policy (42501) or, earlier, by a guard trigger with a custom SQLSTATE (B1060 for a
-- protected column, B2213 for the stock journal, which only the stock triggers write).

-- The probe: tg_argv[0] is the attacker tenant.
create or replace function tests.isolation_probe() returns trigger
language plpgsql
as $$
begin
  if old.tenant_id is distinct from tg_argv[0]::uuid then
    raise exception 'isolation probe: %.% reached a row of tenant %', tg_table_schema, tg_table_name, old.tenant_id
      using hint = 'tests.isolation_probe';
  end if;
  return null;
end
$$;
comment on function tests.isolation_probe() is
  'Trigger for tests.cross_tenant_breaches: raises on a row of another tenant than tg_argv[0], skips the rest.';

-- Count and checksum of one tenant's rows of a table, read as the caller (the superuser: no RLS).
create or replace function tests.tenant_rows_state(tbl regclass, tenant uuid) returns text
language plpgsql
as $$
declare
  state text;
begin
  execute format(
    $q$select count(*) || ' rows, md5 ' || coalesce(md5(string_agg(r::text, e'\n' order by r::text)), '-')
       from %s r where r.tenant_id = %L$q$, tbl, tenant)
  into state;
  return state;
end
$$;
comment on function tests.tenant_rows_state(regclass, uuid) is
  'Count and md5 of a tenant''s rows of a table ("n rows, md5 ..."), as the caller sees them.';

-- The bare attacks on one table: delete everything, move everything to the attacker, and set each
-- column the application may update to its default.
create or replace function tests.bare_attacks(tbl regclass, attacker uuid) returns setof text
language sql stable
as $$
  select format('delete from %s', tbl)
  union all
  select format('update %s set tenant_id = %L', tbl, attacker)
  union all
  (select format('update %s set %I = default', tbl, a.attname)
   from pg_catalog.pg_attribute a
   where a.attrelid = tbl and a.attnum > 0 and not a.attisdropped and a.attname <> 'tenant_id'
     and a.attgenerated = '' and a.attidentity = ''
     and has_column_privilege('b2b_app', tbl, a.attnum, 'UPDATE')
   order by a.attnum)
$$;
comment on function tests.bare_attacks(regclass, uuid) is
  'Statements reading no column: delete from t, update t set tenant_id = attacker, update t set <col> = default.';

-- The insert attack on one table: one of the victim's rows, written back as it is (the victim's tenant_id,
-- every column the table stores but generated and identity ones, as literals), for b2b_app acting as
-- another tenant to send. Built as the caller (the superuser, who reads the victim's row); null when the
-- victim has no row. Expected: refused by the INSERT policy's WITH CHECK (42501), or before it by a guard
-- trigger (B1060 when a protected column differs from its default, B2213 on the stock journal); never a new row.
create or replace function tests.insert_attack(tbl regclass, victim uuid) returns text
language plpgsql
as $$
declare
  cols text;
  exprs text;
  vals text;
begin
  select string_agg(quote_ident(a.attname), ', ' order by a.attnum),
         string_agg(format('quote_nullable((r.%I)::text) || %L', a.attname, '::' || format_type(a.atttypid, a.atttypmod)),
           $s$ || ', ' || $s$ order by a.attnum)
    into cols, exprs
  from pg_catalog.pg_attribute a
  where a.attrelid = tbl and a.attnum > 0 and not a.attisdropped and a.attgenerated = '' and a.attidentity <> 'a';
  execute format('select %s from %s r where r.tenant_id = %L limit 1', exprs, tbl, victim) into vals;
  if vals is null then
    return null;
  end if;
  return format('insert into %s (%s) values (%s)', tbl, cols, vals);
end
$$;
comment on function tests.insert_attack(regclass, uuid) is
  'insert into t (...) values (...) of one of the victim''s rows, as literals: the insert attack on a tenant table.';

-- Every breach of tenant `victim` by tenant `attacker` acting as b2b_app, one line per breach, naming
-- the table and the statement; empty when isolation holds. `only_tables` (qualified names) limits the
-- check; null checks every table with tenant_id. Call it as the session's superuser, not acting as anyone.
-- A table where the victim has no row is reported too: there was nothing to attack, so nothing was shown.
create or replace function tests.cross_tenant_breaches(victim uuid, attacker uuid, only_tables text[] default null)
returns setof text
language plpgsql
as $$
declare
  t record;
  attack text;
  before_state text;
  after_state text;
  seen bigint;
  reader name;
  err_state text;
  err_message text;
  err_hint text;
begin
  perform tests.clear_actor();
  if only_tables is not null then
    return query
      select format('%s: not a table with tenant_id', x)
      from unnest(only_tables) x
      where x not in (select lt.qualified from tests.linted_tables lt where lt.has_tenant_id);
  end if;

  for t in
    select lt.oid::regclass as tbl, lt.qualified
    from tests.linted_tables lt
    where lt.has_tenant_id and (only_tables is null or lt.qualified = any (only_tables))
    order by lt.qualified
  loop
    before_state := tests.tenant_rows_state(t.tbl, victim);
    if before_state like '0 rows,%' then
      return next format('%s: tenant %s has no row here, so nothing was attacked (add one to the fixture)',
        t.qualified, victim);
      continue;
    end if;

    -- reads: the application and read-only roles see no row of another tenant
    foreach reader in array array['b2b_app', 'b2b_readonly']::name[] loop
      perform tests.act_as(attacker, null, reader);
      begin
        execute format('select count(*) from %s where tenant_id is distinct from %L', t.tbl, attacker) into seen;
      exception when insufficient_privilege then
        seen := 0; -- no grant: the role reads nothing of the table
      end;
      perform tests.clear_actor();
      if seen > 0 then
        return next format('%s: %s acting as tenant %s sees %s rows of other tenants', t.qualified, reader, attacker, seen);
      end if;
    end loop;

    -- inserts: a row of the victim, sent as the attacker, is refused (and never stored)
    attack := tests.insert_attack(t.tbl, victim);
    err_state := null;
    begin
      perform tests.act_as(attacker);
      begin
        execute attack;
      exception when others then
        get stacked diagnostics err_state = returned_sqlstate, err_message = message_text;
      end;
      perform tests.clear_actor();
      after_state := tests.tenant_rows_state(t.tbl, victim);
      raise exception 'tests.cross_tenant_breaches: undo' using hint = 'tests.undo';
    exception when raise_exception then
      get stacked diagnostics err_hint = pg_exception_hint;
      if err_hint is distinct from 'tests.undo' then
        raise;
      end if;
    end;
    if err_state is null or after_state is distinct from before_state then
      return next format('%s: an insert of tenant %s''s row as tenant %s was stored (%s before, %s after)',
        t.qualified, victim, attacker, before_state, after_state);
    elsif err_state <> '42501' and err_state not like 'B%' then
      return next format('%s: an insert of tenant %s''s row as tenant %s was refused by %s (%s), not by the policy',
        t.qualified, victim, attacker, err_state, err_message);
    end if;

    for attack in select a from tests.bare_attacks(t.tbl, attacker) a loop
      -- 1. the attack as is; tenant A's rows summed after it; undone
      err_state := null;
      begin
        perform tests.act_as(attacker);
        begin
          execute attack;
        exception when others then
          get stacked diagnostics err_state = returned_sqlstate, err_message = message_text;
        end;
        perform tests.clear_actor();
        after_state := tests.tenant_rows_state(t.tbl, victim);
        raise exception 'tests.cross_tenant_breaches: undo' using hint = 'tests.undo';
      exception when raise_exception then
        get stacked diagnostics err_hint = pg_exception_hint;
        if err_hint is distinct from 'tests.undo' then
          raise;
        end if;
      end;
      if after_state is distinct from before_state then
        return next format('%s: `%s` as tenant %s changed tenant %s''s rows (%s before, %s after)',
          t.qualified, attack, attacker, victim, before_state, after_state);
        continue;
      end if;

      -- 2. the same attack with the probe: does it reach a row of tenant A at all?
      err_state := null;
      err_hint := null;
      begin
        execute format('create trigger "0_isolation_probe" before update or delete on %s for each row '
          'execute function tests.isolation_probe(%L)', t.tbl, attacker);
        perform tests.act_as(attacker);
        begin
          execute attack;
        exception when others then
          get stacked diagnostics err_state = returned_sqlstate, err_message = message_text,
            err_hint = pg_exception_hint;
        end;
        raise exception 'tests.cross_tenant_breaches: undo' using hint = 'tests.undo';
      exception when raise_exception then
        if sqlerrm <> 'tests.cross_tenant_breaches: undo' then
          raise;
        end if;
      end;
      if err_hint = 'tests.isolation_probe' then
        return next format('%s: `%s` as tenant %s reached tenant %s''s rows (%s)', t.qualified, attack, attacker,
          victim, err_message);
      end if;
    end loop;
  end loop;
  perform tests.clear_actor();
end
$$;
comment on function tests.cross_tenant_breaches(uuid, uuid, text[]) is
  'Bare cross-tenant reads and writes (insert of a victim''s row, delete, move, set to default) by `attacker` as b2b_app against every '
  'tenant table: one line per breach of `victim`''s rows, naming the table and the statement.';

-- The every-table world of one tenant: a row in every tenant table but the order tables' (orders, lines,
-- history, allocations, approvals, invoices, receivables, returns, quotes), which the caller fills through
-- the order functions, each called at the top level: placed, approved, fulfilled, returned and received,
-- paid, quoted (see db-tests/tenancy/isolation/every_tenant_table_resists_bare_writes_of_another_tenant and
-- db-tests/citus/isolation/every_tenant_table_resists_another_tenant). Called from here, on Citus, the
-- order functions are not delegated and fail ("cannot execute a distributed query from a query on a
-- shard"). The victim of the every-table cross-tenant attacks, on plain PostgreSQL (in the test's
-- transaction) and on Citus (committed, then attacked from other transactions). A new tenant table gets
-- its row here; tests.cross_tenant_breaches names any table the world leaves empty. Runs as the caller
-- (the superuser: on Citus one user's connections write every placement).
create or replace function tests.create_isolation_world(tenant uuid, prefix text default 'bolt')
returns table (company uuid, buyer uuid, manager uuid, variant uuid, warehouse uuid)
language plpgsql
as $$
declare
  w record;
  staff uuid;
  customer_group uuid;
  category uuid;
  product uuid;
  manager_role uuid;
  rule uuid;
begin
  select * into w from tests.create_order_world(tenant, stock => 100, prefix => prefix);
  staff := tests.create_staff_user(tenant, prefix || '.staff@example.com');
  insert into tenancy.memberships (tenant_id, staff_user_id, role) values (tenant, staff, 'admin');
  customer_group := tests.create_customer_group(tenant, initcap(prefix) || ' group');
  perform tests.add_company_to_group(tenant, w.company, customer_group);
  insert into accounts.addresses (tenant_id, company_id, kind, recipient, line1, locality, postal_code, country_code)
  values (tenant, w.company, 'billing', initcap(prefix), 'Weg 1', 'Bonn', '53111', 'DE');
  category := tests.create_category(tenant);
  insert into catalog.category_translations (tenant_id, category_id, locale, name, slug)
  values (tenant, category, 'en', initcap(prefix) || ' category', prefix || '-category');
  select v.product_id into product from catalog.variants v where v.tenant_id = tenant and v.variant_id = w.variant;
  insert into catalog.product_categories (tenant_id, category_id, product_id) values (tenant, category, product);
  insert into catalog.attribute_definitions (tenant_id, attribute_key, data_type) values (tenant, 'colour', 'text');
  manager_role := tests.create_buyer_role(tenant, prefix || ' manager', array['orders.approve']);
  manager := tests.create_buyer(tenant, w.company, manager_role, prefix || '.manager@example.com');
  -- an approval rule of one tier (as tests.create_approval_rule), orders from 10 EUR on
  insert into orders.approval_rules (tenant_id, company_id, name, min_total_amount, currency)
  values (tenant, w.company, 'big', 10, 'EUR')
  returning approval_rule_id into rule;
  insert into orders.approval_rule_tiers (tenant_id, approval_rule_id, tier, approver_role_id)
  values (tenant, rule, 1, manager_role);
  company := w.company;
  buyer := w.buyer;
  variant := w.variant;
  warehouse := w.warehouse;
  return next;
end
$$;
comment on function tests.create_isolation_world(uuid, text) is
  'A row in every tenant table but the order tables (the caller fills those through the order functions), '
  'as the caller; the victim of the every-table cross-tenant attacks on plain PostgreSQL and on Citus.';

-- Rows of a table the current role sees (under its policies).
create or replace function tests.rows_visible(tbl regclass) returns bigint
language plpgsql
as $$
declare
  n bigint;
begin
  execute format('select count(*) from %s', tbl) into n;
  return n;
exception when insufficient_privilege then
  return 0; -- no grant: the role sees no row
end
$$;
comment on function tests.rows_visible(regclass) is 'count(*) of a table as the current role sees it.';

grant execute on all functions in schema tests to b2b_app, b2b_readonly, b2b_analytics;
