-- Encryption of the sensitive columns (tax ids, phone numbers) with pgcrypto's OpenPGP symmetric encryption:
-- AES-256, a fresh random session key and salt per value (the same number encrypts differently each time, so
-- equal values cannot be spotted), and a modification detection code, so that a wrong key or an altered value
-- fails (SQLSTATE 39000 in pgcrypto, B4102 here) instead of decrypting to garbage. s2k-mode=1 (salted, not
-- iterated): the key is a random secret of at least 32 characters, not a password, so key stretching would
-- only cost time on every value.
create or replace function app.encrypt_personal(plain text) returns bytea
language plpgsql volatile
as $$
begin
  if plain is null then
    return null;
  end if;
  return extensions.pgp_sym_encrypt(plain, app.data_key(), 'cipher-algo=aes256, s2k-mode=1, s2k-digest-algo=sha256');
end
$$;
comment on function app.encrypt_personal(text) is
  'Encrypts a sensitive value with the transaction''s data key (pgcrypto pgp_sym_encrypt, AES-256, random salt); null stays null. B4101 without a key.';

create or replace function app.decrypt_personal(sealed bytea) returns text
language plpgsql stable
as $$
declare
  v_key text;
begin
  if sealed is null then
    return null;
  end if;
  v_key := app.data_key();
  begin
    return extensions.pgp_sym_decrypt(sealed, v_key);
  exception when external_routine_invocation_exception then
    raise exception using errcode = 'B4102',
      message = 'the data key does not open this value: a wrong key, or a value altered outside the database''s functions';
  end;
end
$$;
comment on function app.decrypt_personal(bytea) is
  'Decrypts a value sealed by app.encrypt_personal with the transaction''s data key; null stays null. B4101 without a key, B4102 with a wrong key (never garbage: pgcrypto''s modification detection code).';

create or replace function app.personal_digest(plain text) returns bytea
language plpgsql stable
as $$
begin
  if plain is null then
    return null;
  end if;
  return extensions.hmac(plain, app.data_key(), 'sha256');
end
$$;
comment on function app.personal_digest(text) is
  'Keyed hash (HMAC-SHA256 with the data key) of a sensitive value: a blind index, so an encrypted column can still be unique (uq_companies_tenant_id_tax_id) and looked up, without a table of hashes anyone could reverse by guessing.';

create or replace function app.mask_personal(kind text, plain text) returns text
language plpgsql immutable parallel safe
as $$
begin
  if plain is null then
    return null;
  end if;
  return case kind
    -- a tax id: its last 3 characters ('•••789'), as on a card's receipt
    when 'tax_id' then pg_catalog.repeat('•', greatest(pg_catalog.char_length(plain) - 3, 3)) || pg_catalog.right(plain, 3)
    -- an E.164 phone number: its country prefix and last 2 digits ('+49••••••••67')
    when 'phone' then pg_catalog.left(plain, 3) || pg_catalog.repeat('•', greatest(pg_catalog.char_length(plain) - 5, 1))
      || pg_catalog.right(plain, 2)
    -- an email: the first letter of the local part and the domain ('j•••@example.com')
    when 'email' then pg_catalog.left(plain, 1) || '•••' || pg_catalog.substr(plain, pg_catalog.strpos(plain, '@'))
    else null
  end;
end
$$;
comment on function app.mask_personal(text, text) is
  'The partial form of a personal value shown to support (kind tax_id: last 3 characters; phone: country prefix and last 2 digits; email: first letter and domain). Stored as <column>_hint for encrypted columns, computed by the support views for emails.';
