// Every public function of @b2b/tenancy, @b2b/accounts, @b2b/catalog, @b2b/orders and @b2b/audit, called
// once with the statements it sends recorded and EXPLAINed (explainEveryStatement), for the routing checks: on Citus
// (db-tests/citus/routing/) every statement must run as one task on the tenant's shard; on plain PostgreSQL
// (db-tests/routing/) every statement must name its tenant as a value. Driven by the packages' exports:
// every exported function needs a call in CALLS, so a function added later cannot skip the check.
import { randomUUID } from 'node:crypto';
import { withTenant } from '@b2b/db';
import type pg from 'pg';
import * as accounts from '../../../packages/accounts/src/index';
import * as audit from '../../../packages/audit/src/index';
import * as catalog from '../../../packages/catalog/src/index';
import * as orders from '../../../packages/orders/src/index';
import * as tenancy from '../../../packages/tenancy/src/index';
import { type ExplainedStatement, explainEveryStatement, routingProblems } from './explaining-client';

export const PACKAGES = { tenancy, accounts, catalog, orders, audit };
/** Exports that send nothing to the database (error mapping): no call, nothing to route. */
const NOT_CALLS = new Set(['mapOrdersError']);

type Client = Parameters<typeof tenancy.getCurrentTenant>[0];
/** Ids made by earlier calls, for the later ones. */
type World = Record<string, string>;
type Call = (client: Client, world: World) => Promise<unknown>;

const unique = randomUUID().slice(0, 8);
const id = (result: unknown, key: string): string => (result as Record<string, string>)[key] as string;

