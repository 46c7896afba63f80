-- Search as one function, so that its plan is cached per connection (why: see catalog.product_page; the
-- search statement took several milliseconds to plan, as much as it took to run).
-- The generic plan is what the tests pin (packages/catalog/src/query-plans.test.ts): the matching still
-- runs inside the GIN indexes, since the tsquery and the text are parameters of the plan, which `@@` and
-- `%` (both leakproof: see sql/bootstrap/after_migrate) take as index conditions. A custom plan would
-- only differ in row estimates.
-- SECURITY INVOKER (the default): row-level security applies to the caller, as for a plain query.
create or replace function catalog.search_products(
  search_text text,
  requested_locale text,
  path_from text,
  path_to text,
  company uuid,
  currency text,
  min_price numeric,
  max_price numeric,
  in_stock boolean,
  after_score float8,
  after_product uuid,
  page_size integer
)
returns table (product_id uuid, score float8, locale text, name text, slug text)
language plpgsql stable
set plan_cache_mode = force_generic_plan
as $$
#variable_conflict use_column
declare
  -- Parsed once per call, here: written inside the statement, a generic plan would parse it again for
  -- every row it ranks or rechecks (it is a stable expression of the arguments, not a constant).
  parsed_query tsquery := websearch_to_tsquery(catalog.text_search_config(requested_locale), search_text);
begin
  return query
  -- query: the parsed search text, inlined (not materialized) into both matches below, so `@@` and `%`
  -- are index conditions (a CTE scan would make them join filters)
  with query as not materialized (
    select parsed_query as tsq, search_products.search_text as text
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
  -- ranked: one row per matched product with its best score, after the cursor, best first. offset 0 keeps
  -- the conditions below out of this subquery: they run on its rows in score order, only until the page
  -- is full. That includes "the product is live": a primary key lookup per hit shown, rather than a join
  -- with all of the tenant's products before ranking (a hash join that read every product of the tenant)
  ranked as (
    select m.product_id, max(m.score)::float8 as score
    from matches m
    group by m.product_id
    having search_products.after_score is null
      or max(m.score)::float8 < search_products.after_score
      or (max(m.score)::float8 = search_products.after_score and m.product_id > search_products.after_product)
    order by score desc, m.product_id
    offset 0
  )
  select r.product_id, r.score, t.locale, t.name, t.slug
  from ranked r
  left join lateral catalog.resolve_translation(r.product_id, search_products.requested_locale) t on true
  where exists (
      select from catalog.products p where p.product_id = r.product_id and p.archived_at is null
    )
    -- in the category subtree [path_from, path_to) when one is given
    and (
      search_products.path_from is null
      or exists (
        select
        from catalog.product_categories pc
        join catalog.categories c on c.tenant_id = pc.tenant_id and c.category_id = pc.category_id
        where pc.product_id = r.product_id
          and c.path >= search_products.path_from and c.path < search_products.path_to
      )
    )
    -- some live variant in the price range and/or in stock, when asked
    and (
      (search_products.min_price is null and search_products.max_price is null and not search_products.in_stock)
      or exists (
        select
        from catalog.variants v
        left join lateral catalog.resolve_price(search_products.company, v.variant_id, 1, search_products.currency) price on true
        where v.product_id = r.product_id and v.archived_at is null
          and (search_products.min_price is null or price.unit_price >= search_products.min_price)
          and (search_products.max_price is null or price.unit_price <= search_products.max_price)
          and (
            not search_products.in_stock
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
  limit search_products.page_size;
end
$$;
comment on function catalog.search_products(text, text, text, text, uuid, text, numeric, numeric, boolean, float8, uuid, integer) is
  'Searches live products: full text (websearch syntax, stemmed with requested_locale''s language) and trigram similarity on names and SKUs, score the best of ts_rank and similarity per product; best first, keyset (after_score, after_product), at most page_size rows, each with its translation for requested_locale (catalog.resolve_translation). Optional filters: a category subtree [path_from, path_to), a live variant priced for company (one unit, currency; catalog.resolve_price) within [min_price, max_price] and/or in stock in an active warehouse (in_stock). One cached generic plan per connection (plan_cache_mode = force_generic_plan).';
