-- Helpers for the audit trail's tests (db-tests/audit/).

-- Runs one statement (for statements built per row of a query: `select tests.exec_each(format(...)) from t`).
create or replace function tests.exec_each(statement text) returns void
language plpgsql
as $$
begin
  execute statement;
end
$$;
comment on function tests.exec_each(text) is 'Executes one SQL statement; for statements built per row of a query.';

-- The audit problems of a tenant as text, for is()/results_eq: "problem table operation".
create or replace function tests.audit_problems(tenant uuid, head jsonb default null) returns setof text
language sql
as $$
  select v.problem || coalesce(' ' || e.table_name || ' ' || e.operation, '')
  from audit.verify(tenant, p_head => head) v
  left join audit.events e on e.tenant_id = tenant and e.event_id = v.event_id
  order by 1
$$;
comment on function tests.audit_problems(uuid, jsonb) is
  'audit.verify''s problems for a tenant as "problem table operation" lines, sorted.';

grant execute on all functions in schema tests to b2b_app, b2b_readonly, b2b_analytics;
