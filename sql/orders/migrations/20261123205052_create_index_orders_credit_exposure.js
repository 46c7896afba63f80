// create index orders credit exposure: runs outside a transaction (create index concurrently on a busy
// table). One statement per step: if it fails half way, the index is left INVALID; the down step (or a
// rerun after dropping it) mends it.
//
// orders.check_credit_limit (every placement) sums what a company's open orders have not invoiced yet.
// Through idx_orders_tenant_id_company_id_created_at it read every order the company ever placed, so a
// placement got slower with the company's history (about 1 ms per 1,000 orders). With the state in the
// key it reads the open orders only (the three open states are three ranges of the index). The amounts
// are deliberately not included: set_order_lines updates total_amount right after the insert, and an
// update that changes no indexed column can stay HOT (no new entry in any of the table's indexes).
/** @param {import('node-pg-migrate').MigrationBuilder} pgm */
export const up = (pgm) => {
  pgm.noTransaction();
  pgm.sql(`create index concurrently if not exists idx_orders_tenant_id_company_id_state
  on orders.orders (tenant_id, company_id, state)`);
};

/** @param {import('node-pg-migrate').MigrationBuilder} pgm */
export const down = (pgm) => {
  pgm.noTransaction();
  pgm.sql('drop index concurrently if exists orders.idx_orders_tenant_id_company_id_state');
};
