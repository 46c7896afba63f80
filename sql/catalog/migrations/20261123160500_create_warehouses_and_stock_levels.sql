-- Up Migration
-- Stock: the tenant's warehouses and, per variant and warehouse, the units on hand and reserved.

-- warehouses ---------------------------------------------------------------------------------------
create table catalog.warehouses (
  tenant_id uuid not null default app.require_tenant_id(),
  warehouse_id uuid not null default gen_random_uuid(),
  code text not null,
  name text not null,
  country_code text not null,
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint pk_warehouses primary key (tenant_id, warehouse_id),
  constraint uq_warehouses_tenant_id_code unique (tenant_id, code),
  constraint fk_warehouses_tenant_id_tenants foreign key (tenant_id) references tenancy.tenants (tenant_id),
  constraint fk_warehouses_country_code_countries foreign key (country_code)
    references catalog.countries (country_code),
  constraint chk_warehouses_code_format check (code ~ '^[A-Z0-9][A-Z0-9_-]{0,31}$'),
  constraint chk_warehouses_name_not_blank check (btrim(name) <> '')
);
comment on table catalog.warehouses is 'A place the tenant ships from; stock is kept per variant and warehouse.';
comment on column catalog.warehouses.code is 'Short code used on pick lists and in integrations (uppercase letters, digits, _ and -), unique within the tenant.';
comment on column catalog.warehouses.is_active is 'Inactive warehouses keep their stock history but are not used for new reservations.';
alter table catalog.warehouses enable row level security;
alter table catalog.warehouses force row level security;

-- Serves fk_warehouses_country_code_countries (removing a country).
create index idx_warehouses_country_code on catalog.warehouses (country_code);

-- stock_levels -------------------------------------------------------------------------------------
create table catalog.stock_levels (
  tenant_id uuid not null default app.require_tenant_id(),
  variant_id uuid not null,
  warehouse_id uuid not null,
  on_hand bigint not null default 0,
  reserved bigint not null default 0,
  available bigint not null generated always as (on_hand - reserved) stored,
  updated_at timestamptz not null default now(),
  constraint pk_stock_levels primary key (tenant_id, variant_id, warehouse_id),
  constraint fk_stock_levels_tenant_id_variant_id_variants foreign key (tenant_id, variant_id)
    references catalog.variants (tenant_id, variant_id),
  constraint fk_stock_levels_tenant_id_warehouse_id_warehouses foreign key (tenant_id, warehouse_id)
    references catalog.warehouses (tenant_id, warehouse_id),
  constraint chk_stock_levels_on_hand_not_negative check (on_hand >= 0),
  constraint chk_stock_levels_reserved_not_negative check (reserved >= 0),
  constraint chk_stock_levels_reserved_within_on_hand check (reserved <= on_hand)
);
comment on table catalog.stock_levels is
  'Units of a variant in a warehouse: on_hand (physically there) and reserved (promised to open orders). Neither is negative and reserved never exceeds on_hand.';
comment on column catalog.stock_levels.on_hand is 'Units physically in the warehouse.';
comment on column catalog.stock_levels.reserved is 'Units of on_hand promised to open orders and not yet shipped.';
comment on column catalog.stock_levels.available is 'Units that can still be promised: on_hand - reserved (generated).';
alter table catalog.stock_levels enable row level security;
alter table catalog.stock_levels force row level security;

-- Serves fk_stock_levels_tenant_id_warehouse_id_warehouses and "stock of a warehouse".
-- The primary key serves fk_stock_levels_tenant_id_variant_id_variants and "stock of a variant".
create index idx_stock_levels_tenant_id_warehouse_id on catalog.stock_levels (tenant_id, warehouse_id);

-- Down Migration
drop table catalog.stock_levels;
drop table catalog.warehouses;
