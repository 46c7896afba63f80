// The one list of errors the database can raise on purpose: every named constraint and every custom
// SQLSTATE, with a stable code and a message fit for an end user. docs/errors.md is generated from it
// (`pnpm db:docs`), and db-tests fail when a constraint in the schema has no entry here.

export interface ErrorEntry {
  code: string;
  message: string;
  /**
   * Which typed error a custom SQLSTATE becomes when it is not a ValidationError (the default): the
   * catalog says it, so @b2b/db's mapping needs no list of codes of its own.
   */
  kind?: ErrorKind;
}

export type ErrorKind =
  | 'conflict'
  | 'permission'
  | 'buyer_not_in_company'
  | 'tenant_context'
  | 'foreign_key'
  | 'not_found'
  | 'data_key';

/** Custom SQLSTATEs (class B2: business rules). */
export const sqlstateErrors: Record<string, ErrorEntry> = {
  // money (B10xx): the money rule (chk_<table>_<column>_money checks, app.check_money; README "Money")
  B1001: {
    code: 'amount_finer_than_currency',
    message:
      'This amount has more decimals than its currency allows (2 for EUR, 0 for JPY, 3 for KWD); amounts are never rounded silently.',
  },
  B1002: { code: 'amount_not_finite', message: 'An amount must be a finite number (not NaN or Infinity).' },
  B1003: { code: 'amount_out_of_range', message: 'An amount must be below 10^15 in magnitude.' },
  B1004: {
    code: 'amount_not_decimal_string',
    message:
      'An amount is passed as a decimal string such as "12.50" (not a JavaScript number, not exponent notation).',
  },
  // @b2b/db (B104x: transaction outcome). Raised by withTransaction's commit guard, which turns it into
  // TransactionOutcomeUnknownError before any mapping; listed so the code is documented and reserved.
  B1040: {
    code: 'transaction_ended_in_callback',
    message:
      'The transaction was ended inside the callback (commit or rollback), so its outcome is not the one withTransaction reports.',
  },
  // @b2b/db (B1075-B1079: read routing to a replica). Thrown by withReplica as ReplicaLagError (never raised
  // by the server); listed so the codes are documented and reserved.
  B1075: {
    code: 'replica_lag_exceeded',
    message:
      "The replica had not replayed the caller's last commit within the wait allowed, and the read was not allowed to fall back to the primary.",
  },
  B1076: {
    code: 'replica_unavailable',
    message:
      'The replica could not be reached (or is not accepting connections), and the read was not allowed to fall back to the primary.',
  },
  // privileges (B106x): what row-level security and grants cannot say on Citus (app.guard_inserted_columns)
  B1060: {
    kind: 'permission',
    code: 'protected_column_on_insert',
    message:
      'This column is set by the database (a state, a counter, a computed value) and cannot be given on insert.',
  },
  B2001: {
    kind: 'tenant_context',
    code: 'tenant_context_missing',
    message: 'No tenant context: the query must run inside withTenant().',
  },
  B2002: {
    kind: 'tenant_context',
    code: 'tenant_argument_mismatch',
    message:
      "The tenant argument is not the transaction's tenant (withTenant): a call acts for one tenant only.",
  },
  // accounts (B21xx)
  B2101: {
    code: 'company_hierarchy_cycle',
    message: 'A company cannot be placed under one of its own subsidiaries.',
  },
  B2102: {
    code: 'company_hierarchy_too_deep',
    message: 'A company hierarchy can be at most 5 levels deep.',
  },
  B2103: {
    code: 'postal_code_required',
    message: 'Addresses in this country need a postal code.',
  },
  B2104: {
    kind: 'buyer_not_in_company',
    code: 'buyer_not_in_company',
    message: 'This buyer does not belong to the company it tries to act for.',
  },
  B2105: {
    kind: 'buyer_not_in_company',
    code: 'buyer_disabled',
    message: 'This buyer is disabled and cannot act for any company.',
  },
  // catalog (B22xx)
  B2201: {
    code: 'category_cycle',
    message: 'A category cannot be placed under itself or one of its own subcategories.',
  },
  B2202: {
    code: 'attribute_undeclared',
    message: 'This attribute is not declared: add it to the attribute definitions first.',
  },
  B2203: {
    code: 'attribute_type_mismatch',
    message: 'This attribute value does not have the type its definition declares.',
  },
  B2204: {
    // the same typed error as inserting a row with an unknown currency (a foreign key to catalog.currencies)
    kind: 'foreign_key',
    code: 'currency_unknown',
    message: 'This is not a currency the platform supports (ISO 4217).',
  },
  // catalog: stock (B221x)
  B2210: {
    code: 'stock_below_reserved',
    message:
      'Stock on hand cannot go below the units open orders have reserved: correct the count, or cancel or ship those orders first.',
  },
  B2211: {
    code: 'stock_rows_invalid',
    message:
      'Stock rows are a list of a variant, a warehouse and a whole number of units (a count of at least 0, or a signed delta), each variant and warehouse once.',
  },
  B2212: {
    code: 'reserved_changed_outside_orders',
    message: 'Reserved stock belongs to the orders: only placing, cancelling and shipping orders change it.',
  },
  B2213: {
    code: 'stock_movement_direct_write',
    message: 'The stock journal is written by stock changes only: sync or adjust the stock instead.',
  },
  B2214: { code: 'append_only', message: 'This record is append-only: add a correcting entry instead.' },
  // the product page read model (B504x): catalog.product_pages is derived, written by the catalog's triggers
  B5040: {
    code: 'read_model_direct_write',
    message:
      'The product page read model is kept by the catalog: change the products, variants, prices or translations instead.',
  },
  B5041: {
    code: 'credit_exposure_direct_write',
    message:
      "A company's credit exposure is kept by its orders and receivables: place, ship, invoice, pay or credit instead.",
  },
  // personal data (B41xx): the data key and the encrypted columns (docs/data-protection.md)
  B4101: {
    kind: 'data_key',
    code: 'data_key_missing',
    message: 'Personal data is encrypted: this needs the data key (withTenant({ dataKey })).',
  },
  B4102: {
    kind: 'data_key',
    code: 'data_key_wrong',
    message: 'The data key given is not the key the personal data was encrypted with.',
  },
  B4103: {
    kind: 'data_key',
    code: 'data_key_invalid',
    message: 'A data key is a random secret of 32 to 256 characters.',
  },
  B4104: {
    code: 'company_tax_id_invalid',
    message: 'A tax id is 3 to 40 letters, digits, spaces, dots, slashes or hyphens.',
  },
  B4105: { code: 'company_tax_id_too_long', message: 'A tax id is at most 50 characters.' },
  B4106: {
    code: 'phone_invalid',
    message:
      'A phone number is written in international form: + and up to 15 digits, for example +4930123456.',
  },
  B4107: { code: 'phone_too_long', message: 'A phone number is at most 32 characters.' },
  B4108: { kind: 'not_found', code: 'buyer_not_found', message: 'The buyer was not found.' },
  // orders (B30xx: orders and the state machine)
  B3001: {
    code: 'transition_not_allowed',
    message:
      'The order cannot make this state change (for example, an order that started shipping cannot be cancelled).',
  },
  B3002: {
    kind: 'conflict',
    code: 'order_version_conflict',
    message: 'The order was changed since you read it. Load it again and repeat your change.',
  },
  B3003: {
    code: 'order_total_mismatch',
    message: 'The order total does not equal the sum of its lines.',
  },
  B3004: {
    // the key is taken by another request: retrying cannot help, so a conflict (like a stale version)
    kind: 'conflict',
    code: 'idempotency_key_reused',
    message:
      'This idempotency key was already used for a different request (another operation, company, buyer, currency, lines, purchase order number or address): send a new key for a new request.',
  },
  B3005: {
    code: 'order_currency_mismatch',
    message: "Orders are placed in the company's own currency.",
  },
  B3006: {
    code: 'address_not_of_company',
    message: "The address is not one of the company's addresses of this kind (billing or shipping).",
  },
  B3007: {
    code: 'order_lines_invalid',
    message:
      'Order lines are a non-empty list of variants with whole quantities of at least 1, each variant once; placing needs an idempotency key.',
  },
  B3008: {
    code: 'price_not_found',
    message: 'A variant has no price for this company, currency and quantity.',
  },
  B3009: {
    kind: 'permission',
    code: 'order_create_not_permitted',
    message: 'This buyer may not place orders.',
  },
  B3010: { code: 'order_not_editable', message: 'Only draft orders can be changed.' },
  B3011: { code: 'company_may_not_order', message: 'The company is on hold or closed and may not order.' },
  B3012: { code: 'append_only', message: 'This record is append-only: add a correcting entry instead.' },
  B3013: { kind: 'not_found', code: 'order_not_found', message: 'The order was not found.' },
  B3014: { code: 'variant_discontinued', message: 'A variant is discontinued and can no longer be ordered.' },
  // orders: state machines and approvals (B3015-B3029)
  B3015: {
    kind: 'permission',
    code: 'approver_already_decided',
    message:
      'This buyer already decided a tier of this order: one person decides at most one tier, another approver decides the next.',
  },
  B3016: {
    code: 'order_transition_precondition_unmet',
    message:
      'The order cannot make this move yet: placing after approval needs every approval tier approved, and cancelling or rejecting needs its reserved stock released (use approve_order, cancel_order, reject_order).',
  },
  // orders: approvals and limits (B31xx)
  B3101: {
    kind: 'permission',
    code: 'approver_not_eligible',
    message:
      'This buyer may not decide this approval: it needs the orders.approve permission and a role named by the current approval tier.',
  },
  B3102: {
    code: 'spending_limit_exceeded',
    message: 'This order would take the buyer above its spending limit for the period.',
  },
  B3103: {
    code: 'credit_limit_exceeded',
    message: 'This order would take the company above its credit limit (open balance plus open orders).',
  },
  B3104: {
    kind: 'permission',
    code: 'self_approval',
    message: 'A buyer cannot approve or reject its own order.',
  },
  B3105: { code: 'payment_amount_invalid', message: 'A payment is a positive amount.' },
  // orders: quotes (B33xx)
  B3301: { code: 'quote_expired', message: 'This quote has expired and can no longer be accepted.' },
  B3302: { code: 'quote_request_not_permitted', message: 'This buyer may not request quotes.' },
  B3303: {
    code: 'quote_prices_incomplete',
    message: 'A quote prices every line with a unit price of at least 0.',
  },
  B3304: { code: 'quote_validity_invalid', message: 'A quote must be valid until a time in the future.' },
  B3305: { kind: 'not_found', code: 'quote_not_found', message: 'The quote was not found.' },
  // orders: returns (B34xx)
  B3401: {
    code: 'return_exceeds_fulfilled',
    message: 'More units cannot be returned than were shipped on the order line.',
  },
  B3402: { kind: 'not_found', code: 'return_not_found', message: 'The return was not found.' },
  // orders: stock (B32xx)
  B3201: { code: 'insufficient_stock', message: 'Not enough stock to reserve every line of the order.' },
  B3202: {
    code: 'fulfilment_exceeds_outstanding',
    message: 'More units cannot ship than are ordered and not yet shipped.',
  },
  // audit (B40xx: the audit trail, docs/audit.md)
  B4001: {
    kind: 'permission',
    code: 'audit_append_only',
    message:
      'Audit rows cannot be changed or deleted (personal values are erased through audit.erase_subject).',
  },
  B4002: { code: 'audit_partition_unknown', message: 'This is not a month partition of the audit trail.' },
  B4003: {
    code: 'audit_partition_not_detached',
    message: 'The partition was not detached by retention, so no export can be recorded for it.',
  },
  B4004: {
    code: 'audit_export_incomplete',
    message: 'The export does not hold every row of the partition; nothing was dropped.',
  },
  B4005: {
    code: 'audit_export_missing',
    message: 'The partition has no verified export; it was not dropped.',
  },
  B4006: {
    code: 'audit_seal_not_on_worker',
    message:
      "On Citus the sealing job runs on the tenant's worker: call audit.seal at the top level (it is then delegated).",
  },
};

