// Orders of one demo tenant, through @b2b/orders, each step as the user who would take it (buyers order,
// approve, request quotes and returns; the order manager ships, completes, quotes, receives returns and
// books payments): approval rules (two tiers) and their decisions, orders in every state, shipments with
// their invoices, payments, returns (received with a credit note, cancelled, requested) and quotes in
// every state but `expired` (expireDemoQuotes, after the load's transaction: a quote expires only once
// the time it was valid until has passed).
import { type Queryable, tenantOf } from '@b2b/db';
import {
  acceptQuote,
  approveOrder,
  cancelOrder,
  cancelReturn,
  completeOrder,
  createApprovalRule,
  createDraft,
  declineQuote,
  fulfilOrder,
  getOrderInvoices,
  type LineInput,
  placeOrder,
  receiveReturn,
  recordPayment,
  rejectOrder,
  requestQuote,
  requestReturn,
  stageQuote,
  updateDraft,
  withdrawQuote,
} from '@b2b/orders';
import type { DemoAccounts, DemoBuyer, DemoCompany } from './accounts';
import type { DemoCatalog } from './catalog';
import { type Actor, type DemoSession, money } from './context';
import type { TenantSpec } from './tenants';

export interface DemoOrders {
  /** When the quote staged to expire stops being valid: expireDemoQuotes must run after it. */
  expiringAt: Date;
}

/** An amount as the database prints it (numeric(19,4)) in the currency's minor units: '12.3400' -> '12.34'. */
export function inMinorUnits(amount: string, minorUnits: number): string {
  const [whole, fraction = ''] = amount.split('.');
  const kept = fraction.slice(0, minorUnits).padEnd(minorUnits, '0');
  if (/[^0]/.test(fraction.slice(minorUnits))) {
    throw new RangeError(`${amount} has more decimals than the currency's ${minorUnits}`);
  }
  return minorUnits === 0 ? `${whole}` : `${whole}.${kept}`;
}

