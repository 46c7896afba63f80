// The one list of errors the database can raise on purpose: every named constraint and every custom
// SQLSTATE, with a stable code and a message fit for an end user. docs/errors.md is generated from it
// (`pnpm db:docs`), and db-tests fail when a constraint in the schema has no entry here.

export interface ErrorEntry {
  code: string;
  message: string;
}

/** Custom SQLSTATEs (class B2: business rules). */
export const sqlstateErrors: Record<string, ErrorEntry> = {
  B2001: {
    code: 'tenant_context_missing',
    message: 'No tenant context: the query must run inside withTenant().',
  },
};

/** Named constraints, by name. Primary keys are listed too: a duplicate id is a conflict like any other. */
export const constraintErrors: Record<string, ErrorEntry> = {
  // tenancy.tenants
  pk_tenants: { code: 'tenant_exists', message: 'A tenant with this id already exists.' },
  uq_tenants_slug: { code: 'tenant_slug_taken', message: 'This tenant slug is already taken.' },
  chk_tenants_slug_format: {
    code: 'tenant_slug_invalid',
    message:
      'A tenant slug is 1-63 lowercase letters, digits or hyphens, not starting or ending with a hyphen.',
  },
  chk_tenants_name_not_blank: { code: 'tenant_name_required', message: 'A tenant needs a name.' },
  chk_tenants_default_locale_format: {
    code: 'locale_invalid',
    message: 'A locale is a language code with an optional region, for example en or de-CH.',
  },
  chk_tenants_default_currency_format: {
    code: 'currency_invalid',
    message: 'A currency is a three-letter ISO 4217 code, for example EUR.',
  },
  chk_tenants_status: {
    code: 'tenant_status_invalid',
    message: 'A tenant status is active, suspended or closed.',
  },

  // tenancy.staff_users
  pk_staff_users: { code: 'staff_user_exists', message: 'A staff user with this id already exists.' },
  uq_staff_users_tenant_id_email: {
    code: 'staff_email_taken',
    message: 'Another staff user of this tenant already has this email.',
  },
  fk_staff_users_tenant_id_tenants: { code: 'tenant_not_found', message: 'The tenant does not exist.' },
  chk_staff_users_email_format: {
    code: 'email_invalid',
    message: 'An email must look like name@example.com and be written in lowercase.',
  },
  chk_staff_users_display_name_not_blank: {
    code: 'display_name_required',
    message: 'A staff user needs a display name.',
  },
  chk_staff_users_status: {
    code: 'staff_status_invalid',
    message: 'A staff user status is active or disabled.',
  },

  // tenancy.staff_roles
  pk_staff_roles: { code: 'staff_role_exists', message: 'This staff role already exists.' },

  // tenancy.memberships
  pk_memberships: { code: 'membership_exists', message: 'The staff user already has this role.' },
  fk_memberships_tenant_id_staff_user_id_staff_users: {
    code: 'staff_user_not_found',
    message: 'The staff user does not exist in this tenant.',
  },
  fk_memberships_tenant_id_granted_by_staff_users: {
    code: 'granting_user_not_found',
    message: 'The staff user granting the role does not exist in this tenant.',
  },
  fk_memberships_role_staff_roles: { code: 'staff_role_unknown', message: 'There is no such staff role.' },
};
