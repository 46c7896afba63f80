// Catalog of one demo tenant, through @b2b/catalog as its catalog manager: attribute definitions, nested
// categories, products and variants with attributes, translations in en, de and de-CH (de-CH falls back
// to de where it has none), warehouses with stock in both, and price lists in three currencies (the
// tenant's home currency, a second one, and JPY with 0 minor units): base lists, a customer group list, and
// company lists, with quantity tiers. Attribute definitions have no package function: inserted as the
// application role.
import {
  type Attributes,
  addProductToCategory,
  createCategory,
  createPriceList,
  createVariant,
  createWarehouse,
  type PriceUpsert,
  upsertCategoryTranslation,
  upsertPrices,
  upsertProducts,
  upsertProductTranslations,
  upsertStockLevels,
} from '@b2b/catalog';
import type { DemoAccounts } from './accounts';
import { type DemoSession, money } from './context';
import { type Currency, idOf, type TenantSpec } from './tenants';

type Locale = 'en' | 'de' | 'de-CH';
type Text = { en: string; de: string; 'de-CH'?: string };

interface CategorySpec {
  key: string;
  parent: string | null;
  name: Text;
  slug: { en: string; de: string };
}

interface ProductSpec {
  key: string;
  category: string;
  name: Text;
  description: Text;
  attributes: Attributes;
  /**
   * Locales the product is translated into: en and de unless it says otherwise; 'tenant' for the tenant's
   * default language only (other locales fall back to it).
   */
  locales?: readonly Locale[] | 'tenant';
  variants: readonly { key: string; attributes: Attributes; priceMinor: number }[];
}

const ATTRIBUTES: readonly { key: string; type: string; unit: string | null }[] = [
  { key: 'brand', type: 'text', unit: null },
  { key: 'material', type: 'text', unit: null },
  { key: 'size_mm', type: 'integer', unit: 'mm' },
  { key: 'length_m', type: 'number', unit: 'm' },
  { key: 'torque_nm', type: 'text', unit: 'N·m' },
  { key: 'size', type: 'text', unit: null },
  { key: 'pack_size', type: 'integer', unit: null },
  { key: 'lens', type: 'text', unit: null },
  { key: 'nominal_diameter', type: 'text', unit: null },
  { key: 'certifications', type: 'text_list', unit: null },
  { key: 'food_safe', type: 'boolean', unit: null },
];

const CATEGORIES: readonly CategorySpec[] = [
  {
    key: 'tools',
    parent: null,
    name: { en: 'Tools', de: 'Werkzeuge' },
    slug: { en: 'tools', de: 'werkzeuge' },
  },
  {
    key: 'hand-tools',
    parent: 'tools',
    name: { en: 'Hand tools', de: 'Handwerkzeuge' },
    slug: { en: 'hand-tools', de: 'handwerkzeuge' },
  },
  {
    key: 'wrenches',
    parent: 'hand-tools',
    name: { en: 'Wrenches', de: 'Schraubenschlüssel' },
    slug: { en: 'wrenches', de: 'schraubenschluessel' },
  },
  {
    key: 'measuring',
    parent: 'tools',
    name: { en: 'Measuring', de: 'Messwerkzeuge' },
    slug: { en: 'measuring', de: 'messwerkzeuge' },
  },
  {
    key: 'safety',
    parent: null,
    name: { en: 'Safety', de: 'Arbeitsschutz' },
    slug: { en: 'safety', de: 'arbeitsschutz' },
  },
  {
    key: 'gloves',
    parent: 'safety',
    name: { en: 'Gloves', de: 'Handschuhe' },
    slug: { en: 'gloves', de: 'handschuhe' },
  },
  {
    key: 'eye-protection',
    parent: 'safety',
    name: { en: 'Eye protection', de: 'Augenschutz' },
    slug: { en: 'eye-protection', de: 'augenschutz' },
  },
  {
    key: 'plumbing',
    parent: null,
    name: { en: 'Plumbing', de: 'Sanitär' },
    slug: { en: 'plumbing', de: 'sanitaer' },
  },
  {
    key: 'valves',
    parent: 'plumbing',
    name: { en: 'Valves', de: 'Armaturen' },
    slug: { en: 'valves', de: 'armaturen' },
  },
];

