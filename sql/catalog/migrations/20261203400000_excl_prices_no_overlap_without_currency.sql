-- Up Migration
-- excl_prices_no_overlap keeps its name and its rule (two prices of one list, variant and currency may
-- not overlap in both quantity tier and validity period); its index drops the currency column, which
-- the rule does not need: a price's currency is its price list's
-- (fk_prices_tenant_id_price_list_id_currency_price_lists references price_lists (tenant_id,
-- price_list_id, currency), and (tenant_id, price_list_id) is price_lists' primary key), so two prices of
-- one tenant and list always have the same currency, and "same list" already means "same currency".
-- Why: the GiST index behind the constraint is the largest single cost of the large seed (PostgreSQL 15
-- builds it row by row: btree_gist and range types have no sort support for a sorted build), and every
-- column is compared on every page the build descends through. Over 500,000 prices (sorted by tenant
-- and variant, on the project's 2-core machine) the 5-column index took 7.1 s of backend CPU against
-- 11.9 s for the 6-column one (docs/benchmarks.md, "Large seed").
-- One visible difference: a price in the wrong currency that also overlaps a price of its list is now
-- refused as the overlap (23P01, checked when the index entry is inserted) before the foreign key on the
-- currency (23503, checked at the end of the statement) can refuse it.
alter table catalog.prices drop constraint excl_prices_no_overlap;
-- squawk-ignore adding-foreign-key-constraint, constraint-missing-not-valid
alter table catalog.prices add constraint excl_prices_no_overlap exclude using gist (
  tenant_id with =, variant_id with =, price_list_id with =,
  valid_during with &&, quantities with &&
);

-- Down Migration
alter table catalog.prices drop constraint excl_prices_no_overlap;
alter table catalog.prices add constraint excl_prices_no_overlap exclude using gist (
  tenant_id with =, variant_id with =, price_list_id with =, currency with =,
  valid_during with &&, quantities with &&
);
