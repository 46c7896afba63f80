-- The one list of decisions about personal data (GDPR Art. 30 record of processing, per column): every
-- column that holds personal data, with its category, legal basis (GDPR Art. 6) and retention; and every
-- column named like personal data that does not hold it, with the reason. The lint pack
-- (db-tests/lint/personal_data_is_decided.test.sql) fails on a column named like a person's data (email,
-- phone, name, recipient, address lines, tax id, IBAN, birth date, ...) without a row here, and on a row
-- whose column no longer exists; docs/data-dictionary.md is generated from it. Erasure and export jobs read
-- it too. Edit in place: a new column's migration comes with its row here.
create or replace view app.personal_data_columns as
select v.schema_name::name, v.table_name::name, v.column_name::name, v.personal, v.category, v.legal_basis,
  v.retention, v.note
from (values
  -- accounts: the buyers of customer companies and the companies' addresses
  ('accounts', 'buyers', 'email', true, 'contact', 'contract (Art. 6(1)(b))',
   'while the buyer account exists; erased when the buyer is removed', 'login and order notifications'),
  ('accounts', 'buyers', 'full_name', true, 'identity', 'contract (Art. 6(1)(b))',
   'while the buyer account exists; erased when the buyer is removed', null),
  ('accounts', 'buyers', 'phone', true, 'contact', 'contract (Art. 6(1)(b))',
   'while the buyer account exists; erased when the buyer is removed', null),
  ('accounts', 'addresses', 'recipient', true, 'identity', 'contract (Art. 6(1)(b))',
   'while the address exists; orders keep their own snapshot', 'a person''s name when the recipient is a person'),
  ('accounts', 'addresses', 'phone', true, 'contact', 'contract (Art. 6(1)(b))',
   'while the address exists; orders keep their own snapshot', 'for the carrier'),
  ('accounts', 'addresses', 'line1', true, 'address', 'contract (Art. 6(1)(b))',
   'while the address exists; orders keep their own snapshot', 'personal where the company is a sole trader or the address a home'),
  ('accounts', 'addresses', 'line2', true, 'address', 'contract (Art. 6(1)(b))',
   'while the address exists; orders keep their own snapshot', null),
  ('accounts', 'addresses', 'line3', true, 'address', 'contract (Art. 6(1)(b))',
   'while the address exists; orders keep their own snapshot', null),
  ('accounts', 'addresses', 'postal_code', true, 'address', 'contract (Art. 6(1)(b))',
   'while the address exists; orders keep their own snapshot', null),
  ('accounts', 'addresses', 'locality', true, 'address', 'contract (Art. 6(1)(b))',
   'while the address exists; orders keep their own snapshot', null),
  ('accounts', 'companies', 'legal_name', true, 'identity', 'contract (Art. 6(1)(b))',
   '10 years after the last invoice (commercial and tax records)', 'a person''s name when the company is a sole trader'),
  ('accounts', 'companies', 'tax_id', true, 'identity', 'legal obligation (Art. 6(1)(c))',
   '10 years after the last invoice (commercial and tax records)', 'a personal tax number when the company is a sole trader'),
  ('accounts', 'buyer_roles', 'name', false, null, null, null, 'the name of a role (purchaser, manager), not of a person'),
  ('accounts', 'customer_groups', 'name', false, null, null, null, 'the name of a group of companies'),
  -- tenancy: the seller's staff
  ('tenancy', 'staff_users', 'email', true, 'contact', 'contract (Art. 6(1)(b)), employment',
   'while the staff account exists', 'login'),
  ('tenancy', 'staff_users', 'display_name', true, 'identity', 'contract (Art. 6(1)(b)), employment',
   'while the staff account exists', null),
  ('tenancy', 'tenants', 'name', false, null, null, null, 'the seller''s business name'),
  -- orders: snapshots and free text kept with the order
  ('orders', 'orders', 'billing_address', true, 'address', 'legal obligation (Art. 6(1)(c))',
   '10 years after the order (invoice records)', 'snapshot of accounts.addresses: recipient, lines, phone'),
  ('orders', 'orders', 'shipping_address', true, 'address', 'contract (Art. 6(1)(b))',
   '10 years after the order (invoice records)', 'snapshot of accounts.addresses: recipient, lines, phone'),
  ('orders', 'order_approvals', 'comment', true, 'free text', 'legitimate interest (Art. 6(1)(f))',
   'with the order', 'an approver''s words; may name people'),
  ('orders', 'quotes', 'note', true, 'free text', 'contract (Art. 6(1)(b))',
   'with the quote', 'a buyer''s words; may name people'),
  ('orders', 'returns', 'reason', true, 'free text', 'contract (Art. 6(1)(b))',
   'with the order', 'a buyer''s words; may name people'),
  ('orders', 'approval_rules', 'name', false, null, null, null, 'the name of a rule'),
  -- audit: the trail keeps copies of audited rows
  ('audit', 'events', 'old_values', true, 'copies of audited rows', 'legal obligation (Art. 6(1)(c)), legitimate interest (Art. 6(1)(f))',
   'per audit.retention_policy (the audited table''s period); personal values pseudonymized on erasure (audit.erase_subject)',
   'old values of a changed or deleted row: holds the personal columns of the audited tables above'),
  ('audit', 'events', 'new_values', true, 'copies of audited rows', 'legal obligation (Art. 6(1)(c)), legitimate interest (Art. 6(1)(f))',
   'per audit.retention_policy (the audited table''s period); personal values pseudonymized on erasure (audit.erase_subject)',
   'new values of an inserted or changed row: holds the personal columns of the audited tables above'),
  ('audit', 'events', 'table_name', false, null, null, null, 'the name of an audited table'),
  ('audit', 'events', 'application_name', false, null, null, null, 'the name of a client program'),
  ('audit', 'retired_partitions', 'partition_name', false, null, null, null, 'the name of a partition'),
  -- catalog: names of things
  ('catalog', 'category_translations', 'name', false, null, null, null, 'a category name'),
  ('catalog', 'product_translations', 'name', false, null, null, null, 'a product name'),
  ('catalog', 'countries', 'name', false, null, null, null, 'reference data'),
  ('catalog', 'currencies', 'name', false, null, null, null, 'reference data'),
  ('catalog', 'locales', 'name', false, null, null, null, 'reference data'),
  ('catalog', 'price_lists', 'name', false, null, null, null, 'the name of a price list'),
  ('catalog', 'warehouses', 'name', false, null, null, null, 'the name of a warehouse')
) as v(schema_name, table_name, column_name, personal, category, legal_basis, retention, note);
comment on view app.personal_data_columns is
  'The one list of personal-data decisions per column: personal (category, legal basis, retention required) or not (note gives the reason). Checked against the columns by db-tests/lint/personal_data_is_decided.test.sql; docs/data-dictionary.md is generated from it.';
