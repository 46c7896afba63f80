// The three tenants of the demo world (the `small` profile's tenants and staff, seeds/small/) and what
// makes each different: currencies, locales, names. Every tenant gets the same shape of world (accounts,
// catalog, orders), so each table is filled for every tenant.
import { demoId } from './ids';

export interface Currency {
  code: string;
  /** catalog.currencies.minor_units: 2 for cents, 0 for JPY (whole amounts only). */
  minorUnits: number;
  /** Price in this currency = home price x rate, rounded to the minor unit (demo rates, not real ones). */
  rate: number;
}

export interface CompanySpec {
  key: 'parent' | 'main' | 'export' | 'japan';
  legalName: string;
  taxId: string;
  /** 'home', 'second' or 'yen': which of the tenant's currencies the company buys in. */
  currency: 'home' | 'second' | 'yen';
  locale: string;
  country: string;
  city: string;
  postalCode: string;
  street: string;
  /** Credit limit in the company's currency, in minor units (null: none). */
  creditLimitMinor: number | null;
  paymentTermsDays: number;
}

export interface TenantSpec {
  slug: string;
  tenantId: string;
  name: string;
  /** The tenant's default locale (the last step of the translation fallback). */
  locale: string;
  /** The staff user (from seeds/small) who creates the world's staff and grants their roles. */
  ownerId: string;
  /** Email domain of staff and buyers. */
  domain: string;
  skuPrefix: string;
  home: Currency;
  second: Currency;
  yen: Currency;
  warehouses: readonly { code: string; name: string; country: string }[];
  companies: readonly CompanySpec[];
}

const JPY = (rate: number): Currency => ({ code: 'JPY', minorUnits: 0, rate });

