-- A tenant table without RLS, and one with RLS enabled but not forced (the owner would bypass it).
-- expect: tenancy.rogue_notes: RLS not enabled
-- expect: tenancy.rogue_memos: RLS not forced
-- keeps passing: the lint sees the tenant tables (at least tenancy's three) | a sanity check of the lint's own view, not a rule an object can break
create table tenancy.rogue_notes (tenant_id uuid not null, note_id uuid not null,
  constraint pk_rogue_notes primary key (tenant_id, note_id));
create table tenancy.rogue_memos (tenant_id uuid not null, memo_id uuid not null,
  constraint pk_rogue_memos primary key (tenant_id, memo_id));
alter table tenancy.rogue_memos enable row level security;
