-- TRUNCATE fires no row triggers: this BEFORE TRUNCATE statement trigger records one event per tenant that
-- had rows in the table (read before they go), with no values. Security invoker, unlike audit.capture():
-- the tenants are read as the truncating role sees them (the owner, under forced row-level security, would
-- see none). Only the owner and superusers may truncate (b2b_app has no TRUNCATE grant), and both may
-- insert into audit.events. A truncate by the owner sees only the rows of the transaction's tenant, if one
-- is set: its truncate of other tenants' rows goes unrecorded (docs/audit.md, "What is not captured").
create or replace function audit.capture_truncate() returns trigger
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
declare
  -- on a Citus worker application_name is Citus's own (citus_internal gpid=...): take the client's, which
  -- app.set_tenant recorded on the coordinator
  v_app text := case when current_setting('application_name') like 'citus\_internal%'
                     then coalesce(nullif(current_setting('app.application_name', true), ''), current_setting('application_name'))
                     else current_setting('application_name') end;
  -- on a Citus worker the trigger fires on a shard (staff_users_102022): record the table's own name
  v_table text := case when tg_table_name ~ '_[0-9]+$'
                        and to_regclass(format('%I.%I', tg_table_schema, regexp_replace(tg_table_name, '_[0-9]+$', ''))) is not null
                       then regexp_replace(tg_table_name, '_[0-9]+$', '') else tg_table_name end;
begin
  execute format(
    $q$insert into audit.events (tenant_id, table_name, row_key, operation, actor_tenant_id, actor_user_id,
         actor_role, source, application_name, txid)
       select t.tenant_id, %L, jsonb_build_object('tenant_id', t.tenant_id), 'truncate', $1, $2, $3, $4, $5, txid_current()
         from (select distinct tenant_id from %I.%I) t$q$,
    tg_table_schema || '.' || v_table, tg_table_schema, tg_table_name)
  using nullif(current_setting('app.tenant_id', true), '')::uuid,
        nullif(current_setting('app.user_id', true), '')::uuid,
        left(coalesce(nullif(current_setting('role'), 'none'), session_user::text), 63), audit.source_of(v_app), left(v_app, 200);
  return null;
end
$$;
comment on function audit.capture_truncate() is
  'BEFORE TRUNCATE statement trigger of every audited table: one audit.events row per tenant that had rows (operation truncate, row_key the tenant).';
