-- The triggers that keep orders.credit_exposures current. Each adds the difference a change makes, so the
-- row equals the sums it stands for (db-tests/orders/credit_exposures) whatever path made the change: an
-- order function, an admin script or a direct update.
-- Security definer (as the owner): b2b_app may read the exposure but never write it (it would raise its
-- own company's credit), and the owner's writes obey no policy (row-level security is not forced on the
-- table), so the row is the changed row's tenant's also without a tenant context.
-- Locking: the upsert locks the company's row until the transaction ends. Lock order, as in
-- orders.check_credit_limit: company credit, buyer spending, then stock rows; a function that writes
-- stock before it changes an exposure (fulfil_order, receive_return) takes the row first with
-- orders.lock_credit_exposure.

-- The open states are written out: db-tests/orders/credit_limit pins them to orders.order_states.is_open.
create or replace function orders.apply_order_credit_exposure() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  old_open numeric := 0;
  new_open numeric := 0;
begin
  if tg_op in ('UPDATE', 'DELETE') and old.state in ('pending_approval', 'placed', 'partially_fulfilled') then
    old_open := old.total_amount - old.invoiced_amount;
  end if;
  if tg_op in ('INSERT', 'UPDATE') and new.state in ('pending_approval', 'placed', 'partially_fulfilled') then
    new_open := new.total_amount - new.invoiced_amount;
  end if;
  if tg_op = 'UPDATE' and (old.tenant_id, old.company_id) is distinct from (new.tenant_id, new.company_id) then
    perform orders.add_credit_exposure(old.tenant_id, old.company_id, old.minor_units, 0, 0, -old_open);
    old_open := 0;
  end if;
  if new_open is distinct from old_open then
    perform orders.add_credit_exposure(coalesce(new.tenant_id, old.tenant_id), coalesce(new.company_id, old.company_id),
      coalesce(new.minor_units, old.minor_units), 0, 0, new_open - old_open);
  end if;
  return null;
end
$$;
comment on function orders.apply_order_credit_exposure() is
  'AFTER ROW trigger function on orders.orders (insert, delete, update of state, total_amount, invoiced_amount or company_id): adds the change of the order''s open amount (total_amount - invoiced_amount while pending_approval, placed or partially_fulfilled, else 0) to its company''s orders.credit_exposures.open_order_amount.';

create or replace function orders.apply_receivable_credit_exposure() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  perform orders.add_credit_exposure(new.tenant_id, new.company_id, new.minor_units,
    case when new.kind = 'invoice' then new.amount else 0 end,
    case when new.kind <> 'invoice' then new.amount else 0 end, 0);
  return null;
end
$$;
comment on function orders.apply_receivable_credit_exposure() is
  'AFTER INSERT ROW trigger function on orders.receivable_entries (append-only): adds the entry''s amount to its company''s orders.credit_exposures.debit_total (invoice) or credit_total (payment, credit_note).';

-- Internal: the one upsert of both triggers (the owner's; not granted). Its tenant is the changed row's,
-- also without a tenant context, so it is not a tenant entry point (no p_tenant_id, no app.check_tenant).
create or replace function orders.add_credit_exposure(p_tenant uuid, p_company_id uuid, p_minor_units smallint,
  p_debit numeric, p_credit numeric, p_open_orders numeric)
returns void
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  -- update first: an insert's check constraints are checked before its conflict is found, so a negative
  -- change (an order shipped or cancelled) would fail open_order_amount >= 0 in an upsert's proposed row
  update orders.credit_exposures e
  set debit_total = e.debit_total + p_debit,
      credit_total = e.credit_total + p_credit,
      open_order_amount = e.open_order_amount + p_open_orders
  where e.tenant_id = p_tenant and e.company_id = p_company_id;
  if not found then
    -- the company's first change (or a concurrent transaction's first insert, which this one then adds to)
    insert into orders.credit_exposures as e (tenant_id, company_id, minor_units, debit_total, credit_total,
      open_order_amount)
    values (p_tenant, p_company_id, p_minor_units, p_debit, p_credit, p_open_orders)
    on conflict (tenant_id, company_id) do update
    set debit_total = e.debit_total + excluded.debit_total,
        credit_total = e.credit_total + excluded.credit_total,
        open_order_amount = e.open_order_amount + excluded.open_order_amount;
  end if;
end
$$;
comment on function orders.add_credit_exposure(uuid, uuid, smallint, numeric, numeric, numeric) is
  'Internal step of the credit exposure triggers: adds p_debit to debit_total, p_credit to credit_total and p_open_orders to open_order_amount of company p_company_id of tenant p_tenant (amounts in its currency, p_minor_units) in orders.credit_exposures (a new row when it has none), locking the row until the transaction ends.';

-- Takes company p_company_id's exposure row (creating it) before a function writes stock and then changes
-- the exposure, so that it keeps the lock order of placing an order (company credit before stock).
create or replace function orders.lock_credit_exposure(p_tenant_id uuid, p_company_id uuid)
returns void
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
begin
  perform orders.add_credit_exposure(v_tenant, p_company_id,
    (select c.minor_units from accounts.companies c where c.tenant_id = v_tenant and c.company_id = p_company_id), 0, 0, 0);
end
$$;
comment on function orders.lock_credit_exposure(uuid, uuid) is
  'Locks the orders.credit_exposures row of company p_company_id of tenant p_tenant_id (the transaction''s: B2002), creating it with zeros when it has none, until the transaction ends: fulfil_order and receive_return call it before they write stock, keeping the lock order company credit, then stock.';
