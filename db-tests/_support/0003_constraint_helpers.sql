-- Asserting that a statement is refused by one named constraint (check, unique, foreign key, exclusion,
-- or a unique index), whatever the wording of the error message.
create or replace function tests.throws_constraint(statement text, expected_constraint text, description text default null)
returns text
language plpgsql
as $$
declare
  got_constraint text;
  got_sqlstate text;
  got_message text;
  label text := coalesce(description, format('refused by %s', expected_constraint));
begin
  begin
    execute statement;
  exception when others then
    get stacked diagnostics
      got_constraint = constraint_name,
      got_sqlstate = returned_sqlstate,
      got_message = message_text;
    if got_constraint = expected_constraint then
      return tap.ok(true, label);
    end if;
    return tap.ok(false, label) || e'\n'
      || tap.diag(format('expected constraint %s, got SQLSTATE %s (constraint %s): %s',
        expected_constraint, got_sqlstate, coalesce(got_constraint, 'none'), got_message));
  end;
  return tap.ok(false, label) || e'\n' || tap.diag('the statement succeeded');
end
$$;
comment on function tests.throws_constraint(text, text, text) is
  'pgTAP assertion: running `statement` fails on the constraint (or unique index) named expected_constraint.';

grant execute on function tests.throws_constraint(text, text, text) to b2b_app, b2b_readonly, b2b_analytics;

-- The plan of a query as text (explain, costs off), for assertions on which index serves it.
create or replace function tests.plan_of(query text) returns text
language plpgsql
as $$
declare
  line text;
  plan text := '';
begin
  for line in execute 'explain (costs off) ' || query loop
    plan := plan || line || e'\n';
  end loop;
  return plan;
end
$$;
comment on function tests.plan_of(text) is 'The explain (costs off) output of query, one line per plan node.';

grant execute on function tests.plan_of(text) to b2b_app, b2b_readonly, b2b_analytics;
