-- The one trigger function of the audit trail, on every audited table (triggers/0001_trigger_capture.sql;
-- the lint rule db-tests/lint/tenant_tables_are_audited requires it). AFTER ROW, so it records the row as
-- the BEFORE triggers left it. tg_argv: the table's primary key columns (tenant_id first), so no catalog
-- lookup per row.
-- Security definer (as the owner): b2b_app has no INSERT on audit.events, so this is the only way in; the
-- owner bypasses row-level security, so the row is recorded under the changed row's tenant even when the
-- writer had no tenant context (a migration, an owner script).
-- Who: the transaction's tenant and user (app.set_tenant's SET LOCALs, propagated to Citus workers); the
-- role (inside a security definer function current_user is the owner, so: the SET ROLE in force, else the
-- login role); the client's application_name (on a Citus worker it is Citus's own, so app.set_tenant
-- copies the client's into app.application_name, which is propagated with the tenant).
create or replace function audit.capture() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_old jsonb;
  v_new jsonb;
  v_row jsonb;
  v_key jsonb := '{}';
  v_column text;
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
  if tg_op = 'INSERT' then
    v_new := to_jsonb(new);
    v_row := v_new;
  elsif tg_op = 'DELETE' then
    v_old := to_jsonb(old);
    v_row := v_old;
  else
    v_row := to_jsonb(old);
    v_new := to_jsonb(new);
    -- only the columns that changed, on both sides
    select jsonb_object_agg(o.key, o.value), jsonb_object_agg(o.key, v_new -> o.key)
      into v_old, v_new
      from jsonb_each(v_row) o
     where o.value is distinct from v_new -> o.key;
    if v_old is null then
      return null; -- an update that changed nothing
    end if;
  end if;
  foreach v_column in array tg_argv loop
    v_key := v_key || jsonb_build_object(v_column, v_row -> v_column);
  end loop;
  insert into audit.events (tenant_id, table_name, row_key, operation, old_values, new_values,
    actor_tenant_id, actor_user_id, actor_role, source, application_name, txid)
  values ((v_row ->> 'tenant_id')::uuid, tg_table_schema || '.' || v_table, v_key, lower(tg_op), v_old, v_new,
    nullif(current_setting('app.tenant_id', true), '')::uuid,
    nullif(current_setting('app.user_id', true), '')::uuid,
    left(coalesce(nullif(current_setting('role'), 'none'), session_user::text), 63),
    audit.source_of(v_app),
    left(v_app, 200),
    txid_current());
  return null;
end
$$;
comment on function audit.capture() is
  'AFTER ROW trigger of every audited table: appends one audit.events row (tenant, table, primary key from tg_argv, operation, old row / changed columns / new row, actor from app.set_tenant, role, source, application_name, txid). Skips updates that change nothing.';
