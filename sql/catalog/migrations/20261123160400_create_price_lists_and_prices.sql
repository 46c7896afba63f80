-- Up Migration
-- Prices: price lists (the tenant's base lists per currency, and lists for a customer group or one
-- company), each valid for a period and ranked by priority; prices per variant with quantity tiers.
-- catalog.resolve_price() picks the price that applies.

-- price_lists --------------------------------------------------------------------------------------
create table catalog.price_lists (
  tenant_id uuid not null default app.require_tenant_id(),
  price_list_id uuid not null default gen_random_uuid(),
  name text not null,
  currency text not null,
  scope text not null default 'base',
  customer_group_id uuid,
  company_id uuid,
  -- A rank among lists of the same scope, bounded by chk_price_lists_priority: 32 bits are plenty.
  -- squawk-ignore prefer-bigint-over-int
  priority integer not null default 0,
  valid_during tstzrange not null default '(,)',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint pk_price_lists primary key (tenant_id, price_list_id),
  constraint uq_price_lists_tenant_id_name unique (tenant_id, name),
  -- Target of fk_prices_tenant_id_price_list_id_currency_price_lists: a price has its list's currency.
  constraint uq_price_lists_tenant_id_price_list_id_currency unique (tenant_id, price_list_id, currency),
  constraint fk_price_lists_tenant_id_tenants foreign key (tenant_id) references tenancy.tenants (tenant_id),
  constraint fk_price_lists_currency_currencies foreign key (currency) references catalog.currencies (currency_code),
  constraint fk_price_lists_tenant_id_customer_group_id_customer_groups foreign key (tenant_id, customer_group_id)
    references accounts.customer_groups (tenant_id, customer_group_id),
  constraint fk_price_lists_tenant_id_company_id_companies foreign key (tenant_id, company_id)
    references accounts.companies (tenant_id, company_id),
  constraint chk_price_lists_name_not_blank check (btrim(name) <> ''),
  constraint chk_price_lists_scope check (scope in ('base', 'customer_group', 'company')),
  constraint chk_price_lists_scope_target check (
    (scope = 'base' and customer_group_id is null and company_id is null)
    or (scope = 'customer_group' and customer_group_id is not null and company_id is null)
    or (scope = 'company' and company_id is not null and customer_group_id is null)
  ),
  constraint chk_price_lists_priority check (priority between -1000000 and 1000000),
  constraint chk_price_lists_valid_during_not_empty check (not isempty(valid_during))
);
comment on table catalog.price_lists is
  'A list of prices in one currency: the tenant''s base list (scope base), or one for a customer group or a single company. Applies during valid_during; priority ranks lists of the same scope (see catalog.resolve_price).';
comment on column catalog.price_lists.scope is 'base (everyone), customer_group (companies in customer_group_id) or company (company_id only).';
comment on column catalog.price_lists.priority is 'Among applicable lists of the same scope, the higher priority wins.';
comment on column catalog.price_lists.valid_during is 'When the list applies; (,) means always. A price must also be valid itself.';
alter table catalog.price_lists enable row level security;
alter table catalog.price_lists force row level security;

-- Serves fk_price_lists_currency_currencies (removing a currency).
create index idx_price_lists_currency on catalog.price_lists (currency);
-- Serves fk_price_lists_tenant_id_customer_group_id_customer_groups and "lists of a customer group".
create index idx_price_lists_tenant_id_customer_group_id on catalog.price_lists (tenant_id, customer_group_id);
-- Serves fk_price_lists_tenant_id_company_id_companies and "lists of a company".
create index idx_price_lists_tenant_id_company_id on catalog.price_lists (tenant_id, company_id);

-- prices -------------------------------------------------------------------------------------------
create table catalog.prices (
  tenant_id uuid not null default app.require_tenant_id(),
  price_id uuid not null default gen_random_uuid(),
  price_list_id uuid not null,
  variant_id uuid not null,
  currency text not null,
  unit_price numeric(19, 4) not null,
  quantities int4range not null default '[1,)',
  valid_during tstzrange not null default '(,)',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint pk_prices primary key (tenant_id, price_id),
  constraint fk_prices_tenant_id_price_list_id_currency_price_lists foreign key (tenant_id, price_list_id, currency)
    references catalog.price_lists (tenant_id, price_list_id, currency) on delete cascade,
  constraint fk_prices_tenant_id_variant_id_variants foreign key (tenant_id, variant_id)
    references catalog.variants (tenant_id, variant_id),
  constraint chk_prices_unit_price_not_negative check (unit_price >= 0),
  constraint chk_prices_quantities_valid check (not isempty(quantities) and lower(quantities) >= 1),
  constraint chk_prices_valid_during_not_empty check (not isempty(valid_during)),
  -- One price per list, variant and currency for any quantity at any time. Its index (leading
  -- tenant_id, price_list_id, currency) also serves fk_prices_tenant_id_price_list_id_currency_price_lists.
  constraint excl_prices_no_overlap exclude using gist (
    tenant_id with =, price_list_id with =, currency with =, variant_id with =,
    valid_during with &&, quantities with &&
  )
);
comment on table catalog.prices is
  'The unit price of a variant in a price list, for a tier of quantities and a validity period. Tiers and periods of one list, variant and currency never overlap (excl_prices_no_overlap).';
comment on column catalog.prices.currency is 'ISO 4217 currency: always the price list''s (composite foreign key).';
comment on column catalog.prices.unit_price is 'Price of one unit in currency, before tax; may have more decimals than the currency''s minor units.';
comment on column catalog.prices.quantities is 'The order quantities this tier applies to, for example [1,10) and [10,); lower bound at least 1.';
comment on column catalog.prices.valid_during is 'When this price applies, within its list''s own validity; (,) means always.';
alter table catalog.prices enable row level security;
alter table catalog.prices force row level security;

-- Price lookup by (tenant, variant, currency) in catalog.resolve_price; serves fk_prices_tenant_id_variant_id_variants.
create index idx_prices_tenant_id_variant_id_currency on catalog.prices (tenant_id, variant_id, currency);

-- Down Migration
-- The repeatable function over these tables goes too (it is re-created by the next migrate).
drop function if exists catalog.resolve_price(uuid, uuid, integer, text, timestamptz);
drop table catalog.prices;
drop table catalog.price_lists;
