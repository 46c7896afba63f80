-- Up Migration
-- Catalog schema and its shared reference tables (not tenant-owned): ISO 4217 currencies,
-- ISO 3166-1 countries and BCP 47 locales. Accounts and prices reference them, so they come first.
create schema catalog;
comment on schema catalog is 'Products, variants, categories, translations, prices, stock; plus shared reference data.';

-- currencies (shared reference data, not tenant-owned) ---------------------------------------------
create table catalog.currencies (
  currency_code text not null,
  name text not null,
  -- A digit count bounded by chk_currencies_minor_units: 16 bits are plenty.
  -- squawk-ignore prefer-bigint-over-smallint
  minor_units smallint not null,
  constraint pk_currencies primary key (currency_code),
  constraint chk_currencies_code_format check (currency_code ~ '^[A-Z]{3}$'),
  constraint chk_currencies_minor_units check (minor_units between 0 and 4)
);
comment on table catalog.currencies is 'ISO 4217 currencies the platform accepts; shared by all tenants.';
comment on column catalog.currencies.minor_units is 'Digits after the decimal point in amounts shown and invoiced (2 for EUR, 0 for JPY, 3 for KWD).';

insert into catalog.currencies (currency_code, name, minor_units) values
  ('AED', 'UAE Dirham', 2), ('AUD', 'Australian Dollar', 2), ('BGN', 'Bulgarian Lev', 2),
  ('BHD', 'Bahraini Dinar', 3), ('BRL', 'Brazilian Real', 2), ('CAD', 'Canadian Dollar', 2),
  ('CHF', 'Swiss Franc', 2), ('CLP', 'Chilean Peso', 0), ('CNY', 'Yuan Renminbi', 2),
  ('COP', 'Colombian Peso', 2), ('CZK', 'Czech Koruna', 2), ('DKK', 'Danish Krone', 2),
  ('EGP', 'Egyptian Pound', 2), ('EUR', 'Euro', 2), ('GBP', 'Pound Sterling', 2),
  ('HKD', 'Hong Kong Dollar', 2), ('HUF', 'Forint', 2), ('IDR', 'Rupiah', 2),
  ('ILS', 'New Israeli Sheqel', 2), ('INR', 'Indian Rupee', 2), ('ISK', 'Iceland Krona', 0),
  ('JPY', 'Yen', 0), ('KRW', 'Won', 0), ('KWD', 'Kuwaiti Dinar', 3),
  ('MXN', 'Mexican Peso', 2), ('MYR', 'Malaysian Ringgit', 2), ('NOK', 'Norwegian Krone', 2),
  ('NZD', 'New Zealand Dollar', 2), ('PHP', 'Philippine Peso', 2), ('PLN', 'Zloty', 2),
  ('RON', 'Romanian Leu', 2), ('SAR', 'Saudi Riyal', 2), ('SEK', 'Swedish Krona', 2),
  ('SGD', 'Singapore Dollar', 2), ('THB', 'Baht', 2), ('TRY', 'Turkish Lira', 2),
  ('TWD', 'New Taiwan Dollar', 2), ('USD', 'US Dollar', 2), ('ZAR', 'Rand', 2);

-- countries (shared reference data, not tenant-owned) ----------------------------------------------
create table catalog.countries (
  country_code text not null,
  name text not null,
  uses_postal_code boolean not null,
  constraint pk_countries primary key (country_code),
  constraint chk_countries_code_format check (country_code ~ '^[A-Z]{2}$')
);
comment on table catalog.countries is 'ISO 3166-1 alpha-2 countries addresses and warehouses may be in; shared by all tenants.';
comment on column catalog.countries.uses_postal_code is 'Whether addresses in this country must have a postal code.';

insert into catalog.countries (country_code, name, uses_postal_code) values
  ('AE', 'United Arab Emirates', false), ('AR', 'Argentina', true), ('AT', 'Austria', true),
  ('AU', 'Australia', true), ('BE', 'Belgium', true), ('BG', 'Bulgaria', true),
  ('BH', 'Bahrain', false), ('BR', 'Brazil', true), ('CA', 'Canada', true),
  ('CH', 'Switzerland', true), ('CL', 'Chile', true), ('CN', 'China', true),
  ('CO', 'Colombia', true), ('CZ', 'Czechia', true), ('DE', 'Germany', true),
  ('DK', 'Denmark', true), ('EE', 'Estonia', true), ('EG', 'Egypt', true),
  ('ES', 'Spain', true), ('FI', 'Finland', true), ('FR', 'France', true),
  ('GB', 'United Kingdom', true), ('GR', 'Greece', true), ('HK', 'Hong Kong', false),
  ('HR', 'Croatia', true), ('HU', 'Hungary', true), ('ID', 'Indonesia', true),
  ('IE', 'Ireland', false), ('IL', 'Israel', true), ('IN', 'India', true),
  ('IS', 'Iceland', true), ('IT', 'Italy', true), ('JP', 'Japan', true),
  ('KR', 'Korea, Republic of', true), ('KW', 'Kuwait', true), ('LT', 'Lithuania', true),
  ('LU', 'Luxembourg', true), ('LV', 'Latvia', true), ('MX', 'Mexico', true),
  ('MY', 'Malaysia', true), ('NL', 'Netherlands', true), ('NO', 'Norway', true),
  ('NZ', 'New Zealand', true), ('PH', 'Philippines', true), ('PL', 'Poland', true),
  ('PT', 'Portugal', true), ('QA', 'Qatar', false), ('RO', 'Romania', true),
  ('SA', 'Saudi Arabia', true), ('SE', 'Sweden', true), ('SG', 'Singapore', true),
  ('SI', 'Slovenia', true), ('SK', 'Slovakia', true), ('TH', 'Thailand', true),
  ('TR', 'Turkey', true), ('TW', 'Taiwan', true), ('UA', 'Ukraine', true),
  ('US', 'United States', true), ('VN', 'Viet Nam', true), ('ZA', 'South Africa', true);

