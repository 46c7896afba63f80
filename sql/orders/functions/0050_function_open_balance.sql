-- A company's open balance: what its invoices raised minus what payments and credit notes lowered.
-- PL/pgSQL, not SQL: check_credit_limit calls it from PL/pgSQL at every placement, where a SQL function
-- that cannot be inlined is parsed and planned again in every transaction.
create or replace function orders.open_balance(p_tenant_id uuid, p_company_id uuid)
returns numeric
language plpgsql stable
as $$
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
begin
  return (
    select coalesce(sum(case e.kind when 'invoice' then e.amount else -e.amount end), 0)
    from orders.receivable_entries e
    where e.tenant_id = v_tenant and e.company_id = p_company_id
  );
end
$$;
comment on function orders.open_balance(uuid, uuid) is
  'Open receivables balance of company p_company_id of tenant p_tenant_id (the transaction''s: B2002) from the ledger: sum of invoices minus payments and credit notes (negative when it paid ahead).';
