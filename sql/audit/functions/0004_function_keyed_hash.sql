-- The keyed hash of one personal value: sha256(key || sha256(key || value)). Nested, as HMAC is, so that
-- knowing one hash gives no way to extend it (sha256 alone is open to length extension); core sha256
-- only, no extension. The value is the jsonb text of the column value.
create or replace function audit.keyed_hash(p_key bytea, p_value jsonb) returns text
language sql immutable strict parallel safe
as $$
  select 'erased:' || encode(sha256(p_key || sha256(p_key || convert_to(p_value::text, 'UTF8'))), 'hex')
$$;
comment on function audit.keyed_hash(bytea, jsonb) is
  'Pseudonym of a personal value: ''erased:'' || hex sha256(key || sha256(key || value)). What audit.erase_subject writes, and what the chain hashes in place of every personal value.';

-- The form of a row's values that the chain hashes: every personal column's value (from
-- app.personal_data_columns, passed in) replaced by its keyed hash, unless it already is one (erased).
create or replace function audit.chain_form(p_values jsonb, p_personal text[], p_key bytea) returns jsonb
language plpgsql immutable parallel safe
set search_path = pg_catalog, pg_temp
as $$
declare
  v_out jsonb := p_values;
  v_column text;
  v_value jsonb;
begin
  if p_values is null or p_personal is null then
    return p_values;
  end if;
  foreach v_column in array p_personal loop
    v_value := p_values -> v_column;
    if v_value is not null and v_value <> 'null'::jsonb
       and not (jsonb_typeof(v_value) = 'string' and (v_value #>> '{}') like 'erased:%') then
      v_out := jsonb_set(v_out, array[v_column], to_jsonb(audit.keyed_hash(p_key, v_value)));
    end if;
  end loop;
  return v_out;
end
$$;
comment on function audit.chain_form(jsonb, text[], bytea) is
  'The values as the chain hashes them: each column named in p_personal replaced by audit.keyed_hash unless already erased; so erasure (which writes exactly that) leaves the hash unchanged.';

-- The hash of one event, over its chain form.
create or replace function audit.event_digest(e audit.events, p_personal text[], p_key bytea) returns bytea
language plpgsql immutable parallel safe
set search_path = pg_catalog, pg_temp
as $$
begin
  return sha256(convert_to(jsonb_build_array(
    e.tenant_id, e.event_id, e.occurred_at, e.table_name, e.row_key, e.operation,
    audit.chain_form(e.old_values, p_personal, p_key), audit.chain_form(e.new_values, p_personal, p_key),
    e.actor_tenant_id, e.actor_user_id, e.actor_role, e.source, e.application_name, e.txid)::text, 'UTF8'));
end
$$;
comment on function audit.event_digest(audit.events, text[], bytea) is
  'sha256 of an event''s canonical JSON (every column; personal values of p_personal as keyed hashes). The row_hash of audit.seals.';

-- The personal columns of one audited table, from the one list of personal-data decisions.
create or replace function audit.personal_columns(p_table_name text) returns text[]
language plpgsql stable
set search_path = pg_catalog, pg_temp
as $$
declare
  v_columns text[];
begin
  select coalesce(array_agg(p.column_name::text order by p.column_name), '{}')
    into v_columns
    from app.personal_data_columns p
   where p.personal and p.schema_name || '.' || p.table_name = p_table_name;
  return v_columns;
end
$$;
comment on function audit.personal_columns(text) is
  'The personal-data columns (app.personal_data_columns, personal) of an audited table named schema.table.';

-- A tenant's chain key, made on first use.
create or replace function audit.tenant_key(p_tenant uuid) returns bytea
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
declare
  v_key bytea;
begin
  select k.hash_key into v_key from audit.chain_keys k where k.tenant_id = p_tenant;
  if v_key is null then
    insert into audit.chain_keys (tenant_id, hash_key)
    values (p_tenant, decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'))
    on conflict (tenant_id) do nothing;
    select k.hash_key into v_key from audit.chain_keys k where k.tenant_id = p_tenant;
  end if;
  return v_key;
end
$$;
comment on function audit.tenant_key(uuid) is
  'The tenant''s chain key (audit.chain_keys), made from two random uuids on first use. Owner only.';