-- locales (shared reference data, not tenant-owned) ------------------------------------------------
create table catalog.locales (
  locale text not null,
  language text not null generated always as (split_part(locale, '-', 1)) stored,
  name text not null,
  constraint pk_locales primary key (locale),
  constraint chk_locales_format check (locale ~ '^[a-z]{2,3}(-[A-Z]{2})?$'),
  -- A regional locale (de-CH) falls back to its language (de), so the language must be a locale too.
  constraint fk_locales_language_locales foreign key (language) references catalog.locales (locale)
);
comment on table catalog.locales is 'BCP 47 locales (language with optional region) translations may be written in; shared by all tenants.';
comment on column catalog.locales.language is 'The language part of the locale (de for de-CH): the first fallback of a missing translation.';

-- Serves fk_locales_language_locales (removing a language locale).
create index idx_locales_language on catalog.locales (language);

insert into catalog.locales (locale, name) values
  ('cs', 'Czech'), ('da', 'Danish'), ('de', 'German'), ('en', 'English'), ('es', 'Spanish'),
  ('fi', 'Finnish'), ('fr', 'French'), ('it', 'Italian'), ('ja', 'Japanese'), ('ko', 'Korean'),
  ('nb', 'Norwegian Bokmal'), ('nl', 'Dutch'), ('pl', 'Polish'), ('pt', 'Portuguese'),
  ('sv', 'Swedish'), ('tr', 'Turkish'), ('zh', 'Chinese');
insert into catalog.locales (locale, name) values
  ('de-AT', 'German (Austria)'), ('de-CH', 'German (Switzerland)'), ('de-DE', 'German (Germany)'),
  ('en-AU', 'English (Australia)'), ('en-CA', 'English (Canada)'), ('en-GB', 'English (United Kingdom)'),
  ('en-US', 'English (United States)'), ('es-ES', 'Spanish (Spain)'), ('es-MX', 'Spanish (Mexico)'),
  ('fr-CA', 'French (Canada)'), ('fr-CH', 'French (Switzerland)'), ('fr-FR', 'French (France)'),
  ('it-CH', 'Italian (Switzerland)'), ('nl-BE', 'Dutch (Belgium)'), ('pt-BR', 'Portuguese (Brazil)'),
  ('pt-PT', 'Portuguese (Portugal)'), ('zh-CN', 'Chinese (China)'), ('zh-TW', 'Chinese (Taiwan)');

-- Text search configuration for a locale's language: versioned (not repeatable) because the generated
-- search_vector column of catalog.product_translations depends on it. Immutable: the mapping is fixed
-- here; changing it needs a new migration that also rebuilds the column.
create function catalog.text_search_config(locale text) returns regconfig
language sql immutable parallel safe
begin atomic
  select case split_part(locale, '-', 1)
    when 'da' then 'pg_catalog.danish'::regconfig
    when 'de' then 'pg_catalog.german'::regconfig
    when 'en' then 'pg_catalog.english'::regconfig
    when 'es' then 'pg_catalog.spanish'::regconfig
    when 'fi' then 'pg_catalog.finnish'::regconfig
    when 'fr' then 'pg_catalog.french'::regconfig
    when 'hu' then 'pg_catalog.hungarian'::regconfig
    when 'it' then 'pg_catalog.italian'::regconfig
    when 'nb' then 'pg_catalog.norwegian'::regconfig
    when 'nl' then 'pg_catalog.dutch'::regconfig
    when 'pt' then 'pg_catalog.portuguese'::regconfig
    when 'ro' then 'pg_catalog.romanian'::regconfig
    when 'ru' then 'pg_catalog.russian'::regconfig
    when 'sv' then 'pg_catalog.swedish'::regconfig
    when 'tr' then 'pg_catalog.turkish'::regconfig
    else 'pg_catalog.simple'::regconfig
  end;
end;
comment on function catalog.text_search_config(text) is
  'The text search configuration for a locale''s language (german for de-CH), simple when PostgreSQL has none.';

-- Down Migration
drop function catalog.text_search_config(text);
drop table catalog.locales;
drop table catalog.countries;
drop table catalog.currencies;
-- cascade: repeatable objects of the schema that no later down step names go with it (re-created by the
-- next migrate), as sql/README.md prescribes for schema-creating migrations.
drop schema catalog cascade;
