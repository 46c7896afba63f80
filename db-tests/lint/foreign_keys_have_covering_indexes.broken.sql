-- A foreign key with no index leading with its columns.
-- expect: tenancy.rogue_notes.fk_rogue_notes_tenant_id_staff_user_id (tenant_id, staff_user_id)
create table tenancy.rogue_notes (
  tenant_id uuid not null,
  note_id uuid not null,
  staff_user_id uuid not null,
  constraint pk_rogue_notes primary key (tenant_id, note_id),
  constraint fk_rogue_notes_tenant_id_staff_user_id foreign key (tenant_id, staff_user_id)
    references tenancy.staff_users (tenant_id, staff_user_id)
);
