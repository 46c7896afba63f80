-- A security definer function that does not pin search_path.
-- expect: tenancy.rogue_definer()
create function tenancy.rogue_definer() returns integer language sql security definer as 'select 1';
comment on function tenancy.rogue_definer() is 'added by a test';
