-- Trigger function (before delete on tenancy.staff_users, for each row): the memberships a deleted staff
-- user granted keep their role and lose their grantor (granted_by becomes null), as ON DELETE SET NULL did
-- before Citus refused that action on a key that holds the distribution column. Same tenant, so same shard.
-- SECURITY DEFINER, like the foreign key action it replaces (those run as the table owner): b2b_app may not
-- update memberships. Row-level security still applies to the owner (FORCE): the tenant is the row's own.
create or replace function tenancy.clear_granted_by() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  update tenancy.memberships m
  set granted_by = null
  where m.tenant_id = old.tenant_id and m.granted_by = old.staff_user_id;
  return old;
end
$$;
comment on function tenancy.clear_granted_by() is
  'Trigger function: before a staff user is deleted, clears granted_by on the memberships they granted (replaces ON DELETE SET NULL, which Citus refuses).';
