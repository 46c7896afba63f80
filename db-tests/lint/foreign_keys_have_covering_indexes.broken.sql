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

-- A foreign key whose only index leading with its columns is partial on something other than its columns
-- being not null: the check of a deleted staff user could not use it.
-- expect: tenancy.rogue_tags.fk_rogue_tags_tenant_id_staff_user_id (tenant_id, staff_user_id)
create table tenancy.rogue_tags (
  tenant_id uuid not null,
  tag_id uuid not null,
  staff_user_id uuid,
  archived boolean not null default false,
  constraint pk_rogue_tags primary key (tenant_id, tag_id),
  constraint fk_rogue_tags_tenant_id_staff_user_id foreign key (tenant_id, staff_user_id)
    references tenancy.staff_users (tenant_id, staff_user_id)
);
create index idx_rogue_tags_tenant_id_staff_user_id on tenancy.rogue_tags (tenant_id, staff_user_id) where not archived;

-- A foreign key whose only index leads with some of its columns that reference no unique key: tenant_id
-- alone matches every staff user of the tenant, so a deleted staff user's check would read them all.
-- expect: tenancy.rogue_pins.fk_rogue_pins_tenant_id_staff_user_id (tenant_id, staff_user_id)
create table tenancy.rogue_pins (
  tenant_id uuid not null,
  pin_id uuid not null,
  staff_user_id uuid not null,
  constraint pk_rogue_pins primary key (tenant_id, pin_id),
  constraint fk_rogue_pins_tenant_id_staff_user_id foreign key (tenant_id, staff_user_id)
    references tenancy.staff_users (tenant_id, staff_user_id)
);
