-- A `for all` policy, a policy to PUBLIC, and a table with RLS and no policy.
-- expect: tenancy.staff_users policy rogue_all
-- expect: tenancy.staff_users policy rogue_public
-- expect: tenancy.rogue_notes
create policy rogue_all on tenancy.staff_users for all to b2b_app
  using (tenant_id = app.current_tenant_id());
create policy rogue_public on tenancy.staff_users for select
  using (tenant_id = app.current_tenant_id());
create table tenancy.rogue_notes (note_id uuid primary key);
alter table tenancy.rogue_notes enable row level security;
