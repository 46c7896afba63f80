-- The two actions the schema had before Citus: a column-list SET NULL on delete, a cascade on update.
-- expect: tenancy.memberships: fk_memberships_tenant_id_granted_by_staff_users ON DELETE SET NULL
-- expect: accounts.buyers: fk_buyers_tenant_id_company_id_minor_units_companies ON UPDATE CASCADE
alter table tenancy.memberships
  drop constraint fk_memberships_tenant_id_granted_by_staff_users,
  add constraint fk_memberships_tenant_id_granted_by_staff_users foreign key (tenant_id, granted_by)
    references tenancy.staff_users (tenant_id, staff_user_id) on delete set null (granted_by);
alter table accounts.buyers
  drop constraint fk_buyers_tenant_id_company_id_minor_units_companies,
  add constraint fk_buyers_tenant_id_company_id_minor_units_companies foreign key (tenant_id, company_id, minor_units)
    references accounts.companies (tenant_id, company_id, minor_units) on update cascade;
