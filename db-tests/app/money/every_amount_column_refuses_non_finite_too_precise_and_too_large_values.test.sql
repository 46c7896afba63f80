-- Table-driven over the system catalog: every numeric column of every tenant table refuses NaN, Infinity,
-- -Infinity, 10^15, a fifth decimal and a negative amount on a direct write (a check constraint of its
-- table, SQLSTATE 23514), never rounding; booked amounts also refuse a third decimal in EUR (2 minor
-- units), while unit prices take up to 4 decimals. A world with a row in every such table is built first;
-- each attempt inserts a copy of a row with one column changed and is rolled back. Checks run before
-- uniqueness and foreign keys: a refused value fails on a check (23514); a valid one gets past every
-- check and then meets the copied primary key (23505). A row that its state machine will not create in its
-- state (a received return, the one holding credit_amount) is updated in place instead, leaving its state.
begin;
select plan(5);

select tests.create_tenant('alpha') as alpha \gset
select * from tests.create_order_world(:'alpha', stock => 20) \gset
select tests.create_warehouse(:'alpha', 'RETURNS') as returns_wh \gset
update accounts.companies set credit_limit = 100000 where company_id = :'company';
update accounts.buyers set spending_limit = 5000, spending_period = 'month' where buyer_id = :'buyer';
select tests.create_approval_rule(:'alpha', :'company', 'big orders', 50000, null, array[:'purchaser_role']::uuid[]);

select tests.create_staff_user(:'alpha', 'sales@seller.example') as sales \gset
select tests.act_as(:'alpha', :'buyer');
select order_id as draft from orders.create_draft(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer',
  p_currency => 'EUR', p_lines => tests.lines(:'variant', 1)) \gset
select order_id from orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 3), p_idempotency_key => 'money') \gset
select orders.fulfil_order(app.current_tenant_id(), :'order_id', tests.lines(:'variant', 2));
select orders.record_payment(app.current_tenant_id(), :'company', 5, 'EUR', 'part');
select return_id from orders.request_return(app.current_tenant_id(), p_order_id => :'order_id', p_buyer_id => :'buyer',
  p_lines => tests.lines(:'variant', 1)) \gset
select orders.receive_return(app.current_tenant_id(), :'return_id', :'returns_wh');
select quote_id from orders.request_quote(app.current_tenant_id(), :'company', :'buyer', 'EUR', tests.lines(:'variant', 2)) \gset
select tests.clear_actor();
select tests.act_as(:'alpha', :'sales');
select orders.stage_quote(app.current_tenant_id(), :'quote_id', jsonb_build_array(jsonb_build_object('variant_id', :'variant', 'unit_price', 9.5)),
  now() + interval '7 days');
select tests.clear_actor();

-- the family: every numeric column of a tenant table, and the scale its money check allows
create temporary table amount_columns as
select t.oid::regclass as tbl, a.attname::text as col,
  case when pg_get_constraintdef(k.oid) like '%minor_units%' then 'minor_units' else 'unit_price' end as kind
from tests.linted_tables t
join pg_attribute a on a.attrelid = t.oid and a.attnum > 0 and not a.attisdropped and a.atttypid = 'numeric'::regtype
left join pg_constraint k on k.conrelid = t.oid and k.conname = format('chk_%s_%s_money', t.table_name, a.attname)
where t.has_tenant_id;

select set_eq($$select tbl::text || '.' || col || ' ' || kind from amount_columns$$,
  array['catalog.prices.unit_price unit_price', 'orders.order_lines.unit_price unit_price',
    'orders.quote_lines.unit_price unit_price',
    'orders.orders.total_amount minor_units', 'orders.orders.invoiced_amount minor_units',
    'orders.order_lines.line_total minor_units', 'orders.invoices.amount minor_units',
    'orders.receivable_entries.amount minor_units', 'orders.returns.credit_amount minor_units',
    'orders.approval_rules.min_total_amount minor_units', 'accounts.companies.credit_limit minor_units',
    'accounts.buyers.spending_limit minor_units', 'orders.credit_exposures.debit_total minor_units',
    'orders.credit_exposures.credit_total minor_units', 'orders.credit_exposures.open_order_amount minor_units'],
  'the amount columns: unit prices (4 decimals) and booked amounts (the currency''s minor units)');

