// create index returns state: runs outside a transaction (create index concurrently on a table in use).
// It serves fk_returns_state_return_states (added by the next migration: removing a return state) and
// the seller's queue of returns waiting to be received. One statement per step: if it fails half way,
// the index is left INVALID; the down step (or a rerun after dropping it) mends it.
/** @param {import('node-pg-migrate').MigrationBuilder} pgm */
export const up = (pgm) => {
  pgm.noTransaction();
  pgm.sql('create index concurrently if not exists idx_returns_state on orders.returns (state)');
};

/** @param {import('node-pg-migrate').MigrationBuilder} pgm */
export const down = (pgm) => {
  pgm.noTransaction();
  pgm.sql('drop index concurrently if exists orders.idx_returns_state');
};
