-- Every unique key over text that people type collides for two spellings a person calls equal (NFC and
-- NFD, case, surrounding space, NBSP, full-width), and stores the canonical form. As b2b_app. The last
-- assertion counts the canonicalized keys in the catalog, so a new one cannot go untested here.
begin;
select plan(30);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_company(:'alpha', 'Acme') as acme \gset
select tests.create_buyer_role(:'alpha', 'Purchaser', '{orders.create}') as purchaser \gset
select tests.create_product(:'alpha') as product \gset
select tests.create_category(:'alpha') as category \gset

select tests.act_as(:'alpha');

-- tenancy.staff_users.email
insert into tenancy.staff_users (email, display_name) values (normalize('Einkäufe.Prüfung@Example.com', nfc), 'E');
select tests.throws_constraint(format('insert into tenancy.staff_users (email, display_name) values (%L, %L)',
  normalize('einkäufe.prüfung@example.com', nfd), 'F'), 'uq_staff_users_tenant_id_email', 'staff email: NFD collides with NFC');
select tests.throws_constraint($$insert into tenancy.staff_users (email, display_name) values (' EINKÄUFE.PRÜFUNG@EXAMPLE.COM ', 'F')$$,
  'uq_staff_users_tenant_id_email', 'staff email: upper case and spaces collide');
select is((select email from tenancy.staff_users where display_name = 'E'), 'einkäufe.prüfung@example.com',
  'staff email stored in canonical form');

