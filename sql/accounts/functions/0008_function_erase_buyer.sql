-- Erasure of a buyer (GDPR Art. 17; issue 11, docs/data-protection.md): pseudonymizes the buyer's personal
-- data everywhere, keeping every row, so no foreign key breaks and orders, invoices and approvals keep their
-- meaning ("a buyer who has been erased"). Which columns: every row of app.personal_data_columns whose
-- subject is buyer, in the rows whose subject_key column holds the buyer's id; each is replaced by its
-- erasure expression, or set null. A column added later is erased once its decision names subject buyer
-- (db-tests/lint/sensitive_personal_data_is_encrypted.test.sql requires a subject for every personal column).
-- The buyer is disabled. Then the audit trail: audit.erase_subject (schema audit, issue 11's audit part)
-- pseudonymizes the buyer's values in the audit rows while keeping the hash chain verifiable; it is called
-- when schema audit exists, and its absence there is an error, never a silent skip.
-- SECURITY DEFINER (owner b2b_owner): the app may not rewrite approvals' comments or returns' reasons
-- otherwise; the owner's select/update policies on those tables keep it to the tenant (app.check_tenant
-- first, and every statement filters tenant_id = v_tenant). No data key is needed: encrypted columns are set
-- null, not decrypted.
create or replace function accounts.erase_buyer(p_tenant_id uuid, p_buyer_id uuid)
returns jsonb
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
  v_table record;
  v_rows bigint;
  v_erased jsonb := '{}';
begin
  perform 1 from accounts.buyers b where b.tenant_id = v_tenant and b.buyer_id = p_buyer_id for update;
  if not found then
    raise exception using errcode = 'B4108',
      message = format('buyer %s is not a buyer of this tenant', p_buyer_id);
  end if;
  for v_table in
    select p.schema_name, p.table_name, p.subject_key,
      string_agg(format('%I = %s', p.column_name, coalesce(p.erasure, 'null')), ', ' order by p.column_name) as sets
    from app.personal_data_columns p
    where p.personal and p.subject = 'buyer'
    group by p.schema_name, p.table_name, p.subject_key
    order by p.schema_name, p.table_name
  loop
    execute format('update %I.%I set %s where tenant_id = $1 and %I = $2',
      v_table.schema_name, v_table.table_name, v_table.sets, v_table.subject_key)
      using v_tenant, p_buyer_id;
    get diagnostics v_rows = row_count;
    v_erased := v_erased || jsonb_build_object(v_table.schema_name || '.' || v_table.table_name, v_rows);
  end loop;
  update accounts.buyers b set status = 'disabled' where b.tenant_id = v_tenant and b.buyer_id = p_buyer_id;
  -- The audit trail (hook): pseudonymize the buyer in audit rows, chain kept verifiable.
  if to_regnamespace('audit') is not null then
    execute 'select audit.erase_subject($1, $2, $3)' using v_tenant, 'accounts.buyers', p_buyer_id;
    v_erased := v_erased || jsonb_build_object('audit', true);
  end if;
  return v_erased;
end
$$;
comment on function accounts.erase_buyer(uuid, uuid) is
  'Erases buyer p_buyer_id of tenant p_tenant_id (GDPR Art. 17) by pseudonymizing every column app.personal_data_columns marks as the buyer''s (subject buyer), keeping every row and key; disables the buyer; then audit.erase_subject when schema audit exists. Returns rows changed per table. B4108 for an unknown buyer.';
