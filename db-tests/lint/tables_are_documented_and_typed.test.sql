-- Every table has a comment (the data dictionary is generated from them); money is numeric and time
-- is timestamptz.
begin;
select plan(3);

select is_empty($$
  select t.qualified from tests.linted_tables t
  where obj_description(t.oid, 'pg_class') is null
$$, 'every table has a comment');

select is_empty($$
  select format('%s.%s is %s', t.qualified, a.attname, format_type(a.atttypid, a.atttypmod))
  from tests.linted_tables t
  join pg_attribute a on a.attrelid = t.oid and a.attnum > 0 and not a.attisdropped
  where a.atttypid in ('real'::regtype, 'double precision'::regtype, 'money'::regtype)
     or (a.attname ~ '(^|_)(amount|price|total|subtotal|balance|cost|limit|tax)(_|$)'
         and a.atttypid <> 'numeric'::regtype
         and a.attname !~ '(_id|_at|_days|_count|_percent|_hint|_digest)$')
$$, 'money is numeric: no float or money columns, amounts and prices are numeric');

select is_empty($$
  select format('%s.%s is %s', t.qualified, a.attname, format_type(a.atttypid, a.atttypmod))
  from tests.linted_tables t
  join pg_attribute a on a.attrelid = t.oid and a.attnum > 0 and not a.attisdropped
  where a.atttypid in ('timestamp'::regtype, 'time'::regtype, 'timetz'::regtype)
$$, 'time is timestamptz: no timestamp without time zone, no time columns');

select * from finish();
rollback;
