/** Types generated for queries found in "queries/receivables.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type DateOrString = Date | string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'GetOrderInvoices' parameters type */
export interface IGetOrderInvoicesParams {
  orderId: string;
}

/** 'GetOrderInvoices' return type */
export interface IGetOrderInvoicesResult {
  /** What this shipment adds to the invoiced lines, in currency and its minor units: per line, the rounded total of the units shipped so far minus that of the units shipped before (so the invoices of an order add up to its total). */
  amount: string;
  /** The invoiced company (the order's). */
  company_id: string;
  /** ISO 4217 currency (the order's). */
  currency: string;
  /** issued_at plus the order's payment_terms_days. */
  due_at: Date;
  invoice_id: string;
  /** When the invoice was issued (the shipment). */
  issued_at: Date;
  /** What was invoiced: [{variant_id, quantity, unit_price, line_total}]. */
  lines: Json;
  /** The order the shipped units belong to. */
  order_id: string;
}

/** 'GetOrderInvoices' query type */
export interface IGetOrderInvoicesQuery {
  params: IGetOrderInvoicesParams;
  result: IGetOrderInvoicesResult;
}

const getOrderInvoicesIR: any = {"usedParamSet":{"orderId":true},"params":[{"name":"orderId","required":true,"transform":{"type":"scalar"},"locs":[{"a":142,"b":150}]}],"statement":"select i.invoice_id, i.order_id, i.company_id, i.currency, i.amount, i.lines, i.issued_at, i.due_at\nfrom orders.invoices i\nwhere i.order_id = :orderId!\norder by i.issued_at, i.invoice_id                                                                 "};

/**
 * Query generated from SQL:
 * ```
 * select i.invoice_id, i.order_id, i.company_id, i.currency, i.amount, i.lines, i.issued_at, i.due_at
 * from orders.invoices i
 * where i.order_id = :orderId!
 * order by i.issued_at, i.invoice_id                                                                 
 * ```
 */
export const getOrderInvoices = new PreparedQuery<IGetOrderInvoicesParams,IGetOrderInvoicesResult>(getOrderInvoicesIR);


/** 'GetOpenBalance' parameters type */
export interface IGetOpenBalanceParams {
  companyId: string;
}

/** 'GetOpenBalance' return type */
export interface IGetOpenBalanceResult {
  open_balance: string;
}

/** 'GetOpenBalance' query type */
export interface IGetOpenBalanceQuery {
  params: IGetOpenBalanceParams;
  result: IGetOpenBalanceResult;
}

const getOpenBalanceIR: any = {"usedParamSet":{"companyId":true},"params":[{"name":"companyId","required":true,"transform":{"type":"scalar"},"locs":[{"a":27,"b":37}]}],"statement":"select orders.open_balance(:companyId!::uuid) as \"open_balance!\"                                                               "};

/**
 * Query generated from SQL:
 * ```
 * select orders.open_balance(:companyId!::uuid) as "open_balance!"                                                               
 * ```
 */
export const getOpenBalance = new PreparedQuery<IGetOpenBalanceParams,IGetOpenBalanceResult>(getOpenBalanceIR);


/** 'RecordPayment' parameters type */
export interface IRecordPaymentParams {
  amount: string;
  companyId: string;
  currency: string;
  invoiceId?: string | null | void;
  reference: string;
}

/** 'RecordPayment' return type */
export interface IRecordPaymentResult {
  amount: string;
  company_id: string;
  currency: string;
  entry_id: string;
  invoice_id: string | null;
  kind: string;
  recorded_at: Date;
  recorded_by: string | null;
  reference: string | null;
}

/** 'RecordPayment' query type */
export interface IRecordPaymentQuery {
  params: IRecordPaymentParams;
  result: IRecordPaymentResult;
}

const recordPaymentIR: any = {"usedParamSet":{"companyId":true,"amount":true,"currency":true,"reference":true,"invoiceId":true},"params":[{"name":"companyId","required":true,"transform":{"type":"scalar"},"locs":[{"a":256,"b":266}]},{"name":"amount","required":true,"transform":{"type":"scalar"},"locs":[{"a":289,"b":296}]},{"name":"currency","required":true,"transform":{"type":"scalar"},"locs":[{"a":324,"b":333}]},{"name":"reference","required":true,"transform":{"type":"scalar"},"locs":[{"a":359,"b":369}]},{"name":"invoiceId","required":false,"transform":{"type":"scalar"},"locs":[{"a":396,"b":405}]}],"statement":"select e.entry_id as \"entry_id!\", e.company_id as \"company_id!\", e.kind as \"kind!\", e.amount as \"amount!\",\n  e.currency as \"currency!\", e.invoice_id, e.reference, e.recorded_by, e.recorded_at as \"recorded_at!\"\nfrom orders.record_payment(\n  p_company_id => :companyId!::uuid,\n  p_amount => :amount!::numeric,\n  p_currency => :currency!::text,\n  p_reference => :reference!::text,\n  p_invoice_id => :invoiceId::uuid\n) e                                                                                                                                                                                                                                                                                                             "};

