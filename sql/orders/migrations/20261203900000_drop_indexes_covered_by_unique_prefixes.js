// drop indexes covered by unique prefixes: runs outside a transaction (each index is dropped concurrently,
// so reads and writes of these tables go on).
//
// Each of these indexes was built for a foreign key whose columns it holds exactly, but another index of
// the table already leads with columns that the key maps onto a unique key of the referenced table: an
// order line's (tenant_id, order_id, minor_units) key to its order is served by the line's primary key
// (tenant_id, order_id, line_number), because (tenant_id, order_id) is the order's primary key, so the
// lines that reference an order are exactly those under that prefix; minor_units only repeats the order's.
// A delete or key update of the order finds them there as fast. What the index cost was an entry for every
// row: 5 per placed order for its lines (issue 13). The lint foreign_keys_have_covering_indexes accepts
// such a prefix (db-tests/lint).
//
// Idempotent; the down migration builds them again, concurrently.
const INDEXES = [
  ['accounts.buyers', 'idx_buyers_tenant_id_company_id_minor_units', '(tenant_id, company_id, minor_units)'],
  ['orders.order_lines', 'idx_order_lines_tenant_id_order_id_minor_units', '(tenant_id, order_id, minor_units)'],
  ['orders.return_lines', 'idx_return_lines_tenant_id_return_id_order_id', '(tenant_id, return_id, order_id)'],
];

/** @param {import('node-pg-migrate').MigrationBuilder} pgm */
export const up = (pgm) => {
  pgm.noTransaction();
  for (const [table, index] of INDEXES) {
    pgm.sql(`drop index concurrently if exists ${table.split('.')[0]}.${index}`);
  }
};

/** @param {import('node-pg-migrate').MigrationBuilder} pgm */
export const down = (pgm) => {
  pgm.noTransaction();
  for (const [table, index, columns] of INDEXES) {
    pgm.sql(`drop index concurrently if exists ${table.split('.')[0]}.${index}`);
    pgm.sql(`create index concurrently if not exists ${index} on ${table} ${columns}`);
  }
};
