-- Up Migration
-- Catalog content: products and their variants (SKUs), a category tree, and per-locale translations
-- with a generated full-text search vector.

-- products -----------------------------------------------------------------------------------------
create table catalog.products (
  tenant_id uuid not null default app.require_tenant_id(),
  product_id uuid not null default gen_random_uuid(),
  attributes jsonb not null default '{}',
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint pk_products primary key (tenant_id, product_id),
  constraint fk_products_tenant_id_tenants foreign key (tenant_id) references tenancy.tenants (tenant_id),
  constraint chk_products_attributes_object check (jsonb_typeof(attributes) = 'object')
);
comment on table catalog.products is
  'A product of the tenant''s catalog; sold as one or more variants (SKUs). Names and texts are in product_translations. Archived products leave listings and search but keep their history.';
comment on column catalog.products.attributes is
  'Typed attributes shared by all variants: a JSON object whose keys and value types are declared in catalog.attribute_definitions, for example {"material": "steel", "weight_kg": 1.2}.';
comment on column catalog.products.archived_at is 'When the product was archived; null while it is live. Archived products are never deleted.';
alter table catalog.products enable row level security;
alter table catalog.products force row level security;

-- Listing of live products, newest first (keyset by created_at, product_id); archived ones are not in it.
create index idx_products_tenant_id_created_at_live on catalog.products (tenant_id, created_at desc, product_id)
  where archived_at is null;
-- Attribute filters (attributes @> '{"material": "steel"}') within a tenant: btree_gin puts tenant_id in the GIN index.
create index idx_products_tenant_id_attributes on catalog.products
  using gin (tenant_id, attributes jsonb_path_ops);

-- variants -----------------------------------------------------------------------------------------
create table catalog.variants (
  tenant_id uuid not null default app.require_tenant_id(),
  variant_id uuid not null default gen_random_uuid(),
  product_id uuid not null,
  sku text not null,
  attributes jsonb not null default '{}',
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint pk_variants primary key (tenant_id, variant_id),
  constraint uq_variants_tenant_id_sku unique (tenant_id, sku),
  constraint fk_variants_tenant_id_product_id_products foreign key (tenant_id, product_id)
    references catalog.products (tenant_id, product_id),
  constraint chk_variants_sku_format check (sku ~ '^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$'),
  constraint chk_variants_attributes_object check (jsonb_typeof(attributes) = 'object')
);
comment on table catalog.variants is 'A sellable variant of a product (size, colour, pack), identified by a SKU unique within the tenant.';
comment on column catalog.variants.sku is 'Stock keeping unit: 1-64 letters, digits, dots, underscores, slashes or hyphens; unique within the tenant, also once archived.';
comment on column catalog.variants.attributes is 'Typed attributes that distinguish this variant (JSON object, keys declared in catalog.attribute_definitions), for example {"size": "M", "pack": 12}.';
comment on column catalog.variants.archived_at is 'When the variant was discontinued; null while it can be ordered.';
alter table catalog.variants enable row level security;
alter table catalog.variants force row level security;

-- Serves fk_variants_tenant_id_product_id_products and the product page (variants of a product).
create index idx_variants_tenant_id_product_id on catalog.variants (tenant_id, product_id);
-- SKU search by trigram (sku % 'abc', sku ilike '%abc%') within a tenant.
create index idx_variants_tenant_id_sku_trgm on catalog.variants
  using gin (tenant_id, sku extensions.gin_trgm_ops);
-- Attribute filters on variants within a tenant.
create index idx_variants_tenant_id_attributes on catalog.variants
  using gin (tenant_id, attributes jsonb_path_ops);

-- categories ---------------------------------------------------------------------------------------
create table catalog.categories (
  tenant_id uuid not null default app.require_tenant_id(),
  category_id uuid not null default gen_random_uuid(),
  parent_category_id uuid,
  path text collate "C" not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint pk_categories primary key (tenant_id, category_id),
  constraint fk_categories_tenant_id_tenants foreign key (tenant_id) references tenancy.tenants (tenant_id),
  constraint fk_categories_tenant_id_parent_category_id_categories foreign key (tenant_id, parent_category_id)
    references catalog.categories (tenant_id, category_id),
  constraint chk_categories_not_own_parent check (parent_category_id <> category_id),
  constraint chk_categories_path_format check (
    path ~ '^(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})+/$'
    and path like '%/' || category_id::text || '/'
  )
);
comment on table catalog.categories is
  'A node of the tenant''s category tree. path is the materialized path of ids from the root, maintained by triggers, so a subtree is one index range scan.';
comment on column catalog.categories.path is
  'Ids from the root to this category, each followed by /: /<root id>/<child id>/. Set by trigger from the parent; never written by the app. In C collation, so the subtree of a category with path p is path >= p and path < left(p, -1) || ''0'' (p and the bound passed as values): a range scan of idx_categories_tenant_id_path. Prefer it to path like p || ''%'': under RLS only leakproof operators such as >= and < become index conditions.';
alter table catalog.categories enable row level security;
alter table catalog.categories force row level security;

