-- No function of ours runs an INSERT ... VALUES with a subquery in its values (issue 10: Citus refuses it on
-- a distributed table, "subqueries are not supported within INSERT queries", and with it the whole call:
-- orders.record_order_transition numbered the history so and made every order fail on Citus). Read the
-- value into a variable first, or write INSERT ... SELECT. "A subquery in its values": after the VALUES
-- keyword of an INSERT, before the statement ends, a parenthesis opening a SELECT (EXISTS included).
begin;
select plan(1);

select is_empty($$
  select format('%s inserts a subquery as a value: %s', p.oid::regprocedure, left(regexp_replace(m[1], '\s+', ' ', 'g'), 120))
  from pg_proc p
  join tests.linted_schemas s on s.oid = p.pronamespace
  join pg_language l on l.oid = p.prolang
  cross join lateral regexp_matches(pg_get_functiondef(p.oid),
    '(insert\s+into\s+[[:alnum:]_."]+[^;]*\mvalues\M[^;]*\(\s*select\M)', 'gi') m
  where l.lanname in ('plpgsql', 'sql')
    and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
  order by 1
$$, 'no INSERT ... VALUES takes a subquery (Citus refuses it)');

select * from finish();
rollback;
