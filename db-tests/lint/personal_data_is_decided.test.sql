-- Personal data is marked from one list, app.personal_data_columns (sql/app/views): every column named
-- like a person's data (or free text: note, comment, reason, message; or any json/jsonb column) has a decision there, every decision names a column that exists, and a decision is
-- complete (personal: category, legal basis, retention; not personal: the reason).
begin;
select plan(4);

select is_empty($$
  select format('%s.%s: named like personal data, but app.personal_data_columns has no decision for it',
    t.qualified, a.attname)
  from tests.linted_tables t
  join pg_attribute a on a.attrelid = t.oid and a.attnum > 0 and not a.attisdropped
  join pg_type ty on ty.oid = a.atttypid
  where ((a.attname ~ '(^|_)(e?mail|email_address|phone|mobile|fax|name|names|recipient|street|line[1-9]|address|postal_code|zip|zip_code|locality|city|tax_id|tax_number|vat_id|vat_number|iban|bic|account_number|birth|birthday|birth_date|date_of_birth|dob|gender|ssn|passport|national_id|ip_address|note|notes|comment|comments|reason|reasons|remark|remarks|message|messages|instructions)(_|$)'
           and a.atttypid <> 'uuid'::regtype
           and ty.typcategory not in ('N', 'B'))
         -- free text (a note, a comment, a reason) may name people; a JSON document may hold anything
         or a.atttypid in ('json'::regtype, 'jsonb'::regtype))
    and not exists (
      select from app.personal_data_columns p
      where p.schema_name = t.schema_name and p.table_name = t.table_name and p.column_name = a.attname
    )
  order by 1
$$, 'every column named like personal data has a decision in app.personal_data_columns');

select is_empty($$
  select format('%s.%s.%s: listed in app.personal_data_columns, but there is no such column',
    p.schema_name, p.table_name, p.column_name)
  from app.personal_data_columns p
  where not exists (
    select from tests.linted_tables t
    join pg_attribute a on a.attrelid = t.oid and a.attnum > 0 and not a.attisdropped
    where t.schema_name = p.schema_name and t.table_name = p.table_name and a.attname = p.column_name
  )
  order by 1
$$, 'every column app.personal_data_columns lists exists');

select is_empty($$
  select format('%s.%s.%s: %s', p.schema_name, p.table_name, p.column_name,
    case when p.personal then 'personal data needs a category, a legal basis and a retention'
      else 'a column named like personal data that holds none needs the reason (note)' end)
  from app.personal_data_columns p
  where p.personal is null
     or (p.personal and (coalesce(btrim(p.category), '') = '' or coalesce(btrim(p.legal_basis), '') = ''
                         or coalesce(btrim(p.retention), '') = ''))
     or (not p.personal and coalesce(btrim(p.note), '') = '')
  order by 1
$$, 'every decision is complete');

select is_empty($$
  select format('%s.%s.%s: decided %s times', p.schema_name, p.table_name, p.column_name, count(*))
  from app.personal_data_columns p
  group by p.schema_name, p.table_name, p.column_name
  having count(*) > 1
$$, 'every column is decided once');

select * from finish();
rollback;
