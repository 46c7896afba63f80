-- Up Migration
-- The product page's read model (issue 13): per live product, what the page shows that changes only when
-- the catalog is edited (the product, its translations, its live variants and every price tier of every
-- list), precomputed into one row, so that catalog.product_page reads one row instead of a dozen index
-- lookups. Kept fresh in the writing transaction by row triggers on the tables it is computed from
-- (catalog.refresh_product_pages; the rows are those of the view catalog.product_page_sources). What
-- depends on the viewer or the moment is still resolved at read time: which price lists apply (scope,
-- company, customer groups, validity of the list and of the price, the quantity), the tenant's default
-- locale, and the stock (read live from catalog.stock_levels: orders reserve stock on every order, and a
-- copy per variant would add a write and a lock to that hot path; docs/benchmarks.md, "Suite catalog").
create table catalog.product_pages (
  tenant_id uuid not null default app.require_tenant_id(),
  product_id uuid not null,
  attributes jsonb not null,
  created_at timestamptz not null,
  translations jsonb not null,
  variants jsonb not null,
  constraint pk_product_pages primary key (tenant_id, product_id),
  constraint fk_product_pages_tenant_id_product_id_products foreign key (tenant_id, product_id)
    references catalog.products (tenant_id, product_id) on delete cascade,
  constraint chk_product_pages_translations_object check (jsonb_typeof(translations) = 'object'),
  constraint chk_product_pages_variants_array check (jsonb_typeof(variants) = 'array')
);
comment on table catalog.product_pages is
  'Read model of the product page (derived, never edited): one row per live product, as catalog.product_page_sources computes it, rewritten by the row triggers of its source tables in the writing transaction (catalog.refresh_product_pages), built in bulk by catalog.build_product_pages. Written only by those (SQLSTATE B5040 for a direct write). Prices of every list and currency are kept: catalog.product_page picks the viewer''s at read time; stock is read live.';
comment on column catalog.product_pages.product_id is 'The product (live: an archived product has no page).';
comment on column catalog.product_pages.attributes is 'catalog.products.attributes.';
comment on column catalog.product_pages.created_at is 'catalog.products.created_at.';
comment on column catalog.product_pages.translations is 'The product''s translations: {locale: {name, slug, description}}; catalog.product_page picks the one for the requested locale (catalog.resolve_translation''s fallback).';
comment on column catalog.product_pages.variants is 'The live variants ordered by SKU: [{variant_id, sku, attributes, prices: [{price_list_id, currency, unit_price, quantities, valid_during}]}], every price row of the variant (the lists'' own scope and validity are read at read time).';
alter table catalog.product_pages enable row level security;
alter table catalog.product_pages force row level security;

-- The pages of the products that exist already (the page triggers and catalog.product_page_sources are
-- repeatables, created after this migration: this is the view's query as of this migration).
insert into catalog.product_pages (tenant_id, product_id, attributes, created_at, translations, variants)
select p.tenant_id, p.product_id, p.attributes, p.created_at,
  coalesce((
    select jsonb_object_agg(tr.locale, jsonb_build_object('name', tr.name, 'slug', tr.slug, 'description', tr.description))
    from catalog.product_translations tr
    where tr.tenant_id = p.tenant_id and tr.product_id = p.product_id
  ), '{}'::jsonb),
  coalesce((
    select jsonb_agg(jsonb_build_object(
        'variant_id', v.variant_id, 'sku', v.sku, 'attributes', v.attributes,
        'prices', coalesce((
          select jsonb_agg(jsonb_build_object(
              'price_list_id', pr.price_list_id, 'currency', pr.currency, 'unit_price', pr.unit_price,
              'quantities', pr.quantities, 'valid_during', pr.valid_during)
            order by pr.price_list_id, pr.currency, pr.quantities, pr.valid_during)
          from catalog.prices pr
          where pr.tenant_id = v.tenant_id and pr.variant_id = v.variant_id
        ), '[]'::jsonb))
      order by v.sku)
    from catalog.variants v
    where v.tenant_id = p.tenant_id and v.product_id = p.product_id and v.archived_at is null
  ), '[]'::jsonb)
from catalog.products p
where p.archived_at is null;

-- Down Migration
-- The repeatable objects that read or write the table go with it (the next migrate re-creates them): the
-- view an older migration's down could not alter a column under, and the trigger functions, their
-- triggers by cascade, so a rolled-back catalog takes writes again.
drop function if exists catalog.refresh_product_pages() cascade;
drop function if exists catalog.guard_product_pages() cascade;
drop view if exists catalog.product_page_sources;
drop table catalog.product_pages;
