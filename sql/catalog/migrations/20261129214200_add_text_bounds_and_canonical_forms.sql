-- Up Migration
-- Text people type is bounded and compared as people compare it (issue 9, item 5); README "Text".
-- 1. Identifiers already stored are put in their canonical form (app.canonical_*; the trigger
--    app.canonicalize() keeps them so from now on). Two stored rows that become equal make this
--    migration fail on their unique key: a person must merge them first.
update catalog.variants set sku = app.canonical_code(sku) where sku is distinct from app.canonical_code(sku);
update catalog.warehouses set code = app.canonical_code(code) where code is distinct from app.canonical_code(code);
update catalog.attribute_definitions set attribute_key = app.canonical_text(attribute_key) where attribute_key is distinct from app.canonical_text(attribute_key);
update catalog.product_translations set slug = app.canonical_key(slug) where slug is distinct from app.canonical_key(slug);
update catalog.category_translations set slug = app.canonical_key(slug) where slug is distinct from app.canonical_key(slug);
update catalog.price_lists set name = app.canonical_text(name) where name is distinct from app.canonical_text(name);

-- 2. Names unique per tenant are unique without regard to case: 'Gold customers' and 'gold customers'
--    are one group. The unique constraint becomes a unique index of the same name on lower(name).
--    Built in this transaction (small tables, not in production yet).
alter table catalog.price_lists drop constraint uq_price_lists_tenant_id_name;
-- Serves the uniqueness of price_lists names (case-insensitive) and lookups by name.
-- squawk-ignore require-concurrent-index-creation
create unique index uq_price_lists_tenant_id_name on catalog.price_lists (tenant_id, lower(name));

-- 3. A length bound on every text column a person or an import fills, named
--    chk_<table>_<column>_length (characters; JSON documents in bytes of their text form). Added valid
--    in this transaction (a scan of each table under its lock), as the project is not in production;
--    on a large live table, add it NOT VALID and VALIDATE it in a later migration instead.
-- squawk-ignore constraint-missing-not-valid
alter table catalog.currencies add constraint chk_currencies_currency_code_length check (char_length(currency_code) <= 3);
-- squawk-ignore constraint-missing-not-valid
alter table catalog.currencies add constraint chk_currencies_name_length check (char_length(name) <= 200);
-- squawk-ignore constraint-missing-not-valid
alter table catalog.countries add constraint chk_countries_country_code_length check (char_length(country_code) <= 2);
-- squawk-ignore constraint-missing-not-valid
alter table catalog.countries add constraint chk_countries_name_length check (char_length(name) <= 200);
-- squawk-ignore constraint-missing-not-valid
alter table catalog.locales add constraint chk_locales_locale_length check (char_length(locale) <= 35);
-- squawk-ignore constraint-missing-not-valid
alter table catalog.locales add constraint chk_locales_name_length check (char_length(name) <= 200);
-- squawk-ignore constraint-missing-not-valid
alter table catalog.products add constraint chk_products_attributes_length check (octet_length(attributes::text) <= 65536);
-- squawk-ignore constraint-missing-not-valid
alter table catalog.variants add constraint chk_variants_sku_length check (char_length(sku) <= 100);
-- squawk-ignore constraint-missing-not-valid
alter table catalog.variants add constraint chk_variants_attributes_length check (octet_length(attributes::text) <= 65536);
-- squawk-ignore constraint-missing-not-valid
alter table catalog.category_translations add constraint chk_category_translations_name_length check (char_length(name) <= 200);
-- squawk-ignore constraint-missing-not-valid
alter table catalog.category_translations add constraint chk_category_translations_slug_length check (char_length(slug) <= 200);
-- squawk-ignore constraint-missing-not-valid
alter table catalog.category_translations add constraint chk_category_translations_description_length check (char_length(description) <= 10000);
-- squawk-ignore constraint-missing-not-valid
alter table catalog.product_translations add constraint chk_product_translations_name_length check (char_length(name) <= 200);
-- squawk-ignore constraint-missing-not-valid
alter table catalog.product_translations add constraint chk_product_translations_slug_length check (char_length(slug) <= 200);
-- squawk-ignore constraint-missing-not-valid
alter table catalog.product_translations add constraint chk_product_translations_description_length check (char_length(description) <= 10000);
-- squawk-ignore constraint-missing-not-valid
alter table catalog.price_lists add constraint chk_price_lists_name_length check (char_length(name) <= 200);
-- squawk-ignore constraint-missing-not-valid
alter table catalog.warehouses add constraint chk_warehouses_code_length check (char_length(code) <= 100);
-- squawk-ignore constraint-missing-not-valid
alter table catalog.warehouses add constraint chk_warehouses_name_length check (char_length(name) <= 200);
-- squawk-ignore constraint-missing-not-valid
alter table catalog.attribute_definitions add constraint chk_attribute_definitions_attribute_key_length check (char_length(attribute_key) <= 100);
-- squawk-ignore constraint-missing-not-valid
alter table catalog.attribute_definitions add constraint chk_attribute_definitions_unit_length check (char_length(unit) <= 50);

-- Down Migration
alter table catalog.attribute_definitions drop constraint chk_attribute_definitions_unit_length;
alter table catalog.attribute_definitions drop constraint chk_attribute_definitions_attribute_key_length;
alter table catalog.warehouses drop constraint chk_warehouses_name_length;
alter table catalog.warehouses drop constraint chk_warehouses_code_length;
alter table catalog.price_lists drop constraint chk_price_lists_name_length;
alter table catalog.product_translations drop constraint chk_product_translations_description_length;
alter table catalog.product_translations drop constraint chk_product_translations_slug_length;
alter table catalog.product_translations drop constraint chk_product_translations_name_length;
alter table catalog.category_translations drop constraint chk_category_translations_description_length;
alter table catalog.category_translations drop constraint chk_category_translations_slug_length;
alter table catalog.category_translations drop constraint chk_category_translations_name_length;
alter table catalog.variants drop constraint chk_variants_attributes_length;
alter table catalog.variants drop constraint chk_variants_sku_length;
alter table catalog.products drop constraint chk_products_attributes_length;
alter table catalog.locales drop constraint chk_locales_name_length;
alter table catalog.locales drop constraint chk_locales_locale_length;
alter table catalog.countries drop constraint chk_countries_name_length;
alter table catalog.countries drop constraint chk_countries_country_code_length;
alter table catalog.currencies drop constraint chk_currencies_name_length;
alter table catalog.currencies drop constraint chk_currencies_currency_code_length;
drop index catalog.uq_price_lists_tenant_id_name;
alter table catalog.price_lists add constraint uq_price_lists_tenant_id_name unique (tenant_id, name);