/** Every exported function, called once, in an order that builds what the later calls need. */
export const CALLS: Record<keyof typeof PACKAGES, Record<string, Call>> = {
  tenancy: {
    getCurrentTenant: (c) => tenancy.getCurrentTenant(c),
    updateTenantSettings: (c) => tenancy.updateTenantSettings(c, { name: `Routing ${unique}` }),
    createStaffUser: async (c, w) => {
      w.staff = id(
        await tenancy.createStaffUser(c, { email: `staff-${unique}@routing.example`, displayName: 'S' }),
        'staff_user_id',
      );
    },
    updateStaffUser: (c, w) => tenancy.updateStaffUser(c, w.staff as string, { displayName: 'Staff' }),
    grantRole: (c, w) => tenancy.grantRole(c, { staffUserId: w.staff as string, role: 'viewer' }),
    listStaffUsers: (c) => tenancy.listStaffUsers(c, { limit: 10 }),
    revokeRole: (c, w) => tenancy.revokeRole(c, { staffUserId: w.staff as string, role: 'viewer' }),
    deleteStaffUser: (c, w) => tenancy.deleteStaffUser(c, w.staff as string),
  },
  accounts: {
    createCompany: async (c, w) => {
      const company = { legalName: 'Acme', defaultCurrency: 'EUR', defaultLocale: 'en' };
      w.company = id(await accounts.createCompany(c, company), 'company_id');
      w.child = id(
        await accounts.createCompany(c, { ...company, legalName: 'Acme Sub', parentCompanyId: w.company }),
        'company_id',
      );
    },
    getCompany: (c, w) => accounts.getCompany(c, w.company as string),
    listCompanies: (c) => accounts.listCompanies(c, { limit: 10 }),
    updateCompany: (c, w) => accounts.updateCompany(c, w.company as string, { paymentTermsDays: 45 }),
    setParentCompany: (c, w) => accounts.setParentCompany(c, w.child as string, null),
    upsertCompanies: (c) =>
      accounts.upsertCompanies(c, [
        {
          companyId: randomUUID(),
          parentCompanyId: null,
          legalName: 'Imported',
          taxId: null,
          defaultCurrency: 'EUR',
          defaultLocale: 'en',
          paymentTermsDays: 30,
          creditLimit: null,
          status: 'active',
        },
      ]),
    createBuyerRole: async (c, w) => {
      w.role = id(
        await accounts.createBuyerRole(c, { name: 'Purchaser', permissions: ['orders.create'] }),
        'buyer_role_id',
      );
    },
    createBuyer: async (c, w) => {
      const buyer = {
        companyId: w.company as string,
        buyerRoleId: w.role as string,
        email: 'ann@acme.example',
        fullName: 'Ann',
      };
      w.buyer = id(await accounts.createBuyer(c, buyer), 'buyer_id');
    },
    updateBuyer: (c, w) => accounts.updateBuyer(c, w.buyer as string, { fullName: 'Ann A.' }),
    listBuyersOfCompany: (c, w) => accounts.listBuyersOfCompany(c, w.company as string, { limit: 10 }),
    upsertBuyers: async (c, w) => {
      const [bob] = await accounts.upsertBuyers(c, [
        {
          companyId: w.company as string,
          buyerRoleId: w.role as string,
          email: 'bob@acme.example',
          fullName: 'Bob',
          phone: null,
          status: 'active',
          spendingLimit: null,
          spendingPeriod: null,
        },
      ]);
      w.bob = bob?.buyer_id ?? '';
    },
    // Bob, not the buyer the order calls act as: erasure disables the buyer.
    eraseBuyer: (c, w) => accounts.eraseBuyer(c, w.bob as string),
    assertBuyerActsForCompany: (c, w) =>
      accounts.assertBuyerActsForCompany(c, { buyerId: w.buyer as string, companyId: w.company as string }),
  },
  catalog: {
    createProduct: async (c, w) => {
      const translation = { locale: 'en', name: 'Cordless drill', slug: `cordless-drill-${unique}` };
      w.product = id(await catalog.createProduct(c, { translation }), 'product_id');
    },
    upsertProducts: (c, w) => catalog.upsertProducts(c, [{ productId: w.product as string, attributes: {} }]),
    upsertProductTranslations: (c, w) =>
      catalog.upsertProductTranslations(c, [
        {
          productId: w.product as string,
          locale: 'de',
          name: 'Akkubohrer',
          slug: `akkubohrer-${unique}`,
          description: null,
        },
      ]),
    createVariant: async (c, w) => {
      w.variant = id(
        await catalog.createVariant(c, { productId: w.product as string, sku: `DRL-${unique}` }),
        'variant_id',
      );
    },
    upsertVariants: (c, w) =>
      catalog.upsertVariants(c, [{ productId: w.product as string, sku: `DRL-${unique}-B` }]),
    createCategory: async (c, w) => {
      w.category = id(await catalog.createCategory(c), 'category_id');
      w.subcategory = id(await catalog.createCategory(c, { parentCategoryId: w.category }), 'category_id');
    },
    moveCategory: (c, w) => catalog.moveCategory(c, w.subcategory as string, null),
    upsertCategoryTranslation: (c, w) =>
      catalog.upsertCategoryTranslation(c, {
        categoryId: w.category as string,
        locale: 'en',
        name: 'Tools',
        slug: `tools-${unique}`,
      }),
    addProductToCategory: (c, w) =>
      catalog.addProductToCategory(c, { categoryId: w.category as string, productId: w.product as string }),
    createPriceList: async (c, w) => {
      w.priceList = id(
        await catalog.createPriceList(c, { name: 'Base EUR', currency: 'EUR' }),
        'price_list_id',
      );
    },
    upsertPrices: (c, w) =>
      catalog.upsertPrices(c, [
        {
          priceId: randomUUID(),
          priceListId: w.priceList as string,
          variantId: w.variant as string,
          currency: 'EUR',
          unitPrice: '99.5',
          quantities: '[1,)',
          validDuring: '(,)',
        },
      ]),
    resolvePrice: (c, w) =>
      catalog.resolvePrice(c, {
        variantId: w.variant as string,
        quantity: 2,
        viewer: { buyerId: w.buyer as string, companyId: w.company as string },
      }),
    getProductPage: (c, w) =>
      catalog.getProductPage(c, {
        productId: w.product as string,
        locale: 'de-CH',
        viewer: { buyerId: w.buyer as string, companyId: w.company as string },
      }),
    listProductsInCategory: (c, w) =>
      catalog.listProductsInCategory(c, { categoryId: w.category as string, locale: 'en', limit: 10 }),
    searchProducts: (c, w) =>
      catalog.searchProducts(c, {
        text: 'drill',
        locale: 'en',
        categoryId: w.category as string,
        viewer: { currency: 'EUR' },
        price: { min: '1', max: '1000' },
        inStock: true,
        limit: 10,
      }),
    createWarehouse: async (c, w) => {
      w.warehouse = id(
        await catalog.createWarehouse(c, { code: 'MAIN', name: 'Main', countryCode: 'DE' }),
        'warehouse_id',
      );
    },
    upsertStockLevels: (c, w) =>
      catalog.upsertStockLevels(c, [
        { variantId: w.variant as string, warehouseId: w.warehouse as string, onHand: 10 },
      ]),
    syncStockLevels: (c, w) =>
      catalog.syncStockLevels(c, [
        { variantId: w.variant as string, warehouseId: w.warehouse as string, onHand: 12 },
      ]),
    adjustStockLevels: (c, w) =>
      catalog.adjustStockLevels(c, [
        { variantId: w.variant as string, warehouseId: w.warehouse as string, delta: -1 },
      ]),
    listStockMovements: (c, w) =>
      catalog.listStockMovements(c, { variantId: w.variant as string, limit: 10 }),
    getStockByWarehouse: (c, w) => catalog.getStockByWarehouse(c, w.variant as string),
    archiveProduct: (c, w) => catalog.archiveProduct(c, w.product as string),
  },
  orders: {
    // The order world, through the packages (each step is checked too): a product of its own (the
    // catalog's was archived above), priced at 10 EUR and stocked; a buyer who may order, request quotes
    // and approve, and a second one to approve.
    placeOrder: async (c, w) => {
      const translation = { locale: 'en', name: 'Impact driver', slug: `impact-driver-${unique}` };
      w.orderProduct = id(await catalog.createProduct(c, { translation }), 'product_id');
      w.orderVariant = id(
        await catalog.createVariant(c, { productId: w.orderProduct as string, sku: `IMP-${unique}` }),
        'variant_id',
      );
      await catalog.upsertPrices(c, [
        {
          priceId: randomUUID(),
          priceListId: w.priceList as string,
          variantId: w.orderVariant,
          currency: 'EUR',
          unitPrice: '10',
          quantities: '[1,)',
          validDuring: '(,)',
        },
      ]);
      await catalog.upsertStockLevels(c, [
        { variantId: w.orderVariant, warehouseId: w.warehouse as string, onHand: 1000 },
      ]);
      const permissions = ['orders.create', 'quotes.request', 'orders.approve'];
      w.orderRole = id(await accounts.createBuyerRole(c, { name: 'Orderer', permissions }), 'buyer_role_id');
      const buyer = (email: string) => ({
        companyId: w.company as string,
        buyerRoleId: w.orderRole as string,
        email,
        fullName: email,
      });
      w.orderBuyer = id(await accounts.createBuyer(c, buyer('olga@acme.example')), 'buyer_id');
      w.approver = id(await accounts.createBuyer(c, buyer('arne@acme.example')), 'buyer_id');
      w.order = id(await placeOrderOf(c, w, 2), 'order_id');
    },
    getOrder: (c, w) => orders.getOrder(c, w.order as string),
    getOrderLines: (c, w) => orders.getOrderLines(c, w.order as string),
    getOrderHistory: (c, w) => orders.getOrderHistory(c, w.order as string),
    listOrdersOfCompany: (c, w) =>
      orders.listOrdersOfCompany(c, { companyId: w.company as string, limit: 10 }),
    createDraft: async (c, w) => {
      const draft = {
        companyId: w.company as string,
        buyerId: w.orderBuyer as string,
        currency: 'EUR',
        lines: [{ variantId: w.orderVariant as string, quantity: 1 }],
      };
      w.draft = id(await orders.createDraft(c, draft), 'order_id');
      w.draftVersion = String((await orders.getOrder(c, w.draft)).version);
    },
    updateDraft: (c, w) =>
      orders.updateDraft(c, {
        orderId: w.draft as string,
        expectedVersion: Number(w.draftVersion),
        purchaseOrderNumber: 'PO-1',
      }),
    submitOrder: (c, w) => orders.submitOrder(c, { orderId: w.draft as string }),
    cancelOrder: (c, w) => orders.cancelOrder(c, w.draft as string),
    fulfilOrder: (c, w) => orders.fulfilOrder(c, w.order as string),
    getOrderInvoices: (c, w) => orders.getOrderInvoices(c, w.order as string),
    getOpenBalance: (c, w) => orders.getOpenBalance(c, w.company as string),
    recordPayment: (c, w) =>
      orders.recordPayment(c, {
        companyId: w.company as string,
        amount: '5.00',
        currency: 'EUR',
        reference: 'wire 1',
      }),
    listReceivableEntries: (c, w) =>
      orders.listReceivableEntries(c, { companyId: w.company as string, limit: 10 }),
    requestReturn: async (c, w) => {
      w.return = id(await returnOf(c, w), 'return_id');
    },
    receiveReturn: (c, w) =>
      orders.receiveReturn(c, { returnId: w.return as string, warehouseId: w.warehouse as string }),
    cancelReturn: async (c, w) => orders.cancelReturn(c, id(await returnOf(c, w), 'return_id')),
    completeOrder: (c, w) => orders.completeOrder(c, w.order as string),
    reconcileStock: (c) => orders.reconcileStock(c),
    requestQuote: async (c, w) => {
      w.quote = id(await quoteOf(c, w), 'quote_id');
    },
    getQuoteLines: (c, w) => orders.getQuoteLines(c, w.quote as string),
    stageQuote: (c, w) => stageQuoteOf(c, w, w.quote as string),
    acceptQuote: (c, w) =>
      orders.acceptQuote(c, { quoteId: w.quote as string, buyerId: w.orderBuyer as string }),
    declineQuote: async (c, w) => {
      const quote = id(await quoteOf(c, w), 'quote_id');
      await stageQuoteOf(c, w, quote);
      return orders.declineQuote(c, { quoteId: quote, buyerId: w.orderBuyer as string });
    },
    withdrawQuote: async (c, w) => orders.withdrawQuote(c, id(await quoteOf(c, w), 'quote_id')),
    // orders of 1,000 EUR and more wait for an Orderer who did not place them
    createApprovalRule: async (c, w) => {
      const rule = {
        companyId: w.company as string,
        name: 'Big',
        minTotalAmount: '1000',
        currency: 'EUR',
        tiers: [[w.orderRole as string]],
      };
      w.rule = id(await orders.createApprovalRule(c, rule), 'approval_rule_id');
    },
    approveOrder: async (c, w) => {
      w.waiting = id(await placeOrderOf(c, w, 100), 'order_id');
      return orders.approveOrder(c, { orderId: w.waiting, approverId: w.approver as string });
    },
    getOrderApprovals: (c, w) => orders.getOrderApprovals(c, w.waiting as string),
    rejectOrder: async (c, w) => {
      const waiting = id(await placeOrderOf(c, w, 100), 'order_id');
      return orders.rejectOrder(c, { orderId: waiting, approverId: w.approver as string });
    },
    setApprovalRuleActive: (c, w) => orders.setApprovalRuleActive(c, w.rule as string, false),
  },
  // the trail of what the calls above wrote (the capture trigger's events)
  audit: {
    rowHistory: (c, w) =>
      audit.rowHistory(c, {
        table: 'accounts.companies',
        key: { company_id: w.company as string },
        limit: 10,
      }),
    changesByActor: (c) => audit.changesByActor(c, { actorUserId: randomUUID(), limit: 10 }),
    changesInRange: (c) =>
      audit.changesInRange(c, {
        from: new Date(Date.now() - 3_600_000),
        to: new Date(Date.now() + 60_000),
        limit: 10,
      }),
    getChainHead: (c) => audit.getChainHead(c),
  },
};

