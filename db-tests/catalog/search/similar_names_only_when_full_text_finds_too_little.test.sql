-- catalog.search_products matches names by full text always, by trigram similarity (a typo, a word cut
-- short) only when the full text matches fewer than 24 products of the tenant, and SKUs by similarity
-- always. The gate counts full-text matches, not the page: every page of one search sees the same matches
-- and scores. Scores: the best of rank and similarity while fuzzy, the rank alone once enough is found.
begin;
select plan(11);

select tests.create_tenant('alpha') as alpha \gset
-- 23 products whose names match 'valve' by full text (and by similarity), one whose name is only similar
-- (a typo: 'valva' is not the stem 'valv'), and a pump whose SKU is similar to 'valve'
select tests.create_product(:'alpha', 'Valve ' || n) from generate_series(1, 23) n;
select tests.create_product(:'alpha', 'Valva 1') as typo \gset
select tests.create_product(:'alpha', 'Pump') as pump \gset
select tests.create_variant(:'alpha', :'pump', 'VALVE-9');

-- one search for 'valve', a page of up to 100
\set valve_hits 'catalog.search_products(app.current_tenant_id(), ''valve'', ''en'', null, null, null, null, null, null, false, null, null, 100)'

select tests.act_as(:'alpha');

select set_config('tests.hits', (select string_agg(product_id || ':' || score, ',') from :valve_hits), true);
select is((select count(*)::int from :valve_hits), 25,
  'full text finds 23 products (fewer than 24): similar names are searched too (24 + the SKU match)');
select isnt_empty(format('select 1 from %s where product_id = %L', :'valve_hits', :'typo'),
  'the name that is only similar is found while the full text finds too little');
select isnt_empty(format('select 1 from %s where product_id = %L', :'valve_hits', :'pump'),
  'the similar SKU is found');

-- a 24th full-text match: the similar-name arm no longer runs
reset role;
select tests.create_product(:'alpha', 'Valve 24');
select tests.act_as(:'alpha');
select is((select count(*)::int from :valve_hits), 25,
  'full text finds 24 products: only those and the SKU match');
select is_empty(format('select 1 from %s where product_id = %L', :'valve_hits', :'typo'),
  'the name that is only similar is left out once the full text finds enough');
select isnt_empty(format('select 1 from %s where product_id = %L', :'valve_hits', :'pump'),
  'SKUs are matched by similarity whatever the full text finds');
-- scores: while the full text finds too little, a full-text match scores the best of its rank and its
-- name's similarity (a name equal to the text scores 1); once it finds enough, its rank alone
select ok((select bool_and(split_part(before, ':', 2)::float8 = greatest(
      ts_rank(t.search_vector, websearch_to_tsquery('english', 'valve')), extensions.similarity(t.name, 'valve')))
   from unnest(string_to_array(current_setting('tests.hits'), ',')) before
   join catalog.product_translations t on t.product_id = split_part(before, ':', 1)::uuid
   where t.search_vector @@ websearch_to_tsquery('english', 'valve')),
  'too little found: a full-text match scores the best of its rank and its name''s similarity');
select ok((select bool_and(h.score = ts_rank(t.search_vector, websearch_to_tsquery('english', 'valve'))::float8)
   from :valve_hits h
   join catalog.product_translations t on t.product_id = h.product_id
   where t.search_vector @@ websearch_to_tsquery('english', 'valve')),
  'enough found: a full-text match scores its rank');

-- a typo the full text cannot match: similar names are what is found
select isnt_empty(
  $$select 1 from catalog.search_products(app.current_tenant_id(), 'valvw', 'en', null, null, null, null, null, null, false, null, null, 100)
    where name like 'Valv%'$$,
  'a misspelled word finds the similar names');

-- paging: the gate does not depend on the page size or the cursor, so pages of 10 return the same 25
do $$
declare
  hit record;
  after_score float8;
  after_product uuid;
  seen uuid[] := '{}';
  got int;
begin
  for page in 1..10 loop
    got := 0;
    for hit in select * from catalog.search_products(app.current_tenant_id(), 'valve', 'en', null, null, null,
      null, null, null, false, after_score, after_product, 10) loop
      seen := seen || hit.product_id;
      after_score := hit.score;
      after_product := hit.product_id;
      got := got + 1;
    end loop;
    exit when got < 10;
  end loop;
  perform set_config('tests.paged', array_to_string(seen, ','), true);
end
$$;
select is(cardinality(string_to_array(current_setting('tests.paged'), ',')), 25,
  'pages of 10 return 25 hits');
select is(
  (select array_agg(id::uuid order by id::uuid) from unnest(string_to_array(current_setting('tests.paged'), ',')) id),
  (select array_agg(product_id order by product_id) from :valve_hits),
  'the same products, each once, as one page of 100');

select * from finish();
rollback;
