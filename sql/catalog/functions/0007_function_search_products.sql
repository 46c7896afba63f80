-- Search as one function, so that its plan is cached per connection (why: see catalog.product_page; the
-- search statement took several milliseconds to plan, as much as it took to run).
-- The generic plan is what the tests pin (packages/catalog/src/query-plans.test.ts): the matching still
-- runs inside the GIN indexes, since the tsquery and the text are parameters of the plan, which `@@` and
-- `%` (both leakproof: see sql/bootstrap/after_migrate) take as index conditions. A custom plan would
-- only differ in row estimates.
-- Routing: the tenant is the first argument (app.check_tenant) and every tenant table of the statement is
-- filtered on it, so on Citus the call runs on the node that holds the tenant and its statement on the
-- tenant's shards only. The translation fallback and the price precedence are those of
-- catalog.resolve_translation and catalog.resolve_price, written into the statement (see
-- catalog.product_page for why).
-- SECURITY INVOKER (the default): row-level security applies to the caller, as for a plain query.
create or replace function catalog.search_products(
  p_tenant_id uuid,
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
  v_tenant uuid := app.check_tenant(p_tenant_id);
  -- The tenant's default locale (the translation fallback), read here, once per call: on Citus a statement
  -- of a delegated function may not join a reference table (tenancy.tenants) with the distributed ones
  -- ("queries must filter by the distribution argument in the same colocation group").
  tenant_locale text;
  -- Parsed once per call, here: written inside the statement, a generic plan would parse it again for
  -- every row it ranks or rechecks (it is a stable expression of the arguments, not a constant).
  parsed_query tsquery := websearch_to_tsquery(catalog.text_search_config(requested_locale), search_text);
  -- Names are matched and scored by trigram similarity only when the full text matched fewer products
  -- than this: a constant, not the page size, so that every page of one search sees the same matches and
  -- scores (keyset paging)
  fuzzy_below constant integer := 24;
begin
  select tn.default_locale into tenant_locale from tenancy.tenants tn where tn.tenant_id = v_tenant;
  return query
  -- query: the parsed search text, inlined (not materialized) into the matches below, so `@@` and `%`
  -- are index conditions (a CTE scan would make them join filters)
  with query as not materialized (
    select parsed_query as tsq, search_products.search_text as text
  ),
  -- by_text: translations that match by full text, with their rank. Materialized: read by matches and,
  -- counted, by `fuzzy`
  by_text as materialized (
    select t.product_id, t.name, ts_rank(t.search_vector, q.tsq) as rank
    from catalog.product_translations t
    cross join query q
    where t.tenant_id = v_tenant and t.search_vector @@ q.tsq
  ),
  -- fuzzy: whether the full text found too little (fewer than fuzzy_below products), so that names are
  -- also matched and scored by trigram similarity. One value per call (an InitPlan)
  fuzzy as (
    select count(distinct b.product_id) < fuzzy_below as needed from by_text b
  ),
  -- matches, each with its score:
  -- - the full-text matches: their rank, or, when fuzzy, the best of their rank and their name's
  --   similarity (computing similarity for every full-text match was about 40 % of a search's CPU on the
  --   large profile, and there it never beat the rank)
  -- - when fuzzy: translations with a similar name (trigrams), scored the same way (a typo, a word cut
  --   short; the trigram scan of names was the costliest part of a search)
  -- - always: live variants with a similar SKU (a SKU is not a word the full text could match)
  matches as (
    select b.product_id,
      case when (select f.needed from fuzzy f)
        then greatest(b.rank, extensions.similarity(b.name, q.text)) else b.rank end as score
    from by_text b
    cross join query q
    union all
    select t.product_id,
      greatest(ts_rank(t.search_vector, q.tsq), extensions.similarity(t.name, q.text))
    from catalog.product_translations t
    cross join query q
    where (select f.needed from fuzzy f)
      and t.tenant_id = v_tenant and t.name operator(extensions.%) q.text
    union all
    select v.product_id, extensions.similarity(v.sku, q.text)
    from catalog.variants v
    cross join query q
    where v.tenant_id = v_tenant and v.archived_at is null and v.sku operator(extensions.%) q.text
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
  -- the translation (catalog.resolve_translation's fallback; the tenant's default locale read before)
  left join lateral (
    select tr.locale, tr.name, tr.slug
    from catalog.product_translations tr
    cross join (
      select tenant_locale as default_locale
    ) d
    where tr.tenant_id = v_tenant
      and tr.product_id = r.product_id
      and tr.locale in (
        search_products.requested_locale, split_part(search_products.requested_locale, '-', 1),
        d.default_locale, split_part(d.default_locale, '-', 1)
      )
    order by case tr.locale
      when search_products.requested_locale then 1
      when split_part(search_products.requested_locale, '-', 1) then 2
      when d.default_locale then 3
      else 4
    end
    limit 1
  ) t on true
  where exists (
      select 1 from catalog.products p
      where p.tenant_id = v_tenant and p.product_id = r.product_id and p.archived_at is null
    )
    -- in the category subtree [path_from, path_to) when one is given
    and (
      search_products.path_from is null
      or exists (
        select 1
        from catalog.product_categories pc
        join catalog.categories c on c.tenant_id = pc.tenant_id and c.category_id = pc.category_id
        where pc.tenant_id = v_tenant and pc.product_id = r.product_id
          and c.path >= search_products.path_from and c.path < search_products.path_to
      )
    )
    -- some live variant in the price range and/or in stock, when asked (the price: catalog.resolve_price's
    -- precedence for the company, one unit, the currency, now)
    and (
      (search_products.min_price is null and search_products.max_price is null and not search_products.in_stock)
      or exists (
        select 1
        from catalog.variants v
        left join lateral (
          select pr.unit_price
          from catalog.prices pr
          join catalog.price_lists l on l.tenant_id = pr.tenant_id and l.price_list_id = pr.price_list_id
          where pr.tenant_id = v_tenant
            and pr.variant_id = v.variant_id
            and pr.currency = search_products.currency
            and pr.quantities @> 1
            and pr.valid_during @> now()
            and l.valid_during @> now()
            and (
              l.scope = 'base'
              or (l.scope = 'company' and l.company_id = search_products.company)
              or (l.scope = 'customer_group' and l.customer_group_id in (
                select g.customer_group_id
                from accounts.company_customer_groups g
                where g.tenant_id = v_tenant and g.company_id = search_products.company
              ))
            )
          order by
            case l.scope when 'company' then 1 when 'customer_group' then 2 else 3 end,
            l.priority desc,
            pr.unit_price,
            l.price_list_id
          limit 1
        ) price on true
        where v.tenant_id = v_tenant and v.product_id = r.product_id and v.archived_at is null
          and (search_products.min_price is null or price.unit_price >= search_products.min_price)
          and (search_products.max_price is null or price.unit_price <= search_products.max_price)
          and (
            not search_products.in_stock
            or exists (
              select 1
              from catalog.stock_levels s
              join catalog.warehouses w on w.tenant_id = s.tenant_id and w.warehouse_id = s.warehouse_id
              where s.tenant_id = v_tenant and s.variant_id = v.variant_id and s.available > 0 and w.is_active
            )
          )
      )
    )
  order by r.score desc, r.product_id
  limit search_products.page_size;
end
$$;
comment on function catalog.search_products(uuid, text, text, text, text, uuid, text, numeric, numeric, boolean, float8, uuid, integer) is
  'Searches live products of tenant p_tenant_id (app.check_tenant: B2002 when it is not the transaction''s tenant): full text (websearch syntax, stemmed with requested_locale''s language), trigram similarity on SKUs, and trigram similarity on names only when the full text matches fewer than 24 of the tenant''s products (whatever the page or cursor); a product scores its best match: a full-text match its ts_rank (or, when fewer than 24 were found, the best of ts_rank and its name''s similarity), a similar name or SKU its similarity; best first, keyset (after_score, after_product), at most page_size rows, each with its translation for requested_locale (catalog.resolve_translation''s fallback). Optional filters: a category subtree [path_from, path_to), a live variant priced for company (one unit, currency; catalog.resolve_price''s precedence) within [min_price, max_price] and/or in stock in an active warehouse (in_stock). One cached generic plan per connection (plan_cache_mode = force_generic_plan).';