/** Prices in the tenant's home currency, in minor units (cents). */
const PRODUCTS: readonly ProductSpec[] = [
  {
    key: 'combination-wrench',
    category: 'wrenches',
    name: { en: 'Combination wrench', de: 'Ring-Maulschlüssel' },
    description: {
      en: 'Chrome vanadium steel, open end and 12-point ring.',
      de: 'Chrom-Vanadium-Stahl, Maul- und Ringseite mit 12 Punkten.',
    },
    attributes: { brand: 'Stahlwerk', material: 'chrome vanadium steel' },
    variants: [
      { key: '10', attributes: { size_mm: 10 }, priceMinor: 690 },
      { key: '13', attributes: { size_mm: 13 }, priceMinor: 790 },
      { key: '17', attributes: { size_mm: 17 }, priceMinor: 990 },
    ],
  },
  {
    key: 'torque-wrench',
    category: 'wrenches',
    name: { en: 'Torque wrench', de: 'Drehmomentschlüssel' },
    description: {
      en: 'Click-type torque wrench with calibration certificate.',
      de: 'Knick-Drehmomentschlüssel mit Kalibrierschein.',
    },
    attributes: { brand: 'Stahlwerk', certifications: ['ISO 6789'] },
    variants: [
      { key: '40-200', attributes: { torque_nm: '40-200' }, priceMinor: 18_900 },
      { key: '60-340', attributes: { torque_nm: '60-340' }, priceMinor: 24_900 },
    ],
  },
  {
    key: 'measuring-tape',
    category: 'measuring',
    // de-CH writes "ss" for "ß": its own translation, where other products fall back to de
    name: { en: 'Measuring tape', de: 'Maßband', 'de-CH': 'Massband' },
    description: {
      en: 'Steel blade with magnetic hook.',
      de: 'Stahlmaßband mit Magnethaken.',
      'de-CH': 'Stahlmassband mit Magnethaken.',
    },
    attributes: { brand: 'Messfix', material: 'steel' },
    locales: ['en', 'de', 'de-CH'],
    variants: [
      { key: '5m', attributes: { length_m: 5 }, priceMinor: 1_250 },
      { key: '8m', attributes: { length_m: 8 }, priceMinor: 1_690 },
    ],
  },
  {
    key: 'nitrile-gloves',
    category: 'gloves',
    name: { en: 'Nitrile gloves', de: 'Nitrilhandschuhe' },
    description: { en: 'Powder-free, box of 100.', de: 'Puderfrei, Box mit 100 Stück.' },
    attributes: { brand: 'SafeHand', food_safe: true, certifications: ['EN 374', 'EN 455'] },
    variants: [
      { key: 'm', attributes: { size: 'M', pack_size: 100 }, priceMinor: 1_190 },
      { key: 'l', attributes: { size: 'L', pack_size: 100 }, priceMinor: 1_190 },
    ],
  },
  {
    key: 'safety-goggles',
    category: 'eye-protection',
    // only in the tenant's own language: pages in other locales fall back to the tenant's default locale
    name: { en: 'Safety goggles', de: 'Schutzbrille' },
    description: { en: 'Anti-fog, fits over glasses.', de: 'Beschlagfrei, über Brillen tragbar.' },
    attributes: { brand: 'SafeHand', certifications: ['EN 166'] },
    locales: 'tenant',
    variants: [
      { key: 'clear', attributes: { lens: 'clear' }, priceMinor: 890 },
      { key: 'tinted', attributes: { lens: 'tinted' }, priceMinor: 1_090 },
    ],
  },
  {
    key: 'ball-valve',
    category: 'valves',
    name: { en: 'Stainless steel ball valve', de: 'Edelstahl-Kugelhahn' },
    description: {
      en: 'Full bore, female thread, PN 63.',
      de: 'Voller Durchgang, Innengewinde, PN 63.',
    },
    attributes: { brand: 'Flowtec', material: 'stainless steel 1.4408', food_safe: true },
    variants: [
      { key: 'dn15', attributes: { nominal_diameter: 'DN15' }, priceMinor: 2_450 },
      { key: 'dn25', attributes: { nominal_diameter: 'DN25' }, priceMinor: 4_190 },
    ],
  },
];

export interface DemoVariant {
  variantId: string;
  sku: string;
  productId: string;
  /** Base price in the home currency, in minor units. */
  priceMinor: number;
}

export interface DemoCatalog {
  productIds: Record<string, string>;
  /** By `<product key>/<variant key>`. */
  variants: Record<string, DemoVariant>;
  warehouseIds: string[];
  categoryIds: Record<string, string>;
}

