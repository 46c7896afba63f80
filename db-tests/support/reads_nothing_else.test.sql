-- b2b_support may read the support views and nothing else of ours: no table, view, sequence or function of
-- any of our schemas but the support views and the three functions they need (tenant context, mask), by the
-- catalog and by trying. Schemas tests and tap are the test harness's, not the product's.
begin;
select plan(8);

select tests.create_tenant('alpha') as alpha \gset

select is_empty($$
  select format('%s.%s', n.nspname, c.relname)
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname not in ('information_schema', 'tests', 'tap') and n.nspname not like 'pg\_%'
    and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
    and not (n.nspname = 'support' and c.relkind = 'v')
    and (has_table_privilege('b2b_support', c.oid, 'select, insert, update, delete, truncate, references, trigger')
         or (c.relkind = 'S' and has_sequence_privilege('b2b_support', c.oid, 'usage, select, update')))
  order by 1
$$, 'b2b_support has no privilege on any table, view or sequence of ours but the support views');
select is_empty($$
  select format('%s.%s', n.nspname, c.relname)
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname = 'support' and has_table_privilege('b2b_support', c.oid, 'insert, update, delete, truncate')
$$, 'and only reads those');
select is_empty($$
  select p.oid::regprocedure::text
  from pg_proc p join pg_namespace n on n.oid = p.pronamespace
  where n.nspname not in ('information_schema', 'tests', 'tap', 'pg_catalog', 'public') and n.nspname not like 'pg\_%'
    and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
    and has_function_privilege('b2b_support', p.oid, 'execute')
    and has_schema_privilege('b2b_support', n.oid, 'usage')
    and p.oid not in ('app.set_tenant(uuid, uuid)'::regprocedure, 'app.current_tenant_id()'::regprocedure,
                      'app.mask_personal(text, text)'::regprocedure)
  order by 1
$$, 'b2b_support may call no function of ours (in a schema it may use) but app.set_tenant, app.current_tenant_id and app.mask_personal');
select is_empty($$
  select n.nspname from pg_namespace n
  where n.nspname not in ('information_schema', 'tests', 'tap', 'pg_catalog', 'support', 'app') and n.nspname not like 'pg\_%'
    and has_schema_privilege('b2b_support', n.oid, 'usage, create')
$$, 'b2b_support uses no schema of ours but support (and app, for the tenant helpers)');

select tests.act_as(:'alpha', db_role => 'b2b_support');
select throws_ok('select * from accounts.buyers', '42501', null, 'reading a table directly is refused');
select throws_ok('select * from orders.orders', '42501', null, 'any table: orders too');
select throws_ok($$select app.decrypt_personal('\x00'::bytea)$$, '42501', null, 'decrypting is refused');
select throws_ok($$select app.set_data_key(repeat('k', 40))$$, '42501', null, 'supplying a data key is refused');

select * from finish();
rollback;
