/* @name CreateProduct */
insert into catalog.products (product_id, attributes)
values (coalesce(:productId::uuid, gen_random_uuid()), coalesce(:attributes::jsonb, '{}'))
returning product_id, attributes, archived_at, created_at, updated_at;

/* Archived products leave listings and search; they are never deleted. Archiving again keeps the first
   archived_at: least() ignores a null. Not coalesce(archived_at, now()): Citus refuses a function that is
   not immutable inside COALESCE or CASE of an UPDATE (it evaluates now() once, before routing). */
/* @name ArchiveProduct */
update catalog.products
set archived_at = least(archived_at, now())
where tenant_id = :tenantId! and product_id = :productId!
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

/* The product page for a viewer (a buyer acting for a company, or base prices in a currency: checked by catalog.viewer_pricing in the same call): one row per live variant (or one row with null variant columns when it has none), with the currency shown, the translation for the locale (with fallback), the price resolved for the viewer and quantity, and the units available over active warehouses. The query is catalog.product_page (sql/catalog/functions): its plan is cached per connection, where this statement would be planned again on every call. */
/* @name GetProductPage */
select pp.currency as "currency!", pp.product_id as "product_id!", pp.attributes as "attributes!", pp.created_at as "created_at!",
  pp.locale as "locale?", pp.name as "name?", pp.slug as "slug?", pp.description as "description?",
  pp.variant_id as "variant_id?", pp.sku as "sku?", pp.variant_attributes as "variant_attributes?",
  pp.unit_price as "unit_price?", pp.price_list_id as "price_list_id?",
  pp.price_list_scope as "price_list_scope?", pp.price_quantities as "price_quantities?",
  pp.available as "available?"
from catalog.product_page(:tenantId!::uuid, :productId!::uuid, :locale!::text, :buyerId::uuid, :companyId::uuid, :currency::text,
  :quantity!::int) pp;

/* The materialized path of a category, to list its subtree as a range. */
/* @name GetCategoryPath */
select category_id, path
from catalog.categories
where tenant_id = :tenantId! and category_id = :categoryId!;

/* Live products in a category subtree (path >= :pathFrom and path < :pathTo: a range scan of idx_categories_tenant_id_path), newest first: created_at descending, then product_id ascending (idx_products_tenant_id_created_at_live); keyset on the last row's (created_at, product_id) from the page cursor, created_at at full precision (cursor_created_at: UTC, microseconds). */
/* @name ListProductsInSubtree */
select p.product_id, p.attributes, p.created_at,
  to_char(p.created_at at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursor_created_at!",
  t.locale as "locale?", t.name as "name?", t.slug as "slug?"
from catalog.products p
-- the translation: catalog.resolve_translation's fallback, written into the statement (a PL/pgSQL call per
-- product would cost a function call per row); the tenant's default locale is an InitPlan, read once
left join lateral (
  select tr.locale, tr.name, tr.slug
  from catalog.product_translations tr
  cross join (
    select (select tn.default_locale from tenancy.tenants tn where tn.tenant_id = :tenantId!) as default_locale
  ) d
  where tr.tenant_id = :tenantId!
    and tr.product_id = p.product_id
    and tr.locale in (:locale!, split_part(:locale!, '-', 1), d.default_locale, split_part(d.default_locale, '-', 1))
  order by case tr.locale
    when :locale! then 1
    when split_part(:locale!, '-', 1) then 2
    when d.default_locale then 3
    else 4
  end
  limit 1
) t on true
where p.tenant_id = :tenantId!
  and p.archived_at is null
  and exists (
    select 1
    from catalog.product_categories pc
    join catalog.categories c on c.tenant_id = pc.tenant_id and c.category_id = pc.category_id
    where pc.tenant_id = :tenantId! and pc.product_id = p.product_id
      and c.path >= :pathFrom! and c.path < :pathTo!
  )
  and (
    :afterCreatedAt::timestamptz is null
    or p.created_at < :afterCreatedAt::timestamptz
    or (p.created_at = :afterCreatedAt::timestamptz and p.product_id > :afterProductId::uuid)
  )
order by p.created_at desc, p.product_id
limit (:limit!)::int;

/* Search live products: full text (websearch syntax, stemmed with the locale's language) and trigram similarity on names and SKUs; best first, keyset on (score desc, product_id). Optional filters: a category subtree (path range, as in ListProductsInSubtree), and a live variant that costs the buyer between :minPrice and :maxPrice (catalog.resolve_price for :companyId, one unit, :currency) and/or is in stock in an active warehouse. The query is catalog.search_products (sql/catalog/functions): its plan is cached per connection, where this statement would be planned again on every call. The GIN indexes serve the matching only because @@ and % are leakproof (sql/bootstrap/after_migrate). */
/* @name SearchProducts */
select s.product_id as "product_id!", s.score as "score!", s.locale as "locale?", s.name as "name?", s.slug as "slug?"
from catalog.search_products(
  :tenantId!::uuid, :text!::text, :locale!::text, :pathFrom::text, :pathTo::text, :companyId::uuid, :currency::text,
  :minPrice::numeric, :maxPrice::numeric, :inStock!::boolean, :afterScore::float8, :afterProductId::uuid,
  (:limit!)::int
) s;
