-- The data key: how the application supplies the key of the sensitive columns (issue 11, docs/data-protection.md).
-- The key is never stored in the database and never written into a statement's text by the application:
-- @b2b/db sends `select app.set_data_key($1)` with the key as a bind parameter, so pg_stat_statements keeps
-- `select app.set_data_key($1)` and log_statement logs the text without the value (b2b_app has
-- log_parameter_max_length = 0, sql/bootstrap/cluster/0003_data_key_logging.sql). Here it becomes a SET LOCAL,
-- like app.set_tenant: transaction-local (gone at commit, safe behind PgBouncer in transaction mode) and, on
-- Citus, replayed on every worker connection of the transaction (citus.propagate_set_commands = 'local'), so
-- the trigger and the decrypting functions see it on the node that holds the row. A nested statement is not
-- recorded by pg_stat_statements unless pg_stat_statements.track = all, which b2b_app has off (track_utility).
create or replace function app.verify_data_key(key text) returns void
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_check bytea;
begin
  if key is null or pg_catalog.char_length(key) < 32 or pg_catalog.char_length(key) > 256 then
    raise exception using errcode = 'B4103',
      message = 'a data key is 32 to 256 characters (a random secret from the key store); this one is not';
  end if;
  select c.check_value into v_check from app.data_key_checks c where c.key_id = 1;
  if v_check is null then
    -- The first key a database is given becomes its key (rotation: docs/data-protection.md).
    insert into app.data_key_checks (key_id, check_value)
    values (1, extensions.pgp_sym_encrypt('b2b data key check', key, 'cipher-algo=aes256, s2k-mode=1'))
    on conflict (key_id) do nothing;
    select c.check_value into v_check from app.data_key_checks c where c.key_id = 1;
  end if;
  begin
    perform extensions.pgp_sym_decrypt(v_check, key);
  exception when external_routine_invocation_exception then
    raise exception using errcode = 'B4102',
      message = 'the data key given is not the key of this database''s personal data';
  end;
end
$$;
comment on function app.verify_data_key(text) is
  'Refuses a data key that is malformed (B4103) or not the database''s key (B4102), by decrypting the key check value in app.data_key_checks; records the check value on first use. Called by app.set_data_key.';

create or replace function app.set_data_key(key text) returns void
language plpgsql
as $$
begin
  perform app.verify_data_key(key);
  execute pg_catalog.format('set local app.data_key = %L', key);
end
$$;
comment on function app.set_data_key(text) is
  'Supplies the data key for the rest of the transaction (SET LOCAL, propagated to Citus workers) after app.verify_data_key accepted it (B4102 wrong key, B4103 malformed). Call it with the key as a bind parameter (@b2b/db withTenant({ dataKey })), never inlined.';

create or replace function app.data_key() returns text
language plpgsql stable
as $$
declare
  v_key text := pg_catalog.current_setting('app.data_key', true);
begin
  if coalesce(v_key, '') = '' then
    raise exception using errcode = 'B4101',
      message = 'no data key: personal data is encrypted; supply the key with withTenant({ dataKey }) (app.set_data_key)';
  end if;
  return v_key;
end
$$;
comment on function app.data_key() is
  'The data key of the current transaction; raises B4101 when none was supplied (app.set_data_key). Used by app.encrypt_personal, app.decrypt_personal and app.personal_digest.';
