-- A function without a comment.
-- expect: tenancy.rogue_undocumented()
create function tenancy.rogue_undocumented() returns integer language sql as 'select 1';
