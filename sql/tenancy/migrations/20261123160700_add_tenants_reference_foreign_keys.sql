-- Up Migration
-- A tenant's default locale and currency must be ones the platform knows (translation fallback and
-- base price lists rely on them). The reference tables arrived with the catalog domain.
-- tenants holds one row per seller (hundreds, not millions): the validating scan and the index build
-- take milliseconds, so NOT VALID + VALIDATE and concurrent index builds would only add steps.
alter table tenancy.tenants
  -- squawk-ignore adding-foreign-key-constraint, constraint-missing-not-valid
  add constraint fk_tenants_default_locale_locales foreign key (default_locale)
    references catalog.locales (locale),
  -- squawk-ignore adding-foreign-key-constraint, constraint-missing-not-valid
  add constraint fk_tenants_default_currency_currencies foreign key (default_currency)
    references catalog.currencies (currency_code);

-- Serves fk_tenants_default_locale_locales (changes to the locale reference list).
-- squawk-ignore require-concurrent-index-creation
create index idx_tenants_default_locale on tenancy.tenants (default_locale);
-- Serves fk_tenants_default_currency_currencies (changes to the currency reference list).
-- squawk-ignore require-concurrent-index-creation
create index idx_tenants_default_currency on tenancy.tenants (default_currency);

-- Down Migration
drop index tenancy.idx_tenants_default_currency;
drop index tenancy.idx_tenants_default_locale;
alter table tenancy.tenants
  drop constraint fk_tenants_default_currency_currencies,
  drop constraint fk_tenants_default_locale_locales;
