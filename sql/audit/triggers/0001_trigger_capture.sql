-- The audit trail's capture on every audited table (docs/audit.md, "Capture"): one AFTER ROW trigger calling
-- the generic audit.capture() with the table's primary key columns as arguments, and one BEFORE TRUNCATE
-- statement trigger. db-tests/lint/tenant_tables_are_audited.test.sql requires both, with the right key,
-- on every table with tenant_id (exemptions, with reasons, in tests.lint_exceptions): a new tenant table
-- adds its two statements here.
-- AFTER, so the row is recorded as the BEFORE triggers (timestamps, canonical forms) left it; the names
-- sort after every other trigger of the table (z), so it records the last word.

create or replace trigger trg_memberships_zz_audit
  after insert or update or delete on tenancy.memberships
  for each row execute function audit.capture('tenant_id', 'staff_user_id', 'role');
create or replace trigger trg_memberships_zz_audit_truncate
  before truncate on tenancy.memberships
  for each statement execute function audit.capture_truncate();

create or replace trigger trg_staff_users_zz_audit
  after insert or update or delete on tenancy.staff_users
  for each row execute function audit.capture('tenant_id', 'staff_user_id');
create or replace trigger trg_staff_users_zz_audit_truncate
  before truncate on tenancy.staff_users
  for each statement execute function audit.capture_truncate();

create or replace trigger trg_attribute_definitions_zz_audit
  after insert or update or delete on catalog.attribute_definitions
  for each row execute function audit.capture('tenant_id', 'attribute_key');
create or replace trigger trg_attribute_definitions_zz_audit_truncate
  before truncate on catalog.attribute_definitions
  for each statement execute function audit.capture_truncate();

create or replace trigger trg_categories_zz_audit
  after insert or update or delete on catalog.categories
  for each row execute function audit.capture('tenant_id', 'category_id');
create or replace trigger trg_categories_zz_audit_truncate
  before truncate on catalog.categories
  for each statement execute function audit.capture_truncate();

create or replace trigger trg_category_translations_zz_audit
  after insert or update or delete on catalog.category_translations
  for each row execute function audit.capture('tenant_id', 'category_id', 'locale');
create or replace trigger trg_category_translations_zz_audit_truncate
  before truncate on catalog.category_translations
  for each statement execute function audit.capture_truncate();

create or replace trigger trg_price_lists_zz_audit
  after insert or update or delete on catalog.price_lists
  for each row execute function audit.capture('tenant_id', 'price_list_id');
create or replace trigger trg_price_lists_zz_audit_truncate
  before truncate on catalog.price_lists
  for each statement execute function audit.capture_truncate();

create or replace trigger trg_prices_zz_audit
  after insert or update or delete on catalog.prices
  for each row execute function audit.capture('tenant_id', 'price_id');
create or replace trigger trg_prices_zz_audit_truncate
  before truncate on catalog.prices
  for each statement execute function audit.capture_truncate();

create or replace trigger trg_product_categories_zz_audit
  after insert or update or delete on catalog.product_categories
  for each row execute function audit.capture('tenant_id', 'category_id', 'product_id');
create or replace trigger trg_product_categories_zz_audit_truncate
  before truncate on catalog.product_categories
  for each statement execute function audit.capture_truncate();

create or replace trigger trg_product_translations_zz_audit
  after insert or update or delete on catalog.product_translations
  for each row execute function audit.capture('tenant_id', 'product_id', 'locale');
create or replace trigger trg_product_translations_zz_audit_truncate
  before truncate on catalog.product_translations
  for each statement execute function audit.capture_truncate();

create or replace trigger trg_products_zz_audit
  after insert or update or delete on catalog.products
  for each row execute function audit.capture('tenant_id', 'product_id');
create or replace trigger trg_products_zz_audit_truncate
  before truncate on catalog.products
  for each statement execute function audit.capture_truncate();

create or replace trigger trg_stock_levels_zz_audit
  after insert or update or delete on catalog.stock_levels
  for each row execute function audit.capture('tenant_id', 'variant_id', 'warehouse_id');
create or replace trigger trg_stock_levels_zz_audit_truncate
  before truncate on catalog.stock_levels
  for each statement execute function audit.capture_truncate();

create or replace trigger trg_variants_zz_audit
  after insert or update or delete on catalog.variants
  for each row execute function audit.capture('tenant_id', 'variant_id');
create or replace trigger trg_variants_zz_audit_truncate
  before truncate on catalog.variants
  for each statement execute function audit.capture_truncate();

create or replace trigger trg_warehouses_zz_audit
  after insert or update or delete on catalog.warehouses
  for each row execute function audit.capture('tenant_id', 'warehouse_id');
create or replace trigger trg_warehouses_zz_audit_truncate
  before truncate on catalog.warehouses
  for each statement execute function audit.capture_truncate();

create or replace trigger trg_addresses_zz_audit
  after insert or update or delete on accounts.addresses
  for each row execute function audit.capture('tenant_id', 'address_id');
create or replace trigger trg_addresses_zz_audit_truncate
  before truncate on accounts.addresses
  for each statement execute function audit.capture_truncate();

create or replace trigger trg_buyer_role_permissions_zz_audit
  after insert or update or delete on accounts.buyer_role_permissions
  for each row execute function audit.capture('tenant_id', 'buyer_role_id', 'permission');
create or replace trigger trg_buyer_role_permissions_zz_audit_truncate
  before truncate on accounts.buyer_role_permissions
  for each statement execute function audit.capture_truncate();

