-- The trigger that keeps orders.credit_exposures current, on orders.orders (tg_argv[0] = 'order') and on
-- the receivables ledger orders.receivable_entries ('ledger'). It adds the difference each change makes, so
-- the row equals the sums it stands for (db-tests/orders/credit_exposures) whatever path made the change:
-- an order function, an admin script or a direct update.
-- As the caller, under its row-level security (the changed row's tenant is the caller's): b2b_app holds the
-- write grants this needs and no other way to use them (trg_credit_exposures_guard, app.guard_derived_writes,
-- refuses a write that does not come from this trigger: B5041), so it cannot lower its own company's exposure.
-- Locking: the update locks the company's row until the transaction ends. Lock order, as in
-- orders.check_credit_limit: company credit, buyer spending, then stock rows; a function that writes stock
-- before it changes an exposure (fulfil_order, receive_return) takes the row first with
-- orders.lock_credit_exposure.
-- The open states are written out: db-tests/orders/credit_limit pins them to orders.order_states.is_open.
create or replace function orders.apply_credit_exposure() returns trigger
language plpgsql
as $$
declare
  old_open numeric := 0;
  new_open numeric := 0;
  -- what to add, per company: one company, or two when an order moves to another
  tenants uuid[];
  companies uuid[];
  units smallint[];
  debits numeric[];
  credits numeric[];
  opens numeric[];
  -- the statements filter on scalars: on Citus, a statement of a delegated call must compare the
  -- distribution column with a plain value (not an array element) to be routed to the caller's shard
  v_tenant uuid;
  v_company uuid;
begin
  if tg_argv[0] = 'ledger' then
    tenants := array[new.tenant_id];
    companies := array[new.company_id];
    units := array[new.minor_units];
    debits := array[case when new.kind = 'invoice' then new.amount else 0 end];
    credits := array[case when new.kind <> 'invoice' then new.amount else 0 end];
    opens := array[0];
  else
    if tg_op in ('UPDATE', 'DELETE') and old.state in ('pending_approval', 'placed', 'partially_fulfilled') then
      old_open := old.total_amount - old.invoiced_amount;
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.state in ('pending_approval', 'placed', 'partially_fulfilled') then
      new_open := new.total_amount - new.invoiced_amount;
    end if;
    if tg_op = 'UPDATE' and (old.tenant_id, old.company_id) is distinct from (new.tenant_id, new.company_id) then
      tenants := array[old.tenant_id, new.tenant_id];
      companies := array[old.company_id, new.company_id];
      units := array[old.minor_units, new.minor_units];
      opens := array[-old_open, new_open];
    else
      tenants := array[coalesce(new.tenant_id, old.tenant_id)];
      companies := array[coalesce(new.company_id, old.company_id)];
      units := array[coalesce(new.minor_units, old.minor_units)];
      opens := array[new_open - old_open];
    end if;
    debits := array_fill(0::numeric, array[cardinality(companies)]);
    credits := debits;
  end if;

  for i in 1 .. cardinality(companies) loop
    continue when debits[i] = 0 and credits[i] = 0 and opens[i] = 0;
    v_tenant := tenants[i];
    v_company := companies[i];
    -- update first: an insert's check constraints are checked before its conflict is found, so a negative
    -- change (an order shipped or cancelled) would fail open_order_amount >= 0 in an upsert's proposed row
    update orders.credit_exposures e
    set debit_total = e.debit_total + debits[i],
        credit_total = e.credit_total + credits[i],
        open_order_amount = e.open_order_amount + opens[i]
    where e.tenant_id = v_tenant and e.company_id = v_company;
    if not found then
      -- the company's first change (or a concurrent transaction's first insert, which this one adds to)
      insert into orders.credit_exposures as e (tenant_id, company_id, minor_units, debit_total, credit_total,
        open_order_amount)
      values (v_tenant, v_company, units[i], debits[i], credits[i], opens[i])
      on conflict (tenant_id, company_id) do update
      set debit_total = e.debit_total + excluded.debit_total,
          credit_total = e.credit_total + excluded.credit_total,
          open_order_amount = e.open_order_amount + excluded.open_order_amount;
    end if;
  end loop;
  return null;
end
$$;
comment on function orders.apply_credit_exposure() is
  'AFTER ROW trigger function, as the caller: on orders.orders (tg_argv[0] ''order''; insert, delete, update of state, total_amount, invoiced_amount or company_id) adds the change of the order''s open amount (total_amount - invoiced_amount while pending_approval, placed or partially_fulfilled, else 0) to its company''s orders.credit_exposures.open_order_amount; on orders.receivable_entries (''ledger''; insert) adds the entry''s amount to debit_total (invoice) or credit_total (payment, credit_note). A new row when the company has none.';

-- Takes company p_company_id's exposure row before a function writes stock and then changes the exposure,
-- so that it keeps the lock order of placing an order (company credit before stock). A company with no row
-- has no open order or ledger entry yet: nothing to take (its first change creates the row).
create or replace function orders.lock_credit_exposure(p_tenant_id uuid, p_company_id uuid)
returns void
language plpgsql
as $$
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
begin
  perform 1 from orders.credit_exposures e
  where e.tenant_id = v_tenant and e.company_id = p_company_id
  for no key update;
end
$$;
comment on function orders.lock_credit_exposure(uuid, uuid) is
  'Locks the orders.credit_exposures row of company p_company_id of tenant p_tenant_id (the transaction''s: B2002), if it has one, until the transaction ends: fulfil_order and receive_return call it before they write stock, keeping the lock order company credit, then stock.';
