-- Money is finite and exact (README "Money"): every numeric column of a tenant table is plain numeric (a
-- typmod such as numeric(19, 4) rounds 0.00001 to 0.0000 before any check sees it) with the money check
-- `chk_<table>_<column>_money check (app.is_money(<column>, minor_units | 4))`: finite, below 10^15, at
-- most the currency's minor units (booked amounts) or 4 decimals (unit prices). A check on minor_units
-- needs a foreign key through which minor_units is the currency's. Deliberate exceptions:
-- tests.lint_exceptions, rule 'money_rule', object '<schema>.<table>.<column>'.
begin;
select plan(3);

create temporary view money_columns as
select t.oid, t.qualified, a.attnum, a.attname, format('%s.%s', t.qualified, a.attname) as object, a.atttypmod
from tests.linted_tables t
join pg_attribute a on a.attrelid = t.oid and a.attnum > 0 and not a.attisdropped
where t.has_tenant_id
  and (a.atttypid = 'numeric'::regtype
    or exists (select from pg_type d where d.oid = a.atttypid and d.typbasetype = 'numeric'::regtype))
  and not exists (select from tests.lint_exceptions x where x.rule = 'money_rule' and x.object = format('%s.%s', t.qualified, a.attname));

select is_empty($$
  select format('%s has a typmod (%s): it rounds silently before any check', m.object, format_type('numeric'::regtype, m.atttypmod))
  from money_columns m where m.atttypmod <> -1
$$, 'amount columns are plain numeric: no typmod rounds a value before the money check sees it');

select is_empty($$
  select format('%s has no check chk_<table>_%s_money = app.is_money(%s, minor_units | 4)', m.object, m.attname, m.attname)
  from money_columns m
  where not exists (
    select from pg_constraint k
    where k.conrelid = m.oid and k.contype = 'c' and k.convalidated
      and k.conname = format('chk_%s_%s_money', (select relname from pg_class where oid = m.oid), m.attname)
      and pg_get_constraintdef(k.oid) ~ format('^CHECK \(app\.is_money\(%s, (4|\(?minor_units\)?(::integer)?)\)\)$', m.attname))
$$, 'every amount column of a tenant table has the money check (finite, bounded, at most its scale)');

select is_empty($$
  select format('%s is checked against minor_units, but no foreign key of %s includes minor_units', m.object, m.qualified)
  from money_columns m
  join pg_constraint k on k.conrelid = m.oid and k.contype = 'c'
    and pg_get_constraintdef(k.oid) ~ format('app\.is_money\(%s, \(?minor_units', m.attname)
  where not exists (
    select from pg_constraint f
    join pg_attribute mu on mu.attrelid = f.conrelid and mu.attname = 'minor_units'
    where f.conrelid = m.oid and f.contype = 'f' and mu.attnum = any (f.conkey))
$$, 'a table checking amounts against minor_units ties minor_units to the currency by a foreign key');

select * from finish();
rollback;