create or replace trigger trg_buyer_roles_zz_audit
  after insert or update or delete on accounts.buyer_roles
  for each row execute function audit.capture('tenant_id', 'buyer_role_id');
create or replace trigger trg_buyer_roles_zz_audit_truncate
  before truncate on accounts.buyer_roles
  for each statement execute function audit.capture_truncate();

create or replace trigger trg_buyers_zz_audit
  after insert or update or delete on accounts.buyers
  for each row execute function audit.capture('tenant_id', 'buyer_id');
create or replace trigger trg_buyers_zz_audit_truncate
  before truncate on accounts.buyers
  for each statement execute function audit.capture_truncate();

create or replace trigger trg_companies_zz_audit
  after insert or update or delete on accounts.companies
  for each row execute function audit.capture('tenant_id', 'company_id');
create or replace trigger trg_companies_zz_audit_truncate
  before truncate on accounts.companies
  for each statement execute function audit.capture_truncate();

create or replace trigger trg_company_customer_groups_zz_audit
  after insert or update or delete on accounts.company_customer_groups
  for each row execute function audit.capture('tenant_id', 'company_id', 'customer_group_id');
create or replace trigger trg_company_customer_groups_zz_audit_truncate
  before truncate on accounts.company_customer_groups
  for each statement execute function audit.capture_truncate();

create or replace trigger trg_customer_groups_zz_audit
  after insert or update or delete on accounts.customer_groups
  for each row execute function audit.capture('tenant_id', 'customer_group_id');
create or replace trigger trg_customer_groups_zz_audit_truncate
  before truncate on accounts.customer_groups
  for each statement execute function audit.capture_truncate();

create or replace trigger trg_approval_rule_tiers_zz_audit
  after insert or update or delete on orders.approval_rule_tiers
  for each row execute function audit.capture('tenant_id', 'approval_rule_id', 'tier', 'approver_role_id');
create or replace trigger trg_approval_rule_tiers_zz_audit_truncate
  before truncate on orders.approval_rule_tiers
  for each statement execute function audit.capture_truncate();

create or replace trigger trg_approval_rules_zz_audit
  after insert or update or delete on orders.approval_rules
  for each row execute function audit.capture('tenant_id', 'approval_rule_id');
create or replace trigger trg_approval_rules_zz_audit_truncate
  before truncate on orders.approval_rules
  for each statement execute function audit.capture_truncate();

create or replace trigger trg_invoices_zz_audit
  after insert or update or delete on orders.invoices
  for each row execute function audit.capture('tenant_id', 'invoice_id');
create or replace trigger trg_invoices_zz_audit_truncate
  before truncate on orders.invoices
  for each statement execute function audit.capture_truncate();

create or replace trigger trg_order_allocations_zz_audit
  after insert or update or delete on orders.order_allocations
  for each row execute function audit.capture('tenant_id', 'order_id', 'variant_id', 'warehouse_id');
create or replace trigger trg_order_allocations_zz_audit_truncate
  before truncate on orders.order_allocations
  for each statement execute function audit.capture_truncate();

create or replace trigger trg_order_approval_steps_zz_audit
  after insert or update or delete on orders.order_approval_steps
  for each row execute function audit.capture('tenant_id', 'order_id', 'tier', 'approver_role_id');
create or replace trigger trg_order_approval_steps_zz_audit_truncate
  before truncate on orders.order_approval_steps
  for each statement execute function audit.capture_truncate();

create or replace trigger trg_order_approvals_zz_audit
  after insert or update or delete on orders.order_approvals
  for each row execute function audit.capture('tenant_id', 'order_id', 'tier');
create or replace trigger trg_order_approvals_zz_audit_truncate
  before truncate on orders.order_approvals
  for each statement execute function audit.capture_truncate();

create or replace trigger trg_order_lines_zz_audit
  after insert or update or delete on orders.order_lines
  for each row execute function audit.capture('tenant_id', 'order_id', 'line_number');
create or replace trigger trg_order_lines_zz_audit_truncate
  before truncate on orders.order_lines
  for each statement execute function audit.capture_truncate();

create or replace trigger trg_orders_zz_audit
  after insert or update or delete on orders.orders
  for each row execute function audit.capture('tenant_id', 'order_id');
create or replace trigger trg_orders_zz_audit_truncate
  before truncate on orders.orders
  for each statement execute function audit.capture_truncate();

create or replace trigger trg_quote_lines_zz_audit
  after insert or update or delete on orders.quote_lines
  for each row execute function audit.capture('tenant_id', 'quote_id', 'line_number');
create or replace trigger trg_quote_lines_zz_audit_truncate
  before truncate on orders.quote_lines
  for each statement execute function audit.capture_truncate();

create or replace trigger trg_quotes_zz_audit
  after insert or update or delete on orders.quotes
  for each row execute function audit.capture('tenant_id', 'quote_id');
create or replace trigger trg_quotes_zz_audit_truncate
  before truncate on orders.quotes
  for each statement execute function audit.capture_truncate();

create or replace trigger trg_return_lines_zz_audit
  after insert or update or delete on orders.return_lines
  for each row execute function audit.capture('tenant_id', 'return_id', 'variant_id');
create or replace trigger trg_return_lines_zz_audit_truncate
  before truncate on orders.return_lines
  for each statement execute function audit.capture_truncate();

create or replace trigger trg_returns_zz_audit
  after insert or update or delete on orders.returns
  for each row execute function audit.capture('tenant_id', 'return_id');
create or replace trigger trg_returns_zz_audit_truncate
  before truncate on orders.returns
  for each statement execute function audit.capture_truncate();
