-- Up Migration
-- Invoices (issued by fulfilment, due after the order's net payment terms) and the append-only
-- receivables ledger (invoices, payments, credit notes) that gives each company's open balance.

-- orders.invoiced_amount ---------------------------------------------------------------------------
-- The part of an order already invoiced: what is not yet invoiced of an open order still counts towards
-- the company's credit exposure. The table is new in this release (empty): the default and the
-- validating scan of the check cost nothing, so NOT VALID + VALIDATE would only add steps.
alter table orders.orders
  add column invoiced_amount numeric(19, 4) not null default 0,
  -- squawk-ignore constraint-missing-not-valid
  add constraint chk_orders_invoiced_within_total check (invoiced_amount between 0 and total_amount);
comment on column orders.orders.invoiced_amount is 'Sum of the invoices issued for this order so far (0 to total_amount).';

-- invoices -----------------------------------------------------------------------------------------
create table orders.invoices (
  tenant_id uuid not null default app.require_tenant_id(),
  invoice_id uuid not null default gen_random_uuid(),
  order_id uuid not null,
  company_id uuid not null,
  currency text not null,
  amount numeric(19, 4) not null,
  lines jsonb not null,
  issued_at timestamptz not null default now(),
  due_at timestamptz not null,
  constraint pk_invoices primary key (tenant_id, invoice_id),
  constraint fk_invoices_tenant_id_order_id_orders foreign key (tenant_id, order_id)
    references orders.orders (tenant_id, order_id),
  constraint fk_invoices_tenant_id_company_id_companies foreign key (tenant_id, company_id)
    references accounts.companies (tenant_id, company_id),
  constraint fk_invoices_currency_currencies foreign key (currency) references catalog.currencies (currency_code),
  constraint chk_invoices_amount_not_negative check (amount >= 0),
  constraint chk_invoices_lines_array check (jsonb_typeof(lines) = 'array'),
  constraint chk_invoices_due_after_issue check (due_at >= issued_at)
);
comment on table orders.invoices is
  'An invoice for the units of one shipment (orders.fulfil_order), due payment_terms_days after issue; recorded in the receivables ledger. Append-only: corrections are credit notes.';
comment on column orders.invoices.order_id is 'The order the shipped units belong to.';
comment on column orders.invoices.company_id is 'The invoiced company (the order''s).';
comment on column orders.invoices.currency is 'ISO 4217 currency (the order''s).';
comment on column orders.invoices.amount is 'Shipped units times their order unit price, in currency.';
comment on column orders.invoices.lines is 'What was invoiced: [{variant_id, quantity, unit_price, line_total}].';
comment on column orders.invoices.issued_at is 'When the invoice was issued (the shipment).';
comment on column orders.invoices.due_at is 'issued_at plus the order''s payment_terms_days.';
alter table orders.invoices enable row level security;
alter table orders.invoices force row level security;

-- Serves fk_invoices_tenant_id_order_id_orders and "invoices of an order".
create index idx_invoices_tenant_id_order_id on orders.invoices (tenant_id, order_id);
-- Serves fk_invoices_tenant_id_company_id_companies and "a company's invoices by due date" (dunning).
create index idx_invoices_tenant_id_company_id_due_at on orders.invoices (tenant_id, company_id, due_at);
-- Serves fk_invoices_currency_currencies (removing a currency).
create index idx_invoices_currency on orders.invoices (currency);

-- receivable_entries -------------------------------------------------------------------------------
create table orders.receivable_entries (
  tenant_id uuid not null default app.require_tenant_id(),
  entry_id bigint generated always as identity,
  company_id uuid not null,
  kind text not null,
  amount numeric(19, 4) not null,
  currency text not null,
  invoice_id uuid,
  reference text,
  recorded_by uuid default app.current_user_id(),
  recorded_at timestamptz not null default now(),
  constraint pk_receivable_entries primary key (tenant_id, entry_id),
  constraint fk_receivable_entries_tenant_id_company_id_companies foreign key (tenant_id, company_id)
    references accounts.companies (tenant_id, company_id),
  constraint fk_receivable_entries_tenant_id_invoice_id_invoices foreign key (tenant_id, invoice_id)
    references orders.invoices (tenant_id, invoice_id),
  constraint fk_receivable_entries_currency_currencies foreign key (currency)
    references catalog.currencies (currency_code),
  constraint chk_receivable_entries_kind check (kind in ('invoice', 'payment', 'credit_note')),
  constraint chk_receivable_entries_amount_not_negative check (amount >= 0),
  constraint chk_receivable_entries_invoice_has_invoice check (kind <> 'invoice' or invoice_id is not null),
  constraint chk_receivable_entries_reference_not_blank check (btrim(reference) <> '')
);
comment on table orders.receivable_entries is
  'Append-only receivables ledger of a company: invoices raise its open balance, payments and credit notes lower it (amounts are positive; kind gives the sign). Open balance = sum(invoice) - sum(payment) - sum(credit_note), see orders.open_balance(). Never updated or deleted (trigger, B3012).';
comment on column orders.receivable_entries.entry_id is 'Order of the entries.';
comment on column orders.receivable_entries.company_id is 'The company whose balance the entry changes.';
comment on column orders.receivable_entries.kind is 'invoice (raises the balance), payment or credit_note (lower it).';
comment on column orders.receivable_entries.amount is 'Positive amount in currency; kind gives the direction.';
comment on column orders.receivable_entries.currency is 'ISO 4217 currency: the company''s.';
comment on column orders.receivable_entries.invoice_id is 'The invoice issued (kind invoice) or paid or credited, when known.';
comment on column orders.receivable_entries.reference is 'Payment reference (bank transfer id) or credit note reason.';
comment on column orders.receivable_entries.recorded_by is 'The acting user (app.current_user_id()) who recorded the entry.';
comment on column orders.receivable_entries.recorded_at is 'When the entry was recorded.';
alter table orders.receivable_entries enable row level security;
alter table orders.receivable_entries force row level security;

-- Serves fk_receivable_entries_tenant_id_company_id_companies and the open balance of a company.
create index idx_receivable_entries_tenant_id_company_id on orders.receivable_entries (tenant_id, company_id, kind);
-- Serves fk_receivable_entries_tenant_id_invoice_id_invoices ("payments of an invoice").
create index idx_receivable_entries_tenant_id_invoice_id on orders.receivable_entries (tenant_id, invoice_id);
-- Serves fk_receivable_entries_currency_currencies (removing a currency).
create index idx_receivable_entries_currency on orders.receivable_entries (currency);

-- Down Migration
-- Repeatable functions that return these tables' row types go first (re-created by the next migrate).
drop function if exists orders.record_payment(uuid, numeric, text, text, uuid);
drop function if exists orders.issue_invoice(orders.orders, jsonb);
drop table orders.receivable_entries;
drop table orders.invoices;
alter table orders.orders
  drop constraint chk_orders_invoiced_within_total,
  drop column invoiced_amount;
