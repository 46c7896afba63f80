-- Erasure of a buyer (GDPR Art. 17; issue 11, docs/data-protection.md): pseudonymizes the buyer's personal
-- data everywhere, keeping every row, so no foreign key breaks and orders, invoices and approvals keep their
-- meaning ("a buyer who has been erased"). Which columns: every row of app.personal_data_columns whose
-- subject is buyer, in the rows whose subject_key column holds the buyer's id; each is replaced by its
-- erasure expression, or set null. A column added later is erased once its decision names subject buyer
-- (db-tests/lint/sensitive_personal_data_is_encrypted.test.sql requires a subject for every personal column).
-- The buyer is disabled. Then the audit trail: audit.erase_subject pseudonymizes the personal values in the
-- audit events of every erased row (by the row's primary key), keeping the hash chain verifiable.
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
  v_keys jsonb;
  v_key jsonb;
  v_events bigint := 0;
begin
  perform 1 from accounts.buyers b where b.tenant_id = v_tenant and b.buyer_id = p_buyer_id for update;
  if not found then
    raise exception using errcode = 'B4108',
      message = format('buyer %s is not a buyer of this tenant', p_buyer_id);
  end if;
  for v_table in
    select p.schema_name, p.table_name, p.subject_key,
      string_agg(format('%I = %s', p.column_name, coalesce(p.erasure, 'null')), ', ' order by p.column_name) as sets,
      -- the primary key without tenant_id, as audit.events.row_key holds it (audit.erase_subject adds tenant_id)
      (select string_agg(format('%L, r.%I', a.attname, a.attname), ', ' order by a.attnum)
         from pg_constraint k
         join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any (k.conkey)
        where k.conrelid = format('%I.%I', p.schema_name, p.table_name)::regclass and k.contype = 'p'
          and a.attname <> 'tenant_id') as key_columns
    from app.personal_data_columns p
    where p.personal and p.subject = 'buyer'
    group by p.schema_name, p.table_name, p.subject_key
    order by p.schema_name, p.table_name
  loop
    -- The rows' keys first (the keys do not change), for the audit trail below: the buyer's rows as they
    -- are, and the rows the trail shows were ever the buyer's (deleted since, or moved to another buyer),
    -- whose insert or delete event names the buyer; their other events follow by row_key.
    execute format($q$
      select coalesce(jsonb_agg(distinct s.k), '[]') from (
        select jsonb_build_object(%s) as k from %I.%I r where r.tenant_id = $1 and r.%I = $2
        union all
        select e.row_key - 'tenant_id' from audit.events e
         where e.tenant_id = $1 and e.table_name = %L
           and (e.old_values ->> %L = $2::text or e.new_values ->> %L = $2::text)) s$q$,
      v_table.key_columns, v_table.schema_name, v_table.table_name, v_table.subject_key,
      v_table.schema_name || '.' || v_table.table_name, v_table.subject_key, v_table.subject_key)
      into v_keys using v_tenant, p_buyer_id;
    execute format('update %I.%I set %s where tenant_id = $1 and %I = $2',
      v_table.schema_name, v_table.table_name, v_table.sets, v_table.subject_key)
      using v_tenant, p_buyer_id;
    get diagnostics v_rows = row_count;
    v_erased := v_erased || jsonb_build_object(v_table.schema_name || '.' || v_table.table_name, v_rows);
    if v_table.schema_name = 'accounts' and v_table.table_name = 'buyers' then
      update accounts.buyers b set status = 'disabled' where b.tenant_id = v_tenant and b.buyer_id = p_buyer_id;
    end if;
    -- The audit trail: every event of each erased row (the erasing update's own included) gets its personal
    -- values replaced by their keyed hashes, which is what the chain hashed in their place (audit.chain_form),
    -- so audit.verify still passes (docs/data-protection.md, "Erasure").
    for v_key in select value from jsonb_array_elements(v_keys) loop
      v_events := v_events + audit.erase_subject(v_tenant,
        format('%I.%I', v_table.schema_name, v_table.table_name)::regclass, v_key);
    end loop;
  end loop;
  return v_erased || jsonb_build_object('audit.events', v_events);
end
$$;
comment on function accounts.erase_buyer(uuid, uuid) is
  'Erases buyer p_buyer_id of tenant p_tenant_id (GDPR Art. 17) by pseudonymizing every column app.personal_data_columns marks as the buyer''s (subject buyer), keeping every row and key; disables the buyer; audit.erase_subject for every erased row. Returns rows changed per table and the audit events rewritten (audit.events). B4108 for an unknown buyer.';
