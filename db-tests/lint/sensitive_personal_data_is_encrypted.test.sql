-- Personal data is protected as app.personal_data_columns says (issue 11, docs/data-protection.md): every
-- personal column says how it is stored and whose it is (erasure finds a buyer's data by it); the sensitive
-- kinds (tax ids, bank details, phone numbers, national ids) are encrypted; and an encrypted column is
-- ciphertext (bytea) written through app.seal_personal, with its masked <column>_hint beside it; and every
-- table holding a buyer's data can be pseudonymized by accounts.erase_buyer (owner policies; else its
-- updates would change nothing there, silently, under row-level security).
begin;
select plan(4);

select is_empty($$
  select format('%s.%s.%s: personal data needs protection (encrypted, masked, keyed hash, clear; keyed hash on erasure only in audit), subject (buyer, company, staff_user; audited row only in audit) and subject_key (a column of its table)',
    p.schema_name, p.table_name, p.column_name)
  from app.personal_data_columns p
  where p.personal
    and (p.protection is null or p.protection not in ('encrypted', 'masked', 'keyed hash', 'clear', 'keyed hash on erasure')
         or p.subject is null or p.subject not in ('buyer', 'company', 'staff_user', 'audited row')
         or (p.schema_name = 'audit') <> (p.subject = 'audited row')
         or (p.protection = 'keyed hash on erasure') <> (p.subject = 'audited row')
         or not exists (
           select 1 from tests.linted_tables t
           join pg_attribute a on a.attrelid = t.oid and a.attnum > 0 and not a.attisdropped
           where t.schema_name = p.schema_name and t.table_name = p.table_name and a.attname = p.subject_key))
  order by 1
$$, 'every personal column says how it is protected and whose it is');

select is_empty($$
  select format('%s.%s.%s: a sensitive kind of personal data (tax id, bank details, phone, national id) must be encrypted, not %s',
    p.schema_name, p.table_name, p.column_name, coalesce(p.protection, 'undecided'))
  from app.personal_data_columns p
  where p.personal
    and p.column_name ~ '(^|_)(tax_id|tax_number|vat_id|vat_number|iban|bic|account_number|bank_account|phone|mobile|fax|passport|national_id|ssn)$'
    and p.protection is distinct from 'encrypted'
  order by 1
$$, 'sensitive personal data is encrypted');

select is_empty($$
  select format('%s.%s.%s: encrypted, but %s', p.schema_name, p.table_name, p.column_name,
    case
      when a.atttypid is distinct from 'bytea'::regtype then 'not bytea (ciphertext)'
      when h.attname is null then 'has no ' || p.column_name || '_hint column'
      else 'no trigger runs app.seal_personal(''' || p.column_name || ':...'') on its table'
    end)
  from app.personal_data_columns p
  join tests.linted_tables t on t.schema_name = p.schema_name and t.table_name = p.table_name
  left join pg_attribute a on a.attrelid = t.oid and a.attname = p.column_name and not a.attisdropped
  left join pg_attribute h on h.attrelid = t.oid and h.attname = p.column_name || '_hint' and not h.attisdropped
  where p.protection = 'encrypted'
    and (a.atttypid is distinct from 'bytea'::regtype
         or h.attname is null
         or not exists (
           select 1 from pg_trigger g
           where g.tgrelid = t.oid and g.tgfoid = 'app.seal_personal()'::regprocedure
             and position(p.column_name || ':' in pg_catalog.encode(g.tgargs, 'escape')) > 0))
  order by 1
$$, 'every encrypted column is ciphertext sealed by app.seal_personal, with its hint');

select is_empty($$
  select format('%s.%s: holds a buyer''s personal data, but accounts.erase_buyer (b2b_owner) has no %s policy on it',
    p.schema_name, p.table_name, cmd.name)
  from (select distinct schema_name, table_name from app.personal_data_columns where personal and subject = 'buyer') p
  cross join (values ('select', 'r'), ('update', 'w')) as cmd(name, polcmd)
  where not exists (
    select 1 from pg_policy g
    where g.polrelid = format('%I.%I', p.schema_name, p.table_name)::regclass
      and g.polcmd = cmd.polcmd::"char" and 'b2b_owner'::regrole = any (g.polroles))
  order by 1
$$, 'accounts.erase_buyer can pseudonymize every table that holds a buyer''s personal data');

select * from finish();
rollback;
