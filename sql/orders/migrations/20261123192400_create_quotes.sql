-- Up Migration
-- Quotes (requests for quotation): a buyer asks for prices for lines, the seller stages prices and a
-- valid-until date, the buyer accepts (an order at the quoted prices) or declines. States and allowed
-- moves are reference data, enforced by trigger like the order state machine.

-- quote_states (shared reference data, not tenant-owned) -------------------------------------------
create table orders.quote_states (
  state text not null,
  description text not null,
  constraint pk_quote_states primary key (state),
  constraint chk_quote_states_format check (state ~ '^[a-z_]+$')
);
comment on table orders.quote_states is 'The states a quote can be in; shared by all tenants. Moves between them are listed in quote_transitions.';
comment on column orders.quote_states.state is 'State name, lowercase with underscores.';
comment on column orders.quote_states.description is 'What the state means.';

insert into orders.quote_states (state, description) values
  ('requested', 'The buyer asked for prices; the seller has not quoted yet'),
  ('quoted', 'The seller staged prices and a valid-until date; the buyer may accept until then'),
  ('accepted', 'The buyer accepted: an order at the quoted prices exists (orders.orders.quote_id)'),
  ('declined', 'The buyer declined the quoted prices'),
  ('expired', 'Not accepted before valid_until (set by orders.expire_quotes)'),
  ('withdrawn', 'Withdrawn by the buyer or the seller before a decision');

-- quote_transitions (shared reference data, not tenant-owned) --------------------------------------
create table orders.quote_transitions (
  from_state text not null,
  to_state text not null,
  description text not null,
  constraint pk_quote_transitions primary key (from_state, to_state),
  constraint fk_quote_transitions_from_state_quote_states foreign key (from_state)
    references orders.quote_states (state),
  constraint fk_quote_transitions_to_state_quote_states foreign key (to_state)
    references orders.quote_states (state),
  constraint chk_quote_transitions_not_to_itself check (from_state <> to_state)
);
comment on table orders.quote_transitions is
  'The allowed moves of a quote; trg_quotes_before_insert_or_update_state refuses every other (SQLSTATE B3001). A quote is created as requested.';
comment on column orders.quote_transitions.from_state is 'State the quote leaves.';
comment on column orders.quote_transitions.to_state is 'State the quote enters.';
comment on column orders.quote_transitions.description is 'Which operation makes this move.';

-- Serves fk_quote_transitions_to_state_quote_states (the primary key serves the from_state one).
create index idx_quote_transitions_to_state on orders.quote_transitions (to_state);

insert into orders.quote_transitions (from_state, to_state, description) values
  ('requested', 'quoted', 'stage_quote: the seller quotes'),
  ('requested', 'withdrawn', 'withdraw_quote before it was quoted'),
  ('quoted', 'accepted', 'accept_quote before valid_until: creates the order'),
  ('quoted', 'declined', 'decline_quote'),
  ('quoted', 'expired', 'expire_quotes after valid_until'),
  ('quoted', 'withdrawn', 'withdraw_quote before a decision');

-- quotes -------------------------------------------------------------------------------------------
create table orders.quotes (
  tenant_id uuid not null default app.require_tenant_id(),
  quote_id uuid not null default gen_random_uuid(),
  company_id uuid not null,
  buyer_id uuid not null,
  currency text not null,
  state text not null default 'requested',
  note text,
  valid_until timestamptz,
  quoted_at timestamptz,
  quoted_by uuid,
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint pk_quotes primary key (tenant_id, quote_id),
  constraint fk_quotes_tenant_id_company_id_companies foreign key (tenant_id, company_id)
    references accounts.companies (tenant_id, company_id),
  constraint fk_quotes_tenant_id_buyer_id_buyers foreign key (tenant_id, buyer_id)
    references accounts.buyers (tenant_id, buyer_id),
  constraint fk_quotes_currency_currencies foreign key (currency) references catalog.currencies (currency_code),
  constraint fk_quotes_state_quote_states foreign key (state) references orders.quote_states (state),
  constraint chk_quotes_note_not_blank check (btrim(note) <> ''),
  constraint chk_quotes_quoted_has_validity check ((quoted_at is null) = (valid_until is null)),
  constraint chk_quotes_priced_unless_requested check (state in ('requested', 'withdrawn') or quoted_at is not null)
);
comment on table orders.quotes is
  'A request for quotation by a buyer of a company: lines in quote_lines, prices staged by the seller with a valid-until date, then accepted (an order at the quoted prices, orders.orders.quote_id) or declined. State changes follow orders.quote_transitions (trigger, B3001); an expired quote cannot be accepted (B3301).';
