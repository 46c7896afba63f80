-- PUBLIC gets a schema, a table, a function and the database.
-- expect: schema tenancy: USAGE
-- expect: table tenancy.staff_roles: SELECT
-- expect: function tenancy.rogue_public(): EXECUTE
-- expect: database {database}: CONNECT
grant usage on schema tenancy to public;
grant select on tenancy.staff_roles to public;
create function tenancy.rogue_public() returns integer language sql as 'select 1';
grant execute on function tenancy.rogue_public() to public;
do $$ begin execute format('grant connect on database %I to public', current_database()); end $$;