export async function buildOrders(
  session: DemoSession,
  tenant: TenantSpec,
  accounts: DemoAccounts,
  catalog: DemoCatalog,
): Promise<DemoOrders> {
  const { tenantId } = tenant;
  const { companies, buyers, roles } = accounts;
  const staff: Actor = { tenantId, userId: accounts.orderStaffId };
  const as = <T>(who: DemoBuyer | Actor, fn: (c: Queryable) => Promise<T>) =>
    session.as('buyerId' in who ? { tenantId, userId: who.buyerId } : who, fn);
  const v = (key: string): string => {
    const variant = catalog.variants[key];
    if (!variant) throw new Error(`demo order: unknown variant ${key}`);
    return variant.variantId;
  };
  const lines = (...items: [string, number][]): LineInput[] =>
    items.map(([key, quantity]) => ({ variantId: v(key), quantity }));
  let keys = 0;
  const place = (buyer: DemoBuyer, company: DemoCompany, items: LineInput[], po: string) =>
    as(buyer, (c) =>
      placeOrder(c, {
        companyId: company.companyId,
        buyerId: buyer.buyerId,
        currency: company.currency,
        lines: items,
        // one key per request: a key is bound to the request it was first used for
        idempotencyKey: `demo-${tenant.slug}-${++keys}`,
        purchaseOrderNumber: po,
      }),
    );
  const expectState = (order: { order_id: string; state: string }, state: string, what: string) => {
    if (order.state !== state) throw new Error(`demo order "${what}" is ${order.state}, expected ${state}`);
  };
  const pay = async (company: DemoCompany, orderId: string, reference: string, part?: string) => {
    // the largest invoice: shipments of one transaction share issued_at, so "the first" would be by chance
    const [invoice] = (await as(staff, (c) => getOrderInvoices(c, orderId))).sort(
      (a, b) => Number(b.amount) - Number(a.amount),
    );
    if (!invoice) throw new Error(`demo payment ${reference}: the order has no invoice`);
    await as(staff, (c) =>
      recordPayment(c, {
        companyId: company.companyId,
        amount: part ?? inMinorUnits(invoice.amount, company.minorUnits),
        currency: company.currency,
        reference,
        invoiceId: invoice.invoice_id,
      }),
    );
  };
  const { main, parent, japan } = companies;
  const home = (minor: number) => money(minor, main.minorUnits);

  // approval rules: main, orders from 1,000 (home currency) need a purchasing manager, then finance;
  // japan, orders from 200,000 JPY need its purchasing manager
  await as({ tenantId, userId: tenant.ownerId }, async (c) => {
    await createApprovalRule(c, {
      companyId: main.companyId,
      name: 'Orders from 1,000',
      minTotalAmount: home(100_000),
      currency: main.currency,
      tiers: [[roles.manager], [roles.finance]],
    });
    await createApprovalRule(c, {
      companyId: japan.companyId,
      name: 'Orders from 200,000 yen',
      minTotalAmount: money(200_000, japan.minorUnits),
      currency: japan.currency,
      tiers: [[roles.manager]],
    });
  });

  const { purchaser, junior, manager, finance } = buyers;

  // draft, edited once (version 2)
  const draft = await as(purchaser, (c) =>
    createDraft(c, {
      companyId: main.companyId,
      buyerId: purchaser.buyerId,
      currency: main.currency,
      lines: lines(['combination-wrench/10', 5], ['nitrile-gloves/m', 10]),
      purchaseOrderNumber: 'PO-DRAFT-1',
    }),
  );
  await as(purchaser, (c) =>
    updateDraft(c, {
      orderId: draft.order_id,
      expectedVersion: draft.version,
      lines: lines(['combination-wrench/10', 5], ['nitrile-gloves/m', 10], ['measuring-tape/5m', 2]),
    }),
  );

  // placed
  expectState(
    await place(purchaser, main, lines(['combination-wrench/13', 4], ['safety-goggles/clear', 6]), 'PO-1001'),
    'placed',
    'placed',
  );

  // pending approval, waiting for tier 1
  expectState(
    await place(purchaser, main, lines(['torque-wrench/40-200', 6]), 'PO-1002'),
    'pending_approval',
    'tier 1',
  );

  // pending approval, tier 1 approved, waiting for tier 2
  const tier2 = await place(purchaser, main, lines(['torque-wrench/60-340', 5]), 'PO-1003');
  await as(manager, (c) =>
    approveOrder(c, {
      orderId: tier2.order_id,
      approverId: manager.buyerId,
      comment: 'Needed for the line 2 refit',
    }),
  );

  // approved by both tiers, then partly shipped (one invoice)
  const approved = await place(
    purchaser,
    main,
    lines(['torque-wrench/40-200', 4], ['ball-valve/dn25', 12]),
    'PO-1004',
  );
  await as(manager, (c) => approveOrder(c, { orderId: approved.order_id, approverId: manager.buyerId }));
  expectState(
    await as(finance, (c) => approveOrder(c, { orderId: approved.order_id, approverId: finance.buyerId })),
    'placed',
    'approved',
  );
  expectState(
    await as(staff, (c) =>
      fulfilOrder(c, approved.order_id, lines(['torque-wrench/40-200', 4], ['ball-valve/dn25', 5])),
    ),
    'partially_fulfilled',
    'partly shipped',
  );

  // rejected at tier 2
  const rejected = await place(purchaser, main, lines(['torque-wrench/60-340', 8]), 'PO-1005');
  await as(manager, (c) => approveOrder(c, { orderId: rejected.order_id, approverId: manager.buyerId }));
  expectState(
    await as(finance, (c) =>
      rejectOrder(c, {
        orderId: rejected.order_id,
        approverId: finance.buyerId,
        comment: 'Over this quarter budget',
      }),
    ),
    'rejected',
    'rejected',
  );

  // fulfilled in one shipment, partly paid
  const fulfilled = await place(junior, main, lines(['combination-wrench/17', 3]), 'PO-1006');
  expectState(await as(staff, (c) => fulfilOrder(c, fulfilled.order_id)), 'fulfilled', 'fulfilled');
  await pay(main, fulfilled.order_id, 'Bank transfer 2026-001 (part)', home(1_000));

  // completed after two shipments; the larger invoice paid; one return received (credit note), one
  // cancelled, one still requested
  const completed = await place(
    purchaser,
    main,
    lines(['ball-valve/dn15', 10], ['nitrile-gloves/l', 20]),
    'PO-1007',
  );
  await as(staff, (c) => fulfilOrder(c, completed.order_id, lines(['ball-valve/dn15', 10])));
  await as(staff, (c) => fulfilOrder(c, completed.order_id));
  expectState(await as(staff, (c) => completeOrder(c, completed.order_id)), 'completed', 'completed');
  await pay(main, completed.order_id, 'Bank transfer 2026-002');
  const received = await as(purchaser, (c) =>
    requestReturn(c, {
      orderId: completed.order_id,
      buyerId: purchaser.buyerId,
      lines: lines(['nitrile-gloves/l', 4]),
      reason: 'Boxes damaged in transit',
    }),
  );
  const warehouse = catalog.warehouseIds[1] ?? catalog.warehouseIds[0];
  if (!warehouse) throw new Error('demo return: no warehouse');
  await as(staff, (c) => receiveReturn(c, { returnId: received.return_id, warehouseId: warehouse }));
  const dropped = await as(purchaser, (c) =>
    requestReturn(c, {
      orderId: completed.order_id,
      buyerId: purchaser.buyerId,
      lines: lines(['ball-valve/dn15', 1]),
      reason: 'Ordered one too many',
    }),
  );
  await as(purchaser, (c) => cancelReturn(c, dropped.return_id));
  await as(purchaser, (c) =>
    requestReturn(c, {
      orderId: completed.order_id,
      buyerId: purchaser.buyerId,
      lines: lines(['nitrile-gloves/l', 2]),
      reason: 'Wrong size',
    }),
  );

  // cancelled: once placed, once while waiting for approval
  const cancelled = await place(purchaser, main, lines(['measuring-tape/8m', 3]), 'PO-1008');
  expectState(await as(purchaser, (c) => cancelOrder(c, cancelled.order_id)), 'cancelled', 'cancelled');
  const withdrawn = await place(purchaser, main, lines(['torque-wrench/40-200', 7]), 'PO-1009');
  expectState(
    await as(purchaser, (c) => cancelOrder(c, withdrawn.order_id)),
    'cancelled',
    'cancelled pending',
  );

  // the parent company: a volume order at its key-account tier, shipped
  const volume = await place(buyers.parentAdmin, parent, lines(['nitrile-gloves/m', 30]), 'HQ-77');
  await as(staff, (c) => fulfilOrder(c, volume.order_id));

  // the export company, in the second currency: shipped and paid in full
  const exported = await place(
    buyers.exportPurchaser,
    companies.export,
    lines(['combination-wrench/13', 10], ['measuring-tape/5m', 4]),
    'EX-2026-14',
  );
  await as(staff, (c) => fulfilOrder(c, exported.order_id));
  await pay(companies.export, exported.order_id, 'SWIFT 2026-EX-14');

  // the Japanese company, in yen (0 minor units): approved, shipped, paid, completed; and one placed
  const yen = await place(buyers.japanPurchaser, japan, lines(['torque-wrench/40-200', 12]), 'JP-0042');
  expectState(yen, 'pending_approval', 'yen approval');
  await as(buyers.japanManager, (c) =>
    approveOrder(c, { orderId: yen.order_id, approverId: buyers.japanManager.buyerId }),
  );
  await as(staff, (c) => fulfilOrder(c, yen.order_id));
  await pay(japan, yen.order_id, 'Furikomi 2026-0042');
  await as(staff, (c) => completeOrder(c, yen.order_id));
  expectState(
    await place(buyers.japanPurchaser, japan, lines(['nitrile-gloves/m', 3]), 'JP-0043'),
    'placed',
    'yen placed',
  );

  return buildQuotes(session, tenant, accounts, catalog, staff, lines);
}

