-- Who wrote, from the client's application_name: the migrator connects as b2b-migrate, the seed loaders as
-- b2b-seed (scripts/lib/seed.ts), maintenance commands as b2b-maintenance; everything else is the
-- application. A claim of the client: audit.events.actor_role beside it is the database's fact.
create or replace function audit.source_of(p_application_name text) returns text
language sql immutable parallel safe
as $$
  select case
    when p_application_name = 'b2b-migrate' then 'migration'
    when p_application_name like 'b2b-seed%' then 'seed'
    when p_application_name like 'b2b-maintenance%' then 'maintenance'
    else 'application'
  end
$$;
comment on function audit.source_of(text) is
  'audit.events.source from an application_name: b2b-migrate migration, b2b-seed* seed, b2b-maintenance* maintenance, else application.';