/** Price in `currency` of a home price in minor units, rounded to the currency's minor units (half up). */
export function convert(homeMinor: number, home: Currency, currency: Currency): string {
  const minor = Math.round((homeMinor / 10 ** home.minorUnits) * currency.rate * 10 ** currency.minorUnits);
  return money(minor, currency.minorUnits);
}

/** `percent` off a price in minor units, rounded to the minor unit. */
function off(minor: number, percent: number): number {
  return Math.round((minor * (100 - percent)) / 100);
}

export async function buildCatalog(
  session: DemoSession,
  tenant: TenantSpec,
  accounts: DemoAccounts,
): Promise<DemoCatalog> {
  return session.as({ tenantId: tenant.tenantId, userId: accounts.catalogStaffId }, async (c) => {
    // multi-row VALUES, not INSERT ... SELECT from unnest(): Citus sends the rows of an INSERT ... SELECT it
    // cannot push down to one shard with COPY, which row-level security refuses for b2b_app (0A000)
    const rows = ATTRIBUTES.map((_, i) => `($${3 * i + 1}, $${3 * i + 2}, $${3 * i + 3})`).join(', ');
    await c.query(
      `insert into catalog.attribute_definitions (attribute_key, data_type, unit) values ${rows}`,
      ATTRIBUTES.flatMap((a) => [a.key, a.type, a.unit]),
    );

    const categoryIds: Record<string, string> = {};
    for (const cat of CATEGORIES) {
      const created = await createCategory(c, {
        categoryId: idOf(tenant, `category/${cat.key}`),
        parentCategoryId: cat.parent ? categoryIds[cat.parent] : null,
      });
      categoryIds[cat.key] = created.category_id;
      for (const locale of ['en', 'de'] as const) {
        await upsertCategoryTranslation(c, {
          categoryId: created.category_id,
          locale,
          name: cat.name[locale],
          slug: cat.slug[locale],
        });
      }
    }

    // products and their translations, each kind in one statement (the bulk upserts an import uses)
    const productIds: Record<string, string> = {};
    const variants: Record<string, DemoVariant> = {};
    const language: Locale = tenant.locale.split('-')[0] === 'de' ? 'de' : 'en';
    const slugOf = (p: ProductSpec, locale: string) =>
      `${p.key}-${tenant.skuPrefix.toLowerCase()}${locale === 'en' ? '' : `-${locale.toLowerCase()}`}`;
    for (const p of PRODUCTS) productIds[p.key] = idOf(tenant, `product/${p.key}`);
    await upsertProducts(
      c,
      PRODUCTS.map((p) => ({
        productId: productIds[p.key] as string,
        attributes: p.attributes as Attributes,
      })),
    );
    await upsertProductTranslations(
      c,
      PRODUCTS.flatMap((p) =>
        (p.locales === 'tenant' ? [language] : (p.locales ?? (['en', 'de'] as const))).map((locale) => ({
          productId: productIds[p.key] as string,
          locale,
          name: p.name[locale] ?? p.name.de,
          slug: slugOf(p, locale),
          description: p.description[locale] ?? p.description.de,
        })),
      ),
    );
    for (const p of PRODUCTS) {
      const product = { product_id: productIds[p.key] as string };
      const category = categoryIds[p.category];
      if (!category) throw new Error(`demo product ${p.key}: unknown category ${p.category}`);
      await addProductToCategory(c, { categoryId: category, productId: product.product_id });
      for (const v of p.variants) {
        const sku = `${tenant.skuPrefix}-${p.key.toUpperCase()}-${v.key.toUpperCase()}`;
        const created = await createVariant(c, {
          variantId: idOf(tenant, `variant/${p.key}/${v.key}`),
          productId: product.product_id,
          sku,
          attributes: v.attributes,
        });
        variants[`${p.key}/${v.key}`] = {
          variantId: created.variant_id,
          sku,
          productId: product.product_id,
          priceMinor: v.priceMinor,
        };
      }
    }

    // two warehouses; stock is set as on hand only (reserved belongs to the orders)
    const warehouseIds: string[] = [];
    for (const w of tenant.warehouses) {
      const created = await createWarehouse(c, {
        warehouseId: idOf(tenant, `warehouse/${w.code}`),
        code: w.code,
        name: w.name,
        countryCode: w.country,
      });
      warehouseIds.push(created.warehouse_id);
    }
    const all = Object.values(variants);
    await upsertStockLevels(
      c,
      all.flatMap((v, i) =>
        warehouseIds.map((warehouseId, w) => ({
          variantId: v.variantId,
          warehouseId,
          onHand: w === 0 ? 120 + 10 * (i % 4) : 60 + 5 * (i % 3),
        })),
      ),
    );

    await buildPrices(c, tenant, accounts, all);
    return { productIds, variants, warehouseIds, categoryIds };
  });
}

