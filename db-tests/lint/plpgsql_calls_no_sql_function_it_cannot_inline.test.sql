-- A PL/pgSQL function plans its statements once per connection, but a SQL-language function that reads
-- tables (its body has a FROM) is inlined only where it is called in a FROM clause; called in an
-- expression (`if not accounts.x(...)`, `v := orders.y(...)`, a select list) it is parsed and planned
-- again in every transaction. Two such calls on the order placement path cost 11 % of the server's CPU
-- under `pnpm bench orders`' load (docs/benchmarks.md). Write such a function in PL/pgSQL, or call it in
-- FROM. (Found by a regular expression over the callers' source: the token before the call must be
-- from, join or lateral.)
begin;
select plan(1);

select is_empty($$
  with sql_functions as (
    select n.nspname || '.' || p.proname as name
    from pg_proc p
    join tests.linted_schemas s on s.oid = p.pronamespace
    join pg_namespace n on n.oid = p.pronamespace
    join pg_language l on l.oid = p.prolang
    where l.lanname = 'sql' and p.prosrc ~* '\mfrom\M'
  ),
  plpgsql_functions as (
    select p.oid, p.prosrc
    from pg_proc p
    join tests.linted_schemas s on s.oid = p.pronamespace
    join pg_language l on l.oid = p.prolang
    where l.lanname = 'plpgsql'
  )
  select pl.oid::regprocedure::text || ' calls ' || f.name || ' after "' || m[1] || '"'
  from plpgsql_functions pl
  join sql_functions f on pl.prosrc ~* (replace(f.name, '.', '\.') || '\s*\(')
  cross join lateral regexp_matches(pl.prosrc, '(\S+)\s*' || replace(f.name, '.', '\.') || '\s*\(', 'gi') m
  where lower(m[1]) not in ('from', 'join', 'lateral')
$$, 'no PL/pgSQL function calls a table-reading SQL function outside FROM (it would be planned in every transaction)');

select * from finish();
rollback;