comment on column orders.quotes.company_id is 'The company asking.';
comment on column orders.quotes.buyer_id is 'The buyer who requested the quote.';
comment on column orders.quotes.currency is 'ISO 4217 currency of the quoted prices: the company''s.';
comment on column orders.quotes.state is 'Current state (orders.quote_states); changed only along orders.quote_transitions.';
comment on column orders.quotes.note is 'The buyer''s note with the request (delivery wishes, volumes).';
comment on column orders.quotes.valid_until is 'The quoted prices hold until this time; set when quoted.';
comment on column orders.quotes.quoted_at is 'When the seller last staged prices.';
comment on column orders.quotes.quoted_by is 'The staff user who staged the prices (app.current_user_id()).';
comment on column orders.quotes.decided_at is 'When the buyer accepted or declined, or the quote expired or was withdrawn.';
comment on column orders.quotes.created_at is 'When the quote was requested.';
comment on column orders.quotes.updated_at is 'When the quote last changed.';
alter table orders.quotes enable row level security;
alter table orders.quotes force row level security;

-- Serves fk_quotes_tenant_id_company_id_companies and "quotes of a company", newest first.
create index idx_quotes_tenant_id_company_id_created_at on orders.quotes (tenant_id, company_id, created_at desc);
-- Serves fk_quotes_tenant_id_buyer_id_buyers ("my quotes").
create index idx_quotes_tenant_id_buyer_id on orders.quotes (tenant_id, buyer_id);
-- Serves fk_quotes_currency_currencies (removing a currency).
create index idx_quotes_currency on orders.quotes (currency);
-- Serves fk_quotes_state_quote_states and the seller's queue (quotes waiting to be quoted).
create index idx_quotes_state on orders.quotes (state);

-- quote_lines --------------------------------------------------------------------------------------
create table orders.quote_lines (
  tenant_id uuid not null default app.require_tenant_id(),
  quote_id uuid not null,
  -- squawk-ignore prefer-bigint-over-int
  line_number integer not null,
  variant_id uuid not null,
  -- squawk-ignore prefer-bigint-over-int
  quantity integer not null,
  unit_price numeric(19, 4),
  constraint pk_quote_lines primary key (tenant_id, quote_id, line_number),
  constraint uq_quote_lines_tenant_id_quote_id_variant_id unique (tenant_id, quote_id, variant_id),
  constraint fk_quote_lines_tenant_id_quote_id_quotes foreign key (tenant_id, quote_id)
    references orders.quotes (tenant_id, quote_id) on delete cascade,
  constraint fk_quote_lines_tenant_id_variant_id_variants foreign key (tenant_id, variant_id)
    references catalog.variants (tenant_id, variant_id),
  constraint chk_quote_lines_line_number_positive check (line_number >= 1),
  constraint chk_quote_lines_quantity check (quantity between 1 and 1000000),
  constraint chk_quote_lines_unit_price_not_negative check (unit_price >= 0)
);
comment on table orders.quote_lines is 'A line of a quote: a variant, a quantity and, once quoted, the unit price the seller offers.';
comment on column orders.quote_lines.line_number is 'Position of the line in the quote, from 1.';
comment on column orders.quote_lines.variant_id is 'The variant asked for; at most one line per variant.';
comment on column orders.quote_lines.quantity is 'Units asked for (1 to 1,000,000).';
comment on column orders.quote_lines.unit_price is 'Quoted unit price in the quote currency; null until quoted.';
alter table orders.quote_lines enable row level security;
alter table orders.quote_lines force row level security;

-- The primary key serves fk_quote_lines_tenant_id_quote_id_quotes.
-- Serves fk_quote_lines_tenant_id_variant_id_variants.
create index idx_quote_lines_tenant_id_variant_id on orders.quote_lines (tenant_id, variant_id);

-- orders.quote_id ----------------------------------------------------------------------------------
-- The order an accepted quote became; unique, so one quote makes at most one order, even when accepted
-- twice concurrently. orders.orders is new in this release (empty): the foreign key's validating scan and
-- the index build cost nothing, so NOT VALID + VALIDATE and a concurrent build would only add steps.
alter table orders.orders
  add column quote_id uuid,
  -- squawk-ignore adding-foreign-key-constraint, constraint-missing-not-valid
  add constraint fk_orders_tenant_id_quote_id_quotes foreign key (tenant_id, quote_id)
    references orders.quotes (tenant_id, quote_id),
  -- squawk-ignore disallowed-unique-constraint, constraint-missing-not-valid
  add constraint uq_orders_tenant_id_quote_id unique (tenant_id, quote_id);
comment on column orders.orders.quote_id is 'The accepted quote this order was made from (its lines are priced from it); at most one order per quote.';

-- Down Migration
-- Repeatable functions that take or return orders.quotes go first (re-created by the next migrate).
drop function if exists orders.withdraw_quote(uuid);
drop function if exists orders.decline_quote(uuid, uuid);
drop function if exists orders.stage_quote(uuid, jsonb, timestamptz);
drop function if exists orders.request_quote(uuid, uuid, text, jsonb, text);
drop function if exists orders.lock_quote(uuid);
alter table orders.orders
  drop constraint uq_orders_tenant_id_quote_id,
  drop constraint fk_orders_tenant_id_quote_id_quotes,
  drop column quote_id;
drop table orders.quote_lines;
drop table orders.quotes;
drop table orders.quote_transitions;
drop table orders.quote_states;