/** Orders helpers of the calls above (each sends package calls only). */
function placeOrderOf(c: Client, w: World, quantity: number) {
  return orders.placeOrder(c, {
    companyId: w.company as string,
    buyerId: w.orderBuyer as string,
    currency: 'EUR',
    lines: [{ variantId: w.orderVariant as string, quantity }],
    idempotencyKey: randomUUID(),
  });
}
function returnOf(c: Client, w: World) {
  return orders.requestReturn(c, {
    orderId: w.order as string,
    buyerId: w.orderBuyer as string,
    lines: [{ variantId: w.orderVariant as string, quantity: 1 }],
  });
}
function quoteOf(c: Client, w: World) {
  return orders.requestQuote(c, {
    companyId: w.company as string,
    buyerId: w.orderBuyer as string,
    currency: 'EUR',
    lines: [{ variantId: w.orderVariant as string, quantity: 3 }],
  });
}
function stageQuoteOf(c: Client, w: World, quoteId: string) {
  return orders.stageQuote(c, {
    quoteId,
    prices: [{ variantId: w.orderVariant as string, unitPrice: '9' }],
    validUntil: new Date(Date.now() + 86_400_000),
  });
}

/** The function names a module exports (classes left out). */
export const exported = (module: Record<string, unknown>): string[] =>
  Object.entries(module)
    .filter(([, v]) => typeof v === 'function' && !/^class\b/.test(Function.prototype.toString.call(v)))
    .map(([name]) => name)
    .filter((name) => !NOT_CALLS.has(name))
    .sort();

