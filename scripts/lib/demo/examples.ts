// Three ways into the demo world that `db:up` prints: each is psql as the application role with one
// tenant set (`pnpm db:psql --tenant <slug>`), so row-level security shows that tenant's rows only.
// demo.test.ts runs every one of them against a freshly loaded demo world.
import { idOf, TENANTS, type TenantSpec } from './tenants';

export interface DemoExample {
  title: string;
  tenant: TenantSpec;
  /** One statement; single quotes only, so it can be printed inside double quotes for a shell. */
  sql: string;
}

function tenant(slug: string): TenantSpec {
  const found = TENANTS.find((t) => t.slug === slug);
  if (!found) throw new Error(`no demo tenant ${slug}`);
  return found;
}

export function demoExamples(): DemoExample[] {
  const nordwind = tenant('nordwind-technik');
  const acme = tenant('acme-industrial');
  return [
    {
      title: 'Orders by state for one tenant (as b2b_app: the other tenants are invisible)',
      tenant: acme,
      sql: 'select state, currency, count(*) as orders, sum(total_amount) as total from orders.orders group by state, currency order by state, currency',
    },
    {
      title:
        'A product page in de-CH for a buyer of the Swiss company at 10 units: the volume tier of its CHF company list, stock over both warehouses, the de translation as fallback',
      tenant: nordwind,
      sql: `select locale, name, sku, unit_price, currency, price_list_scope, price_quantities, available from catalog.product_page(app.current_tenant_id(), '${idOf(nordwind, 'product/combination-wrench')}', 'de-CH', '${idOf(nordwind, 'buyer/eva.export')}', '${idOf(nordwind, 'company/export')}', null, 10)`,
    },
    {
      title:
        'Open balance of every company (invoices minus payments and credit notes) against its credit limit',
      tenant: nordwind,
      sql: 'select legal_name, default_currency as currency, credit_limit, orders.open_balance(tenant_id, company_id) as open_balance from accounts.companies order by legal_name',
    },
  ];
}

/** The command line to print for an example. */
export function exampleCommand(example: DemoExample): string {
  return `pnpm db:psql --tenant ${example.tenant.slug} -c "${example.sql}"`;
}
