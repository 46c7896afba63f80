-- Shared reference data (currencies, countries, locales, buyer permissions): seeded by the migrations,
-- readable by the application with no tenant context, written by no application role, and checked.
begin;
select plan(22);

select cmp_ok((select count(*)::int from catalog.currencies), '>=', 30, 'about 30 currencies are seeded');
select cmp_ok((select count(*)::int from catalog.countries), '>=', 60, 'about 60 countries are seeded');
select cmp_ok((select count(*)::int from catalog.locales), '>=', 20, 'about 20 locales are seeded');
select is((select minor_units from catalog.currencies where currency_code = 'JPY'), 0::smallint, 'JPY has no minor units');
select is((select minor_units from catalog.currencies where currency_code = 'KWD'), 3::smallint, 'KWD has three');
select is((select uses_postal_code from catalog.countries where country_code = 'AE'), false, 'the UAE uses no postal codes');
select is((select language from catalog.locales where locale = 'de-CH'), 'de', 'a locale knows its language');

-- checks, as the migrating owner would write them
select tests.throws_constraint($$insert into catalog.currencies (currency_code, name, minor_units) values ('eur', 'x', 2)$$,
  'chk_currencies_code_format', 'a currency code is three uppercase letters');
select tests.throws_constraint($$insert into catalog.currencies (currency_code, name, minor_units) values ('XTS', 'x', 5)$$,
  'chk_currencies_minor_units', 'minor units are 0 to 4');
select tests.throws_constraint($$insert into catalog.currencies (currency_code, name, minor_units) values ('EUR', 'x', 2)$$,
  'pk_currencies', 'a currency is listed once');
select tests.throws_constraint($$insert into catalog.countries (country_code, name, uses_postal_code) values ('DEU', 'x', true)$$,
  'chk_countries_code_format', 'a country code is two uppercase letters');
select tests.throws_constraint($$insert into catalog.countries (country_code, name, uses_postal_code) values ('DE', 'x', true)$$,
  'pk_countries', 'a country is listed once');
select tests.throws_constraint($$insert into catalog.locales (locale, name) values ('de_CH', 'x')$$,
  'chk_locales_format', 'a locale is language-REGION');
select tests.throws_constraint($$insert into catalog.locales (locale, name) values ('xx-YY', 'x')$$,
  'fk_locales_language_locales', 'a regional locale needs its language');
select tests.throws_constraint($$insert into catalog.locales (locale, name) values ('de', 'x')$$,
  'pk_locales', 'a locale is listed once');
select tests.throws_constraint($$insert into accounts.permissions (permission, description) values ('Orders-Create', 'x')$$,
  'chk_permissions_format', 'a permission is area.action in lowercase');
select tests.throws_constraint($$insert into accounts.permissions (permission, description) values ('orders.create', 'x')$$,
  'pk_permissions', 'a permission is listed once');
select tests.throws_constraint(
  $$insert into catalog.price_lists (tenant_id, name, currency) values (gen_random_uuid(), 'X', 'EUR')$$,
  'fk_price_lists_tenant_id_tenants', 'price lists: the tenant must exist');

-- the application reads it without a tenant and cannot change it
select tests.act_as(null);
select isnt_empty('select 1 from catalog.currencies', 'currencies are readable without a tenant context');
select isnt_empty('select 1 from accounts.permissions', 'permissions are readable without a tenant context');
select throws_ok($$insert into catalog.currencies (currency_code, name, minor_units) values ('XTS', 'Test', 2)$$,
  '42501', null, 'the application cannot add a currency');
select throws_ok($$update catalog.countries set uses_postal_code = false$$,
  '42501', null, 'the application cannot change a country');

select * from finish();
rollback;