-- one attempt: a copy of a row of tbl (the draft order and its line for order tables: only drafts take
-- new lines) with col set to val, or, where the table's state machine refuses a new row in the copied
-- state (B3001), that row itself updated; returns 'accepted' or 'SQLSTATE constraint'. Always rolled back.
create function pg_temp.try_amount(tbl regclass, col text, val text) returns text
language plpgsql
as $$
declare
  source jsonb;
  got_state text;
  got_constraint text;
  got_message text;
begin
  execute format('select to_jsonb(t) from %s t %s limit 1', tbl,
    case when tbl in ('orders.orders'::regclass, 'orders.order_lines'::regclass)
      then format('where t.order_id = %L', current_setting('money_test.draft')) else '' end)
  into source;
  begin
    begin
      execute format('insert into %s overriding system value select * from jsonb_populate_record(null::%s, $1)', tbl, tbl)
      using source || jsonb_build_object(col, val);
    exception when sqlstate 'B3001' then
      -- the table's state machine creates rows in a first state only (a return is created as requested,
      -- its credit_amount is set when received): write the column on the row itself, an update that
      -- leaves state alone, so the state machine is not asked and the check meets the value
      execute format('update %s t set %I = r.%I from jsonb_populate_record(null::%s, $1) r where (%s) = (%s)',
        tbl, col, col, tbl,
        (select string_agg('t.' || quote_ident(a.attname), ', ' order by k.ord)
         from pg_constraint c cross join unnest(c.conkey) with ordinality k(attnum, ord)
         join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
         where c.conrelid = tbl and c.contype = 'p'),
        (select string_agg('r.' || quote_ident(a.attname), ', ' order by k.ord)
         from pg_constraint c cross join unnest(c.conkey) with ordinality k(attnum, ord)
         join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
         where c.conrelid = tbl and c.contype = 'p'))
      using source || jsonb_build_object(col, val);
    end;
    raise exception using errcode = 'P0001', message = 'accepted';
  exception when others then
    get stacked diagnostics got_state = returned_sqlstate, got_constraint = constraint_name, got_message = message_text;
    if got_message = 'accepted' then
      return 'accepted';
    end if;
    return got_state || ' ' || coalesce(got_constraint, got_message);
  end;
end
$$;
select set_config('money_test.draft', :'draft', true);

create temporary table attempts as
select c.tbl, c.col, c.kind, v.val, pg_temp.try_amount(c.tbl, c.col, v.val) as outcome
from amount_columns c
cross join (values ('NaN'), ('Infinity'), ('-Infinity'), ('1e15'), ('1000000000000000.00'), ('0.00001'),
  ('12.34567'), ('-1'), ('-0.01'), ('0.001'), ('0.0125'), ('12.50'), ('-0')) v(val);

select is_empty($$
  select format('%s.%s = %s: %s', tbl, col, val, outcome) from attempts
  where val in ('NaN', 'Infinity', '-Infinity', '1e15', '1000000000000000.00', '0.00001', '12.34567', '-1', '-0.01')
    and outcome not like format('23514 chk\_%s\_%%', (select relname from pg_class where oid = tbl))
$$, 'NaN, Infinity, -Infinity, 10^15, a fifth decimal and negatives are refused by a check of the column''s table, in every amount column');

select is_empty($$
  select format('%s.%s = %s: %s', tbl, col, val, outcome) from attempts
  where kind = 'minor_units' and val in ('0.001', '0.0125')
    and outcome <> format('23514 chk_%s_%s_money', (select relname from pg_class where oid = tbl), col)
    and not (tbl = 'orders.order_lines'::regclass and outcome = '23514 chk_order_lines_line_total')
$$, 'a booked amount with more decimals than EUR''s 2 is refused by its money check, not rounded');

select is_empty($$
  select format('%s.%s = %s: %s', tbl, col, val, outcome) from attempts
  where kind = 'unit_price' and val in ('0.001', '0.0125') and tbl <> 'orders.order_lines'::regclass
    and outcome like '23514 %'
$$, 'a unit price may have up to 4 decimals (0.0125), finer than its currency: no check refuses it');

select is_empty($$
  select format('%s.%s = %s: %s', tbl, col, val, outcome) from attempts
  where val in ('12.50', '-0')
    and outcome = format('23514 chk_%s_%s_money', (select relname from pg_class where oid = tbl), col)
$$, 'an amount in the currency''s minor units (12.50, -0) passes the money check of every amount column');

select * from finish();
rollback;
