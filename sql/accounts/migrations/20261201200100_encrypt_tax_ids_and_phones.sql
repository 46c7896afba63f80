-- Up Migration
-- Sensitive personal data encrypted at rest (issue 11, docs/data-protection.md): companies.tax_id,
-- buyers.phone and addresses.phone become pgcrypto ciphertext (bytea) under the application's data key
-- (app.set_data_key; never stored in the database). Beside each: <column>_hint, the masked form support may
-- see without the key; and for tax ids <column>_digest, a keyed hash (HMAC) that keeps tax ids unique within
-- the tenant (uq_companies_tenant_id_tax_id moves onto it). The checks on the plain value (format, length)
-- cannot see through ciphertext: app.seal_personal (trigger) checks the plain value before it is stored
-- (SQLSTATE B4104-B4107) and fills the hint and the digest.
--
-- Rows already stored are encrypted here with the key of the migrating session: run the migration with
-- PGOPTIONS='-c app.data_key=...' (the startup packet, not a statement: nothing logs it). Without a key and
-- with rows to encrypt, it stops with B4101 before changing anything. The functions are pgcrypto's own (the
-- repeatable app.encrypt_personal does not exist yet when a database is migrated from zero); the options are
-- the same. current_setting(..., true): on Citus the coordinator evaluates it even for an update of no rows;
-- the block below has made sure a key is there whenever a row needs one.
-- The migrator acts as the owner, which row-level security (FORCE) would keep to no tenant at all: the key
-- check would see no rows and the backfill below would encrypt none, then drop the plain column. The owner
-- bypasses row-level security only while this migration runs (as 20261129212000 does for its backfill).
alter table accounts.companies no force row level security;
alter table accounts.buyers no force row level security;
alter table accounts.addresses no force row level security;
do $$
begin
  if coalesce(current_setting('app.data_key', true), '') = ''
     and (exists (select 1 from accounts.companies where tax_id is not null)
          or exists (select 1 from accounts.buyers where phone is not null)
          or exists (select 1 from accounts.addresses where phone is not null)) then
    raise exception using errcode = 'B4101',
      message = 'tax ids and phone numbers are stored: migrate with the data key (PGOPTIONS=''-c app.data_key=...'') to encrypt them';
  end if;
end
$$;

alter table accounts.companies drop constraint uq_companies_tenant_id_tax_id;
alter table accounts.companies drop constraint chk_companies_tax_id_format;
alter table accounts.companies drop constraint chk_companies_tax_id_length;
-- The canonical form of a tax id is now applied by app.seal_personal, before encryption.
drop trigger if exists trg_companies_before_write_canonical on accounts.companies;
alter table accounts.companies add column tax_id_digest bytea;
alter table accounts.companies add column tax_id_hint text;
update accounts.companies
set tax_id_digest = extensions.hmac(tax_id, current_setting('app.data_key', true), 'sha256'),
    tax_id_hint = repeat('•', greatest(char_length(tax_id) - 3, 3)) || right(tax_id, 3)
where tax_id is not null;
-- A new column rather than ALTER COLUMN ... TYPE ... USING, which Citus refused on the distributed table:
-- the plain column is renamed, the ciphertext written into a new one, the plain one dropped. The values are
-- encrypted row by row in PL/pgSQL, not by one UPDATE: pgp_sym_encrypt is volatile (a fresh salt per value),
-- and Citus refuses any volatile function in an UPDATE of a distributed table, whatever its arguments. The
-- loop computes each ciphertext into a variable and updates one row (routed by its tenant) to that value.
-- The same loop runs on plain PostgreSQL.
-- The key check above has made sure a key is set whenever a row is here: current_setting without
-- missing_ok then cannot fail.
-- squawk-ignore renaming-column
alter table accounts.companies rename column tax_id to tax_id_plain;
alter table accounts.companies add column tax_id bytea;
do $$
declare
  r record;
  v_sealed bytea;
begin
  for r in select tenant_id, company_id, tax_id_plain from accounts.companies where tax_id_plain is not null loop
    v_sealed := extensions.pgp_sym_encrypt(r.tax_id_plain, current_setting('app.data_key'), 'cipher-algo=aes256, s2k-mode=1, s2k-digest-algo=sha256');
    update accounts.companies set tax_id = v_sealed where tenant_id = r.tenant_id and company_id = r.company_id;
  end loop;
end
$$;
-- squawk-ignore ban-drop-column
alter table accounts.companies drop column tax_id_plain;
-- squawk-ignore constraint-missing-not-valid
alter table accounts.companies add constraint chk_companies_tax_id_sealed
  check ((tax_id is null) = (tax_id_digest is null) and (tax_id is null) = (tax_id_hint is null));
