/* @name CreateVariant */
insert into catalog.variants (variant_id, product_id, sku, attributes)
values (coalesce(:variantId::uuid, gen_random_uuid()), :productId!, :sku!, coalesce(:attributes::jsonb, '{}'))
returning variant_id, product_id, sku, attributes, archived_at, created_at, updated_at;

/* Inserts or updates variants keyed by SKU; a SKU already used by another product is not updated (and not returned). */
/*
  @name UpsertVariants
  @param rows -> ((productId!, sku!, attributes!, archivedAt)...)
*/
insert into catalog.variants (product_id, sku, attributes, archived_at)
values :rows
on conflict (tenant_id, sku) do update
set attributes = excluded.attributes,
    archived_at = excluded.archived_at
where variants.product_id = excluded.product_id
returning variant_id, product_id, sku, (xmax = 0) as "inserted!";