type Client = Parameters<typeof upsertPrices>[0];

/**
 * Price lists and prices: base lists in the three currencies (quantity tiers [1,10) and [10,) in the home
 * currency and in yen), a customer-group list for key accounts (home currency, tiers), a company list for
 * the export company (second currency, tiers [1,10) and [10,)) and one for the Japanese company (yen, tiers [1,5), [5,20), [20,)).
 */
async function buildPrices(
  c: Client,
  tenant: TenantSpec,
  accounts: DemoAccounts,
  variants: readonly DemoVariant[],
): Promise<void> {
  const { home, second, yen } = tenant;
  const list = async (
    key: string,
    name: string,
    currency: Currency,
    target:
      | { scope: 'base' }
      | { scope: 'customer_group'; customerGroupId: string }
      | { scope: 'company'; companyId: string },
    priority = 0,
  ) =>
    (
      await createPriceList(c, {
        priceListId: idOf(tenant, `price-list/${key}`),
        name,
        currency: currency.code,
        ...target,
        priority,
      })
    ).price_list_id;

  const lists = {
    baseHome: await list('base-home', `Base ${home.code}`, home, { scope: 'base' }),
    baseSecond: await list('base-second', `Base ${second.code}`, second, { scope: 'base' }),
    baseYen: await list('base-yen', 'Base JPY', yen, { scope: 'base' }),
    keyAccounts: await list('key-accounts', `Key accounts ${home.code}`, home, {
      scope: 'customer_group',
      customerGroupId: accounts.groups.keyAccounts,
    }),
    exportYen: await list('export-yen', 'Export JPY', yen, {
      scope: 'customer_group',
      customerGroupId: accounts.groups.export,
    }),
    exportCompany: await list(
      'export-company',
      `${accounts.companies.export.spec.legalName} ${second.code}`,
      second,
      {
        scope: 'company',
        companyId: accounts.companies.export.companyId,
      },
    ),
    japanCompany: await list(
      'japan-company',
      `${accounts.companies.japan.spec.legalName} JPY`,
      yen,
      {
        scope: 'company',
        companyId: accounts.companies.japan.companyId,
      },
      10,
    ),
  };

  const rows: PriceUpsert[] = [];
  const add = (
    listKey: keyof typeof lists,
    v: DemoVariant,
    currency: Currency,
    unitPrice: string,
    quantities: string,
  ) =>
    rows.push({
      priceId: idOf(tenant, `price/${listKey}/${v.sku}/${quantities}`),
      priceListId: lists[listKey],
      variantId: v.variantId,
      currency: currency.code,
      unitPrice,
      quantities,
      validDuring: '(,)',
    });
  for (const v of variants) {
    add('baseHome', v, home, money(v.priceMinor, home.minorUnits), '[1,10)');
    add('baseHome', v, home, money(off(v.priceMinor, 8), home.minorUnits), '[10,)');
    add('baseSecond', v, second, convert(v.priceMinor, home, second), '[1,)');
    add('baseYen', v, yen, convert(v.priceMinor, home, yen), '[1,10)');
    add('baseYen', v, yen, convert(off(v.priceMinor, 8), home, yen), '[10,)');
    add('keyAccounts', v, home, money(off(v.priceMinor, 5), home.minorUnits), '[1,10)');
    add('keyAccounts', v, home, money(off(v.priceMinor, 12), home.minorUnits), '[10,)');
    add('exportYen', v, yen, convert(off(v.priceMinor, 3), home, yen), '[1,)');
    add('exportCompany', v, second, convert(off(v.priceMinor, 6), home, second), '[1,10)');
    add('exportCompany', v, second, convert(off(v.priceMinor, 10), home, second), '[10,)');
    add('japanCompany', v, yen, convert(off(v.priceMinor, 5), home, yen), '[1,5)');
    add('japanCompany', v, yen, convert(off(v.priceMinor, 10), home, yen), '[5,20)');
    add('japanCompany', v, yen, convert(off(v.priceMinor, 15), home, yen), '[20,)');
  }
  await upsertPrices(c, rows);
}