/** Exported functions without a call in CALLS, and calls of functions no longer exported. */
export function uncoveredExports(): string[] {
  return Object.entries(PACKAGES).flatMap(([pkg, module]) => {
    const calls = Object.keys(CALLS[pkg as keyof typeof PACKAGES]);
    const names = exported(module as Record<string, unknown>);
    return [
      ...names.filter((n) => !calls.includes(n)).map((n) => `@b2b/${pkg}.${n} has no call`),
      ...calls.filter((n) => !names.includes(n)).map((n) => `@b2b/${pkg}.${n} is not exported`),
    ];
  });
}

/**
 * Runs every call of CALLS in order, each in its own withTenant transaction on `pool` acting for
 * `tenantId` (a tenant with nothing in it yet), and returns the statements each sent, EXPLAINed.
 */
export async function recordEveryCall(
  pool: pg.Pool,
  tenantId: string,
): Promise<Map<string, ExplainedStatement[]>> {
  const sent = new Map<string, ExplainedStatement[]>();
  const world: World = {};
  for (const [pkg, calls] of Object.entries(CALLS))
    for (const [name, call] of Object.entries(calls)) {
      const statements: ExplainedStatement[] = [];
      try {
        await withTenant(pool, { tenantId }, async (client) => {
          const uninstall = explainEveryStatement(client, statements);
          try {
            await call(client, world);
          } finally {
            uninstall();
          }
        });
      } catch (error) {
        // name the call and the statement it failed on: a routing failure is read from this line
        const last = statements.at(-1)?.text.replace(/\s+/g, ' ').slice(0, 200) ?? '(none)';
        throw new Error(`${pkg}.${name} failed: ${(error as Error).message} (last statement: ${last})`, {
          cause: error,
        });
      }
      sent.set(`${pkg}.${name}`, statements);
    }
  return sent;
}

/** Every routing problem of the recorded statements, as `<function>: <problem>: <statement>` lines. */
export function routingReport(
  sent: Map<string, ExplainedStatement[]>,
  tenantId: string,
  citus: boolean,
  tenantFunctions: readonly string[] = [],
): string[] {
  const problems: string[] = [];
  for (const [name, statements] of sent) {
    if (statements.length === 0) problems.push(`${name}: sent no statement`);
    for (const s of statements)
      for (const problem of routingProblems(s, tenantId, citus, tenantFunctions))
        problems.push(`${name}: ${problem}: ${s.text.replace(/\s+/g, ' ').slice(0, 160)}`);
  }
  return problems;
}
