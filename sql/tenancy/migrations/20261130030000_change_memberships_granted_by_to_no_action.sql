-- Up Migration
-- Citus refuses ON DELETE SET NULL (the column-list form too) on a foreign key that holds the distribution
-- column ("SET NULL or SET DEFAULT is not supported in ON DELETE operation when distribution key is
-- included in the foreign key constraint"). The key stays, checking as before (NO ACTION); clearing
-- granted_by when its staff user is deleted moves to trg_staff_users_before_delete_clear_granted_by
-- (sql/tenancy/triggers), which does the same update in the same shard before the delete.
-- memberships holds a few rows per staff user: re-checking the key takes milliseconds.
alter table tenancy.memberships
  drop constraint fk_memberships_tenant_id_granted_by_staff_users,
  -- squawk-ignore adding-foreign-key-constraint, constraint-missing-not-valid
  add constraint fk_memberships_tenant_id_granted_by_staff_users foreign key (tenant_id, granted_by)
    references tenancy.staff_users (tenant_id, staff_user_id);

-- Down Migration
drop trigger if exists trg_staff_users_before_delete_clear_granted_by on tenancy.staff_users;
alter table tenancy.memberships
  drop constraint fk_memberships_tenant_id_granted_by_staff_users,
  add constraint fk_memberships_tenant_id_granted_by_staff_users foreign key (tenant_id, granted_by)
    references tenancy.staff_users (tenant_id, staff_user_id) on delete set null (granted_by);
