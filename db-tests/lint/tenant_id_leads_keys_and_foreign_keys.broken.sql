-- A table without a primary key; a tenant table whose unique key does not lead with tenant_id and whose
-- foreign key to another tenant table does not match tenant_id to tenant_id.
-- expect: tenancy.rogue_keyless: has no primary key
-- expect: tenancy.rogue_notes.uq_rogue_notes_code
-- expect: tenancy.rogue_notes.fk_rogue_notes_staff_user_id -> tenancy.staff_users
create table tenancy.rogue_keyless (note text);
create table tenancy.rogue_notes (
  tenant_id uuid not null,
  note_id uuid not null,
  code text not null,
  staff_user_id uuid not null,
  constraint pk_rogue_notes primary key (tenant_id, note_id),
  constraint uq_rogue_notes_code unique (code, tenant_id)
);
create unique index rogue_staff_users_id on tenancy.staff_users (staff_user_id);
alter table tenancy.rogue_notes add constraint fk_rogue_notes_staff_user_id
  foreign key (staff_user_id) references tenancy.staff_users (staff_user_id);