-- squawk-ignore constraint-missing-not-valid
alter table accounts.companies add constraint chk_companies_tax_id_hint_length check (char_length(tax_id_hint) <= 60);
-- Tax ids stay unique within the tenant: equal tax ids have equal keyed hashes.
-- squawk-ignore disallowed-unique-constraint, constraint-missing-not-valid
alter table accounts.companies add constraint uq_companies_tenant_id_tax_id unique (tenant_id, tax_id_digest);
comment on column accounts.companies.tax_id is
  'VAT or other tax registration number, as printed on invoices, encrypted with the data key (pgcrypto; read with app.decrypt_personal); unique within the tenant through tax_id_digest.';
comment on column accounts.companies.tax_id_digest is
  'HMAC-SHA256 of the canonical tax id under the data key (app.personal_digest): keeps tax ids unique within the tenant without storing them in clear.';
comment on column accounts.companies.tax_id_hint is 'The masked tax id (last 3 characters) shown to support without the key.';

alter table accounts.buyers drop constraint chk_buyers_phone_e164;
alter table accounts.buyers drop constraint chk_buyers_phone_length;
alter table accounts.buyers add column phone_hint text;
-- squawk-ignore renaming-column
alter table accounts.buyers rename column phone to phone_plain;
alter table accounts.buyers add column phone bytea;
do $$
declare
  r record;
  v_sealed bytea;
begin
  for r in select tenant_id, buyer_id, phone_plain from accounts.buyers where phone_plain is not null loop
    v_sealed := extensions.pgp_sym_encrypt(r.phone_plain, current_setting('app.data_key'), 'cipher-algo=aes256, s2k-mode=1, s2k-digest-algo=sha256');
    -- the hint in the same update: a row updated twice in this transaction would queue the deferred
    -- foreign key check of buyers (fk_buyers_tenant_id_company_id_minor_units_companies), and a pending
    -- check forbids the ALTER TABLE that follows
    update accounts.buyers
       set phone = v_sealed,
           phone_hint = left(r.phone_plain, 3) || repeat('•', greatest(char_length(r.phone_plain) - 5, 1)) || right(r.phone_plain, 2)
     where tenant_id = r.tenant_id and buyer_id = r.buyer_id;
  end loop;
end
$$;
-- squawk-ignore ban-drop-column
alter table accounts.buyers drop column phone_plain;
-- squawk-ignore constraint-missing-not-valid
alter table accounts.buyers add constraint chk_buyers_phone_sealed check ((phone is null) = (phone_hint is null));
-- squawk-ignore constraint-missing-not-valid
alter table accounts.buyers add constraint chk_buyers_phone_hint_length check (char_length(phone_hint) <= 40);
comment on column accounts.buyers.phone is
  'E.164 phone number (+ and up to 15 digits), encrypted with the data key (pgcrypto; read with app.decrypt_personal).';
comment on column accounts.buyers.phone_hint is 'The masked phone number (country prefix, last 2 digits) shown to support without the key.';

alter table accounts.addresses drop constraint chk_addresses_phone_e164;
alter table accounts.addresses drop constraint chk_addresses_phone_length;
alter table accounts.addresses add column phone_hint text;
-- squawk-ignore renaming-column
alter table accounts.addresses rename column phone to phone_plain;
alter table accounts.addresses add column phone bytea;
do $$
declare
  r record;
  v_sealed bytea;
begin
  for r in select tenant_id, address_id, phone_plain from accounts.addresses where phone_plain is not null loop
    v_sealed := extensions.pgp_sym_encrypt(r.phone_plain, current_setting('app.data_key'), 'cipher-algo=aes256, s2k-mode=1, s2k-digest-algo=sha256');
    -- the hint in the same update: a row updated twice in this transaction would queue the deferred
    -- foreign key check of buyers (fk_buyers_tenant_id_company_id_minor_units_companies), and a pending
    -- check forbids the ALTER TABLE that follows
    update accounts.addresses
       set phone = v_sealed,
           phone_hint = left(r.phone_plain, 3) || repeat('•', greatest(char_length(r.phone_plain) - 5, 1)) || right(r.phone_plain, 2)
     where tenant_id = r.tenant_id and address_id = r.address_id;
  end loop;
end
$$;
-- squawk-ignore ban-drop-column
alter table accounts.addresses drop column phone_plain;
-- squawk-ignore constraint-missing-not-valid
alter table accounts.addresses add constraint chk_addresses_phone_sealed check ((phone is null) = (phone_hint is null));
-- squawk-ignore constraint-missing-not-valid
alter table accounts.addresses add constraint chk_addresses_phone_hint_length check (char_length(phone_hint) <= 40);
comment on column accounts.addresses.phone is
  'E.164 phone number for the carrier, encrypted with the data key (pgcrypto; read with app.decrypt_personal).';
comment on column accounts.addresses.phone_hint is 'The masked phone number (country prefix, last 2 digits) shown to support without the key.';

