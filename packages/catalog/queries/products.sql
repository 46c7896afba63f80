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

/* Search live products: full text (websearch syntax, stemmed with the locale's language) and trigram similarity on names and SKUs; best first, keyset on (score desc, product_id). Optional filters: a category subtree (path range, as in ListProductsInSubtree), and a live variant that costs the buyer between :minPrice and :maxPrice (catalog.resolve_price for :companyId, one unit, :currency) and/or is in stock in an active warehouse. The GIN indexes serve the matching only because @@ and % are leakproof (sql/bootstrap/after_migrate). */
/* @name SearchProducts */
-- query: the parsed search text. Not materialized: inlined into both matches below, the tsquery and the
-- text are constants there, so `@@` and `%` become index conditions (a CTE scan would make them join filters)
with query as not materialized (
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
-- ranked: one row per live product with its best score, after the cursor, best first. offset 0 keeps
-- the filters below out of this subquery: they run on its rows in score order, only until the page is full
ranked as (
  select m.product_id, max(m.score)::float8 as score
  from matches m
  join catalog.products p on p.product_id = m.product_id and p.archived_at is null
  group by m.product_id
  having :afterScore::float8 is null
    or max(m.score)::float8 < :afterScore::float8
    or (max(m.score)::float8 = :afterScore::float8 and m.product_id > :afterProductId::uuid)
  order by score desc, m.product_id
  offset 0
)
select r.product_id as "product_id!", r.score as "score!", t.locale as "locale?", t.name as "name?", t.slug as "slug?"
from ranked r
left join lateral catalog.resolve_translation(r.product_id, :locale!) t on true
-- in the category subtree [pathFrom, pathTo) when one is given
where (
    :pathFrom::text is null
    or exists (
      select
      from catalog.product_categories pc
      join catalog.categories c on c.tenant_id = pc.tenant_id and c.category_id = pc.category_id
      where pc.product_id = r.product_id
        and c.path >= :pathFrom::text and c.path < :pathTo::text
    )
  )
  -- some live variant in the price range and/or in stock, when asked
  and (
    (:minPrice::numeric is null and :maxPrice::numeric is null and not :inStock!::boolean)
    or exists (
      select
      from catalog.variants v
      left join lateral catalog.resolve_price(:companyId::uuid, v.variant_id, 1, :currency::text) price on true
      where v.product_id = r.product_id and v.archived_at is null
        and (:minPrice::numeric is null or price.unit_price >= :minPrice::numeric)
        and (:maxPrice::numeric is null or price.unit_price <= :maxPrice::numeric)
        and (
          not :inStock!::boolean
          or exists (
            select
            from catalog.stock_levels s
            join catalog.warehouses w on w.tenant_id = s.tenant_id and w.warehouse_id = s.warehouse_id
            where s.tenant_id = v.tenant_id and s.variant_id = v.variant_id and s.available > 0 and w.is_active
          )
        )
    )
  )
order by r.score desc, r.product_id
limit (:limit!)::int;
