-- Up Migration
-- orders.credit_exposures' write guard is now app.guard_derived_writes, shared with the product page read
-- model (catalog's 20261204000000). The old function goes with its trigger; the orders' repeatable trigger
-- file creates trg_credit_exposures_guard again on the shared function in this migrate.
drop function if exists orders.guard_credit_exposures() cascade;

-- Down Migration
-- Nothing to restore: the shared guard refuses the same writes with the same SQLSTATE (B5041).
