-- The one list of decisions about personal data (GDPR Art. 30 record of processing, per column): every
-- column that holds personal data, with its category, legal basis (GDPR Art. 6) and retention; and every
-- column named like personal data that does not hold it, with the reason. The lint pack
-- (db-tests/lint/personal_data_is_decided.test.sql) fails on a column named like a person's data (email,
-- phone, name, recipient, address lines, tax id, IBAN, birth date, ...), a free-text column (note, comment,
-- reason, message) or a json/jsonb column without a row here, and on a row
-- whose column no longer exists; docs/data-dictionary.md is generated from it. Erasure and export jobs read
-- it too. Edit in place: a new column's migration comes with its row here.
-- For personal data (issue 11, docs/data-protection.md), also:
--   protection   how it is stored: encrypted (pgcrypto, the data key), masked (a partial form), keyed hash, clear;
--                'keyed hash on erasure' for the audit trail's copies (clear until audit.erase_subject).
--                Sensitive kinds (tax ids, bank details, phone numbers, national ids) must be encrypted
--                (db-tests/lint/sensitive_personal_data_is_encrypted.test.sql).
--   subject      whose data it is: buyer, company, staff_user; 'audited row' for the audit trail's copies (the
--                audited row's subject: erased with it, through audit.erase_subject). accounts.erase_buyer pseudonymizes every
--                column whose subject is buyer, in the rows whose subject_key column holds the buyer's id.
--   subject_key  the column of the same table that holds the subject's id.
--   erasure      the SQL expression (over the row's columns) that replaces the value on erasure; null sets
--                it null (every nullable column).
create or replace view app.personal_data_columns as
select v.schema_name::name, v.table_name::name, v.column_name::name, v.personal, v.category, v.legal_basis,
  v.retention, v.note, v.protection, v.subject, v.subject_key, v.erasure
from (values
  -- accounts: the buyers of customer companies and the companies' addresses
  ('accounts', 'buyers', 'email', true, 'contact', 'contract (Art. 6(1)(b))',
   'while the buyer account exists; erased when the buyer is removed', 'login and order notifications',
   'clear', 'buyer', 'buyer_id', '''erased-'' || buyer_id || ''@erased.invalid'''),
  ('accounts', 'buyers', 'full_name', true, 'identity', 'contract (Art. 6(1)(b))',
   'while the buyer account exists; erased when the buyer is removed', null,
   'clear', 'buyer', 'buyer_id', '''Erased buyer'''),
  ('accounts', 'buyers', 'phone', true, 'contact', 'contract (Art. 6(1)(b))',
   'while the buyer account exists; erased when the buyer is removed', null,
   'encrypted', 'buyer', 'buyer_id', null),
  ('accounts', 'addresses', 'recipient', true, 'identity', 'contract (Art. 6(1)(b))',
   'while the address exists; orders keep their own snapshot', 'a person''s name when the recipient is a person',
   'clear', 'company', 'company_id', null),
  ('accounts', 'addresses', 'phone', true, 'contact', 'contract (Art. 6(1)(b))',
   'while the address exists; orders keep their own snapshot', 'for the carrier',
   'encrypted', 'company', 'company_id', null),
  ('accounts', 'addresses', 'line1', true, 'address', 'contract (Art. 6(1)(b))',
   'while the address exists; orders keep their own snapshot', 'personal where the company is a sole trader or the address a home',
   'clear', 'company', 'company_id', null),
  ('accounts', 'addresses', 'line2', true, 'address', 'contract (Art. 6(1)(b))',
   'while the address exists; orders keep their own snapshot', null,
   'clear', 'company', 'company_id', null),
  ('accounts', 'addresses', 'line3', true, 'address', 'contract (Art. 6(1)(b))',
   'while the address exists; orders keep their own snapshot', null,
   'clear', 'company', 'company_id', null),
  ('accounts', 'addresses', 'postal_code', true, 'address', 'contract (Art. 6(1)(b))',
   'while the address exists; orders keep their own snapshot', null,
   'clear', 'company', 'company_id', null),
  ('accounts', 'addresses', 'locality', true, 'address', 'contract (Art. 6(1)(b))',
   'while the address exists; orders keep their own snapshot', null,
   'clear', 'company', 'company_id', null),
  ('accounts', 'companies', 'legal_name', true, 'identity', 'contract (Art. 6(1)(b))',
   '10 years after the last invoice (commercial and tax records)', 'a person''s name when the company is a sole trader',
   'clear', 'company', 'company_id', null),
  ('accounts', 'companies', 'tax_id', true, 'identity', 'legal obligation (Art. 6(1)(c))',
   '10 years after the last invoice (commercial and tax records)', 'a personal tax number when the company is a sole trader',
   'encrypted', 'company', 'company_id', null),
  -- derived from encrypted columns (app.seal_personal): the masked hint support sees, the keyed hash
  ('accounts', 'companies', 'tax_id_hint', true, 'identity', 'legal obligation (Art. 6(1)(c))',
   '10 years after the last invoice (commercial and tax records)', 'last 3 characters of the tax id, for support',
   'masked', 'company', 'company_id', null),
  ('accounts', 'companies', 'tax_id_digest', true, 'identity', 'legal obligation (Art. 6(1)(c))',
   '10 years after the last invoice (commercial and tax records)', 'HMAC of the tax id under the data key (uniqueness)',
   'keyed hash', 'company', 'company_id', null),
  ('accounts', 'buyers', 'phone_hint', true, 'contact', 'contract (Art. 6(1)(b))',
   'while the buyer account exists; erased when the buyer is removed', 'country prefix and last 2 digits, for support',
   'masked', 'buyer', 'buyer_id', null),
  ('accounts', 'addresses', 'phone_hint', true, 'contact', 'contract (Art. 6(1)(b))',
   'while the address exists; orders keep their own snapshot', 'country prefix and last 2 digits, for support',
   'masked', 'company', 'company_id', null),
  ('accounts', 'buyer_roles', 'name', false, null, null, null, 'the name of a role (purchaser, manager), not of a person', null, null, null, null),
  ('accounts', 'customer_groups', 'name', false, null, null, null, 'the name of a group of companies', null, null, null, null),
  -- tenancy: the seller's staff
  ('tenancy', 'staff_users', 'email', true, 'contact', 'contract (Art. 6(1)(b)), employment',
   'while the staff account exists', 'login',
   'clear', 'staff_user', 'staff_user_id', null),
  ('tenancy', 'staff_users', 'display_name', true, 'identity', 'contract (Art. 6(1)(b)), employment',
   'while the staff account exists', null,
   'clear', 'staff_user', 'staff_user_id', null),
  ('tenancy', 'tenants', 'name', false, null, null, null, 'the seller''s business name', null, null, null, null),
  -- orders: snapshots and free text kept with the order
  ('orders', 'orders', 'billing_address', true, 'address', 'legal obligation (Art. 6(1)(c))',
   '10 years after the order (invoice records)', 'snapshot of accounts.addresses: recipient, lines, phone',
   'clear', 'company', 'company_id', null),
  ('orders', 'orders', 'shipping_address', true, 'address', 'contract (Art. 6(1)(b))',
   '10 years after the order (invoice records)', 'snapshot of accounts.addresses: recipient, lines, phone',
   'clear', 'company', 'company_id', null),
  ('orders', 'order_approvals', 'comment', true, 'free text', 'legitimate interest (Art. 6(1)(f))',
   'with the order', 'an approver''s words; may name people',
   'clear', 'buyer', 'approver_id', null),
  ('orders', 'quotes', 'note', true, 'free text', 'contract (Art. 6(1)(b))',
   'with the quote', 'a buyer''s words; may name people',
   'clear', 'buyer', 'buyer_id', null),
  ('orders', 'returns', 'reason', true, 'free text', 'contract (Art. 6(1)(b))',
   'with the order', 'a buyer''s words; may name people',
   'clear', 'buyer', 'buyer_id', null),
  ('orders', 'approval_rules', 'name', false, null, null, null, 'the name of a rule', null, null, null, null),
  ('orders', 'invoices', 'lines', false, null, null, null, 'the invoiced lines: product, quantity, prices, taxes', null, null, null, null),
  -- audit: the trail keeps copies of audited rows; audit.erase_subject replaces a subject's personal values
  -- in them by keyed hashes (what the chain hashes in their place), so they need no subject column here
  ('audit', 'events', 'old_values', true, 'copies of audited rows', 'legal obligation (Art. 6(1)(c)), legitimate interest (Art. 6(1)(f))',
   'per audit.retention_policy (the audited table''s period); personal values pseudonymized on erasure (audit.erase_subject)',
   'old values of a changed or deleted row: holds the personal columns of the audited tables above',
   'keyed hash on erasure', 'audited row', 'row_key', null),
  ('audit', 'events', 'new_values', true, 'copies of audited rows', 'legal obligation (Art. 6(1)(c)), legitimate interest (Art. 6(1)(f))',
   'per audit.retention_policy (the audited table''s period); personal values pseudonymized on erasure (audit.erase_subject)',
   'new values of an inserted or changed row: holds the personal columns of the audited tables above',
   'keyed hash on erasure', 'audited row', 'row_key', null),
  ('audit', 'events', 'table_name', false, null, null, null, 'the name of an audited table', null, null, null, null),
  ('audit', 'events', 'row_key', false, null, null, null, 'the primary key values (ids) of the audited row', null, null, null, null),
  ('audit', 'events', 'application_name', false, null, null, null, 'the name of a client program', null, null, null, null),
  ('audit', 'retired_partitions', 'partition_name', false, null, null, null, 'the name of a partition', null, null, null, null),
  -- catalog: names of things
  ('catalog', 'category_translations', 'name', false, null, null, null, 'a category name', null, null, null, null),
  ('catalog', 'product_translations', 'name', false, null, null, null, 'a product name', null, null, null, null),
  ('catalog', 'countries', 'name', false, null, null, null, 'reference data', null, null, null, null),
  ('catalog', 'currencies', 'name', false, null, null, null, 'reference data', null, null, null, null),
  ('catalog', 'locales', 'name', false, null, null, null, 'reference data', null, null, null, null),
  ('catalog', 'price_lists', 'name', false, null, null, null, 'the name of a price list', null, null, null, null),
  ('catalog', 'warehouses', 'name', false, null, null, null, 'the name of a warehouse', null, null, null, null),
  ('catalog', 'products', 'attributes', false, null, null, null, 'a product''s attributes (size, colour)', null, null, null, null),
  ('catalog', 'variants', 'attributes', false, null, null, null, 'a variant''s attributes (size, colour)', null, null, null, null),
  ('catalog', 'product_pages', 'attributes', false, null, null, null, 'a copy of catalog.products.attributes (the product page read model)', null, null, null, null),
  ('catalog', 'product_pages', 'translations', false, null, null, null, 'copies of the product''s names, slugs and descriptions (the product page read model)', null, null, null, null),
  ('catalog', 'product_pages', 'variants', false, null, null, null, 'copies of the product''s variants and prices (the product page read model)', null, null, null, null),
  ('catalog', 'stock_movements', 'reason', false, null, null, null, 'the kind of movement, from a fixed list (order, return, adjustment...)', null, null, null, null)
) as v(schema_name, table_name, column_name, personal, category, legal_basis, retention, note,
  protection, subject, subject_key, erasure);
comment on view app.personal_data_columns is
  'The one list of personal-data decisions per column: personal (category, legal basis, retention, protection, subject and subject_key required; erasure: the replacing expression) or not (note gives the reason). Checked against the columns by db-tests/lint/personal_data_is_decided.test.sql; docs/data-dictionary.md is generated from it.';
