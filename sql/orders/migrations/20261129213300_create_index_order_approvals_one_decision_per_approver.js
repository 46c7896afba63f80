// create index order approvals one decision per approver: runs outside a transaction (create index
// concurrently on a table in use), then makes the index the unique constraint
// uq_order_approvals_tenant_id_order_id_approver_id: one buyer decides at most one tier of an order (two
// tiers naming the same role need two people). orders.approve_order / reject_order check it first, with
// the order locked (a repeat of the same decision is a replay; SQLSTATE B3015 otherwise); the constraint is
// the backstop for any other writer. The build fails where an approver already decided two tiers of one
// order (what the old functions allowed): list them with
//   select tenant_id, order_id, approver_id from orders.order_approvals group by 1, 2, 3 having count(*) > 1
// and decide those orders by hand before migrating. One statement per step: if the build fails half way,
// the index is left INVALID; the down step (or a rerun after dropping it) mends it.
/** @param {import('node-pg-migrate').MigrationBuilder} pgm */
export const up = (pgm) => {
  pgm.noTransaction();
  pgm.sql(`create unique index concurrently if not exists uq_order_approvals_tenant_id_order_id_approver_id
  on orders.order_approvals (tenant_id, order_id, approver_id)`);
  pgm.sql(`alter table orders.order_approvals add constraint uq_order_approvals_tenant_id_order_id_approver_id
  unique using index uq_order_approvals_tenant_id_order_id_approver_id`);
};

/** @param {import('node-pg-migrate').MigrationBuilder} pgm */
export const down = (pgm) => {
  pgm.noTransaction();
  pgm.sql(
    'alter table orders.order_approvals drop constraint if exists uq_order_approvals_tenant_id_order_id_approver_id',
  );
};
