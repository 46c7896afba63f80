/* valid_during as the range itself, not ::text: on Citus the RETURNING list is computed on the shard, which refuses
   a function that is not immutable (tstzrange's text depends on the session's TimeZone); the client gets the
   same text either way (pgtyped.config.json maps tstzrange to string). */
/* @name CreatePriceList */
insert into catalog.price_lists (price_list_id, name, currency, scope, customer_group_id, company_id, priority,
  valid_during)
values (coalesce(:priceListId::uuid, gen_random_uuid()), :name!, :currency!, coalesce(:scope, 'base'),
  :customerGroupId, :companyId, coalesce(:priority::int, 0), coalesce(:validDuring::tstzrange, '(,)'))
returning price_list_id, name, currency, scope, customer_group_id, company_id, priority,
  valid_during as "valid_during!";

/* Inserts or updates prices keyed by price_id; overlapping tiers and periods are refused (excl_prices_no_overlap). */
/*
  @name UpsertPrices
  @param rows -> ((priceId!, priceListId!, variantId!, currency!, unitPrice!, quantities!, validDuring!)...)
*/
insert into catalog.prices (price_id, price_list_id, variant_id, currency, unit_price, quantities, valid_during)
values :rows
on conflict (tenant_id, price_id) do update
set unit_price = excluded.unit_price,
    quantities = excluded.quantities,
    valid_during = excluded.valid_during
returning price_id, (xmax = 0) as "inserted!";

/* The price that applies (catalog.resolve_price); no row when none does. */
/* @name ResolvePrice */
select r.unit_price as "unit_price!", r.price_list_id as "price_list_id!", r.list_scope as "list_scope!",
  r.list_priority as "list_priority!", r.price_id as "price_id!", r.quantities::text as "quantities!"
from catalog.resolve_price(:tenantId!::uuid, :companyId::uuid, :variantId!::uuid, :quantity!::int, :currency!::text,
  coalesce(:at::timestamptz, now())) r;

/* Whose prices a viewer sees, in which currency (catalog.viewer_pricing: B2104/B2105 for a buyer not acting for its company, B2204 for an unknown currency). */
/* @name GetViewerPricing */
select v.company_id, v.currency as "currency!"
from catalog.viewer_pricing(:tenantId!::uuid, :buyerId::uuid, :companyId::uuid, :currency::text) v;