async function buildQuotes(
  session: DemoSession,
  tenant: TenantSpec,
  accounts: DemoAccounts,
  catalog: DemoCatalog,
  staff: Actor,
  lines: (...items: [string, number][]) => LineInput[],
): Promise<DemoOrders> {
  const { tenantId } = tenant;
  const main = accounts.companies.main;
  const buyer = accounts.buyers.purchaser;
  const asBuyer = <T>(fn: (c: Queryable) => Promise<T>) =>
    session.as({ tenantId, userId: buyer.buyerId }, fn);
  const asStaff = <T>(fn: (c: Queryable) => Promise<T>) => session.as(staff, fn);
  const request = (items: LineInput[], note: string) =>
    asBuyer((c) =>
      requestQuote(c, {
        companyId: main.companyId,
        buyerId: buyer.buyerId,
        currency: main.currency,
        lines: items,
        note,
      }),
    );
  // the seller quotes 20 % off the list price, in the company's minor units
  const stage = (quoteId: string, items: LineInput[], validUntil: Date) =>
    asStaff((c) =>
      stageQuote(c, {
        quoteId,
        validUntil,
        prices: items.map((l) => {
          const variant = Object.values(catalog.variants).find((x) => x.variantId === l.variantId);
          if (!variant) throw new Error('demo quote: unknown variant');
          return {
            variantId: l.variantId,
            unitPrice: money(Math.round(variant.priceMinor * 0.8), main.minorUnits),
          };
        }),
      }),
    );
  const { rows } = await session.client.query<{ month: Date }>("select now() + interval '30 days' as month");
  const month = rows[0]?.month ?? new Date();

  // requested, not yet quoted
  await request(lines(['ball-valve/dn25', 50]), 'Annual volume for the plant expansion');

  // quoted, valid for a month
  const quotedLines = lines(['torque-wrench/60-340', 20]);
  const quoted = await request(quotedLines, 'Tools for the new service team');
  await stage(quoted.quote_id, quotedLines, month);

  // accepted: an order at the quoted prices
  const acceptedLines = lines(['combination-wrench/10', 40]);
  const accepted = await request(acceptedLines, 'Wrenches for the apprentices');
  await stage(accepted.quote_id, acceptedLines, month);
  await asBuyer((c) =>
    acceptQuote(c, { quoteId: accepted.quote_id, buyerId: buyer.buyerId, purchaseOrderNumber: 'PO-Q-1' }),
  );

  // declined
  const declinedLines = lines(['measuring-tape/8m', 25]);
  const declined = await request(declinedLines, 'Tapes for the site teams');
  await stage(declined.quote_id, declinedLines, month);
  await asBuyer((c) => declineQuote(c, { quoteId: declined.quote_id, buyerId: buyer.buyerId }));

  // withdrawn before it was quoted
  const withdrawn = await request(lines(['safety-goggles/tinted', 30]), 'Goggles for the summer shift');
  await asStaff((c) => withdrawQuote(c, withdrawn.quote_id));

  // quoted for one second: expireDemoQuotes marks it expired after the load
  const expiringLines = lines(['nitrile-gloves/m', 100]);
  const expiring = await request(expiringLines, 'Gloves, price for this week only');
  // two seconds from the clock, not from the load transaction's now(): on Citus stage_quote runs on the
  // tenant's worker, whose now() is the start of its own part of the transaction (later than the
  // coordinator's, by the seconds the earlier tenants took), and a quote must be valid past that
  const soon = new Date(Date.now() + 2000);
  await stage(expiring.quote_id, expiringLines, soon);
  return { expiringAt: soon };
}

/** The scheduled job's step (orders.expire_quotes, no package function exists) for one tenant. */
export async function expireDemoQuotes(client: Queryable): Promise<number> {
  const { rows } = await client.query<{ expired: number }>('select orders.expire_quotes($1) as expired', [
    tenantOf(client),
  ]);
  return rows[0]?.expired ?? 0;
}
