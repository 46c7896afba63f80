-- Up Migration
-- A company's credit exposure, kept current by triggers (issue 13): check_credit_limit read it by
-- summing the company's whole receivables ledger and every one of its open orders at every placement,
-- work that grows with the company's history (1.5 ms of a 10 ms order at 100 open orders, and more with
-- each). Now it reads one row. The row is derived: orders.apply_credit_exposure, a trigger after a change
-- of an order's state, total or invoiced amount and after a ledger entry, adds each change, so every
-- column only adds non-negative amounts or gives back what it added;
-- db-tests/orders/credit_exposures holds the row to the sums it replaces.
create table orders.credit_exposures (
  tenant_id uuid not null,
  company_id uuid not null,
  -- a copy of accounts.companies.minor_units (smallint there)
  -- squawk-ignore prefer-bigint-over-smallint
  minor_units smallint not null,
  debit_total numeric not null default 0,
  credit_total numeric not null default 0,
  open_order_amount numeric not null default 0,
  constraint pk_credit_exposures primary key (tenant_id, company_id),
  -- the company's minor units (its currency's; a company's currency cannot change once it has amounts);
  -- served by the primary key, whose (tenant_id, company_id) is the company's primary key
  constraint fk_credit_exposures_tenant_id_company_id_minor_units_companies
    foreign key (tenant_id, company_id, minor_units)
    references accounts.companies (tenant_id, company_id, minor_units),
  constraint chk_credit_exposures_debit_total_money check (app.is_money(debit_total, minor_units)),
  constraint chk_credit_exposures_credit_total_money check (app.is_money(credit_total, minor_units)),
  constraint chk_credit_exposures_open_order_amount_money check (app.is_money(open_order_amount, minor_units)),
  constraint chk_credit_exposures_debit_total_not_negative check (debit_total >= 0),
  constraint chk_credit_exposures_credit_total_not_negative check (credit_total >= 0),
  constraint chk_credit_exposures_open_order_amount_not_negative check (open_order_amount >= 0)
);
comment on table orders.credit_exposures is
  'A company''s credit exposure, derived and kept current by a trigger (the application''s own writes are refused, B5041): its receivables ledger (orders.receivable_entries) as debit and credit totals, whose difference is its open balance, and the uninvoiced part of its open orders (pending_approval, placed, partially_fulfilled). orders.check_credit_limit reads it. No row: all are 0.';
comment on column orders.credit_exposures.minor_units is
  'The company''s minor units (its currency''s): every amount of the row has at most this many decimals.';
comment on column orders.credit_exposures.debit_total is
  'Sum of the company''s invoice entries, in its currency.';
comment on column orders.credit_exposures.credit_total is
  'Sum of the company''s payment and credit note entries, in its currency. debit_total - credit_total is its open balance (orders.open_balance; negative when it paid ahead).';
comment on column orders.credit_exposures.open_order_amount is
  'Sum of total_amount - invoiced_amount over the company''s open orders, in its currency.';

-- what the orders and the ledger already hold, of every tenant: row-level security is forced on them for
-- the owner, so it is lifted for the backfill and forced again (in this migration's transaction)
alter table orders.orders no force row level security;
alter table orders.receivable_entries no force row level security;
alter table accounts.companies no force row level security;
insert into orders.credit_exposures (tenant_id, company_id, minor_units, debit_total, credit_total, open_order_amount)
select c.tenant_id, c.company_id, c.minor_units, x.debits, x.credits, x.open_orders
from (
  select tenant_id, company_id, sum(debit) as debits, sum(credit) as credits, sum(open_order) as open_orders
  from (
    select e.tenant_id, e.company_id, case when e.kind = 'invoice' then e.amount else 0 end as debit,
      case when e.kind <> 'invoice' then e.amount else 0 end as credit, 0 as open_order
    from orders.receivable_entries e
    union all
    select o.tenant_id, o.company_id, 0, 0, o.total_amount - o.invoiced_amount
    from orders.orders o
    where o.state in ('pending_approval', 'placed', 'partially_fulfilled')
  ) entries
  group by tenant_id, company_id
) x
join accounts.companies c on c.tenant_id = x.tenant_id and c.company_id = x.company_id;
alter table orders.orders force row level security;
alter table orders.receivable_entries force row level security;
alter table accounts.companies force row level security;

-- as every tenant table, after the backfill (policies/0015_policies_credit_exposures.sql): the owner too is
-- held to them (Citus validates a moved shard's foreign keys as the owner, and a forced table beside an
-- unforced one is checked with only one of them visible)
alter table orders.credit_exposures enable row level security;
alter table orders.credit_exposures force row level security;

-- Down Migration
-- The trigger functions go with the table, their triggers by cascade (the next migrate re-creates them).
drop function if exists orders.apply_credit_exposure() cascade;
drop function if exists orders.guard_credit_exposures() cascade;
drop function if exists orders.lock_credit_exposure(uuid, uuid);
drop table orders.credit_exposures;