alter table accounts.companies force row level security;
alter table accounts.buyers force row level security;
alter table accounts.addresses force row level security;

-- Down Migration
-- Decrypts with the migrating session's key (PGOPTIONS='-c app.data_key=...') where values are stored;
-- without one it stops before changing anything (a null key would decrypt to null: data lost).
-- The migrator acts as the owner, which row-level security (FORCE) would keep to no tenant at all: the key
-- check would see no rows and the backfill below would encrypt none, then drop the plain column. The owner
-- bypasses row-level security only while this migration runs (as 20261129212000 does for its backfill).
alter table accounts.companies no force row level security;
alter table accounts.buyers no force row level security;
alter table accounts.addresses no force row level security;
do $$
begin
  if coalesce(current_setting('app.data_key', true), '') = ''
     and (exists (select 1 from accounts.companies where tax_id is not null)
          or exists (select 1 from accounts.buyers where phone is not null)
          or exists (select 1 from accounts.addresses where phone is not null)) then
    raise exception using errcode = 'B4101',
      message = 'tax ids and phone numbers are encrypted: roll back with the data key (PGOPTIONS=''-c app.data_key=...'') to decrypt them';
  end if;
end
$$;
-- The sealing triggers (repeatable) name the columns whose type changes back: a column used in a trigger's
-- UPDATE OF list cannot change type.
drop trigger if exists trg_addresses_before_write_sealed on accounts.addresses;
drop trigger if exists trg_buyers_before_write_sealed on accounts.buyers;
drop trigger if exists trg_companies_before_write_sealed on accounts.companies;
alter table accounts.addresses drop constraint chk_addresses_phone_hint_length;
alter table accounts.addresses drop constraint chk_addresses_phone_sealed;
alter table accounts.addresses rename column phone to phone_sealed;
alter table accounts.addresses add column phone text;
update accounts.addresses set phone = extensions.pgp_sym_decrypt(phone_sealed, current_setting('app.data_key', true))
where phone_sealed is not null;
alter table accounts.addresses drop column phone_sealed;
alter table accounts.addresses drop column phone_hint;
alter table accounts.addresses add constraint chk_addresses_phone_e164 check (phone ~ '^\+[1-9][0-9]{1,14}$');
alter table accounts.addresses add constraint chk_addresses_phone_length check (char_length(phone) <= 32);
comment on column accounts.addresses.phone is 'E.164 phone number for the carrier (+ and up to 15 digits).';

alter table accounts.buyers drop constraint chk_buyers_phone_hint_length;
alter table accounts.buyers drop constraint chk_buyers_phone_sealed;
alter table accounts.buyers rename column phone to phone_sealed;
alter table accounts.buyers add column phone text;
update accounts.buyers set phone = extensions.pgp_sym_decrypt(phone_sealed, current_setting('app.data_key', true))
where phone_sealed is not null;
alter table accounts.buyers drop column phone_sealed;
alter table accounts.buyers drop column phone_hint;
alter table accounts.buyers add constraint chk_buyers_phone_e164 check (phone ~ '^\+[1-9][0-9]{1,14}$');
alter table accounts.buyers add constraint chk_buyers_phone_length check (char_length(phone) <= 32);
comment on column accounts.buyers.phone is 'E.164 phone number (+ and up to 15 digits).';

alter table accounts.companies drop constraint uq_companies_tenant_id_tax_id;
alter table accounts.companies drop constraint chk_companies_tax_id_hint_length;
alter table accounts.companies drop constraint chk_companies_tax_id_sealed;
alter table accounts.companies rename column tax_id to tax_id_sealed;
alter table accounts.companies add column tax_id text;
update accounts.companies set tax_id = extensions.pgp_sym_decrypt(tax_id_sealed, current_setting('app.data_key', true))
where tax_id_sealed is not null;
alter table accounts.companies drop column tax_id_sealed;
alter table accounts.companies drop column tax_id_hint;
alter table accounts.companies drop column tax_id_digest;
alter table accounts.companies add constraint uq_companies_tenant_id_tax_id unique (tenant_id, tax_id);
alter table accounts.companies add constraint chk_companies_tax_id_format
  check (tax_id ~ '^[A-Za-z0-9][A-Za-z0-9 ./-]{1,38}[A-Za-z0-9]$');
alter table accounts.companies add constraint chk_companies_tax_id_length check (char_length(tax_id) <= 50);
comment on column accounts.companies.tax_id is 'VAT or other tax registration number, as printed on invoices; unique within the tenant.';
-- The canonical form of a plain tax id, as before (app.canonicalize).
create trigger trg_companies_before_write_canonical
  before insert or update of tax_id on accounts.companies
  for each row execute function app.canonicalize('tax_id:tax_id');

alter table accounts.companies force row level security;
alter table accounts.buyers force row level security;
alter table accounts.addresses force row level security;
