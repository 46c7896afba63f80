-- Up Migration
-- The product page read model's write guard is now app.guard_derived_writes, shared with
-- orders.credit_exposures (the same rule: only a trigger, the superuser or the owner writes a derived
-- table). The old function goes with its trigger; the catalog's repeatable trigger file creates
-- trg_product_pages_guard again on the shared function in this migrate.
drop function if exists catalog.guard_product_pages() cascade;

-- Down Migration
-- Nothing to restore here: a rollback past this migration keeps the shared guard (its repeatable files
-- are not versioned), which refuses the same writes with the same SQLSTATE (B5040).
