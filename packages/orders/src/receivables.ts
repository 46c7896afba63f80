// Invoices and receivables: fulfilment issues the invoices (in the database); here they are read, payments
// are recorded, and a company's open balance (what its credit limit is checked against) is asked for.
import { defineCursor, fetchSize, one, type Page, pageLimit, type Queryable } from '@b2b/db';
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
  return ordersCall(() => getOrderInvoicesQuery.run({ orderId }, client));
}

/** A company's open balance: invoices minus payments and credit notes, as an exact decimal string. */
export async function getOpenBalance(client: Queryable, companyId: string): Promise<string> {
  return ordersCall(
    async () => one(await getOpenBalanceQuery.run({ companyId }, client), 'The balance').open_balance,
  );
}

/**
 * Records a payment (a positive decimal string, in the company's currency) in the receivables ledger.
 * ValidationError `payment_amount_invalid` or `order_currency_mismatch` otherwise.
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
  return ordersCall(async () =>
    one(
      await recordPaymentQuery.run({ ...payment, invoiceId: payment.invoiceId ?? null }, client),
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
      { companyId: page.companyId, afterRecordedAt, afterEntryId, limit: fetchSize(limit) },
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
