/** Types generated for queries found in "queries/receivables.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type DateOrString = Date | string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'GetOrderInvoices' parameters type */
export interface IGetOrderInvoicesParams {
  orderId: string;
  tenantId: string;
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

const getOrderInvoicesIR: any = {"usedParamSet":{"tenantId":true,"orderId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":143,"b":152}]},{"name":"orderId","required":true,"transform":{"type":"scalar"},"locs":[{"a":171,"b":179}]}],"statement":"select i.invoice_id, i.order_id, i.company_id, i.currency, i.amount, i.lines, i.issued_at, i.due_at\nfrom orders.invoices i\nwhere i.tenant_id = :tenantId! and i.order_id = :orderId!\norder by i.issued_at, i.invoice_id                                                                 "};

/**
 * Query generated from SQL:
 * ```
 * select i.invoice_id, i.order_id, i.company_id, i.currency, i.amount, i.lines, i.issued_at, i.due_at
 * from orders.invoices i
 * where i.tenant_id = :tenantId! and i.order_id = :orderId!
 * order by i.issued_at, i.invoice_id                                                                 
 * ```
 */
export const getOrderInvoices = new PreparedQuery<IGetOrderInvoicesParams,IGetOrderInvoicesResult>(getOrderInvoicesIR);


/** 'GetOpenBalance' parameters type */
export interface IGetOpenBalanceParams {
  companyId: string;
  tenantId: string;
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

const getOpenBalanceIR: any = {"usedParamSet":{"tenantId":true,"companyId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":42,"b":51}]},{"name":"companyId","required":true,"transform":{"type":"scalar"},"locs":[{"a":76,"b":86}]}],"statement":"select orders.open_balance(p_tenant_id => :tenantId!::uuid, p_company_id => :companyId!::uuid) as \"open_balance!\"                                                               "};

/**
 * Query generated from SQL:
 * ```
 * select orders.open_balance(p_tenant_id => :tenantId!::uuid, p_company_id => :companyId!::uuid) as "open_balance!"                                                               
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
  tenantId: string;
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

const recordPaymentIR: any = {"usedParamSet":{"tenantId":true,"companyId":true,"amount":true,"currency":true,"reference":true,"invoiceId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":255,"b":264}]},{"name":"companyId","required":true,"transform":{"type":"scalar"},"locs":[{"a":291,"b":301}]},{"name":"amount","required":true,"transform":{"type":"scalar"},"locs":[{"a":324,"b":331}]},{"name":"currency","required":true,"transform":{"type":"scalar"},"locs":[{"a":359,"b":368}]},{"name":"reference","required":true,"transform":{"type":"scalar"},"locs":[{"a":394,"b":404}]},{"name":"invoiceId","required":false,"transform":{"type":"scalar"},"locs":[{"a":431,"b":440}]}],"statement":"select e.entry_id as \"entry_id!\", e.company_id as \"company_id!\", e.kind as \"kind!\", e.amount as \"amount!\",\n  e.currency as \"currency!\", e.invoice_id, e.reference, e.recorded_by, e.recorded_at as \"recorded_at!\"\nfrom orders.record_payment(\n  p_tenant_id => :tenantId!::uuid,\n  p_company_id => :companyId!::uuid,\n  p_amount => :amount!::numeric,\n  p_currency => :currency!::text,\n  p_reference => :reference!::text,\n  p_invoice_id => :invoiceId::uuid\n) e                                                                                                                                                                                                                                                                                                             "};

/**
 * Query generated from SQL:
 * ```
 * select e.entry_id as "entry_id!", e.company_id as "company_id!", e.kind as "kind!", e.amount as "amount!",
 *   e.currency as "currency!", e.invoice_id, e.reference, e.recorded_by, e.recorded_at as "recorded_at!"
 * from orders.record_payment(
 *   p_tenant_id => :tenantId!::uuid,
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
  tenantId: string;
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

const listReceivableEntriesIR: any = {"usedParamSet":{"tenantId":true,"companyId":true,"afterRecordedAt":true,"afterEntryId":true,"limit":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":275,"b":284}]},{"name":"companyId","required":true,"transform":{"type":"scalar"},"locs":[{"a":305,"b":315}]},{"name":"afterRecordedAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":324,"b":339},{"a":396,"b":411}]},{"name":"afterEntryId","required":false,"transform":{"type":"scalar"},"locs":[{"a":427,"b":439}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":501,"b":507}]}],"statement":"select e.entry_id, e.company_id, e.kind, e.amount, e.currency, e.invoice_id, e.reference, e.recorded_by, e.recorded_at,\n  to_char(e.recorded_at at time zone 'utc', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') as \"cursor_recorded_at!\"\nfrom orders.receivable_entries e\nwhere e.tenant_id = :tenantId! and e.company_id = :companyId!\n  and (:afterRecordedAt::timestamptz is null or (e.recorded_at, e.entry_id) < (:afterRecordedAt::timestamptz, :afterEntryId::uuid))\norder by e.recorded_at desc, e.entry_id desc\nlimit (:limit!)::int"};

/**
 * Query generated from SQL:
 * ```
 * select e.entry_id, e.company_id, e.kind, e.amount, e.currency, e.invoice_id, e.reference, e.recorded_by, e.recorded_at,
 *   to_char(e.recorded_at at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursor_recorded_at!"
 * from orders.receivable_entries e
 * where e.tenant_id = :tenantId! and e.company_id = :companyId!
 *   and (:afterRecordedAt::timestamptz is null or (e.recorded_at, e.entry_id) < (:afterRecordedAt::timestamptz, :afterEntryId::uuid))
 * order by e.recorded_at desc, e.entry_id desc
 * limit (:limit!)::int
 * ```
 */
export const listReceivableEntries = new PreparedQuery<IListReceivableEntriesParams,IListReceivableEntriesResult>(listReceivableEntriesIR);


