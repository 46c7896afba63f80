// @b2b/orders: orders of a tenant's companies. Every business operation is one SQL function in schema
// `orders`, called once with named arguments (placing an order is one round-trip): the rules (prices,
// idempotency, state machine, stock reservation, totals) live in the database. Every function runs inside
// withTenant() and passes that call's tenant (tenantOf(client)) to SQL as a value: the first argument
// p_tenant_id of every orders function, `tenant_id = :tenantId` in every read. On Citus that value routes
// the call to the one node that holds the tenant (the functions are distributed by it), in one round trip;
// the database refuses a tenant other than the transaction's (B2002, `tenant_argument_mismatch`), and
// row-level security still limits everything to it. A client that did not come from withTenant() throws
// InvalidTenantContextError. Errors are typed (see ./errors).
import {
  defineCursor,
  fetchSize,
  NotFoundError,
  one,
  type Page,
  pageLimit,
  type Queryable,
  tenantOf,
} from '@b2b/db';
import {
  cancelOrder as cancelOrderQuery,
  completeOrder as completeOrderQuery,
  createDraft as createDraftQuery,
  fulfilOrder as fulfilOrderQuery,
  getOrderHistory as getOrderHistoryQuery,
  getOrderLines as getOrderLinesQuery,
  getOrder as getOrderQuery,
  type IGetOrderHistoryResult,
  type IGetOrderLinesResult,
  type IPlaceOrderResult,
  listOrdersOfCompany as listOrdersOfCompanyQuery,
  placeOrder as placeOrderQuery,
  submitOrder as submitOrderQuery,
  updateDraft as updateDraftQuery,
} from '../queries/orders.queries';
import { ordersCall } from './errors';
import { type LineInput, linesJson } from './lines';

export {
  type ApprovalRule,
  approveOrder,
  createApprovalRule,
  getOrderApprovals,
  type OrderApprovalTier,
  rejectOrder,
  setApprovalRuleActive,
} from './approvals';
export {
  CreditLimitExceededError,
  InsufficientStockError,
  mapOrdersError,
  QuoteExpiredError,
  SpendingLimitExceededError,
  StaleOrderVersionError,
  TransitionNotAllowedError,
} from './errors';
export {
  acceptQuote,
  declineQuote,
  getQuoteLines,
  type Quote,
  type QuoteLine,
  requestQuote,
  stageQuote,
  withdrawQuote,
} from './quotes';
export {
  getOpenBalance,
  getOrderInvoices,
  type Invoice,
  listReceivableEntries,
  type ReceivableEntry,
  recordPayment,
} from './receivables';
export { cancelReturn, type OrderReturn, receiveReturn, requestReturn } from './returns';
export { reconcileStock, type StockDrift } from './stock';
export type { LineInput };
export { NotFoundError };

export type Order = IPlaceOrderResult;
export type OrderLine = IGetOrderLinesResult;
export type OrderTransition = IGetOrderHistoryResult;
export type OrderState =
  | 'draft'
  | 'pending_approval'
  | 'placed'
  | 'partially_fulfilled'
  | 'fulfilled'
  | 'completed'
  | 'rejected'
  | 'cancelled';

export interface PlaceOrderInput {
  companyId: string;
  buyerId: string;
  /** The company's currency (ISO 4217); another one is refused (`order_currency_mismatch`). */
  currency: string;
  lines: readonly LineInput[];
  /**
   * Client-chosen key, bound to this request: a retry with the same key and the same request returns the
   * first order; the key with another request or operation throws ConflictError `idempotency_key_reused`.
   */
  idempotencyKey: string;
  purchaseOrderNumber?: string | null;
  /** Defaults to the company's default billing / shipping address (none when it has none). */
  billingAddressId?: string | null;
  shippingAddressId?: string | null;
}

/**
 * Places an order in one database call: priced at now(), checked, stock reserved. Returns the order
 * (placed, or pending_approval when an approval rule matches). Retrying with the same idempotency key and
 * the same request (lines in any order), even concurrently, returns the first order; the key with another
 * request, or a key first used by createDraft, throws ConflictError `idempotency_key_reused` (B3004). Throws InsufficientStockError, ValidationError
 * (`price_not_found`, `order_lines_invalid`, ...), PermissionError (`order_create_not_permitted`) or a
 * buyer error (`buyer_not_in_company`, `buyer_disabled`).
 */
export async function placeOrder(client: Queryable, input: PlaceOrderInput): Promise<Order> {
  return ordersCall(async () =>
    one(
      await placeOrderQuery.run(
        {
          companyId: input.companyId,
          buyerId: input.buyerId,
          currency: input.currency,
          lines: linesJson(input.lines),
          idempotencyKey: input.idempotencyKey,
          purchaseOrderNumber: input.purchaseOrderNumber ?? null,
          billingAddressId: input.billingAddressId ?? null,
          shippingAddressId: input.shippingAddressId ?? null,
          tenantId: tenantOf(client),
        },
        client,
      ),
      'The placed order',
    ),
  );
}

/**
 * Creates a draft (orders.create_draft): priced, holds no stock; edit it with updateDraft, send it with
 * submitOrder. With an idempotency key: the same request again returns the draft; another request, or a
 * key first used by placeOrder, throws ConflictError `idempotency_key_reused` (B3004).
 */
