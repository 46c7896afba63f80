// Invoices and receivables: fulfilment issues the invoices (in the database); here they are read, payments
// are recorded, and a company's open balance (what its credit limit is checked against) is asked for.
import {
  decimalAmount,
  defineCursor,
  fetchSize,
  one,
  type Page,
  pageLimit,
  type Queryable,
  tenantOf,
} from '@b2b/db';
import {
  getOpenBalance as getOpenBalanceQuery,
  getOrderInvoices as getOrderInvoicesQuery,
  type IGetOrderInvoicesResult,
  type IRecordPaymentResult,
  listReceivableEntries as listReceivableEntriesQuery,
  recordPayment as recordPaymentQuery,
} from '../queries/receivables.queries';
import { ordersCall } from './errors';

export type Invoice = IGetOrderInvoicesResult;
export type ReceivableEntry = IRecordPaymentResult;

/** The invoices of an order (one per shipment), oldest first. */
export async function getOrderInvoices(client: Queryable, orderId: string): Promise<Invoice[]> {
  return ordersCall(() => getOrderInvoicesQuery.run({ orderId, tenantId: tenantOf(client) }, client));
}

/** A company's open balance: invoices minus payments and credit notes, as an exact decimal string. */
export async function getOpenBalance(client: Queryable, companyId: string): Promise<string> {
  return ordersCall(
    async () =>
      one(await getOpenBalanceQuery.run({ companyId, tenantId: tenantOf(client) }, client), 'The balance')
        .open_balance,
  );
}

/**
 * Records a payment in the receivables ledger (orders.record_payment): `amount` is a positive decimal
 * string in the company's currency and its minor units ("80.00" EUR, "1500" JPY). Never rounded; typed
 * ValidationErrors otherwise: `amount_not_decimal_string` (a JavaScript number, "1e-5", " 1.0 "),
 * `amount_finer_than_currency` ("0.00001" EUR, "0.5" JPY), `amount_not_finite`, `amount_out_of_range`,
 * `payment_amount_invalid` (zero or negative), `order_currency_mismatch`.
 */
export async function recordPayment(
  client: Queryable,
  payment: {
    companyId: string;
    amount: string;
    currency: string;
    reference: string;
    invoiceId?: string | null;
  },
): Promise<ReceivableEntry> {
  decimalAmount(payment.amount, 'amount');
  return ordersCall(async () =>
    one(
      await recordPaymentQuery.run(
        { ...payment, invoiceId: payment.invoiceId ?? null, tenantId: tenantOf(client) },
        client,
      ),
      'The payment',
    ),
  );
}

const LEDGER_PAGE = defineCursor('orders.listReceivableEntries', ['timestamptz', 'uuid'] as const);

/**
 * One page of a company's ledger, newest first (recorded_at descending, then entry_id descending):
 * `{ items, next? }`; pass `next` as `after` for the following page (absent: no more). `limit` 1 to 500
 * (default 50; RangeError otherwise); ValidationError `cursor_invalid` for a cursor this listing did not
 * make. Entry ids are random uuids (no sequence shared across tenants). SQL: ListReceivableEntries.
 */
export async function listReceivableEntries(
  client: Queryable,
  page: { companyId: string; after?: string | null; limit?: number },
): Promise<Page<ReceivableEntry>> {
  const limit = pageLimit(page.limit, { fallback: 50, max: 500 });
  const [afterRecordedAt, afterEntryId] = LEDGER_PAGE.decode(page.after) ?? [null, null];
  return ordersCall(async () => {
    const rows = await listReceivableEntriesQuery.run(
      {
        companyId: page.companyId,
        afterRecordedAt,
        afterEntryId,
        limit: fetchSize(limit),
        tenantId: tenantOf(client),
      },
      client,
    );
    return LEDGER_PAGE.page(
      rows,
      limit,
      (r) => [r.cursor_recorded_at, r.entry_id],
      ({ cursor_recorded_at: _, ...entry }) => entry,
    );
  });
}