/**
 * Query generated from SQL:
 * ```
 * select e.entry_id as "entry_id!", e.company_id as "company_id!", e.kind as "kind!", e.amount as "amount!",
 *   e.currency as "currency!", e.invoice_id, e.reference, e.recorded_by, e.recorded_at as "recorded_at!"
 * from orders.record_payment(
 *   p_company_id => :companyId!::uuid,
 *   p_amount => :amount!::numeric,
 *   p_currency => :currency!::text,
 *   p_reference => :reference!::text,
 *   p_invoice_id => :invoiceId::uuid
 * ) e                                                                                                                                                                                                                                                                                                             
 * ```
 */
export const recordPayment = new PreparedQuery<IRecordPaymentParams,IRecordPaymentResult>(recordPaymentIR);


/** 'ListReceivableEntries' parameters type */
export interface IListReceivableEntriesParams {
  afterEntryId?: string | null | void;
  afterRecordedAt?: DateOrString | null | void;
  companyId: string;
  limit: number;
}

/** 'ListReceivableEntries' return type */
export interface IListReceivableEntriesResult {
  /** Positive amount in currency and its minor units; kind gives the direction. */
  amount: string;
  /** The company whose balance the entry changes. */
  company_id: string;
  /** ISO 4217 currency: the company's. */
  currency: string;
  cursor_recorded_at: string;
  /** Random id of the entry (gen_random_uuid(): from no sequence shared across tenants). Not an order: the ledger is ordered by (recorded_at, entry_id). */
  entry_id: string;
  /** The invoice issued (kind invoice) or paid or credited, when known. */
  invoice_id: string | null;
  /** invoice (raises the balance), payment or credit_note (lower it). */
  kind: string;
  /** When the entry was recorded (clock_timestamp(): the moment of the insert, so entries of one transaction keep their order). The ledger is ordered by (recorded_at, entry_id). */
  recorded_at: Date;
  /** The acting user (app.current_user_id()) who recorded the entry. */
  recorded_by: string | null;
  /** Payment reference (bank transfer id) or credit note reason. */
  reference: string | null;
}

/** 'ListReceivableEntries' query type */
export interface IListReceivableEntriesQuery {
  params: IListReceivableEntriesParams;
  result: IListReceivableEntriesResult;
}

const listReceivableEntriesIR: any = {"usedParamSet":{"companyId":true,"afterRecordedAt":true,"afterEntryId":true,"limit":true},"params":[{"name":"companyId","required":true,"transform":{"type":"scalar"},"locs":[{"a":276,"b":286}]},{"name":"afterRecordedAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":295,"b":310},{"a":367,"b":382}]},{"name":"afterEntryId","required":false,"transform":{"type":"scalar"},"locs":[{"a":398,"b":410}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":472,"b":478}]}],"statement":"select e.entry_id, e.company_id, e.kind, e.amount, e.currency, e.invoice_id, e.reference, e.recorded_by, e.recorded_at,\n  to_char(e.recorded_at at time zone 'utc', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') as \"cursor_recorded_at!\"\nfrom orders.receivable_entries e\nwhere e.company_id = :companyId!\n  and (:afterRecordedAt::timestamptz is null or (e.recorded_at, e.entry_id) < (:afterRecordedAt::timestamptz, :afterEntryId::uuid))\norder by e.recorded_at desc, e.entry_id desc\nlimit (:limit!)::int"};

/**
 * Query generated from SQL:
 * ```
 * select e.entry_id, e.company_id, e.kind, e.amount, e.currency, e.invoice_id, e.reference, e.recorded_by, e.recorded_at,
 *   to_char(e.recorded_at at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursor_recorded_at!"
 * from orders.receivable_entries e
 * where e.company_id = :companyId!
 *   and (:afterRecordedAt::timestamptz is null or (e.recorded_at, e.entry_id) < (:afterRecordedAt::timestamptz, :afterEntryId::uuid))
 * order by e.recorded_at desc, e.entry_id desc
 * limit (:limit!)::int
 * ```
 */
export const listReceivableEntries = new PreparedQuery<IListReceivableEntriesParams,IListReceivableEntriesResult>(listReceivableEntriesIR);


