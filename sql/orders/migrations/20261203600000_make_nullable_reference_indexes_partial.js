// make nullable reference indexes partial: runs outside a transaction (each index is dropped and built
// again concurrently, so reads and writes of these tables go on; stock_movements is the journal, the
// largest of them).
//
// An index that serves a foreign key on a nullable column (a movement's order or return, a company's
// parent, a receivable entry's invoice) holds an entry for every row, though a row whose reference is
// null references nothing: the foreign key's checks look rows up by `column = value`, which no null entry
// can match. Partial on `column is not null`, such a row costs no index entry: the large seed's 2,000,000
// opening stock movements, which have neither order nor return, no longer build two indexes of nulls
// (4.9 s of the load on a quiet machine, docs/benchmarks.md "Large seed"), and an order's 5 movements
// write 5 index entries fewer. Every query that used them names a value (`order_id = $1`), which implies
// `is not null`, so the planner still uses them. The lint nullable_references_have_partial_indexes
// (db-tests/lint) holds every such index, indexes added later included, to this.
//
// Each step is idempotent: a rerun after a failure drops whatever index has the name (the old one, or an
// INVALID half-built new one) and builds it again.
const INDEXES = [
  ['tenancy.memberships', 'idx_memberships_tenant_id_granted_by', '(tenant_id, granted_by)', 'granted_by'],
  ['accounts.companies', 'idx_companies_tenant_id_parent_company_id', '(tenant_id, parent_company_id)', 'parent_company_id'],
  ['catalog.categories', 'idx_categories_tenant_id_parent_category_id', '(tenant_id, parent_category_id)', 'parent_category_id'],
  ['catalog.price_lists', 'idx_price_lists_tenant_id_customer_group_id', '(tenant_id, customer_group_id)', 'customer_group_id'],
  ['catalog.price_lists', 'idx_price_lists_tenant_id_company_id', '(tenant_id, company_id)', 'company_id'],
  ['catalog.stock_movements', 'idx_stock_movements_tenant_id_order_id', '(tenant_id, order_id)', 'order_id'],
  ['catalog.stock_movements', 'idx_stock_movements_tenant_id_return_id', '(tenant_id, return_id)', 'return_id'],
  ['orders.approval_rules', 'idx_approval_rules_tenant_id_placed_by_role_id', '(tenant_id, placed_by_role_id)', 'placed_by_role_id'],
  ['orders.approval_rules', 'idx_approval_rules_currency_minor_units', '(currency, minor_units)', 'currency'],
  ['orders.receivable_entries', 'idx_receivable_entries_tenant_id_invoice_id', '(tenant_id, invoice_id)', 'invoice_id'],
  ['orders.receivable_entries', 'idx_receivable_entries_tenant_id_return_id', '(tenant_id, return_id)', 'return_id'],
  ['orders.returns', 'idx_returns_tenant_id_warehouse_id', '(tenant_id, warehouse_id)', 'warehouse_id'],
];

/** @param {import('node-pg-migrate').MigrationBuilder} pgm */
export const up = (pgm) => {
  pgm.noTransaction();
  for (const [table, index, columns, nullable] of INDEXES) {
    const schema = table.split('.')[0];
    pgm.sql(`drop index concurrently if exists ${schema}.${index}`);
    pgm.sql(`create index concurrently if not exists ${index} on ${table} ${columns} where ${nullable} is not null`);
  }
};

/** @param {import('node-pg-migrate').MigrationBuilder} pgm */
export const down = (pgm) => {
  pgm.noTransaction();
  for (const [table, index, columns] of INDEXES) {
    const schema = table.split('.')[0];
    pgm.sql(`drop index concurrently if exists ${schema}.${index}`);
    pgm.sql(`create index concurrently if not exists ${index} on ${table} ${columns}`);
  }
};
