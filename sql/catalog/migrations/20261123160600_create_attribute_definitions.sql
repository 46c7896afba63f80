-- Up Migration
-- Typed attributes: each tenant declares the attribute keys its products and variants may carry and the
-- type of their values; a trigger checks products.attributes and variants.attributes against them.
create table catalog.attribute_definitions (
  tenant_id uuid not null default app.require_tenant_id(),
  attribute_key text not null,
  data_type text not null,
  unit text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint pk_attribute_definitions primary key (tenant_id, attribute_key),
  constraint fk_attribute_definitions_tenant_id_tenants foreign key (tenant_id)
    references tenancy.tenants (tenant_id),
  constraint chk_attribute_definitions_key_format check (attribute_key ~ '^[a-z][a-z0-9_]{0,62}$'),
  constraint chk_attribute_definitions_data_type check (
    data_type in ('text', 'number', 'integer', 'boolean', 'text_list')
  ),
  constraint chk_attribute_definitions_unit_not_blank check (btrim(unit) <> '')
);
comment on table catalog.attribute_definitions is
  'An attribute key a tenant''s products and variants may carry in their attributes, with the type of its value (SQLSTATE B2202 for an undeclared key, B2203 for a value of the wrong type).';
comment on column catalog.attribute_definitions.attribute_key is 'Key in the attributes JSON object: lowercase letters, digits and underscores.';
comment on column catalog.attribute_definitions.data_type is
  'text (JSON string), number (JSON number), integer (whole JSON number), boolean (JSON true/false) or text_list (JSON array of strings). Fixed once declared.';
comment on column catalog.attribute_definitions.unit is 'Unit of a number or integer value, for display (kg, mm, W); null when none.';
alter table catalog.attribute_definitions enable row level security;
alter table catalog.attribute_definitions force row level security;

-- Down Migration
-- The repeatable triggers and function that check attributes against this table go too (re-created by
-- the next migrate).
drop trigger if exists trg_variants_before_insert_or_update_attributes on catalog.variants;
drop trigger if exists trg_products_before_insert_or_update_attributes on catalog.products;
drop function if exists catalog.check_attributes();
drop table catalog.attribute_definitions;
