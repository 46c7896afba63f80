-- The erasure contract with accounts.erase_buyer (docs/audit.md, "Erasure"): after the caller has
-- pseudonymized a row's personal columns in its own table (in the same transaction: that update is captured
-- too, with the old values), this rewrites every audit event of that row so that no personal value is left:
-- each personal column's value (app.personal_data_columns) in old_values and new_values becomes its keyed
-- hash, 'erased:<hex>', which is exactly what the chain hashed in its place, so audit.verify still passes.
-- p_row_key: the row's primary key columns as JSON ({"buyer_id": "..."}); tenant_id is added.
-- Security definer: b2b_app may not update audit rows, and erase_buyer runs as b2b_app; the tenant check
-- keeps it to the transaction's tenant. Returns the number of events rewritten.
create or replace function audit.erase_subject(p_tenant_id uuid, p_table regclass, p_row_key jsonb) returns bigint
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
  v_table text;
  v_personal text[];
  v_key bytea;
  v_count bigint;
begin
  select n.nspname || '.' || c.relname into v_table
    from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.oid = p_table;
  v_personal := audit.personal_columns(v_table);
  if cardinality(v_personal) = 0 then
    return 0;
  end if;
  v_key := audit.tenant_key(v_tenant);
  -- SET LOCAL, not set_config: Citus propagates it to the worker that runs the update
  execute 'set local audit.rewrite = ''erase''';
  update audit.events e
     set old_values = audit.chain_form(e.old_values, v_personal, v_key),
         new_values = audit.chain_form(e.new_values, v_personal, v_key)
   where e.tenant_id = v_tenant and e.table_name = v_table
     and e.row_key = p_row_key || jsonb_build_object('tenant_id', v_tenant)
     and (e.old_values ?| v_personal or e.new_values ?| v_personal);
  get diagnostics v_count = row_count;
  execute 'set local audit.rewrite = ''''';
  return v_count;
end
$$;
comment on function audit.erase_subject(uuid, regclass, jsonb) is
  'Erasure: replaces every personal value (app.personal_data_columns) in the audit events of one row (p_table, p_row_key without tenant_id) by its keyed hash, keeping audit.verify green; returns the events rewritten. Call after pseudonymizing the row itself, in the same transaction. B2002/B2001 for another or no tenant.';
