-- Oversized text is refused by its named length check (23514, catalogued), never by the index it would
-- have reached (54000, index row too large). The issue's example: an 8,000-character product slug.
begin;
select plan(9);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_company(:'alpha', 'Acme') as acme \gset
select tests.create_buyer_role(:'alpha', 'Purchaser', '{orders.create}') as purchaser \gset
select tests.create_product(:'alpha') as product \gset
select tests.act_as(:'alpha');

select tests.throws_constraint(format('insert into catalog.product_translations (product_id, locale, name, slug) values (%L, %L, %L, %L)',
  :'product', 'de', 'Bohrer', repeat('a', 8000)), 'chk_product_translations_slug_length', 'an 8,000-character slug');
select lives_ok(format('insert into catalog.product_translations (product_id, locale, name, slug) values (%L, %L, %L, %L)',
  :'product', 'de', 'Bohrer', repeat('a', 200)), 'a 200-character slug is accepted');
select tests.throws_constraint(format('insert into accounts.buyers (company_id, buyer_role_id, email, full_name) values (%L, %L, %L, %L)',
  :'acme', :'purchaser', repeat('a', 100000) || '@acme.example', 'Ann'), 'chk_buyers_email_length', 'a 100,000-character email');
select tests.throws_constraint(format('insert into accounts.buyers (company_id, buyer_role_id, email, full_name) values (%L, %L, %L, %L)',
  :'acme', :'purchaser', repeat('a', 243) || '@acme.example', 'Ann'), 'chk_buyers_email_length', 'a 256-character email (RFC 5321 allows 254)');
select tests.throws_constraint(format('insert into catalog.variants (product_id, sku) values (%L, %L)', :'product', repeat('A', 8000)),
  'chk_variants_sku_format', 'an 8,000-character SKU is refused by a check (its format admits 64), not by the index');
select tests.throws_constraint(format('update catalog.product_translations set description = %L', repeat('x', 10001)),
  'chk_product_translations_description_length', 'a description over 10,000 characters');
select tests.clear_actor();
insert into catalog.attribute_definitions (tenant_id, attribute_key, data_type) values (:'alpha', 'note', 'text');
select tests.act_as(:'alpha');
select tests.throws_constraint(format('update catalog.products set attributes = %L::jsonb',
  jsonb_build_object('note', repeat('x', 70000))), 'chk_products_attributes_length', 'attributes over 64 KiB');
select tests.throws_constraint(format('insert into accounts.customer_groups (name) values (%L)', repeat('g', 201)),
  'chk_customer_groups_name_length', 'a 201-character group name');
select tests.throws_constraint(format('update accounts.companies set legal_name = %L', repeat(e'\u00e4', 201)),
  'chk_companies_legal_name_length', 'lengths count characters, not bytes: 201 two-byte characters are too many');

select * from finish();
rollback;
