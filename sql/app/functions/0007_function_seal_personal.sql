-- Trigger function: the checks and derived columns of an encrypted column (issue 11). The application writes
-- app.encrypt_personal(value); a check constraint cannot see through the ciphertext, so this trigger opens the
-- new value with the transaction's key (B4101 without one, B4102 with a wrong one), puts it in its canonical
-- form, checks it (the rules the plain column's check constraints had, now SQLSTATE B4104-B4107), encrypts
-- the canonical form again itself (so what is stored always carries pgcrypto's modification detection code,
-- whatever the client sent), and fills <column>_hint (the masked form, app.mask_personal) and, for
-- tax ids, <column>_digest (the keyed hash the unique key uses). Arguments: one 'column:kind' per column,
-- kind tax_id or phone. An update that leaves the column as it is does not open it (no key needed). An
-- update that writes a fresh ciphertext of the value already stored (an upsert, an edit form sending every
-- field) keeps the stored ciphertext, so nothing changes and the audit trail records no change: tax ids
-- compare their keyed hashes, phones the stored value opened (a stored value the key cannot open counts as
-- different). The queries need no comparison of their own (Citus refuses app.decrypt_personal in a write).
create or replace function app.seal_personal() returns trigger
language plpgsql
as $$
declare
  new_row jsonb := pg_catalog.to_jsonb(new);
  old_row jsonb := case when tg_op = 'UPDATE' then pg_catalog.to_jsonb(old) end;
  changes jsonb := '{}';
  column_name text;
  kind text;
  plain text;
  canonical text;
  stored text;
  same boolean;
begin
  for i in 0 .. tg_nargs - 1 loop
    column_name := pg_catalog.split_part(tg_argv[i], ':', 1);
    kind := pg_catalog.split_part(tg_argv[i], ':', 2);
    if kind not in ('tax_id', 'phone') then
      raise exception 'app.seal_personal: unknown kind % for %.%', kind, tg_table_name, column_name;
    end if;
    continue when tg_op = 'UPDATE' and (new_row -> column_name) is not distinct from (old_row -> column_name);
    plain := app.decrypt_personal(pg_catalog.decode(pg_catalog.substr(new_row ->> column_name, 3), 'hex'));
    if kind = 'tax_id' then
      canonical := app.canonical_tax_id(plain);
      if pg_catalog.char_length(canonical) > 50 then
        raise exception using errcode = 'B4105', table = tg_table_name, schema = tg_table_schema,
          column = column_name, message = 'a tax id is at most 50 characters';
      end if;
      if canonical !~ '^[A-Za-z0-9][A-Za-z0-9 ./-]{1,38}[A-Za-z0-9]$' then
        raise exception using errcode = 'B4104', table = tg_table_name, schema = tg_table_schema,
          column = column_name, message = 'a tax id is 3 to 40 letters, digits, spaces, dots, slashes or hyphens';
      end if;
      changes := changes || pg_catalog.jsonb_build_object(column_name || '_digest', app.personal_digest(canonical));
    else
      canonical := plain;
      if pg_catalog.char_length(canonical) > 32 then
        raise exception using errcode = 'B4107', table = tg_table_name, schema = tg_table_schema,
          column = column_name, message = 'a phone number is at most 32 characters';
      end if;
      if canonical !~ '^\+[1-9][0-9]{1,14}$' then
        raise exception using errcode = 'B4106', table = tg_table_name, schema = tg_table_schema,
          column = column_name, message = 'a phone number is + and up to 15 digits (E.164)';
      end if;
    end if;
    same := false;
    if tg_op = 'UPDATE' and plain is not null and (old_row ->> column_name) is not null then
      if kind = 'tax_id' then
        same := (old_row -> (column_name || '_digest')) = (changes -> (column_name || '_digest'));
      else
        begin
          stored := app.decrypt_personal(pg_catalog.decode(pg_catalog.substr(old_row ->> column_name, 3), 'hex'));
          same := stored = canonical;
        exception when sqlstate 'B4102' then
          same := false;
        end;
      end if;
    end if;
    if same then
      changes := changes || pg_catalog.jsonb_build_object(column_name, old_row -> column_name);
    elsif canonical is not null then
      -- always our own ciphertext (app.encrypt_personal: AES-256 with a modification detection code), never
      -- the one the client sent: a value sealed without MDC ('disable-mdc=1') and altered later would
      -- decrypt to a wrong value without any error
      changes := changes || pg_catalog.jsonb_build_object(column_name, app.encrypt_personal(canonical));
    end if;
    changes := changes || pg_catalog.jsonb_build_object(column_name || '_hint', app.mask_personal(kind, canonical));
  end loop;
  return pg_catalog.jsonb_populate_record(new, changes);
end
$$;
comment on function app.seal_personal() is
  'Trigger function (before insert or update of an encrypted column): opens the new value with the data key, canonicalizes and checks it (B4104-B4107), stores its own encryption of it (always with a modification detection code), and fills <column>_hint and (tax ids) <column>_digest; an update to the value already stored keeps the stored ciphertext. Arguments: ''column:kind'' (tax_id, phone).';