-- accounts.buyers.email (the issue's example)
insert into accounts.buyers (company_id, buyer_role_id, email, full_name)
values (:'acme', :'purchaser', normalize('einkäufe.prüfung@example.com', nfc), 'Nina');
select tests.throws_constraint(format('insert into accounts.buyers (company_id, buyer_role_id, email, full_name) values (%L, %L, %L, %L)',
  :'acme', :'purchaser', normalize('einkäufe.prüfung@example.com', nfd), 'Nora'),
  'uq_buyers_tenant_id_company_id_email', 'buyer email: NFD collides with NFC in one company');
select tests.throws_constraint(format('insert into accounts.buyers (company_id, buyer_role_id, email, full_name) values (%L, %L, %L, %L)',
  :'acme', :'purchaser', e'Einkäufe.Prüfung@Example.com\u00a0', 'Nora'),
  'uq_buyers_tenant_id_company_id_email', 'buyer email: capitals and a trailing NBSP collide');
select tests.throws_constraint(format('insert into accounts.buyers (company_id, buyer_role_id, email, full_name) values (%L, %L, %L, %L)',
  :'acme', :'purchaser', 'ｅｉｎｋäｕｆｅ．ｐｒüｆｕｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ', 'Nora'),
  'uq_buyers_tenant_id_company_id_email', 'buyer email: full-width collides');
update accounts.buyers set email = 'NINA@ACME.EXAMPLE' where full_name = 'Nina';
select is((select email from accounts.buyers where full_name = 'Nina'), 'nina@acme.example', 'an update is canonicalized too');

-- accounts.companies.tax_id (encrypted: canonicalized before encryption, unique through its keyed hash)
select tests.use_data_key();
insert into accounts.companies (legal_name, tax_id, default_currency, default_locale) values ('Tax One', app.encrypt_personal('DE 123 456 789'), 'EUR', 'en');
select tests.throws_constraint($$insert into accounts.companies (legal_name, tax_id, default_currency, default_locale) values ('Tax Two', app.encrypt_personal('de123.456.789'), 'EUR', 'en')$$,
  'uq_companies_tenant_id_tax_id', 'tax id: separators and case collide');
select is((select app.decrypt_personal(tax_id) from accounts.companies where legal_name = 'Tax One'), 'DE123456789', 'tax id stored without separators');

-- accounts.customer_groups.name, accounts.buyer_roles.name, catalog.price_lists.name, orders.approval_rules.name
insert into accounts.customer_groups (name) values ('Gold customers');
select tests.throws_constraint($$insert into accounts.customer_groups (name) values (e'gold\u00a0 CUSTOMERS ')$$,
  'uq_customer_groups_tenant_id_name', 'customer group name: case, NBSP and spaces collide');
select is((select count(*)::int from accounts.customer_groups where name = 'Gold customers'), 1, 'the name keeps its case');
insert into accounts.buyer_roles (name) values ('Einkäufer');
select tests.throws_constraint(format('insert into accounts.buyer_roles (name) values (%L)', normalize('einkäufer ', nfd)),
  'uq_buyer_roles_tenant_id_name', 'buyer role name: NFD and case collide');
insert into catalog.price_lists (name, currency) values ('List A', 'EUR');
select tests.throws_constraint($$insert into catalog.price_lists (name, currency) values ('ＬＩＳＴ　Ａ', 'EUR')$$,
  'uq_price_lists_tenant_id_name', 'price list name: full-width and case collide');
insert into orders.approval_rules (company_id, name, min_total_amount, currency) values (:'acme', 'Big orders', 1000, 'EUR');
select tests.throws_constraint(format('insert into orders.approval_rules (company_id, name, min_total_amount, currency) values (%L, %L, 1, %L)', :'acme', e'big\torders', 'EUR'),
  'uq_approval_rules_tenant_id_company_id_name', 'approval rule name: case and a tab collide');

-- catalog.variants.sku, catalog.warehouses.code, catalog.attribute_definitions.attribute_key
insert into catalog.variants (product_id, sku) values (:'product', 'DRL-18V');
select tests.throws_constraint(format('insert into catalog.variants (product_id, sku) values (%L, %L)', :'product', ' drl-18v'),
  'uq_variants_tenant_id_sku', 'SKU: lower case and a leading space collide');
select tests.throws_constraint(format('insert into catalog.variants (product_id, sku) values (%L, %L)', :'product', 'ＤＲＬ－１８Ｖ'),
  'uq_variants_tenant_id_sku', 'SKU: full-width collides');
insert into catalog.variants (product_id, sku) values (:'product', 'saw-1');
select is((select count(*)::int from catalog.variants where sku = 'SAW-1'), 1, 'SKU stored upper case');
insert into catalog.warehouses (code, name, country_code) values ('WH-1', 'One', 'DE');
select tests.throws_constraint($$insert into catalog.warehouses (code, name, country_code) values ('wh-1 ', 'Two', 'DE')$$,
  'uq_warehouses_tenant_id_code', 'warehouse code: case and space collide');
insert into catalog.attribute_definitions (attribute_key, data_type) values ('voltage', 'number');
select tests.throws_constraint($$insert into catalog.attribute_definitions (attribute_key, data_type) values (e'voltage\u00a0', 'number')$$,
  'pk_attribute_definitions', 'attribute key: a trailing NBSP collides (capitals are refused by its format)');

-- catalog.product_translations.slug, catalog.category_translations.slug
insert into catalog.products (product_id) values (gen_random_uuid()) returning product_id as product2 \gset
insert into catalog.product_translations (product_id, locale, name, slug)
  select :'product2', 'de', 'Bohrer', 'bohrer-18v';
select tests.throws_constraint(format('insert into catalog.product_translations (product_id, locale, name, slug) values (%L, %L, %L, %L)',
  :'product', 'de', 'Bohrer', 'BOHRER-18V '), 'uq_product_translations_tenant_id_locale_slug', 'product slug: case and space collide');
select tests.throws_constraint(format('insert into catalog.product_translations (product_id, locale, name, slug) values (%L, %L, %L, %L)',
  :'product', 'de', 'Bohrer', 'ｂｏｈｒｅｒ－１８ｖ'), 'uq_product_translations_tenant_id_locale_slug', 'product slug: full-width collides');
insert into catalog.category_translations (category_id, locale, name, slug) values (:'category', 'de', 'Werkzeug', 'werkzeug');
insert into catalog.categories (category_id) values (gen_random_uuid()) returning category_id as category2 \gset
select tests.throws_constraint(format('insert into catalog.category_translations (category_id, locale, name, slug) values (%L, %L, %L, %L)',
  :'category2', 'de', 'Werkzeug', 'Werkzeug'), 'uq_category_translations_tenant_id_locale_slug', 'category slug: case collides');

-- tenancy.tenants.slug (platform-wide, written by the owner)
select tests.clear_actor();
insert into tenancy.tenants (slug, name) values ('acme-tools', 'Acme Tools');
select tests.throws_constraint($$insert into tenancy.tenants (slug, name) values ('ACME-TOOLS ', 'Other')$$,
  'uq_tenants_slug', 'tenant slug: case and space collide');

-- Distinct values stay distinct
select tests.act_as(:'alpha');
select lives_ok(format('insert into accounts.buyers (company_id, buyer_role_id, email, full_name) values (%L, %L, %L, %L)',
  :'acme', :'purchaser', 'einkaufe.prufung@example.com', 'Other'), 'an email without umlauts is another email');
select lives_ok($$insert into accounts.customer_groups (name) values ('Gold customers 2')$$, 'another name is another name');
select lives_ok($$insert into catalog.variants (product_id, sku) select product_id, 'DRL-18V-2' from catalog.products limit 1$$,
  'another SKU is another SKU');
select lives_ok(format($$insert into accounts.buyers (company_id, buyer_role_id, email, full_name) values (%L, %L, %L, 'Zed')$$,
  :'acme', :'purchaser', 'ze@acme.example'), 'a plain email is accepted');
select is((select email from accounts.buyers where full_name = 'Zed'), 'ze@acme.example', 'a canonical email is stored as is');
select is((select count(*)::int from accounts.buyers where company_id = :'acme'), 3, 'the company has three buyers, no duplicates');

select tests.clear_actor();
select is(
  (select count(*)::int from pg_trigger where tgfoid = 'app.canonicalize()'::regprocedure)
  + (select count(*)::int from pg_trigger where tgfoid = 'app.seal_personal()'::regprocedure
       and position('tax_id:tax_id' in encode(tgargs, 'escape')) > 0),
  13, 'thirteen tables have canonicalized keys (companies'' tax id through app.seal_personal), all tested above');

select * from finish();
rollback;
