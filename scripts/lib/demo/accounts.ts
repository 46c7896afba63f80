// Accounts of one demo tenant: staff (through @b2b/tenancy), customer groups, companies in a hierarchy
// with their addresses, buyer roles and buyers with spending limits (through @b2b/accounts).
// Customer groups, group memberships and addresses have no package function: they are inserted as the
// application role, so grants, row-level security and the tables' checks apply.
import { createBuyer, createBuyerRole, createCompany } from '@b2b/accounts';
import { createStaffUser, grantRole } from '@b2b/tenancy';
import { type DemoSession, money } from './context';
import { type CompanySpec, currencyOf, idOf, type TenantSpec } from './tenants';

export interface DemoBuyer {
  buyerId: string;
  companyId: string;
  email: string;
}

export interface DemoCompany {
  spec: CompanySpec;
  companyId: string;
  currency: string;
  minorUnits: number;
}

export interface DemoAccounts {
  /** Staff who manage the catalog and who handle orders (the acting users of those writes). */
  catalogStaffId: string;
  orderStaffId: string;
  companies: Record<CompanySpec['key'], DemoCompany>;
  roles: { purchaser: string; manager: string; finance: string; admin: string };
  groups: { keyAccounts: string; export: string };
  buyers: {
    /** main: purchaser with a monthly spending limit */
    purchaser: DemoBuyer;
    /** main: purchaser with a small weekly spending limit */
    junior: DemoBuyer;
    /** main: approves tier 1 */
    manager: DemoBuyer;
    /** main: approves tier 2 */
    finance: DemoBuyer;
    parentAdmin: DemoBuyer;
    exportPurchaser: DemoBuyer;
    japanPurchaser: DemoBuyer;
    japanManager: DemoBuyer;
  };
}

