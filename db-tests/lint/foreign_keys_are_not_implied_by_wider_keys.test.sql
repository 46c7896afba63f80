-- No foreign key is implied by a wider one of the same table to the same table: when key B's column pairs
-- (referencing column, referenced column) include all of key A's and B's other columns are not null, every
-- row B accepts has a parent that A would find too, so A only checks again what B checked (a parent lookup
-- with a FOR KEY SHARE lock on every insert, issue 13: an order line checked its order twice). The
-- (currency) beside (currency, minor_units) keys and the (tenant_id, order_id) beside (tenant_id, order_id,
-- minor_units) keys were such pairs. The wider key reports the error: the error catalog maps it to the same
-- code.
begin;
select plan(1);

select is_empty($$
  select format('%s.%s is implied by %s', t.qualified, a.conname, b.conname)
  from tests.linted_tables t
  join pg_constraint a on a.conrelid = t.oid and a.contype = 'f'
  join pg_constraint b on b.conrelid = a.conrelid and b.contype = 'f' and b.confrelid = a.confrelid
    and b.oid <> a.oid and cardinality(b.conkey) > cardinality(a.conkey)
  where not exists (
      -- a column pair of A that B does not have
      select from generate_subscripts(a.conkey, 1) i
      where not exists (
        select from generate_subscripts(b.conkey, 1) j
        where b.conkey[j] = a.conkey[i] and b.confkey[j] = a.confkey[i]))
    and not exists (
      -- a nullable column of B outside A: B checks nothing where it is null, A still would
      select from unnest(b.conkey) x
      join pg_attribute c on c.attrelid = b.conrelid and c.attnum = x
      where not c.attnotnull and x <> all (a.conkey))
    -- the same action when the parent goes, and checked as soon: else A still decides something B does not
    and a.confdeltype = b.confdeltype
    and a.condeferrable = b.condeferrable and a.condeferred = b.condeferred
  order by 1
$$, 'no foreign key only repeats the check of a wider key of its table to the same table');

select * from finish();
rollback;
