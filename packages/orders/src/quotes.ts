// Quotes (requests for quotation): the buyer requests, the seller stages prices with a valid-until date,
// the buyer accepts (an order at the quoted prices, submitted like any order) or declines. The state
// machine and the expiry rule are in the database.
import { decimalAmount, one, type Queryable, tenantOf } from '@b2b/db';
import type { IPlaceOrderResult } from '../queries/orders.queries';
import {
  acceptQuote as acceptQuoteQuery,
  declineQuote as declineQuoteQuery,
  getQuoteLines as getQuoteLinesQuery,
  type IGetQuoteLinesResult,
  type IRequestQuoteResult,
  requestQuote as requestQuoteQuery,
  stageQuote as stageQuoteQuery,
  withdrawQuote as withdrawQuoteQuery,
} from '../queries/quotes.queries';
import { ordersCall } from './errors';
import { linesJson } from './lines';

export type Quote = IRequestQuoteResult;
export type QuoteLine = IGetQuoteLinesResult;

/** A buyer asks for prices for lines (variant and quantity), in the company's currency. */
export async function requestQuote(
  client: Queryable,
  input: {
    companyId: string;
    buyerId: string;
    currency: string;
    lines: readonly { variantId: string; quantity: number }[];
    note?: string | null;
  },
): Promise<Quote> {
  const lines = linesJson(input.lines);
  return ordersCall(async () =>
    one(
      await requestQuoteQuery.run(
        { ...input, lines, note: input.note ?? null, tenantId: tenantOf(client) },
        client,
      ),
      'The new quote',
    ),
  );
}

/** The seller prices every line (decimal strings) and sets how long the prices hold (in the future). */
export async function stageQuote(
  client: Queryable,
  input: { quoteId: string; prices: readonly { variantId: string; unitPrice: string }[]; validUntil: Date },
): Promise<Quote> {
  // unit prices go as JSON numbers written from the exact decimal strings (no float in between);
  // anything but a plain decimal string is ValidationError `amount_not_decimal_string`
  const prices = `[${input.prices
    .map(
      (p) =>
        `{"variant_id":${JSON.stringify(p.variantId)},"unit_price":${decimalAmount(p.unitPrice, 'unitPrice')}}`,
    )
    .join(',')}]`;
  return ordersCall(async () =>
    one(
      await stageQuoteQuery.run(
        { quoteId: input.quoteId, prices, validUntil: input.validUntil, tenantId: tenantOf(client) },
        client,
      ),
      `Quote ${input.quoteId}`,
    ),
  );
}

/**
 * The buyer accepts the quote: returns the order at the quoted prices (placed or pending_approval).
 * QuoteExpiredError after valid_until; accepting an accepted quote returns its order.
 */
export async function acceptQuote(
  client: Queryable,
  input: {
    quoteId: string;
    buyerId: string;
    purchaseOrderNumber?: string | null;
    billingAddressId?: string | null;
    shippingAddressId?: string | null;
  },
): Promise<IPlaceOrderResult> {
  return ordersCall(async () =>
    one(
      await acceptQuoteQuery.run(
        {
          quoteId: input.quoteId,
          buyerId: input.buyerId,
          purchaseOrderNumber: input.purchaseOrderNumber ?? null,
          billingAddressId: input.billingAddressId ?? null,
          shippingAddressId: input.shippingAddressId ?? null,
          tenantId: tenantOf(client),
        },
        client,
      ),
      `Quote ${input.quoteId}`,
    ),
  );
}

/** The buyer declines the quoted prices. */
export async function declineQuote(
  client: Queryable,
  input: { quoteId: string; buyerId: string },
): Promise<Quote> {
  return ordersCall(async () =>
    one(
      await declineQuoteQuery.run({ ...input, tenantId: tenantOf(client) }, client),
      `Quote ${input.quoteId}`,
    ),
  );
}

/** Withdraws a quote before a decision, for the buyer or the seller (TransitionNotAllowedError once decided). */
export async function withdrawQuote(client: Queryable, quoteId: string): Promise<Quote> {
  return ordersCall(async () =>
    one(await withdrawQuoteQuery.run({ quoteId, tenantId: tenantOf(client) }, client), `Quote ${quoteId}`),
  );
}

/** A quote's lines, with the quoted unit prices once staged. */
export async function getQuoteLines(client: Queryable, quoteId: string): Promise<QuoteLine[]> {
  return ordersCall(() => getQuoteLinesQuery.run({ quoteId, tenantId: tenantOf(client) }, client));
}
