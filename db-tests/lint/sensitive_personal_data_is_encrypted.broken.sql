-- A new table with a bank account kept in clear, a phone number declared encrypted but stored as text with
-- no hint and no sealing trigger (and the buyer's, with no owner policy for erasure), and a personal column
-- whose protection and subject are not decided.
-- expect: tenancy.rogue_payouts.iban: a sensitive kind of personal data (tax id, bank details, phone, national id) must be encrypted, not clear
-- expect: tenancy.rogue_payouts.phone: encrypted, but not bytea (ciphertext)
-- expect: tenancy.rogue_payouts.holder_name: personal data needs protection
-- expect: tenancy.rogue_payouts: holds a buyer's personal data, but accounts.erase_buyer (b2b_owner) has no update policy on it
create table tenancy.rogue_payouts (
  tenant_id uuid not null,
  payout_id uuid not null,
  iban text,
  phone text,
  holder_name text
);
alter view app.personal_data_columns rename to personal_data_columns_kept;
create view app.personal_data_columns as
select * from app.personal_data_columns_kept
union all
select v.schema_name::name, v.table_name::name, v.column_name::name, v.personal, v.category, v.legal_basis,
  v.retention, v.note, v.protection, v.subject, v.subject_key, v.erasure
from (values
  ('tenancy', 'rogue_payouts', 'iban', true, 'financial', 'contract', 'a year', null, 'clear', 'company', 'payout_id', null),
  ('tenancy', 'rogue_payouts', 'phone', true, 'contact', 'contract', 'a year', null, 'encrypted', 'buyer', 'payout_id', null),
  ('tenancy', 'rogue_payouts', 'holder_name', true, 'identity', 'contract', 'a year', null, null, 'someone', 'no_such_column', null)
) as v (schema_name, table_name, column_name, personal, category, legal_basis, retention, note,
  protection, subject, subject_key, erasure);