export async function buildAccounts(session: DemoSession, tenant: TenantSpec): Promise<DemoAccounts> {
  const { tenantId } = tenant;
  const asOwner = { tenantId, userId: tenant.ownerId };

  // staff: a catalog manager and an order manager, created and granted by the tenant's first staff user
  const [catalogStaffId, orderStaffId] = await session.as(asOwner, async (c) => {
    const ids: string[] = [];
    for (const [who, role] of [
      ['Casey Catalog', 'catalog_manager'],
      ['Oscar Orders', 'order_manager'],
    ] as const) {
      const email = `${who.split(' ')[0]?.toLowerCase()}.${role.split('_')[0]}@${tenant.domain}`;
      const staff = await createStaffUser(c, { email, displayName: who });
      await grantRole(c, { staffUserId: staff.staff_user_id, role, grantedBy: tenant.ownerId });
      ids.push(staff.staff_user_id);
    }
    return ids as [string, string];
  });

  return session.as(asOwner, async (c) => {
    // buyer roles from named permissions
    const role = async (name: string, description: string, permissions: string[]) =>
      (await createBuyerRole(c, { name, description, permissions })).buyer_role_id;
    const roles = {
      purchaser: await role('Purchaser', 'Orders and requests quotes', ['orders.create', 'quotes.request']),
      manager: await role('Purchasing manager', 'Orders, and approves the first tier', [
        'orders.create',
        'orders.approve',
        'orders.view_all',
        'quotes.request',
      ]),
      finance: await role('Finance', 'Approves the second tier; sees invoices', [
        'orders.approve',
        'orders.view_all',
        'invoices.view',
      ]),
      admin: await role('Company admin', 'Everything a buyer may do', [
        'orders.create',
        'orders.approve',
        'orders.view_all',
        'quotes.request',
        'invoices.view',
        'addresses.manage',
        'members.manage',
      ]),
    };

    // companies: parent <- main, parent <- export <- japan (three levels)
    const companies = {} as Record<CompanySpec['key'], DemoCompany>;
    const parentOf: Record<CompanySpec['key'], CompanySpec['key'] | null> = {
      parent: null,
      main: 'parent',
      export: 'parent',
      japan: 'export',
    };
    for (const spec of tenant.companies) {
      const currency = currencyOf(tenant, spec.currency);
      const parentKey = parentOf[spec.key];
      const created = await createCompany(c, {
        companyId: idOf(tenant, `company/${spec.key}`),
        parentCompanyId: parentKey ? companies[parentKey].companyId : null,
        legalName: spec.legalName,
        taxId: spec.taxId,
        defaultCurrency: currency.code,
        defaultLocale: spec.locale,
        paymentTermsDays: spec.paymentTermsDays,
        creditLimit:
          spec.creditLimitMinor === null ? null : money(spec.creditLimitMinor, currency.minorUnits),
      });
      companies[spec.key] = {
        spec,
        companyId: created.company_id,
        currency: currency.code,
        minorUnits: currency.minorUnits,
      };
      // a default billing and a default shipping address (orders snapshot them)
      for (const kind of ['billing', 'shipping'] as const) {
        await c.query(
          `insert into accounts.addresses (address_id, company_id, kind, is_default, label, recipient, line1,
             locality, postal_code, country_code)
           values ($1, $2, $3, true, $4, $5, $6, $7, $8, $9)`,
          [
            idOf(tenant, `address/${spec.key}/${kind}`),
            created.company_id,
            kind,
            kind === 'billing' ? 'Accounts payable' : 'Goods receiving',
            spec.legalName,
            kind === 'billing' ? spec.street : `Dock 3, ${spec.street}`,
            spec.city,
            spec.postalCode,
            spec.country,
          ],
        );
      }
    }

    // customer groups (their price lists are in catalog.ts)
    const groups = { keyAccounts: idOf(tenant, 'group/key-accounts'), export: idOf(tenant, 'group/export') };
    await c.query(
      `insert into accounts.customer_groups (customer_group_id, name, description)
       values ($1, 'Key accounts', 'Volume customers: group prices in the home currency'),
              ($2, 'Export', 'Customers abroad: group prices in yen')`,
      [groups.keyAccounts, groups.export],
    );
    await c.query(
      `insert into accounts.company_customer_groups (company_id, customer_group_id)
       values ($1, $3), ($2, $3), ($4, $5), ($6, $5)`,
      [
        companies.parent.companyId,
        companies.main.companyId,
        groups.keyAccounts,
        companies.export.companyId,
        groups.export,
        companies.japan.companyId,
      ],
    );

    // buyers
    const buyer = async (
      key: string,
      companyKey: CompanySpec['key'],
      roleId: string,
      fullName: string,
      limit?: { minor: number; period: 'day' | 'week' | 'month' },
    ): Promise<DemoBuyer> => {
      const target = companies[companyKey];
      const email = `${key}@${companyKey}.${tenant.domain}`;
      const created = await createBuyer(c, {
        buyerId: idOf(tenant, `buyer/${key}`),
        companyId: target.companyId,
        buyerRoleId: roleId,
        email,
        fullName,
        phone: '+15550100100',
        spendingLimit: limit ? money(limit.minor, target.minorUnits) : null,
        spendingPeriod: limit?.period ?? null,
      });
      return { buyerId: created.buyer_id, companyId: target.companyId, email };
    };
    const buyers = {
      purchaser: await buyer('pat.purchaser', 'main', roles.purchaser, 'Pat Purchaser', {
        minor: 5_000_000,
        period: 'month',
      }),
      junior: await buyer('jo.junior', 'main', roles.purchaser, 'Jo Junior', {
        minor: 50_000,
        period: 'week',
      }),
      manager: await buyer('max.manager', 'main', roles.manager, 'Max Manager'),
      finance: await buyer('fay.finance', 'main', roles.finance, 'Fay Finance'),
      parentAdmin: await buyer('ada.admin', 'parent', roles.admin, 'Ada Admin'),
      exportPurchaser: await buyer('eva.export', 'export', roles.purchaser, 'Eva Export'),
      japanPurchaser: await buyer('kenji.sato', 'japan', roles.purchaser, 'Kenji Sato'),
      japanManager: await buyer('yuki.tanaka', 'japan', roles.manager, 'Yuki Tanaka'),
    };
    return { catalogStaffId, orderStaffId, companies, roles, groups, buyers };
  });
}
