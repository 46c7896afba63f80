-- No function of ours inserts with a subquery inside VALUES (`insert into t (...) values (..., (select ...))`)
-- (issue 10). Citus refuses such an INSERT on a distributed table ("subqueries are not supported within
-- INSERT queries"), also where a trigger runs it on a worker's shard: orders.record_order_transition
-- numbered the history so, and every placed order failed on Citus. Read the value into a variable first,
-- or write `insert ... select`. Read from each function's source, VALUES lists whose parentheses hold a
-- `select`.
begin;
select plan(1);

select is_empty($$
  select format('function %s inserts with a subquery inside VALUES', p.oid::regprocedure)
  from pg_proc p
  join tests.linted_schemas s on s.oid = p.pronamespace
  where p.prolang in (select oid from pg_language where lanname in ('plpgsql', 'sql'))
    and regexp_replace(p.prosrc, '--[^\n]*', '', 'g')
        ~* '\minsert\s+into\s[^;]*?\mvalues\s*\([^;]*?\(\s*select\M'
  order by 1
$$, 'no function inserts with a subquery inside VALUES (Citus refuses it)');

select * from finish();
rollback;
