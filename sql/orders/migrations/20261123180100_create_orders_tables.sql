-- Up Migration
-- Orders: the order state machine (states and allowed transitions, shared reference data), order headers
-- and lines with price and address snapshots, the history of every state change, and the stock each
-- order holds per warehouse (allocations). Business operations are functions in sql/orders/functions.
create schema orders;
comment on schema orders is 'Orders, their state machine and history, stock allocations, approvals, invoices and receivables, quotes, returns.';

-- order_states (shared reference data, not tenant-owned) -------------------------------------------
create table orders.order_states (
  state text not null,
  description text not null,
  is_open boolean not null,
  constraint pk_order_states primary key (state),
  constraint chk_order_states_format check (state ~ '^[a-z_]+$')
);
comment on table orders.order_states is 'The states an order can be in; shared by all tenants. Moves between them are listed in order_transitions.';
comment on column orders.order_states.state is 'State name, lowercase with underscores.';
comment on column orders.order_states.description is 'What the state means, for people reading the data.';
comment on column orders.order_states.is_open is 'True while the order still holds stock or awaits shipment (counts towards credit exposure).';

insert into orders.order_states (state, description, is_open) values
  ('draft', 'Being put together by the buyer; editable with optimistic locking; holds no stock', false),
  ('pending_approval', 'Submitted, matched an approval rule, waits for the company''s approvers; stock reserved', true),
  ('placed', 'Submitted and approved where needed; stock reserved', true),
  ('partially_fulfilled', 'Some units shipped (and invoiced), the rest still reserved', true),
  ('fulfilled', 'Every unit shipped and invoiced', false),
  ('completed', 'Closed by the seller after fulfilment', false),
  ('rejected', 'An approver rejected it; stock released', false),
  ('cancelled', 'Cancelled before shipping; stock released', false);

-- order_transitions (shared reference data, not tenant-owned) --------------------------------------
create table orders.order_transitions (
  from_state text not null,
  to_state text not null,
  description text not null,
  constraint pk_order_transitions primary key (from_state, to_state),
  constraint fk_order_transitions_from_state_order_states foreign key (from_state)
    references orders.order_states (state),
  constraint fk_order_transitions_to_state_order_states foreign key (to_state)
    references orders.order_states (state),
  constraint chk_order_transitions_not_to_itself check (from_state <> to_state)
);
comment on table orders.order_transitions is
  'The allowed moves of the order state machine; trg_orders_before_insert_or_update_state refuses every other (SQLSTATE B3001). An order is always created as draft.';
comment on column orders.order_transitions.from_state is 'State the order leaves.';
comment on column orders.order_transitions.to_state is 'State the order enters.';
comment on column orders.order_transitions.description is 'Which operation makes this move.';

-- Serves fk_order_transitions_to_state_order_states (the primary key serves the from_state one).
create index idx_order_transitions_to_state on orders.order_transitions (to_state);

insert into orders.order_transitions (from_state, to_state, description) values
  ('draft', 'placed', 'submit_order / place_order: no approval rule matched'),
  ('draft', 'pending_approval', 'submit_order / place_order: an approval rule matched'),
  ('draft', 'cancelled', 'cancel_order: the buyer drops a draft'),
  ('pending_approval', 'placed', 'approve_order: the last approval tier approved'),
  ('pending_approval', 'rejected', 'reject_order: one approver rejected'),
  ('pending_approval', 'cancelled', 'cancel_order before approval'),
  ('placed', 'partially_fulfilled', 'fulfil_order shipped some units'),
  ('placed', 'fulfilled', 'fulfil_order shipped every unit'),
  ('placed', 'cancelled', 'cancel_order before anything shipped'),
  ('partially_fulfilled', 'fulfilled', 'fulfil_order shipped the remaining units'),
  ('fulfilled', 'completed', 'complete_order: the seller closes the order');