-- Serves fk_categories_tenant_id_parent_category_id_categories and "children of a category".
create index idx_categories_tenant_id_parent_category_id on catalog.categories (tenant_id, parent_category_id);
-- Subtree queries: path >= '/a/b/' and path < '/a/b0' is a range scan of this index (the column's C
-- collation makes byte order the index order; >= and < are leakproof, so they stay index conditions under RLS).
create index idx_categories_tenant_id_path on catalog.categories (tenant_id, path);

-- category_translations ----------------------------------------------------------------------------
create table catalog.category_translations (
  tenant_id uuid not null default app.require_tenant_id(),
  category_id uuid not null,
  locale text not null,
  name text not null,
  slug text not null,
  description text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint pk_category_translations primary key (tenant_id, category_id, locale),
  constraint uq_category_translations_tenant_id_locale_slug unique (tenant_id, locale, slug),
  constraint fk_category_translations_tenant_id_category_id_categories foreign key (tenant_id, category_id)
    references catalog.categories (tenant_id, category_id) on delete cascade,
  constraint fk_category_translations_locale_locales foreign key (locale) references catalog.locales (locale),
  constraint chk_category_translations_name_not_blank check (btrim(name) <> ''),
  constraint chk_category_translations_slug_format check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
comment on table catalog.category_translations is 'Name, URL slug and description of a category in one locale.';
comment on column catalog.category_translations.slug is 'URL name: lowercase ASCII letters and digits in hyphen-separated words; unique per tenant and locale.';
alter table catalog.category_translations enable row level security;
alter table catalog.category_translations force row level security;

-- Serves fk_category_translations_locale_locales (removing a locale).
create index idx_category_translations_locale on catalog.category_translations (locale);

-- product_categories -------------------------------------------------------------------------------
create table catalog.product_categories (
  tenant_id uuid not null default app.require_tenant_id(),
  category_id uuid not null,
  product_id uuid not null,
  added_at timestamptz not null default now(),
  constraint pk_product_categories primary key (tenant_id, category_id, product_id),
  constraint fk_product_categories_tenant_id_category_id_categories foreign key (tenant_id, category_id)
    references catalog.categories (tenant_id, category_id) on delete cascade,
  constraint fk_product_categories_tenant_id_product_id_products foreign key (tenant_id, product_id)
    references catalog.products (tenant_id, product_id) on delete cascade
);
comment on table catalog.product_categories is 'A product is listed in a category; a product may be in many categories.';
alter table catalog.product_categories enable row level security;
alter table catalog.product_categories force row level security;

-- Serves fk_product_categories_tenant_id_product_id_products and "categories of a product" (product page).
-- The primary key serves listings by category (tenant_id, category_id, product_id).
create index idx_product_categories_tenant_id_product_id on catalog.product_categories (tenant_id, product_id);

-- product_translations -----------------------------------------------------------------------------
create table catalog.product_translations (
  tenant_id uuid not null default app.require_tenant_id(),
  product_id uuid not null,
  locale text not null,
  name text not null,
  slug text not null,
  description text,
  search_vector tsvector not null generated always as (
    setweight(to_tsvector(catalog.text_search_config(locale), name), 'A')
    || setweight(to_tsvector(catalog.text_search_config(locale), coalesce(description, '')), 'B')
  ) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint pk_product_translations primary key (tenant_id, product_id, locale),
  constraint uq_product_translations_tenant_id_locale_slug unique (tenant_id, locale, slug),
  constraint fk_product_translations_tenant_id_product_id_products foreign key (tenant_id, product_id)
    references catalog.products (tenant_id, product_id) on delete cascade,
  constraint fk_product_translations_locale_locales foreign key (locale) references catalog.locales (locale),
  constraint chk_product_translations_name_not_blank check (btrim(name) <> ''),
  constraint chk_product_translations_slug_format check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
comment on table catalog.product_translations is
  'Name, URL slug and description of a product in one locale. Missing locales fall back (catalog.resolve_translation).';
comment on column catalog.product_translations.slug is 'URL name: lowercase ASCII letters and digits in hyphen-separated words; unique per tenant and locale.';
comment on column catalog.product_translations.search_vector is
  'Full-text vector of name (weight A) and description (weight B), stemmed with the locale''s language (catalog.text_search_config).';
alter table catalog.product_translations enable row level security;
alter table catalog.product_translations force row level security;

-- Serves fk_product_translations_locale_locales (removing a locale).
create index idx_product_translations_locale on catalog.product_translations (locale);
-- Full-text search within a tenant (search_vector @@ websearch_to_tsquery(...)).
create index idx_product_translations_tenant_id_search_vector on catalog.product_translations
  using gin (tenant_id, search_vector);
-- Fuzzy name search by trigram (name % 'drill', name ilike '%dril%') within a tenant.
create index idx_product_translations_tenant_id_name_trgm on catalog.product_translations
  using gin (tenant_id, name extensions.gin_trgm_ops);

-- Down Migration
-- Repeatable functions over these tables go too (they are re-created by the next migrate).
drop function if exists catalog.resolve_translation(uuid, text);
drop table catalog.product_translations;
drop table catalog.product_categories;
drop table catalog.category_translations;
drop table catalog.categories;
drop table catalog.variants;
drop table catalog.products;
drop function if exists catalog.propagate_category_path();
drop function if exists catalog.set_category_path();
