-- A new table with columns named like a person's data (a free-text note, a JSON document) and no decision, and a list with a decision for a
-- column that does not exist, an incomplete decision of each kind, and a column decided twice. The list
-- is a view: the original is renamed and a new app.personal_data_columns adds the broken rows to it.
-- expect: tenancy.rogue_people.contact_email: named like personal data, but app.personal_data_columns has no decision for it
-- expect: tenancy.rogue_people.delivery_phone: named like personal data, but app.personal_data_columns has no decision for it
-- expect: tenancy.rogue_people.delivery_note: named like personal data, but app.personal_data_columns has no decision for it
-- expect: tenancy.rogue_people.extra: named like personal data, but app.personal_data_columns has no decision for it
-- expect: tenancy.rogue_people.ghost_name: listed in app.personal_data_columns, but there is no such column
-- expect: tenancy.rogue_people.first_name: personal data needs a category, a legal basis and a retention
-- expect: tenancy.rogue_people.nickname: a column named like personal data that holds none needs the reason (note)
-- expect: tenancy.rogue_people.last_name: decided 2 times
create table tenancy.rogue_people (
  tenant_id uuid not null,
  contact_email text,
  delivery_phone text,
  first_name text,
  last_name text,
  nickname text,
  delivery_note text,
  extra jsonb
);
alter view app.personal_data_columns rename to personal_data_columns_kept;
create view app.personal_data_columns as
select * from app.personal_data_columns_kept
union all
select v.schema_name::name, v.table_name::name, v.column_name::name, v.personal, v.category, v.legal_basis,
  v.retention, v.note, v.protection, v.subject, v.subject_key, v.erasure
from (values
  ('tenancy', 'rogue_people', 'ghost_name', true, 'identity', 'contract', 'a year', null, 'clear', 'company', 'tenant_id', null),
  ('tenancy', 'rogue_people', 'first_name', true, null, 'contract', 'a year', null, 'clear', 'company', 'tenant_id', null),
  ('tenancy', 'rogue_people', 'nickname', false, null, null, null, null, 'clear', 'company', 'tenant_id', null),
  ('tenancy', 'rogue_people', 'last_name', true, 'identity', 'contract', 'a year', null, 'clear', 'company', 'tenant_id', null),
  ('tenancy', 'rogue_people', 'last_name', true, 'identity', 'contract', 'a year', null, 'clear', 'company', 'tenant_id', null)
) as v (schema_name, table_name, column_name, personal, category, legal_basis, retention, note,
  protection, subject, subject_key, erasure);