-- orders -------------------------------------------------------------------------------------------
create table orders.orders (
  tenant_id uuid not null default app.require_tenant_id(),
  order_id uuid not null default gen_random_uuid(),
  company_id uuid not null,
  buyer_id uuid not null,
  currency text not null,
  state text not null default 'draft',
  -- Optimistic locking counter, bumped by trigger on every update: 32 bits are plenty.
  -- squawk-ignore prefer-bigint-over-int
  version integer not null default 1,
  idempotency_key text,
  purchase_order_number text,
  billing_address jsonb,
  shipping_address jsonb,
  -- A day count copied from accounts.companies (0-365): 32 bits are plenty.
  -- squawk-ignore prefer-bigint-over-int
  payment_terms_days integer not null,
  total_amount numeric(19, 4) not null default 0,
  submitted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint pk_orders primary key (tenant_id, order_id),
  constraint uq_orders_tenant_id_idempotency_key unique (tenant_id, idempotency_key),
  constraint fk_orders_tenant_id_company_id_companies foreign key (tenant_id, company_id)
    references accounts.companies (tenant_id, company_id),
  constraint fk_orders_tenant_id_buyer_id_buyers foreign key (tenant_id, buyer_id)
    references accounts.buyers (tenant_id, buyer_id),
  constraint fk_orders_currency_currencies foreign key (currency) references catalog.currencies (currency_code),
  constraint fk_orders_state_order_states foreign key (state) references orders.order_states (state),
  constraint chk_orders_version_positive check (version >= 1),
  constraint chk_orders_idempotency_key_format check (idempotency_key ~ '^[\x21-\x7e]{1,200}$'),
  constraint chk_orders_purchase_order_number_format check (
    purchase_order_number ~ '^\S(.{0,62}\S)?$'
  ),
  constraint chk_orders_billing_address_object check (jsonb_typeof(billing_address) = 'object'),
  constraint chk_orders_shipping_address_object check (jsonb_typeof(shipping_address) = 'object'),
  constraint chk_orders_payment_terms_days check (payment_terms_days between 0 and 365),
  constraint chk_orders_total_amount_not_negative check (total_amount >= 0),
  constraint chk_orders_submitted_unless_draft check ((state = 'draft') = (submitted_at is null))
);
comment on table orders.orders is
  'An order of a company, placed by one of its buyers. State changes follow orders.order_transitions (trigger, SQLSTATE B3001) and are recorded in order_state_history; total_amount equals the sum of the lines (checked at commit, B3003); drafts are edited with optimistic locking on version (B3002).';
comment on column orders.orders.company_id is 'The buying company.';
comment on column orders.orders.buyer_id is 'The buyer who created and submitted the order (a buyer of company_id, checked by accounts.acting_buyer).';
comment on column orders.orders.currency is 'ISO 4217 currency of every amount of the order: the company''s default currency (limits, invoices and the ledger are kept in it).';
comment on column orders.orders.state is 'Current state (orders.order_states); changed only along orders.order_transitions.';
comment on column orders.orders.version is 'Optimistic locking counter: 1 when created, +1 on every update. An edit names the version it read; a stale one gets SQLSTATE B3002.';
comment on column orders.orders.idempotency_key is 'Client-chosen key, unique per tenant: placing with a key already used returns the first order instead of a new one.';
comment on column orders.orders.purchase_order_number is 'The buyer''s own purchase order number, printed on invoices.';
comment on column orders.orders.billing_address is 'Snapshot of the billing address when the order was created or edited (JSON object of accounts.addresses fields); later address edits do not change it.';
comment on column orders.orders.shipping_address is 'Snapshot of the shipping address, as billing_address.';
comment on column orders.orders.payment_terms_days is 'Snapshot of the company''s net payment terms: invoices of this order are due this many days after issue.';
comment on column orders.orders.total_amount is 'Sum of the lines'' line_total, in currency (checked by trg_orders_after_write_check_total at commit).';
comment on column orders.orders.submitted_at is 'When the order left draft (placed or sent for approval); null exactly while draft. Spending periods count by it.';
comment on column orders.orders.created_at is 'When the order (draft) was created.';
comment on column orders.orders.updated_at is 'When the order was last changed.';
alter table orders.orders enable row level security;
alter table orders.orders force row level security;

