-- A company's open balance: what its invoices raised minus what payments and credit notes lowered.
create or replace function orders.open_balance(p_company_id uuid)
returns numeric
language sql stable
as $$
  select coalesce(sum(case e.kind when 'invoice' then e.amount else -e.amount end), 0)::numeric(19, 4)
  from orders.receivable_entries e
  where e.tenant_id = app.require_tenant_id() and e.company_id = p_company_id
$$;
comment on function orders.open_balance(uuid) is
  'Open receivables balance of company p_company_id from the ledger: sum of invoices minus payments and credit notes (negative when it paid ahead).';