export const TENANTS: readonly TenantSpec[] = [
  {
    slug: 'acme-industrial',
    tenantId: '00000000-0000-4000-8000-000000000001',
    name: 'Acme Industrial Supply',
    locale: 'en',
    ownerId: '00000000-0000-4000-8001-000000000001',
    domain: 'acme.example',
    skuPrefix: 'AC',
    home: { code: 'USD', minorUnits: 2, rate: 1 },
    second: { code: 'EUR', minorUnits: 2, rate: 0.92 },
    yen: JPY(150),
    warehouses: [
      { code: 'US-EAST', name: 'Newark distribution centre', country: 'US' },
      { code: 'US-WEST', name: 'Reno distribution centre', country: 'US' },
    ],
    companies: [
      company(
        'parent',
        'Harbor Fabrication Group Inc.',
        'US-84-1234567',
        'home',
        'en',
        'US',
        'Baltimore',
        '21201',
        '200 Pratt Street',
        10_000_000,
        30,
      ),
      company(
        'main',
        'Harbor Fabrication East LLC',
        'US-84-1234568',
        'home',
        'en',
        'US',
        'Philadelphia',
        '19103',
        '1500 Market Street',
        5_000_000,
        30,
      ),
      company(
        'export',
        'Harbor Fabrication Europe GmbH',
        'DE-811234567',
        'second',
        'de',
        'DE',
        'Hamburg',
        '20457',
        'Am Sandtorkai 1',
        2_000_000,
        45,
      ),
      company(
        'japan',
        'Harbor Fabrication Japan KK',
        'JP-1234567890123',
        'yen',
        'en',
        'JP',
        'Yokohama',
        '220-0012',
        '2-3-1 Minatomirai',
        30_000_000,
        60,
      ),
    ],
  },
  {
    slug: 'nordwind-technik',
    tenantId: '00000000-0000-4000-8000-000000000002',
    name: 'Nordwind Technik GmbH',
    locale: 'de',
    ownerId: '00000000-0000-4000-8001-000000000003',
    domain: 'nordwind.example',
    skuPrefix: 'NW',
    home: { code: 'EUR', minorUnits: 2, rate: 1 },
    second: { code: 'CHF', minorUnits: 2, rate: 0.95 },
    yen: JPY(160),
    warehouses: [
      { code: 'DE-HAM', name: 'Lager Hamburg', country: 'DE' },
      { code: 'DE-MUC', name: 'Lager München', country: 'DE' },
    ],
    companies: [
      company(
        'parent',
        'Bergmann Maschinenbau AG',
        'DE-129273398',
        'home',
        'de',
        'DE',
        'Stuttgart',
        '70173',
        'Königstraße 10',
        10_000_000,
        30,
      ),
      company(
        'main',
        'Bergmann Anlagenbau GmbH',
        'DE-129273399',
        'home',
        'de',
        'DE',
        'Ulm',
        '89073',
        'Münsterplatz 5',
        5_000_000,
        30,
      ),
      company(
        'export',
        'Bergmann Schweiz AG',
        'CHE-123.456.789',
        'second',
        'de-CH',
        'CH',
        'Zürich',
        '8001',
        'Bahnhofstrasse 20',
        2_000_000,
        30,
      ),
      company(
        'japan',
        'Bergmann Japan KK',
        'JP-9876543210987',
        'yen',
        'en',
        'JP',
        'Osaka',
        '530-0001',
        '1-1 Umeda',
        30_000_000,
        60,
      ),
    ],
  },
  {
    slug: 'maple-office',
    tenantId: '00000000-0000-4000-8000-000000000003',
    name: 'Maple Office Wholesale',
    locale: 'en-CA',
    ownerId: '00000000-0000-4000-8001-000000000004',
    domain: 'maple.example',
    skuPrefix: 'MO',
    home: { code: 'CAD', minorUnits: 2, rate: 1 },
    second: { code: 'USD', minorUnits: 2, rate: 0.73 },
    yen: JPY(110),
    warehouses: [
      { code: 'CA-TOR', name: 'Toronto warehouse', country: 'CA' },
      { code: 'CA-VAN', name: 'Vancouver warehouse', country: 'CA' },
    ],
    companies: [
      company(
        'parent',
        'Lakeshore Property Holdings Ltd.',
        'CA-123456789RC0001',
        'home',
        'en-CA',
        'CA',
        'Toronto',
        'M5J 2N8',
        '100 Queens Quay',
        10_000_000,
        30,
      ),
      company(
        'main',
        'Lakeshore Facilities Inc.',
        'CA-123456789RC0002',
        'home',
        'en-CA',
        'CA',
        'Ottawa',
        'K1P 5G4',
        '50 Sparks Street',
        5_000_000,
        30,
      ),
      company(
        'export',
        'Lakeshore Facilities USA Inc.',
        'US-27-7654321',
        'second',
        'en',
        'US',
        'Buffalo',
        '14202',
        '1 Seneca Street',
        2_000_000,
        45,
      ),
      company(
        'japan',
        'Lakeshore Japan GK',
        'JP-5555555555555',
        'yen',
        'en',
        'JP',
        'Tokyo',
        '100-0005',
        '1-1 Marunouchi',
        30_000_000,
        60,
      ),
    ],
  },
];

function company(
  key: CompanySpec['key'],
  legalName: string,
  taxId: string,
  currency: CompanySpec['currency'],
  locale: string,
  country: string,
  city: string,
  postalCode: string,
  street: string,
  creditLimitMinor: number | null,
  paymentTermsDays: number,
): CompanySpec {
  return {
    key,
    legalName,
    taxId,
    currency,
    locale,
    country,
    city,
    postalCode,
    street,
    creditLimitMinor,
    paymentTermsDays,
  };
}

/** A deterministic id of a row of this tenant's demo world. */
export function idOf(tenant: TenantSpec, name: string): string {
  return demoId(`${tenant.slug}/${name}`);
}

export function currencyOf(tenant: TenantSpec, which: CompanySpec['currency']): Currency {
  return which === 'home' ? tenant.home : which === 'second' ? tenant.second : tenant.yen;
}
