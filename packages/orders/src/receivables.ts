// Invoices and receivables: fulfilment issues the invoices (in the database); here they are read, payments
// are recorded, and a company's open balance (what its credit limit is checked against) is asked for.
import { one, pageLimit, type Queryable } from '@b2b/db';
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

/** One page of a company's ledger, newest first; pass the last entryId for the next page. */
export async function listReceivableEntries(
  client: Queryable,
  page: { companyId: string; beforeEntryId?: string; limit?: number },
): Promise<ReceivableEntry[]> {
  const limit = pageLimit(page.limit, { fallback: 50, max: 500 });
  return ordersCall(() =>
    listReceivableEntriesQuery.run(
      { companyId: page.companyId, beforeEntryId: page.beforeEntryId ?? null, limit },
      client,
    ),
  );
}