/** Named constraints, by name. Primary keys are listed too: a duplicate id is a conflict like any other. */
export const constraintErrors: Record<string, ErrorEntry> = {
  // app.data_key_checks (the data key's check value, never the key)
  pk_data_key_checks: {
    code: 'data_key_check_exists',
    message: 'The data key check value is recorded once.',
  },
  chk_data_key_checks_one_key: {
    code: 'data_key_check_one_key',
    message: 'The database has one data key (key_id 1).',
  },
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
  fk_tenants_default_locale_locales: {
    code: 'locale_unknown',
    message: 'The platform does not support this locale.',
  },
  fk_tenants_default_currency_currencies: {
    code: 'currency_unknown',
    message: 'This is not a currency the platform supports (ISO 4217).',
  },
  chk_tenants_status: {
    code: 'tenant_status_invalid',
    message: 'A tenant status is active, suspended or closed.',
  },
  chk_tenants_slug_length: {
    code: 'tenant_slug_too_long',
    message: 'A tenant slug is at most 100 characters.',
  },
  chk_tenants_name_length: {
    code: 'tenant_name_too_long',
    message: 'A tenant name is at most 200 characters.',
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
  chk_staff_users_email_length: {
    code: 'staff_email_too_long',
    message: 'An email address is at most 254 characters.',
  },
  chk_staff_users_display_name_length: {
    code: 'staff_display_name_too_long',
    message: 'A display name is at most 200 characters.',
  },

  // tenancy.staff_roles
  pk_staff_roles: { code: 'staff_role_exists', message: 'This staff role already exists.' },
  chk_staff_roles_role_length: {
    code: 'staff_role_too_long',
    message: 'A staff role name is at most 50 characters.',
  },
  chk_staff_roles_description_length: {
    code: 'staff_role_description_too_long',
    message: 'A staff role description is at most 1,000 characters.',
  },

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

  // catalog.currencies
  pk_currencies: { code: 'currency_exists', message: 'This currency already exists.' },
  chk_currencies_code_format: {
    code: 'currency_invalid',
    message: 'A currency is a three-letter ISO 4217 code, for example EUR.',
  },
  chk_currencies_minor_units: {
    code: 'currency_minor_units_invalid',
    message: 'A currency has between 0 and 4 digits after the decimal point.',
  },
  uq_currencies_currency_code_minor_units: {
    code: 'currency_exists',
    message: 'This currency already exists.',
  },
  chk_currencies_currency_code_length: {
    code: 'currency_code_too_long',
    message: 'A currency code is 3 letters (ISO 4217).',
  },
  chk_currencies_name_length: {
    code: 'currency_name_too_long',
    message: 'A currency name is at most 200 characters.',
  },

  // catalog.countries
  pk_countries: { code: 'country_exists', message: 'This country already exists.' },
  chk_countries_code_format: {
    code: 'country_invalid',
    message: 'A country is a two-letter ISO 3166-1 code, for example DE.',
  },
  chk_countries_country_code_length: {
    code: 'country_code_too_long',
    message: 'A country code is 2 letters (ISO 3166-1 alpha-2).',
  },
  chk_countries_name_length: {
    code: 'country_name_too_long',
    message: 'A country name is at most 200 characters.',
  },

  // catalog.locales
  pk_locales: { code: 'locale_exists', message: 'This locale already exists.' },
  chk_locales_format: {
    code: 'locale_invalid',
    message: 'A locale is a language code with an optional region, for example en or de-CH.',
  },
  fk_locales_language_locales: {
    code: 'locale_language_unknown',
    message: 'A regional locale needs its language as a locale too (de before de-CH).',
  },
  chk_locales_locale_length: {
    code: 'locale_too_long',
    message: 'A locale tag is at most 35 characters.',
  },
  chk_locales_name_length: {
    code: 'locale_name_too_long',
    message: 'A locale name is at most 200 characters.',
  },

  // accounts.companies
  pk_companies: { code: 'company_exists', message: 'A company with this id already exists.' },
  uq_companies_tenant_id_tax_id: {
    code: 'company_tax_id_taken',
    message: 'Another company already has this tax id.',
  },
  // the tax id is encrypted (app.seal_personal fills its hint and digest; docs/data-protection.md)
  chk_companies_tax_id_sealed: {
    code: 'company_tax_id_not_sealed',
    message: 'A tax id is written with app.encrypt_personal, which also fills its hint and digest.',
  },
  chk_companies_tax_id_hint_length: {
    code: 'company_tax_id_hint_too_long',
    message: 'A tax id hint is at most 60 characters.',
  },
  fk_companies_tenant_id_tenants: { code: 'tenant_not_found', message: 'The tenant does not exist.' },
  fk_companies_tenant_id_parent_company_id_companies: {
    code: 'parent_company_not_found',
    message: 'The parent company does not exist, or still has subsidiaries.',
  },
  fk_companies_default_locale_locales: { code: 'locale_unknown', message: 'This locale is not supported.' },
  chk_companies_not_own_parent: {
    code: 'company_own_parent',
    message: 'A company cannot be its own parent.',
  },
  chk_companies_legal_name_not_blank: {
    code: 'company_legal_name_required',
    message: 'A company needs a legal name.',
  },
  chk_companies_payment_terms_days: {
    code: 'payment_terms_invalid',
    message: 'Payment terms are between 0 and 365 days.',
  },
  chk_companies_credit_limit_not_negative: {
    code: 'credit_limit_negative',
    message: 'A credit limit cannot be negative.',
  },
  fk_companies_default_currency_minor_units_currencies: {
    code: 'currency_unknown',
    message: 'This currency is not supported (or its minor units are in use and cannot change).',
  },
  uq_companies_tenant_id_company_id_minor_units: {
    code: 'company_exists',
    message: 'A company with this id already exists.',
  },
  chk_companies_credit_limit_money: {
    code: 'amount_invalid',
    message:
      'An amount is a finite number below 10^15 with no more decimals than its currency allows (2 for EUR, 0 for JPY, 3 for KWD); it is never rounded.',
  },
  chk_companies_status: {
    code: 'company_status_invalid',
    message: 'A company status is active, on hold or closed.',
  },
  chk_companies_legal_name_length: {
    code: 'company_legal_name_too_long',
    message: 'A legal name is at most 200 characters.',
  },

  // accounts.customer_groups
  pk_customer_groups: {
    code: 'customer_group_exists',
    message: 'A customer group with this id already exists.',
  },
  uq_customer_groups_tenant_id_name: {
    code: 'customer_group_name_taken',
    message: 'Another customer group already has this name.',
  },
  fk_customer_groups_tenant_id_tenants: { code: 'tenant_not_found', message: 'The tenant does not exist.' },
  chk_customer_groups_name_not_blank: {
    code: 'customer_group_name_required',
    message: 'A customer group needs a name.',
  },
  chk_customer_groups_name_length: {
    code: 'customer_group_name_too_long',
    message: 'A customer group name is at most 200 characters.',
  },
  chk_customer_groups_description_length: {
    code: 'customer_group_description_too_long',
    message: 'A customer group description is at most 1,000 characters.',
  },

  // accounts.company_customer_groups
  pk_company_customer_groups: {
    code: 'company_already_in_group',
    message: 'The company is already in this customer group.',
  },
  fk_company_customer_groups_tenant_id_company_id_companies: {
    code: 'company_not_found',
    message: 'The company does not exist.',
  },
  fk_company_customer_groups_tenant_id_customer_group_id: {
    code: 'customer_group_not_found',
    message: 'The customer group does not exist.',
  },

  // accounts.permissions
  pk_permissions: { code: 'permission_exists', message: 'This permission already exists.' },
  chk_permissions_format: {
    code: 'permission_invalid',
    message: 'A permission is written area.action, for example orders.create.',
  },
  chk_permissions_permission_length: {
    code: 'permission_too_long',
    message: 'A permission name is at most 100 characters.',
  },
  chk_permissions_description_length: {
    code: 'permission_description_too_long',
    message: 'A permission description is at most 1,000 characters.',
  },

  // accounts.buyer_roles
  pk_buyer_roles: { code: 'buyer_role_exists', message: 'A buyer role with this id already exists.' },
  uq_buyer_roles_tenant_id_name: {
    code: 'buyer_role_name_taken',
    message: 'Another buyer role already has this name.',
  },
  fk_buyer_roles_tenant_id_tenants: { code: 'tenant_not_found', message: 'The tenant does not exist.' },
  chk_buyer_roles_name_not_blank: { code: 'buyer_role_name_required', message: 'A buyer role needs a name.' },
  chk_buyer_roles_name_length: {
    code: 'buyer_role_name_too_long',
    message: 'A buyer role name is at most 200 characters.',
  },
  chk_buyer_roles_description_length: {
    code: 'buyer_role_description_too_long',
    message: 'A buyer role description is at most 1,000 characters.',
  },

  // accounts.buyer_role_permissions
  pk_buyer_role_permissions: {
    code: 'buyer_role_permission_exists',
    message: 'The buyer role already has this permission.',
  },
  fk_buyer_role_permissions_tenant_id_buyer_role_id_buyer_roles: {
    code: 'buyer_role_not_found',
    message: 'The buyer role does not exist.',
  },
  fk_buyer_role_permissions_permission_permissions: {
    code: 'permission_unknown',
    message: 'There is no such permission.',
  },

  // accounts.buyers
  chk_buyers_phone_sealed: {
    code: 'buyer_phone_not_sealed',
    message: 'A phone number is written with app.encrypt_personal, which also fills its hint.',
  },
  chk_buyers_phone_hint_length: {
    code: 'buyer_phone_hint_too_long',
    message: 'A phone hint is at most 40 characters.',
  },
  pk_buyers: { code: 'buyer_exists', message: 'A buyer with this id already exists.' },
  uq_buyers_tenant_id_company_id_email: {
    code: 'buyer_email_taken',
    message: 'Another buyer of this company already has this email.',
  },
  fk_buyers_tenant_id_company_id_companies: {
    code: 'company_not_found',
    message: 'The company does not exist, or still has buyers.',
  },
  fk_buyers_tenant_id_buyer_role_id_buyer_roles: {
    code: 'buyer_role_not_found',
    message: 'The buyer role does not exist, or is still held by buyers.',
  },
  chk_buyers_email_format: {
    code: 'email_invalid',
    message: 'An email must look like name@example.com and be written in lowercase.',
  },
  chk_buyers_full_name_not_blank: { code: 'buyer_name_required', message: 'A buyer needs a name.' },
  chk_buyers_status: { code: 'buyer_status_invalid', message: 'A buyer status is active or disabled.' },
  chk_buyers_spending_limit_not_negative: {
    code: 'spending_limit_negative',
    message: 'A spending limit cannot be negative.',
  },
  fk_buyers_tenant_id_company_id_minor_units_companies: {
    code: 'company_not_found',
    message: 'The company does not exist.',
  },
  chk_buyers_spending_limit_money: {
    code: 'amount_invalid',
    message:
      'An amount is a finite number below 10^15 with no more decimals than its currency allows (2 for EUR, 0 for JPY, 3 for KWD); it is never rounded.',
  },
  chk_buyers_spending_period: {
    code: 'spending_period_invalid',
    message: 'A spending limit applies per day, week or month.',
  },
  chk_buyers_spending_limit_has_period: {
    code: 'spending_limit_period_required',
    message: 'A spending limit needs a period (day, week or month), and a period needs a limit.',
  },
  chk_buyers_email_length: {
    code: 'buyer_email_too_long',
    message: 'An email address is at most 254 characters.',
  },
  chk_buyers_full_name_length: {
    code: 'buyer_full_name_too_long',
    message: 'A full name is at most 200 characters.',
  },

  // accounts.addresses
  chk_addresses_phone_sealed: {
    code: 'address_phone_not_sealed',
    message: 'A phone number is written with app.encrypt_personal, which also fills its hint.',
  },
  chk_addresses_phone_hint_length: {
    code: 'address_phone_hint_too_long',
    message: 'A phone hint is at most 40 characters.',
  },
  pk_addresses: { code: 'address_exists', message: 'An address with this id already exists.' },
  uq_addresses_default_per_company_kind: {
    code: 'default_address_exists',
    message: 'The company already has a default address of this kind.',
  },
  fk_addresses_tenant_id_company_id_companies: {
    code: 'company_not_found',
    message: 'The company does not exist.',
  },
  fk_addresses_country_code_countries: { code: 'country_unknown', message: 'This country is not supported.' },
  chk_addresses_kind: {
    code: 'address_kind_invalid',
    message: 'An address is a billing or a shipping address.',
  },
  chk_addresses_recipient_not_blank: {
    code: 'address_recipient_required',
    message: 'An address needs a recipient.',
  },
  chk_addresses_line1_not_blank: {
    code: 'address_line_required',
    message: 'An address needs a first address line.',
  },
  chk_addresses_locality_not_blank: {
    code: 'address_locality_required',
    message: 'An address needs a city or town.',
  },
  chk_addresses_postal_code_format: {
    code: 'postal_code_invalid',
    message: 'A postal code is 2 to 12 letters, digits, spaces or hyphens.',
  },
  chk_addresses_label_length: {
    code: 'address_label_too_long',
    message: 'An address label is at most 100 characters.',
  },
  chk_addresses_recipient_length: {
    code: 'address_recipient_too_long',
    message: 'A recipient is at most 200 characters.',
  },
  chk_addresses_line1_length: {
    code: 'address_line1_too_long',
    message: 'An address line is at most 200 characters.',
  },
  chk_addresses_line2_length: {
    code: 'address_line2_too_long',
    message: 'An address line is at most 200 characters.',
  },
  chk_addresses_line3_length: {
    code: 'address_line3_too_long',
    message: 'An address line is at most 200 characters.',
  },
  chk_addresses_locality_length: {
    code: 'address_locality_too_long',
    message: 'A locality is at most 100 characters.',
  },
  chk_addresses_region_length: {
    code: 'address_region_too_long',
    message: 'A region is at most 100 characters.',
  },
  chk_addresses_postal_code_length: {
    code: 'address_postal_code_too_long',
    message: 'A postal code is at most 20 characters.',
  },

  // catalog.products
  pk_products: { code: 'product_exists', message: 'A product with this id already exists.' },
  fk_products_tenant_id_tenants: { code: 'tenant_not_found', message: 'The tenant does not exist.' },
  chk_products_attributes_object: {
    code: 'product_attributes_invalid',
    message: 'Product attributes must be a set of named values (a JSON object).',
  },
  chk_products_attributes_length: {
    code: 'product_attributes_too_large',
    message: 'Product attributes are at most 64 KiB of JSON.',
  },

  // catalog.variants
  pk_variants: { code: 'variant_exists', message: 'A variant with this id already exists.' },
  uq_variants_tenant_id_sku: { code: 'sku_taken', message: 'Another variant already has this SKU.' },
  fk_variants_tenant_id_product_id_products: {
    code: 'product_not_found',
    message: 'The product does not exist, or still has variants.',
  },
  chk_variants_sku_format: {
    code: 'sku_invalid',
    message:
      'A SKU is 1 to 64 letters, digits, dots, underscores, slashes or hyphens, starting with a letter or digit.',
  },
  chk_variants_attributes_object: {
    code: 'variant_attributes_invalid',
    message: 'Variant attributes must be a set of named values (a JSON object).',
  },
  chk_variants_sku_length: {
    code: 'sku_too_long',
    message: 'A SKU is at most 100 characters.',
  },
  chk_variants_attributes_length: {
    code: 'variant_attributes_too_large',
    message: 'Variant attributes are at most 64 KiB of JSON.',
  },

  // catalog.categories
  pk_categories: { code: 'category_exists', message: 'A category with this id already exists.' },
  fk_categories_tenant_id_tenants: { code: 'tenant_not_found', message: 'The tenant does not exist.' },
  fk_categories_tenant_id_parent_category_id_categories: {
    code: 'parent_category_not_found',
    message: 'The parent category does not exist, or still has subcategories.',
  },
  chk_categories_not_own_parent: {
    code: 'category_own_parent',
    message: 'A category cannot be its own parent.',
  },
  chk_categories_path_format: {
    code: 'category_path_invalid',
    message: 'The category path is inconsistent: it is derived from the parent and cannot be set directly.',
  },

  // catalog.category_translations
  pk_category_translations: {
    code: 'category_translation_exists',
    message: 'The category already has a translation in this locale.',
  },
  uq_category_translations_tenant_id_locale_slug: {
    code: 'category_slug_taken',
    message: 'Another category already uses this slug in this locale.',
  },
  fk_category_translations_tenant_id_category_id_categories: {
    code: 'category_not_found',
    message: 'The category does not exist.',
  },
  fk_category_translations_locale_locales: {
    code: 'locale_unknown',
    message: 'This locale is not supported.',
  },
  chk_category_translations_name_not_blank: {
    code: 'category_name_required',
    message: 'A category needs a name.',
  },
  chk_category_translations_slug_format: {
    code: 'slug_invalid',
    message:
      'A slug is lowercase letters and digits in words joined by single hyphens, for example power-tools.',
  },
  chk_category_translations_name_length: {
    code: 'category_name_too_long',
    message: 'A category name is at most 200 characters.',
  },
  chk_category_translations_slug_length: {
    code: 'category_slug_too_long',
    message: 'A category slug is at most 200 characters.',
  },
  chk_category_translations_description_length: {
    code: 'category_description_too_long',
    message: 'A category description is at most 10,000 characters.',
  },

  // catalog.product_categories
  pk_product_categories: {
    code: 'product_already_in_category',
    message: 'The product is already listed in this category.',
  },
  fk_product_categories_tenant_id_category_id_categories: {
    code: 'category_not_found',
    message: 'The category does not exist.',
  },
  fk_product_categories_tenant_id_product_id_products: {
    code: 'product_not_found',
    message: 'The product does not exist.',
  },

  // catalog.product_translations
  pk_product_translations: {
    code: 'product_translation_exists',
    message: 'The product already has a translation in this locale.',
  },
  uq_product_translations_tenant_id_locale_slug: {
    code: 'product_slug_taken',
    message: 'Another product already uses this slug in this locale.',
  },
  fk_product_translations_tenant_id_product_id_products: {
    code: 'product_not_found',
    message: 'The product does not exist.',
  },
  fk_product_translations_locale_locales: {
    code: 'locale_unknown',
    message: 'This locale is not supported.',
  },
  chk_product_translations_name_not_blank: {
    code: 'product_name_required',
    message: 'A product needs a name.',
  },
  chk_product_translations_slug_format: {
    code: 'slug_invalid',
    message:
      'A slug is lowercase letters and digits in words joined by single hyphens, for example power-tools.',
  },
  chk_product_translations_name_length: {
    code: 'product_name_too_long',
    message: 'A product name is at most 200 characters.',
  },
  chk_product_translations_slug_length: {
    code: 'product_slug_too_long',
    message: 'A product slug is at most 200 characters.',
  },
  chk_product_translations_description_length: {
    code: 'product_description_too_long',
    message: 'A product description is at most 10,000 characters.',
  },

  // catalog.price_lists
  pk_price_lists: { code: 'price_list_exists', message: 'A price list with this id already exists.' },
  uq_price_lists_tenant_id_name: {
    code: 'price_list_name_taken',
    message: 'Another price list already has this name.',
  },
  uq_price_lists_tenant_id_price_list_id_currency: {
    code: 'price_list_exists',
    message: 'A price list with this id already exists.',
  },
  fk_price_lists_tenant_id_tenants: { code: 'tenant_not_found', message: 'The tenant does not exist.' },
  fk_price_lists_currency_currencies: {
    code: 'currency_unknown',
    message: 'This currency is not supported.',
  },
  fk_price_lists_tenant_id_customer_group_id_customer_groups: {
    code: 'customer_group_not_found',
    message: 'The customer group does not exist, or still has price lists.',
  },
  fk_price_lists_tenant_id_company_id_companies: {
    code: 'company_not_found',
    message: 'The company does not exist, or still has price lists.',
  },
  chk_price_lists_name_not_blank: { code: 'price_list_name_required', message: 'A price list needs a name.' },
  chk_price_lists_scope: {
    code: 'price_list_scope_invalid',
    message: 'A price list is for everyone (base), a customer group or a company.',
  },
  chk_price_lists_scope_target: {
    code: 'price_list_target_invalid',
    message:
      'A customer group price list names exactly its group, a company price list exactly its company, and a base price list neither.',
  },
  chk_price_lists_priority: {
    code: 'price_list_priority_invalid',
    message: 'A price list priority is between -1,000,000 and 1,000,000.',
  },
  chk_price_lists_valid_during_not_empty: {
    code: 'validity_period_empty',
    message: 'The validity period must not be empty: its end must be after its start.',
  },
  chk_price_lists_name_length: {
    code: 'price_list_name_too_long',
    message: 'A price list name is at most 200 characters.',
  },

  // catalog.prices
  pk_prices: { code: 'price_exists', message: 'A price with this id already exists.' },
  fk_prices_tenant_id_price_list_id_currency_price_lists: {
    code: 'price_list_not_found',
    message: 'The price list does not exist, or its currency differs from the price.',
  },
  fk_prices_tenant_id_variant_id_variants: {
    code: 'variant_not_found',
    message: 'The variant does not exist, or still has prices.',
  },
  chk_prices_unit_price_not_negative: { code: 'price_negative', message: 'A price cannot be negative.' },
  chk_prices_unit_price_money: {
    code: 'unit_price_invalid',
    message: 'A unit price is a finite number below 10^15 with at most 4 decimals; it is never rounded.',
  },
  chk_prices_quantities_valid: {
    code: 'price_tier_invalid',
    message: 'A quantity tier must not be empty and starts at 1 unit or more.',
  },
  chk_prices_valid_during_not_empty: {
    code: 'validity_period_empty',
    message: 'The validity period must not be empty: its end must be after its start.',
  },
  excl_prices_no_overlap: {
    code: 'price_overlaps',
    message:
      'This price list already has a price for this variant and currency whose quantity tier and validity period overlap this one.',
  },

  // catalog.warehouses
  pk_warehouses: { code: 'warehouse_exists', message: 'A warehouse with this id already exists.' },
  uq_warehouses_tenant_id_code: {
    code: 'warehouse_code_taken',
    message: 'Another warehouse already has this code.',
  },
  fk_warehouses_tenant_id_tenants: { code: 'tenant_not_found', message: 'The tenant does not exist.' },
  fk_warehouses_country_code_countries: {
    code: 'country_unknown',
    message: 'This country is not supported.',
  },
  chk_warehouses_code_format: {
    code: 'warehouse_code_invalid',
    message: 'A warehouse code is 1 to 32 uppercase letters, digits, underscores or hyphens.',
  },
  chk_warehouses_name_not_blank: { code: 'warehouse_name_required', message: 'A warehouse needs a name.' },
  chk_warehouses_code_length: {
    code: 'warehouse_code_too_long',
    message: 'A warehouse code is at most 100 characters.',
  },
  chk_warehouses_name_length: {
    code: 'warehouse_name_too_long',
    message: 'A warehouse name is at most 200 characters.',
  },

  // catalog.stock_levels
  pk_stock_levels: {
    code: 'stock_level_exists',
    message: 'This variant already has a stock level in this warehouse.',
  },
  fk_stock_levels_tenant_id_variant_id_variants: {
    code: 'variant_not_found',
    message: 'The variant does not exist, or still has stock.',
  },
  fk_stock_levels_tenant_id_warehouse_id_warehouses: {
    code: 'warehouse_not_found',
    message: 'The warehouse does not exist, or still holds stock.',
  },
  chk_stock_levels_on_hand_not_negative: {
    code: 'stock_negative',
    message: 'Stock on hand cannot be negative.',
  },
  chk_stock_levels_reserved_not_negative: {
    code: 'reservation_negative',
    message: 'Reserved stock cannot be negative.',
  },
  chk_stock_levels_reserved_within_on_hand: {
    code: 'insufficient_stock',
    message: 'Not enough stock: more units would be reserved than are on hand.',
  },

  // catalog.product_pages (the product page read model, written by the catalog's triggers only)
  pk_product_pages: { code: 'product_page_exists', message: 'The product already has a page.' },
  fk_product_pages_tenant_id_product_id_products: {
    code: 'product_not_found',
    message: 'The product does not exist.',
  },
  chk_product_pages_translations_object: {
    code: 'product_page_invalid',
    message: 'A product page keeps its translations as an object by locale.',
  },
  chk_product_pages_variants_array: {
    code: 'product_page_invalid',
    message: 'A product page keeps its variants as a list.',
  },

  // catalog.stock_movements
  pk_stock_movements: {
    code: 'stock_movement_exists',
    message: 'A stock movement with this id already exists.',
  },
  fk_stock_movements_tenant_id_variant_id_warehouse_id_stock: {
    code: 'stock_level_has_history',
    message:
      'The stock level does not exist, or it has stock movements and cannot be removed: set its stock to 0 instead.',
  },
  fk_stock_movements_tenant_id_order_id_orders: {
    code: 'order_not_found',
    message: 'The order does not exist.',
  },
  fk_stock_movements_tenant_id_return_id_returns: {
    code: 'return_not_found',
    message: 'The return does not exist.',
  },
  chk_stock_movements_reason: {
    code: 'stock_movement_reason_invalid',
    message: 'A stock movement is an order, cancel, fulfilment, return, adjustment or sync.',
  },
  chk_stock_movements_changes_stock: {
    code: 'stock_movement_empty',
    message: 'A stock movement changes on hand or reserved units.',
  },
  chk_stock_movements_deltas_fit_reason: {
    code: 'stock_movement_invalid',
    message:
      'This stock change does not fit its reason: only orders reserve (order up, cancel down, fulfilment ships reserved units), returns and counts move on hand only.',
  },
  chk_stock_movements_reference_fits_reason: {
    code: 'stock_movement_reference_invalid',
    message:
      'Order, cancel and fulfilment movements name their order, a return names its order and return, adjustments and syncs name neither.',
  },

  // catalog.attribute_definitions
  pk_attribute_definitions: {
    code: 'attribute_exists',
    message: 'An attribute with this key is already declared.',
  },
  fk_attribute_definitions_tenant_id_tenants: {
    code: 'tenant_not_found',
    message: 'The tenant does not exist.',
  },
  chk_attribute_definitions_key_format: {
    code: 'attribute_key_invalid',
    message: 'An attribute key is up to 63 lowercase letters, digits or underscores, starting with a letter.',
  },
  chk_attribute_definitions_data_type: {
    code: 'attribute_type_invalid',
    message: 'An attribute type is text, number, integer, boolean or text_list.',
  },
  chk_attribute_definitions_unit_not_blank: {
    code: 'attribute_unit_blank',
    message: 'An attribute unit, when given, must not be blank.',
  },
  // orders.order_states
  pk_order_states: { code: 'order_state_exists', message: 'This order state already exists.' },
  chk_order_states_format: {
    code: 'order_state_invalid',
    message: 'An order state is lowercase letters and underscores.',
  },
  chk_attribute_definitions_attribute_key_length: {
    code: 'attribute_key_too_long',
    message: 'An attribute key is at most 100 characters.',
  },
  chk_attribute_definitions_unit_length: {
    code: 'attribute_unit_too_long',
    message: 'An attribute unit is at most 50 characters.',
  },
  chk_order_states_state_length: {
    code: 'order_state_too_long',
    message: 'An order state name is at most 50 characters.',
  },
  chk_order_states_description_length: {
    code: 'order_state_description_too_long',
    message: 'A description is at most 1,000 characters.',
  },

  // orders.order_transitions
  pk_order_transitions: { code: 'order_transition_exists', message: 'This transition is already allowed.' },
  fk_order_transitions_from_state_order_states: {
    code: 'order_state_unknown',
    message: 'There is no such order state.',
  },
  fk_order_transitions_to_state_order_states: {
    code: 'order_state_unknown',
    message: 'There is no such order state.',
  },
  chk_order_transitions_not_to_itself: {
    code: 'order_transition_to_itself',
    message: 'A transition leads to another state.',
  },
  chk_order_transitions_description_length: {
    code: 'order_transition_description_too_long',
    message: 'A description is at most 1,000 characters.',
  },

  // orders.orders
  pk_orders: { code: 'order_exists', message: 'An order with this id already exists.' },
  uq_orders_tenant_id_idempotency_key: {
    code: 'idempotency_key_taken',
    message: 'Another order already has this idempotency key.',
  },
  fk_orders_tenant_id_company_id_companies: {
    code: 'company_not_found',
    message: 'The company does not exist, or still has orders.',
  },
  fk_orders_tenant_id_buyer_id_buyers: {
    code: 'buyer_not_found',
    message: 'The buyer does not exist, or still has orders.',
  },
  fk_orders_state_order_states: { code: 'order_state_unknown', message: 'There is no such order state.' },
  chk_orders_version_positive: { code: 'order_version_invalid', message: 'An order version starts at 1.' },
  chk_orders_idempotency_key_format: {
    code: 'idempotency_key_invalid',
    message: 'An idempotency key is 1 to 200 printable characters without spaces.',
  },
  chk_orders_idempotency_operation: {
    code: 'idempotency_operation_invalid',
    message: 'An idempotency key is used by create_draft or place_order.',
  },
  chk_orders_idempotency_fingerprint_sha256: {
    code: 'idempotency_fingerprint_invalid',
    message: 'A request fingerprint is a SHA-256 digest (32 bytes).',
  },
  chk_orders_idempotency_key_bound_to_request: {
    code: 'idempotency_key_unbound',
    message: 'An idempotency key is stored with the operation and the fingerprint of its request.',
  },
  chk_orders_purchase_order_number_format: {
    code: 'purchase_order_number_invalid',
    message: 'A purchase order number is 1 to 64 characters, not starting or ending with a space.',
  },
  chk_orders_billing_address_object: {
    code: 'order_address_invalid',
    message: 'An order address snapshot is a set of named values (a JSON object).',
  },
  chk_orders_shipping_address_object: {
    code: 'order_address_invalid',
    message: 'An order address snapshot is a set of named values (a JSON object).',
  },
  chk_orders_payment_terms_days: {
    code: 'payment_terms_invalid',
    message: 'Payment terms are between 0 and 365 days.',
  },
  chk_orders_total_amount_not_negative: {
    code: 'order_total_negative',
    message: 'An order total cannot be negative.',
  },
  fk_orders_currency_minor_units_currencies: {
    code: 'currency_unknown',
    message: 'This currency is not supported (or its minor units are in use and cannot change).',
  },
  uq_orders_tenant_id_order_id_minor_units: {
    code: 'order_exists',
    message: 'An order with this id already exists.',
  },
  chk_orders_total_amount_money: {
    code: 'amount_invalid',
    message:
      'An amount is a finite number below 10^15 with no more decimals than its currency allows (2 for EUR, 0 for JPY, 3 for KWD); it is never rounded.',
  },
  chk_orders_submitted_at_by_state: {
    code: 'order_submission_inconsistent',
    message:
      'A draft has no submission time, an order past draft has one; a cancelled order may have either.',
  },
  chk_orders_idempotency_key_length: {
    code: 'idempotency_key_too_long',
    message: 'An idempotency key is at most 200 characters.',
  },
  chk_orders_purchase_order_number_length: {
    code: 'purchase_order_number_too_long',
    message: 'A purchase order number is at most 100 characters.',
  },
  chk_orders_billing_address_length: {
    code: 'order_billing_address_too_large',
    message: 'An address snapshot is at most 8 KiB of JSON.',
  },
  chk_orders_shipping_address_length: {
    code: 'order_shipping_address_too_large',
    message: 'An address snapshot is at most 8 KiB of JSON.',
  },

  // orders.order_lines
  pk_order_lines: { code: 'order_line_exists', message: 'The order already has a line with this number.' },
  uq_order_lines_tenant_id_order_id_variant_id: {
    code: 'order_line_variant_repeated',
    message: 'The order already has a line for this variant.',
  },
  fk_order_lines_tenant_id_variant_id_variants: {
    code: 'variant_not_found',
    message: 'The variant does not exist, or is still on orders.',
  },
  chk_order_lines_line_number_positive: {
    code: 'order_line_number_invalid',
    message: 'Order lines are numbered from 1.',
  },
  chk_order_lines_quantity: {
    code: 'order_quantity_invalid',
    message: 'An order line quantity is a whole number from 1 to 1,000,000.',
  },
  chk_order_lines_unit_price_not_negative: { code: 'price_negative', message: 'A price cannot be negative.' },
  chk_order_lines_unit_price_money: {
    code: 'unit_price_invalid',
    message: 'A unit price is a finite number below 10^15 with at most 4 decimals; it is never rounded.',
  },
  chk_order_lines_line_total_money: {
    code: 'amount_invalid',
    message:
      'An amount is a finite number below 10^15 with no more decimals than its currency allows (2 for EUR, 0 for JPY, 3 for KWD); it is never rounded.',
  },
  chk_order_lines_line_total: {
    code: 'order_line_total_mismatch',
    message: "A line total is its quantity times its unit price, rounded to the currency's minor units.",
  },
  fk_order_lines_tenant_id_order_id_minor_units_orders: {
    code: 'order_not_found',
    message: "The order does not exist (or the minor units given are not its currency's).",
  },
  chk_order_lines_priced_from: {
    code: 'order_priced_from_invalid',
    message: 'A line is priced from a price list or a quote.',
  },
  chk_order_lines_fulfilled_quantity: {
    code: 'fulfilment_exceeds_outstanding',
    message: 'A line cannot ship more units than were ordered.',
  },

  // orders.order_state_history
  pk_order_state_history: { code: 'order_history_exists', message: 'This history entry already exists.' },
  uq_order_state_history_tenant_id_order_id_number: {
    code: 'order_history_number_taken',
    message: 'This change of the order was recorded at the same time as another; try again.',
  },
  chk_order_state_history_number_positive: {
    code: 'order_history_number_invalid',
    message: 'A change of an order is numbered from 1.',
  },
  fk_order_state_history_tenant_id_order_id_orders: {
    code: 'order_not_found',
    message: 'The order does not exist.',
  },
  chk_order_state_history_changed: {
    code: 'order_history_not_a_change',
    message: 'A history entry records a change to another state.',
  },

  // orders.order_allocations
  pk_order_allocations: {
    code: 'order_allocation_exists',
    message: 'The line already holds stock in this warehouse.',
  },
  fk_order_allocations_tenant_id_order_id_variant_id_order_lines: {
    code: 'order_line_not_found',
    message: 'The order line does not exist.',
  },
  fk_order_allocations_tenant_id_variant_id_warehouse_id_stock: {
    code: 'stock_level_not_found',
    message: 'The variant has no stock in this warehouse, or stock still held by orders cannot be removed.',
  },
  chk_order_allocations_reserved_not_negative: {
    code: 'reservation_negative',
    message: 'Reserved stock cannot be negative.',
  },
  chk_order_allocations_consumed_not_negative: {
    code: 'consumption_negative',
    message: 'Shipped stock cannot be negative.',
  },

  // orders.approval_rules
  pk_approval_rules: {
    code: 'approval_rule_exists',
    message: 'An approval rule with this id already exists.',
  },
  uq_approval_rules_tenant_id_company_id_name: {
    code: 'approval_rule_name_taken',
    message: 'The company already has an approval rule with this name.',
  },
  fk_approval_rules_tenant_id_company_id_companies: {
    code: 'company_not_found',
    message: 'The company does not exist, or still has approval rules.',
  },
  fk_approval_rules_tenant_id_placed_by_role_id_buyer_roles: {
    code: 'buyer_role_not_found',
    message: 'The buyer role does not exist, or is still named by approval rules.',
  },
  fk_approval_rules_currency_currencies: {
    code: 'currency_unknown',
    message: 'This currency is not supported.',
  },
  fk_approval_rules_currency_minor_units_currencies: {
    code: 'currency_unknown',
    message: 'This currency is not supported (or its minor units are in use and cannot change).',
  },
  chk_approval_rules_minor_units_with_currency: {
    code: 'approval_rule_amount_currency_required',
    message: 'An approval amount needs a currency, and a currency needs an amount.',
  },
  chk_approval_rules_min_total_amount_money: {
    code: 'amount_invalid',
    message:
      'An amount is a finite number below 10^15 with no more decimals than its currency allows (2 for EUR, 0 for JPY, 3 for KWD); it is never rounded.',
  },
  chk_approval_rules_name_not_blank: {
    code: 'approval_rule_name_required',
    message: 'An approval rule needs a name.',
  },
  chk_approval_rules_min_total_amount_not_negative: {
    code: 'approval_rule_amount_negative',
    message: 'An approval threshold cannot be negative.',
  },
  chk_approval_rules_amount_has_currency: {
    code: 'approval_rule_currency_required',
    message: 'An approval threshold amount needs its currency, and a currency needs an amount.',
  },
  chk_approval_rules_has_condition: {
    code: 'approval_rule_condition_required',
    message: 'An approval rule matches on an order total, on the role of the buyer who placed it, or both.',
  },
  chk_approval_rules_name_length: {
    code: 'approval_rule_name_too_long',
    message: 'An approval rule name is at most 200 characters.',
  },

  // orders.approval_rule_tiers
  pk_approval_rule_tiers: {
    code: 'approval_rule_tier_exists',
    message: 'This role already approves this tier of the rule.',
  },
  fk_approval_rule_tiers_tenant_id_approval_rule_id_rules: {
    code: 'approval_rule_not_found',
    message: 'The approval rule does not exist.',
  },
  fk_approval_rule_tiers_tenant_id_approver_role_id_buyer_roles: {
    code: 'buyer_role_not_found',
    message: 'The buyer role does not exist, or still approves tiers of approval rules.',
  },
  chk_approval_rule_tiers_tier: {
    code: 'approval_tier_invalid',
    message: 'An approval tier is from 1 to 10.',
  },

  // orders.order_approval_steps
  pk_order_approval_steps: {
    code: 'order_approval_step_exists',
    message: 'The order already needs this role at this tier.',
  },
  fk_order_approval_steps_tenant_id_order_id_orders: {
    code: 'order_not_found',
    message: 'The order does not exist.',
  },
  fk_order_approval_steps_tenant_id_approver_role_id_buyer_roles: {
    code: 'buyer_role_not_found',
    message: 'The buyer role does not exist, or orders still wait for its approval.',
  },
  chk_order_approval_steps_tier: {
    code: 'approval_tier_invalid',
    message: 'An approval step of an order is numbered from 1.',
  },

  // orders.order_approvals
  pk_order_approvals: { code: 'approval_tier_decided', message: 'This approval tier was already decided.' },
  uq_order_approvals_tenant_id_order_id_approver_id: {
    code: 'approver_already_decided',
    message: 'This buyer already decided a tier of this order: one person decides at most one tier.',
  },
  fk_order_approvals_tenant_id_order_id_orders: {
    code: 'order_not_found',
    message: 'The order does not exist.',
  },
  fk_order_approvals_tenant_id_approver_id_buyers: {
    code: 'buyer_not_found',
    message: 'The approver does not exist, or still has approval decisions.',
  },
  chk_order_approvals_decision: {
    code: 'approval_decision_invalid',
    message: 'An approval decision is approved or rejected.',
  },
  chk_order_approvals_comment_not_blank: {
    code: 'approval_comment_blank',
    message: 'An approval comment, when given, must not be blank.',
  },

  chk_orders_invoiced_within_total: {
    code: 'order_invoiced_amount_invalid',
    message: 'An order cannot be invoiced for more than its total.',
  },
  chk_orders_invoiced_amount_money: {
    code: 'amount_invalid',
    message:
      'An amount is a finite number below 10^15 with no more decimals than its currency allows (2 for EUR, 0 for JPY, 3 for KWD); it is never rounded.',
  },
  chk_orders_fulfilled_fully_invoiced: {
    code: 'order_not_fully_invoiced',
    message: 'A fulfilled order has been invoiced for exactly its total.',
  },
  chk_order_approvals_comment_length: {
    code: 'approval_comment_too_long',
    message: 'An approval comment is at most 2,000 characters.',
  },

  // orders.invoices
  pk_invoices: { code: 'invoice_exists', message: 'An invoice with this id already exists.' },
  fk_invoices_tenant_id_order_id_orders: { code: 'order_not_found', message: 'The order does not exist.' },
  fk_invoices_tenant_id_company_id_companies: {
    code: 'company_not_found',
    message: 'The company does not exist, or still has invoices.',
  },
  fk_invoices_currency_minor_units_currencies: {
    code: 'currency_unknown',
    message: 'This currency is not supported (or its minor units are in use and cannot change).',
  },
  chk_invoices_amount_money: {
    code: 'amount_invalid',
    message:
      'An amount is a finite number below 10^15 with no more decimals than its currency allows (2 for EUR, 0 for JPY, 3 for KWD); it is never rounded.',
  },
  chk_invoices_amount_not_negative: {
    code: 'invoice_amount_negative',
    message: 'An invoice amount cannot be negative.',
  },
  chk_invoices_lines_array: {
    code: 'invoice_lines_invalid',
    message: 'Invoice lines are a list (a JSON array).',
  },
  chk_invoices_due_after_issue: {
    code: 'invoice_due_before_issue',
    message: 'An invoice cannot be due before it is issued.',
  },

  // orders.receivable_entries
  pk_receivable_entries: { code: 'receivable_entry_exists', message: 'This ledger entry already exists.' },
  // orders.credit_exposures: derived by its trigger (direct writes of the application: B5041); these
  // name a drift from the orders and the ledger it sums (a bug), not a caller's mistake.
  pk_credit_exposures: {
    code: 'credit_exposure_exists',
    message: 'This company already has a credit exposure.',
  },
  fk_credit_exposures_tenant_id_company_id_minor_units_companies: {
    code: 'company_currency_in_use',
    message:
      "A company's currency cannot change to one with other minor units once it has orders or receivables: its credit exposure is kept in them.",
  },
  chk_credit_exposures_debit_total_money: {
    code: 'amount_invalid',
    message:
      'An amount is a finite number below 10^15 with no more decimals than its currency allows (2 for EUR, 0 for JPY, 3 for KWD); it is never rounded.',
  },
  chk_credit_exposures_credit_total_money: {
    code: 'amount_invalid',
    message:
      'An amount is a finite number below 10^15 with no more decimals than its currency allows (2 for EUR, 0 for JPY, 3 for KWD); it is never rounded.',
  },
  chk_credit_exposures_open_order_amount_money: {
    code: 'amount_invalid',
    message:
      'An amount is a finite number below 10^15 with no more decimals than its currency allows (2 for EUR, 0 for JPY, 3 for KWD); it is never rounded.',
  },
  chk_credit_exposures_debit_total_not_negative: {
    code: 'credit_exposure_negative',
    message: "A company's credit exposure totals cannot be negative.",
  },
  chk_credit_exposures_credit_total_not_negative: {
    code: 'credit_exposure_negative',
    message: "A company's credit exposure totals cannot be negative.",
  },
  chk_credit_exposures_open_order_amount_not_negative: {
    code: 'credit_exposure_negative',
    message: "A company's credit exposure totals cannot be negative.",
  },
  fk_receivable_entries_tenant_id_company_id_companies: {
    code: 'company_not_found',
    message: 'The company does not exist, or still has receivables.',
  },
  fk_receivable_entries_tenant_id_invoice_id_invoices: {
    code: 'invoice_not_found',
    message: 'The invoice does not exist.',
  },
  chk_receivable_entries_kind: {
    code: 'receivable_kind_invalid',
    message: 'A ledger entry is an invoice, a payment or a credit note.',
  },
  chk_receivable_entries_amount_not_negative: {
    code: 'receivable_amount_negative',
    message: 'A ledger amount is positive; its kind gives the direction.',
  },
  fk_receivable_entries_currency_minor_units_currencies: {
    code: 'currency_unknown',
    message: 'This currency is not supported (or its minor units are in use and cannot change).',
  },
  chk_receivable_entries_amount_money: {
    code: 'amount_invalid',
    message:
      'An amount is a finite number below 10^15 with no more decimals than its currency allows (2 for EUR, 0 for JPY, 3 for KWD); it is never rounded.',
  },
  chk_receivable_entries_payment_positive: {
    code: 'payment_amount_invalid',
    message: 'A payment is a positive amount.',
  },
  chk_receivable_entries_invoice_has_invoice: {
    code: 'receivable_invoice_required',
    message: 'An invoice entry names its invoice.',
  },
  chk_receivable_entries_reference_not_blank: {
    code: 'receivable_reference_blank',
    message: 'A ledger reference, when given, must not be blank.',
  },
  chk_receivable_entries_reference_length: {
    code: 'payment_reference_too_long',
    message: 'A payment reference is at most 200 characters.',
  },

  // orders.quote_states
  pk_quote_states: { code: 'quote_state_exists', message: 'This quote state already exists.' },
  chk_quote_states_format: {
    code: 'quote_state_invalid',
    message: 'A quote state is lowercase letters and underscores.',
  },
  chk_quote_states_state_length: {
    code: 'quote_state_too_long',
    message: 'A quote state name is at most 50 characters.',
  },
  chk_quote_states_description_length: {
    code: 'quote_state_description_too_long',
    message: 'A description is at most 1,000 characters.',
  },

  // orders.quote_transitions
  pk_quote_transitions: { code: 'quote_transition_exists', message: 'This transition is already allowed.' },
  fk_quote_transitions_from_state_quote_states: {
    code: 'quote_state_unknown',
    message: 'There is no such quote state.',
  },
  fk_quote_transitions_to_state_quote_states: {
    code: 'quote_state_unknown',
    message: 'There is no such quote state.',
  },
  chk_quote_transitions_not_to_itself: {
    code: 'quote_transition_to_itself',
    message: 'A transition leads to another state.',
  },
  chk_quote_transitions_description_length: {
    code: 'quote_transition_description_too_long',
    message: 'A description is at most 1,000 characters.',
  },

  // orders.quotes
  pk_quotes: { code: 'quote_exists', message: 'A quote with this id already exists.' },
  fk_quotes_tenant_id_company_id_companies: {
    code: 'company_not_found',
    message: 'The company does not exist, or still has quotes.',
  },
  fk_quotes_tenant_id_buyer_id_buyers: {
    code: 'buyer_not_found',
    message: 'The buyer does not exist, or still has quotes.',
  },
  fk_quotes_currency_currencies: { code: 'currency_unknown', message: 'This currency is not supported.' },
  fk_quotes_state_quote_states: { code: 'quote_state_unknown', message: 'There is no such quote state.' },
  chk_quotes_note_not_blank: {
    code: 'quote_note_blank',
    message: 'A quote note, when given, must not be blank.',
  },
  chk_quotes_quoted_has_validity: {
    code: 'quote_validity_invalid',
    message: 'A quoted quote has both a quote time and a valid-until date.',
  },
  chk_quotes_priced_unless_requested: {
    code: 'quote_not_priced',
    message: 'A quote is priced before it can be accepted, declined or expire.',
  },
  chk_quotes_note_length: {
    code: 'quote_note_too_long',
    message: 'A quote note is at most 2,000 characters.',
  },

  // orders.quote_lines
  pk_quote_lines: { code: 'quote_line_exists', message: 'The quote already has a line with this number.' },
  uq_quote_lines_tenant_id_quote_id_variant_id: {
    code: 'quote_line_variant_repeated',
    message: 'The quote already has a line for this variant.',
  },
  fk_quote_lines_tenant_id_quote_id_quotes: { code: 'quote_not_found', message: 'The quote does not exist.' },
  fk_quote_lines_tenant_id_variant_id_variants: {
    code: 'variant_not_found',
    message: 'The variant does not exist, or is still on quotes.',
  },
  chk_quote_lines_line_number_positive: {
    code: 'quote_line_number_invalid',
    message: 'Quote lines are numbered from 1.',
  },
  chk_quote_lines_quantity: {
    code: 'quote_quantity_invalid',
    message: 'A quote line quantity is a whole number from 1 to 1,000,000.',
  },
  chk_quote_lines_unit_price_not_negative: { code: 'price_negative', message: 'A price cannot be negative.' },
  chk_quote_lines_unit_price_money: {
    code: 'unit_price_invalid',
    message: 'A unit price is a finite number below 10^15 with at most 4 decimals; it is never rounded.',
  },

  // orders.orders (quotes)
  fk_orders_tenant_id_quote_id_quotes: { code: 'quote_not_found', message: 'The quote does not exist.' },
  uq_orders_tenant_id_quote_id: {
    code: 'quote_already_ordered',
    message: 'This quote already became an order.',
  },

  // orders.return_states
  pk_return_states: { code: 'return_state_exists', message: 'This return state already exists.' },
  chk_return_states_format: {
    code: 'return_state_invalid',
    message: 'A return state is lowercase letters and underscores.',
  },
  chk_return_states_state_length: {
    code: 'return_state_too_long',
    message: 'A return state name is at most 50 characters.',
  },
  chk_return_states_description_length: {
    code: 'return_state_description_too_long',
    message: 'A description is at most 1,000 characters.',
  },

  // orders.return_transitions
  pk_return_transitions: { code: 'return_transition_exists', message: 'This transition is already allowed.' },
  fk_return_transitions_from_state_return_states: {
    code: 'return_state_unknown',
    message: 'There is no such return state.',
  },
  fk_return_transitions_to_state_return_states: {
    code: 'return_state_unknown',
    message: 'There is no such return state.',
  },
  chk_return_transitions_not_to_itself: {
    code: 'return_transition_to_itself',
    message: 'A transition leads to another state.',
  },
  chk_return_transitions_description_length: {
    code: 'return_transition_description_too_long',
    message: 'A description is at most 1,000 characters.',
  },

  // orders.returns
  pk_returns: { code: 'return_exists', message: 'A return with this id already exists.' },
  uq_returns_tenant_id_return_id_order_id: {
    code: 'return_exists',
    message: 'A return with this id already exists.',
  },
  fk_returns_tenant_id_buyer_id_buyers: {
    code: 'buyer_not_found',
    message: 'The buyer does not exist, or still has returns.',
  },
  fk_returns_tenant_id_warehouse_id_warehouses: {
    code: 'warehouse_not_found',
    message: 'The warehouse does not exist, or still has returns.',
  },
  fk_returns_state_return_states: { code: 'return_state_unknown', message: 'There is no such return state.' },
  chk_returns_reason_not_blank: {
    code: 'return_reason_blank',
    message: 'A return reason, when given, must not be blank.',
  },
  chk_returns_credit_amount_not_negative: {
    code: 'return_credit_negative',
    message: 'A return credit cannot be negative.',
  },
  fk_returns_tenant_id_order_id_minor_units_orders: {
    code: 'order_not_found',
    message: "The order does not exist (or the minor units given are not its currency's).",
  },
  chk_returns_credit_amount_money: {
    code: 'amount_invalid',
    message:
      'An amount is a finite number below 10^15 with no more decimals than its currency allows (2 for EUR, 0 for JPY, 3 for KWD); it is never rounded.',
  },
  chk_returns_received_complete: {
    code: 'return_receipt_incomplete',
    message: 'A received return has its warehouse, receipt time and credit amount, and only then.',
  },
  chk_returns_reason_length: {
    code: 'return_reason_too_long',
    message: 'A return reason is at most 2,000 characters.',
  },

  // orders.return_lines
  pk_return_lines: { code: 'return_line_exists', message: 'The return already has a line for this variant.' },
  fk_return_lines_tenant_id_return_id_order_id_returns: {
    code: 'return_not_found',
    message: 'The return does not exist, or is for another order.',
  },
  fk_return_lines_tenant_id_order_id_variant_id_order_lines: {
    code: 'order_line_not_found',
    message: 'The variant is not on the order.',
  },
  chk_return_lines_quantity: {
    code: 'return_quantity_invalid',
    message: 'A return line quantity is a whole number from 1 to 1,000,000.',
  },

  // orders.receivable_entries (returns)
  fk_receivable_entries_tenant_id_return_id_returns: {
    code: 'return_not_found',
    message: 'The return does not exist.',
  },
  // audit.events (written by audit.capture only: these name a broken capture, not a user's input)
  pk_events: { code: 'audit_event_exists', message: 'An audit event with this id already exists.' },
  chk_events_table_name_length: {
    code: 'audit_table_name_too_long',
    message: 'An audited table name is at most 200 characters.',
  },
  chk_events_row_key_length: {
    code: 'audit_row_key_too_long',
    message: 'An audited row key is at most 2,000 bytes of JSON text.',
  },
  chk_events_operation: {
    code: 'audit_operation_invalid',
    message: 'An audit event is an insert, update, delete or truncate.',
  },
  chk_events_actor_role_length: {
    code: 'audit_actor_role_too_long',
    message: 'A role name is at most 63 characters.',
  },
  chk_events_source: {
    code: 'audit_source_invalid',
    message: 'An audit event comes from the application, a seed, a migration or maintenance.',
  },
  chk_events_application_name_length: {
    code: 'audit_application_name_too_long',
    message: 'An application name is at most 200 characters.',
  },
  chk_events_values_fit_operation: {
    code: 'audit_values_invalid',
    message: 'An audit event holds the values its operation keeps.',
  },
  // audit.seals, audit.seal_heads, audit.chain_keys (the hash chain: written by the sealing job)
  pk_seals: { code: 'audit_seal_exists', message: 'This position of the audit chain is already sealed.' },
  uq_seals_tenant_id_event_id: {
    code: 'audit_event_already_sealed',
    message: 'This audit event is already sealed.',
  },
  chk_seals_seal_seq: { code: 'audit_seal_position_invalid', message: 'Audit chain positions start at 1.' },
  chk_seals_row_hash: { code: 'audit_hash_invalid', message: 'An audit hash is 32 bytes (sha256).' },
  chk_seals_chain_hash: { code: 'audit_hash_invalid', message: 'An audit hash is 32 bytes (sha256).' },
  pk_seal_heads: { code: 'audit_chain_head_exists', message: 'The tenant already has an audit chain head.' },
  chk_seal_heads_seal_seq: {
    code: 'audit_seal_position_invalid',
    message: 'Audit chain positions start at 1.',
  },
  chk_seal_heads_chain_hash: { code: 'audit_hash_invalid', message: 'An audit hash is 32 bytes (sha256).' },
  pk_chain_keys: { code: 'audit_chain_key_exists', message: 'The tenant already has an audit chain key.' },
  chk_chain_keys_hash_key: { code: 'audit_chain_key_invalid', message: 'An audit chain key is 32 bytes.' },
  // audit.retired_partitions (retention)
  pk_retired_partitions: {
    code: 'audit_partition_already_retired',
    message: 'This audit partition is already recorded as retired.',
  },
  chk_retired_partitions_partition_name_length: {
    code: 'audit_partition_name_too_long',
    message: 'A partition name is at most 200 characters.',
  },
  chk_retired_partitions_state: {
    code: 'audit_retirement_state_invalid',
    message: 'A retired partition is detached, exported or dropped.',
  },
  chk_retired_partitions_export_file_length: {
    code: 'audit_export_file_too_long',
    message: 'An export file path is at most 1,000 characters.',
  },
  chk_retired_partitions_export_sha256: {
    code: 'audit_export_checksum_invalid',
    message: 'An export checksum is 64 hexadecimal digits (sha256).',
  },
  chk_retired_partitions_exported: {
    code: 'audit_export_incomplete',
    message: 'An exported partition records its file, row count and checksum.',
  },
};

/**
 * Data exceptions and limits, each with its own code (ValidationError): what PostgreSQL refused about a
 * value itself, whatever table or constraint it was headed for. Class 22 codes not listed here are
 * `value_invalid`. @b2b/db's mapDbError uses them
 * for any table; docs/errors.md lists them.
 */
export const valueErrors: Record<string, ErrorEntry> = {
  '54000': {
    code: 'value_too_large',
    message: 'A value is too large for the database to store or index; send a shorter one.',
  },
  '22001': { code: 'value_too_long', message: 'A text value is longer than its column allows.' },
  // 22P02 and 22003 keep the generic `value_invalid` (what callers and the money checks already branch on)
  '22P02': {
    code: 'value_invalid',
    message:
      'A value is not in the expected form (for example an id that is not a UUID, or a number that is not one).',
  },
  '22021': {
    code: 'text_encoding_invalid',
    message: 'Text contains a byte sequence that is not valid UTF-8, or a NUL character (0x00).',
  },
  '22P05': {
    code: 'text_encoding_invalid',
    message: 'Text contains a character the database cannot store (for example a NUL character, \\u0000).',
  },
  '22003': { code: 'value_invalid', message: 'A number is outside the range its column allows.' },
  '22007': { code: 'datetime_malformed', message: 'A date or time is not in a form the database reads.' },
  '22008': {
    code: 'datetime_out_of_range',
    message: 'A date or time is outside the range the database stores.',
  },
  '22012': { code: 'division_by_zero', message: 'A calculation divided by zero.' },
  '22023': { code: 'value_invalid', message: 'A parameter has a value that is not allowed.' },
  '2202E': { code: 'value_invalid', message: 'An array index or size is out of range.' },
  '22004': { code: 'value_required', message: 'A required value is null.' },
  '22030': { code: 'json_invalid', message: 'A JSON value has a duplicate or invalid key.' },
  '22032': { code: 'json_invalid', message: 'A value is not valid JSON.' },
  '2203A': { code: 'json_invalid', message: 'A JSON object has no such member.' },
};
