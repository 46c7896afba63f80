/* @name CreateProduct */
insert into catalog.products (product_id, attributes)
values (coalesce(:productId::uuid, gen_random_uuid()), coalesce(:attributes::jsonb, '{}'))
returning product_id, attributes, archived_at, created_at, updated_at;

/* Archived products leave listings and search; they are never deleted. */
/* @name ArchiveProduct */
update catalog.products
set archived_at = coalesce(archived_at, now())
where product_id = :productId!
returning product_id, attributes, archived_at, created_at, updated_at;

/*
  @name UpsertProducts
  @param rows -> ((productId!, attributes!)...)
*/
insert into catalog.products (product_id, attributes)
values :rows
on conflict (tenant_id, product_id) do update
set attributes = excluded.attributes
returning product_id, (xmax = 0) as "inserted!";

/*
  @name UpsertProductTranslations
  @param rows -> ((productId!, locale!, name!, slug!, description)...)
*/
insert into catalog.product_translations (product_id, locale, name, slug, description)
values :rows
on conflict (tenant_id, product_id, locale) do update
set name = excluded.name,
    slug = excluded.slug,
    description = excluded.description
returning product_id, locale, (xmax = 0) as "inserted!";

/* The product page: one row per live variant (or one row with null variant columns when it has none), with the translation for the locale (with fallback), the price resolved for the company, quantity and currency, and the units available over active warehouses. */
/* @name GetProductPage */
select p.product_id, p.attributes, p.created_at,
  t.locale as "locale?", t.name as "name?", t.slug as "slug?", t.description as "description?",
  v.variant_id as "variant_id?", v.sku as "sku?", v.attributes as "variant_attributes?",
  price.unit_price as "unit_price?", price.price_list_id as "price_list_id?",
  price.list_scope as "price_list_scope?", price.quantities::text as "price_quantities?",
  stock.available as "available?"
from catalog.products p
left join lateral catalog.resolve_translation(p.product_id, :locale!) t on true
left join catalog.variants v
  on v.tenant_id = p.tenant_id and v.product_id = p.product_id and v.archived_at is null
left join lateral catalog.resolve_price(:companyId::uuid, v.variant_id, :quantity!::int, :currency!::text) price
  on v.variant_id is not null
left join lateral (
  select sum(s.available)::bigint as available
  from catalog.stock_levels s
  join catalog.warehouses w on w.tenant_id = s.tenant_id and w.warehouse_id = s.warehouse_id
  where s.tenant_id = v.tenant_id and s.variant_id = v.variant_id and w.is_active
) stock on v.variant_id is not null
where p.product_id = :productId! and p.archived_at is null
order by v.sku;

/* The materialized path of a category, to list its subtree as a range. */
/* @name GetCategoryPath */
select category_id, path
from catalog.categories
where category_id = :categoryId!;

/* Live products in a category subtree (path >= :pathFrom and path < :pathTo: a range scan of idx_categories_tenant_id_path), newest first; keyset on (created_at desc, product_id). */
/* @name ListProductsInSubtree */
select p.product_id, p.attributes, p.created_at, p.created_at::text as "cursor_created_at!",
  t.locale as "locale?", t.name as "name?", t.slug as "slug?"
from catalog.products p
left join lateral catalog.resolve_translation(p.product_id, :locale!) t on true
where p.archived_at is null
  and exists (
    select
    from catalog.product_categories pc
    join catalog.categories c on c.tenant_id = pc.tenant_id and c.category_id = pc.category_id
    where pc.tenant_id = p.tenant_id and pc.product_id = p.product_id
      and c.path >= :pathFrom! and c.path < :pathTo!
  )
  and (
    :afterCreatedAt::timestamptz is null
    or p.created_at < :afterCreatedAt::timestamptz
    or (p.created_at = :afterCreatedAt::timestamptz and p.product_id > :afterProductId::uuid)
  )
order by p.created_at desc, p.product_id
limit (:limit!)::int;

/* Search live products: full text (websearch syntax, stemmed with the locale's language) and trigram similarity on names and SKUs; best first, keyset on (score desc, product_id). */
/* @name SearchProducts */
with query as (
  select websearch_to_tsquery(catalog.text_search_config(:locale!), :text!) as tsq, (:text!)::text as text
),
-- matches: translations by full text or a similar name, live variants by a similar SKU
matches as (
  select t.product_id,
    greatest(ts_rank(t.search_vector, q.tsq), extensions.similarity(t.name, q.text)) as score
  from catalog.product_translations t
  cross join query q
  where t.search_vector @@ q.tsq or t.name operator(extensions.%) q.text
  union all
  select v.product_id, extensions.similarity(v.sku, q.text)
  from catalog.variants v
  cross join query q
  where v.archived_at is null and v.sku operator(extensions.%) q.text
),
-- ranked: one row per product, its best score
ranked as (
  select m.product_id, max(m.score)::float8 as score
  from matches m
  group by m.product_id
)
select r.product_id as "product_id!", r.score as "score!", t.locale as "locale?", t.name as "name?", t.slug as "slug?"
from ranked r
join catalog.products p on p.product_id = r.product_id
left join lateral catalog.resolve_translation(r.product_id, :locale!) t on true
where p.archived_at is null
  and (
    :afterScore::float8 is null
    or r.score < :afterScore::float8
    or (r.score = :afterScore::float8 and r.product_id > :afterProductId::uuid)
  )
order by r.score desc, r.product_id
limit (:limit!)::int;
