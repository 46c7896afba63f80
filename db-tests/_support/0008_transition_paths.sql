-- Paths to every state of a state machine, for the every_listed_transition tests (orders, quotes,
-- returns). The caller has made a temporary table `ops` (one row per public operation, with at least
-- `op text` and `target text`), a function `pg_temp.performs(from_state text, op ops) returns boolean`
-- (does op make the listed move from from_state to its target?), and `paths (state text primary key,
-- ops text[] not null)` holding the start state with no operations. This fills `paths` breadth first:
-- for each state reachable along listed moves, the shortest sequence of operations (ties by name).
create or replace function tests.fill_transition_paths() returns void
language plpgsql
as $$
begin
  loop
    insert into paths
    select distinct on (o.target) o.target, p.ops || o.op
    from paths p
    join ops o on pg_temp.performs(p.state, o)
    where o.target not in (select state from paths)
    order by o.target, cardinality(p.ops), o.op;
    exit when not found;
  end loop;
end
$$;
comment on function tests.fill_transition_paths() is
  'Fills the temporary table paths with the shortest sequence of operations (temporary table ops, pg_temp.performs) that reaches each state from the start state already in it.';
grant execute on function tests.fill_transition_paths() to b2b_app, b2b_readonly, b2b_analytics;