export async function createDraft(
  client: Queryable,
  input: Omit<PlaceOrderInput, 'idempotencyKey'> & { idempotencyKey?: string | null },
): Promise<Order> {
  return ordersCall(async () =>
    one(
      await createDraftQuery.run(
        {
          companyId: input.companyId,
          buyerId: input.buyerId,
          currency: input.currency,
          lines: linesJson(input.lines),
          idempotencyKey: input.idempotencyKey ?? null,
          purchaseOrderNumber: input.purchaseOrderNumber ?? null,
          billingAddressId: input.billingAddressId ?? null,
          shippingAddressId: input.shippingAddressId ?? null,
          tenantId: tenantOf(client),
        },
        client,
      ),
      'The new draft',
    ),
  );
}

/**
 * Edits a draft read at `expectedVersion`: StaleOrderVersionError (a ConflictError, code
 * `order_version_conflict`) when it changed since. Omitted fields stay as they are.
 */
export async function updateDraft(
  client: Queryable,
  input: {
    orderId: string;
    expectedVersion: number;
    lines?: readonly LineInput[];
    purchaseOrderNumber?: string;
    billingAddressId?: string;
    shippingAddressId?: string;
  },
): Promise<Order> {
  return ordersCall(async () =>
    one(
      await updateDraftQuery.run(
        {
          orderId: input.orderId,
          expectedVersion: input.expectedVersion,
          lines: input.lines ? linesJson(input.lines) : null,
          purchaseOrderNumber: input.purchaseOrderNumber ?? null,
          billingAddressId: input.billingAddressId ?? null,
          shippingAddressId: input.shippingAddressId ?? null,
          tenantId: tenantOf(client),
        },
        client,
      ),
      `Order ${input.orderId}`,
    ),
  );
}

/** Submits a draft (optionally only if still at `expectedVersion`): re-priced at now(), checked, stock reserved. */
export async function submitOrder(
  client: Queryable,
  input: { orderId: string; expectedVersion?: number },
): Promise<Order> {
  return ordersCall(async () =>
    one(
      await submitOrderQuery.run(
        {
          orderId: input.orderId,
          expectedVersion: input.expectedVersion ?? null,
          tenantId: tenantOf(client),
        },
        client,
      ),
      `Order ${input.orderId}`,
    ),
  );
}

/**
 * Cancels an order that shipped nothing (orders.cancel_order): a draft (it holds no stock: nothing is
 * released), an order pending approval or a placed one (its reserved stock is released). Returns the
 * order, `cancelled`. TransitionNotAllowedError (`transition_not_allowed`) from any other state, a
 * cancelled order included; NotFoundError (`order_not_found`).
 */
export async function cancelOrder(client: Queryable, orderId: string): Promise<Order> {
  return ordersCall(async () =>
    one(await cancelOrderQuery.run({ orderId, tenantId: tenantOf(client) }, client), `Order ${orderId}`),
  );
}

/** Ships `lines` (default: everything outstanding) of a placed order, consuming its reserved stock. */
export async function fulfilOrder(
  client: Queryable,
  orderId: string,
  lines?: readonly LineInput[],
): Promise<Order> {
  return ordersCall(async () =>
    one(
      await fulfilOrderQuery.run(
        { orderId, lines: lines ? linesJson(lines) : null, tenantId: tenantOf(client) },
        client,
      ),
      `Order ${orderId}`,
    ),
  );
}

/** Closes a fulfilled order. */
export async function completeOrder(client: Queryable, orderId: string): Promise<Order> {
  return ordersCall(async () =>
    one(await completeOrderQuery.run({ orderId, tenantId: tenantOf(client) }, client), `Order ${orderId}`),
  );
}

/** An order's header (NotFoundError when the tenant has no such order). */
export async function getOrder(client: Queryable, orderId: string): Promise<Order> {
  return ordersCall(async () =>
    one(await getOrderQuery.run({ orderId, tenantId: tenantOf(client) }, client), `Order ${orderId}`),
  );
}

/** An order's lines, by line number. */
export async function getOrderLines(client: Queryable, orderId: string): Promise<OrderLine[]> {
  return ordersCall(() => getOrderLinesQuery.run({ orderId, tenantId: tenantOf(client) }, client));
}

/** Every state change of an order (who, when, from, to), oldest first. */
export async function getOrderHistory(client: Queryable, orderId: string): Promise<OrderTransition[]> {
  return ordersCall(() => getOrderHistoryQuery.run({ orderId, tenantId: tenantOf(client) }, client));
}

const ORDERS_PAGE = defineCursor('orders.listOrdersOfCompany', ['timestamptz', 'uuid'] as const);

/**
 * One page of a company's orders, newest first (created_at descending, then order_id descending; orders
 * placed in one transaction share created_at): `{ items, next? }`; pass `next` as `after` for the
 * following page (absent: no more). `limit` 1 to 500 (default 50; RangeError otherwise); ValidationError
 * `cursor_invalid` for a cursor this listing did not make. SQL: ListOrdersOfCompany.
 */
export async function listOrdersOfCompany(
  client: Queryable,
  page: { companyId: string; after?: string | null; limit?: number },
): Promise<Page<Order>> {
  const limit = pageLimit(page.limit, { fallback: 50, max: 500 });
  const [afterCreatedAt, afterOrderId] = ORDERS_PAGE.decode(page.after) ?? [null, null];
  return ordersCall(async () => {
    const rows = await listOrdersOfCompanyQuery.run(
      {
        companyId: page.companyId,
        afterCreatedAt,
        afterOrderId,
        limit: fetchSize(limit),
        tenantId: tenantOf(client),
      },
      client,
    );
    return ORDERS_PAGE.page(
      rows,
      limit,
      (r) => [r.cursor_created_at, r.order_id],
      ({ cursor_created_at: _, ...order }) => order,
    );
  });
}