-- Serves fk_orders_tenant_id_company_id_companies and "orders of a company", newest first.
create index idx_orders_tenant_id_company_id_created_at on orders.orders (tenant_id, company_id, created_at desc);
-- Serves fk_orders_tenant_id_buyer_id_buyers and the spending-limit sum (a buyer's orders in a period).
create index idx_orders_tenant_id_buyer_id_submitted_at on orders.orders (tenant_id, buyer_id, submitted_at);
-- Serves fk_orders_currency_currencies (removing a currency).
create index idx_orders_currency on orders.orders (currency);
-- Serves fk_orders_state_order_states and the seller's work queues (orders in a state).
create index idx_orders_state on orders.orders (state);

-- order_lines --------------------------------------------------------------------------------------
create table orders.order_lines (
  tenant_id uuid not null default app.require_tenant_id(),
  order_id uuid not null,
  -- Position within one order (1, 2, ...): 32 bits are plenty.
  -- squawk-ignore prefer-bigint-over-int
  line_number integer not null,
  variant_id uuid not null,
  -- Units of one line, bounded by chk_order_lines_quantity: 32 bits are plenty.
  -- squawk-ignore prefer-bigint-over-int
  quantity integer not null,
  unit_price numeric(19, 4) not null,
  line_total numeric(19, 4) not null,
  priced_from text not null,
  price_list_id uuid,
  -- squawk-ignore prefer-bigint-over-int
  fulfilled_quantity integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint pk_order_lines primary key (tenant_id, order_id, line_number),
  -- One line per variant: allocations and returns refer to a line by its variant.
  constraint uq_order_lines_tenant_id_order_id_variant_id unique (tenant_id, order_id, variant_id),
  constraint fk_order_lines_tenant_id_order_id_orders foreign key (tenant_id, order_id)
    references orders.orders (tenant_id, order_id) on delete cascade,
  constraint fk_order_lines_tenant_id_variant_id_variants foreign key (tenant_id, variant_id)
    references catalog.variants (tenant_id, variant_id),
  constraint chk_order_lines_line_number_positive check (line_number >= 1),
  constraint chk_order_lines_quantity check (quantity between 1 and 1000000),
  constraint chk_order_lines_unit_price_not_negative check (unit_price >= 0),
  constraint chk_order_lines_line_total check (line_total = quantity * unit_price),
  constraint chk_order_lines_priced_from check (priced_from in ('price_list', 'quote')),
  constraint chk_order_lines_fulfilled_quantity check (fulfilled_quantity between 0 and quantity)
);
comment on table orders.order_lines is
  'A line of an order: a variant, a quantity and the unit price snapshot taken when the order was priced. line_total = quantity * unit_price (check). Lines change only while the order is a draft (trigger, B3010), except fulfilled_quantity.';
comment on column orders.order_lines.line_number is 'Position of the line in the order, from 1.';
comment on column orders.order_lines.variant_id is 'The variant ordered; at most one line per variant.';
comment on column orders.order_lines.quantity is 'Units ordered (1 to 1,000,000).';
comment on column orders.order_lines.unit_price is 'Unit price snapshot in the order currency: catalog.resolve_price when priced, or the accepted quote''s price.';
comment on column orders.order_lines.line_total is 'quantity * unit_price (checked).';
comment on column orders.order_lines.priced_from is 'price_list (catalog.resolve_price) or quote (an accepted quote''s price).';
comment on column orders.order_lines.price_list_id is 'The price list the unit price came from, for price_list lines (no foreign key: a list may be deleted later, the snapshot stays).';
comment on column orders.order_lines.fulfilled_quantity is 'Units shipped so far (0 to quantity).';
comment on column orders.order_lines.created_at is 'When the line was added.';
comment on column orders.order_lines.updated_at is 'When the line was last changed.';
alter table orders.order_lines enable row level security;
alter table orders.order_lines force row level security;

-- The primary key serves fk_order_lines_tenant_id_order_id_orders (lines of an order).
-- Serves fk_order_lines_tenant_id_variant_id_variants and "orders containing a variant".
create index idx_order_lines_tenant_id_variant_id on orders.order_lines (tenant_id, variant_id);

-- order_state_history ------------------------------------------------------------------------------
create table orders.order_state_history (
  tenant_id uuid not null default app.require_tenant_id(),
  transition_id bigint generated always as identity,
  order_id uuid not null,
  from_state text,
  to_state text not null,
  changed_by uuid,
  changed_at timestamptz not null default now(),
  constraint pk_order_state_history primary key (tenant_id, transition_id),
  constraint fk_order_state_history_tenant_id_order_id_orders foreign key (tenant_id, order_id)
    references orders.orders (tenant_id, order_id),
  constraint chk_order_state_history_changed check (from_state is distinct from to_state)
);
comment on table orders.order_state_history is
  'Append-only history of every order state change (who, when, from, to), written by trigger trg_orders_after_insert and trg_orders_after_update_state. The app may insert (the trigger runs as the caller) but never update or delete.';
comment on column orders.order_state_history.transition_id is 'Order of the changes (several may share one changed_at: one transaction).';
comment on column orders.order_state_history.from_state is 'State before the change; null when the order was created.';
comment on column orders.order_state_history.to_state is 'State after the change.';
comment on column orders.order_state_history.changed_by is 'The acting user (app.current_user_id(): the staff user or buyer set by withTenant), null when none was set.';
comment on column orders.order_state_history.changed_at is 'When the change happened (transaction time).';
alter table orders.order_state_history enable row level security;
alter table orders.order_state_history force row level security;

-- Serves fk_order_state_history_tenant_id_order_id_orders and "history of an order".
create index idx_order_state_history_tenant_id_order_id on orders.order_state_history (tenant_id, order_id, transition_id);

-- order_allocations --------------------------------------------------------------------------------
create table orders.order_allocations (
  tenant_id uuid not null default app.require_tenant_id(),
  order_id uuid not null,
  variant_id uuid not null,
  warehouse_id uuid not null,
  reserved_quantity bigint not null,
  consumed_quantity bigint not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint pk_order_allocations primary key (tenant_id, order_id, variant_id, warehouse_id),
  constraint fk_order_allocations_tenant_id_order_id_variant_id_order_lines foreign key (tenant_id, order_id, variant_id)
    references orders.order_lines (tenant_id, order_id, variant_id),
  constraint fk_order_allocations_tenant_id_variant_id_warehouse_id_stock foreign key (tenant_id, variant_id, warehouse_id)
    references catalog.stock_levels (tenant_id, variant_id, warehouse_id),
  constraint chk_order_allocations_reserved_not_negative check (reserved_quantity >= 0),
  constraint chk_order_allocations_consumed_not_negative check (consumed_quantity >= 0)
);
comment on table orders.order_allocations is
  'Stock an order line holds in one warehouse: reserved_quantity is counted in catalog.stock_levels.reserved until shipped (consumed) or released (cancel, reject: the row stays, with reserved_quantity 0). Written only by the order functions, which lock stock rows in (variant_id, warehouse_id) order.';
comment on column orders.order_allocations.variant_id is 'The variant (the order line''s).';
comment on column orders.order_allocations.warehouse_id is 'The warehouse the units are reserved in.';
comment on column orders.order_allocations.reserved_quantity is 'Units still reserved for this line in this warehouse.';
comment on column orders.order_allocations.consumed_quantity is 'Units shipped from this warehouse for this line (taken off on_hand).';
comment on column orders.order_allocations.created_at is 'When the stock was reserved.';
comment on column orders.order_allocations.updated_at is 'When the allocation last changed.';
alter table orders.order_allocations enable row level security;
alter table orders.order_allocations force row level security;

-- The primary key serves fk_order_allocations_tenant_id_order_id_variant_id_order_lines.
-- Serves fk_order_allocations_tenant_id_variant_id_warehouse_id_stock ("who holds this stock").
create index idx_order_allocations_tenant_id_variant_id_warehouse_id
  on orders.order_allocations (tenant_id, variant_id, warehouse_id);

-- Down Migration
-- cascade: the schema's repeatable objects (functions, triggers, policies) have no versioned down step.
drop schema orders cascade;
