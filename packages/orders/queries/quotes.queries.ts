/** Types generated for queries found in "queries/quotes.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type DateOrString = Date | string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'RequestQuote' parameters type */
export interface IRequestQuoteParams {
  buyerId: string;
  companyId: string;
  currency: string;
  lines: Json;
  note?: string | null | void;
  tenantId: string;
}

/** 'RequestQuote' return type */
export interface IRequestQuoteResult {
  buyer_id: string;
  company_id: string;
  created_at: Date;
  currency: string;
  decided_at: Date | null;
  note: string | null;
  quote_id: string;
  quoted_at: Date | null;
  quoted_by: string | null;
  state: string;
  valid_until: Date | null;
}

/** 'RequestQuote' query type */
export interface IRequestQuoteQuery {
  params: IRequestQuoteParams;
  result: IRequestQuoteResult;
}

const requestQuoteIR: any = {"usedParamSet":{"tenantId":true,"companyId":true,"buyerId":true,"currency":true,"lines":true,"note":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":281,"b":290}]},{"name":"companyId","required":true,"transform":{"type":"scalar"},"locs":[{"a":317,"b":327}]},{"name":"buyerId","required":true,"transform":{"type":"scalar"},"locs":[{"a":352,"b":360}]},{"name":"currency","required":true,"transform":{"type":"scalar"},"locs":[{"a":385,"b":394}]},{"name":"lines","required":true,"transform":{"type":"scalar"},"locs":[{"a":416,"b":422}]},{"name":"note","required":false,"transform":{"type":"scalar"},"locs":[{"a":444,"b":448}]}],"statement":"select q.quote_id as \"quote_id!\", q.company_id as \"company_id!\", q.buyer_id as \"buyer_id!\",\n  q.currency as \"currency!\", q.state as \"state!\", q.note, q.valid_until, q.quoted_at, q.quoted_by,\n  q.decided_at, q.created_at as \"created_at!\"\nfrom orders.request_quote(\n  p_tenant_id => :tenantId!::uuid,\n  p_company_id => :companyId!::uuid,\n  p_buyer_id => :buyerId!::uuid,\n  p_currency => :currency!::text,\n  p_lines => :lines!::jsonb,\n  p_note => :note::text\n) q                                                                                                        "};

/**
 * Query generated from SQL:
 * ```
 * select q.quote_id as "quote_id!", q.company_id as "company_id!", q.buyer_id as "buyer_id!",
 *   q.currency as "currency!", q.state as "state!", q.note, q.valid_until, q.quoted_at, q.quoted_by,
 *   q.decided_at, q.created_at as "created_at!"
 * from orders.request_quote(
 *   p_tenant_id => :tenantId!::uuid,
 *   p_company_id => :companyId!::uuid,
 *   p_buyer_id => :buyerId!::uuid,
 *   p_currency => :currency!::text,
 *   p_lines => :lines!::jsonb,
 *   p_note => :note::text
 * ) q                                                                                                        
 * ```
 */
export const requestQuote = new PreparedQuery<IRequestQuoteParams,IRequestQuoteResult>(requestQuoteIR);


/** 'StageQuote' parameters type */
export interface IStageQuoteParams {
  prices: Json;
  quoteId: string;
  tenantId: string;
  validUntil: DateOrString;
}

/** 'StageQuote' return type */
export interface IStageQuoteResult {
  buyer_id: string;
  company_id: string;
  created_at: Date;
  currency: string;
  decided_at: Date | null;
  note: string | null;
  quote_id: string;
  quoted_at: Date | null;
  quoted_by: string | null;
  state: string;
  valid_until: Date | null;
}

/** 'StageQuote' query type */
export interface IStageQuoteQuery {
  params: IStageQuoteParams;
  result: IStageQuoteResult;
}

const stageQuoteIR: any = {"usedParamSet":{"tenantId":true,"quoteId":true,"prices":true,"validUntil":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":276,"b":285}]},{"name":"quoteId","required":true,"transform":{"type":"scalar"},"locs":[{"a":308,"b":316}]},{"name":"prices","required":true,"transform":{"type":"scalar"},"locs":[{"a":337,"b":344}]},{"name":"validUntil","required":true,"transform":{"type":"scalar"},"locs":[{"a":371,"b":382}]}],"statement":"select q.quote_id as \"quote_id!\", q.company_id as \"company_id!\", q.buyer_id as \"buyer_id!\",\n  q.currency as \"currency!\", q.state as \"state!\", q.note, q.valid_until, q.quoted_at, q.quoted_by,\n  q.decided_at, q.created_at as \"created_at!\"\nfrom orders.stage_quote(p_tenant_id => :tenantId!::uuid, p_quote_id => :quoteId!::uuid, p_prices => :prices!::jsonb, p_valid_until => :validUntil!::timestamptz) q                                                                             "};

/**
 * Query generated from SQL:
 * ```
 * select q.quote_id as "quote_id!", q.company_id as "company_id!", q.buyer_id as "buyer_id!",
 *   q.currency as "currency!", q.state as "state!", q.note, q.valid_until, q.quoted_at, q.quoted_by,
 *   q.decided_at, q.created_at as "created_at!"
 * from orders.stage_quote(p_tenant_id => :tenantId!::uuid, p_quote_id => :quoteId!::uuid, p_prices => :prices!::jsonb, p_valid_until => :validUntil!::timestamptz) q                                                                             
 * ```
 */
export const stageQuote = new PreparedQuery<IStageQuoteParams,IStageQuoteResult>(stageQuoteIR);


/** 'AcceptQuote' parameters type */
export interface IAcceptQuoteParams {
  billingAddressId?: string | null | void;
  buyerId: string;
  purchaseOrderNumber?: string | null | void;
  quoteId: string;
  shippingAddressId?: string | null | void;
  tenantId: string;
}

/** 'AcceptQuote' return type */
export interface IAcceptQuoteResult {
  billing_address: Json | null;
  buyer_id: string;
  company_id: string;
  created_at: Date;
  currency: string;
  idempotency_key: string | null;
  order_id: string;
  payment_terms_days: number;
  purchase_order_number: string | null;
  shipping_address: Json | null;
  state: string;
  submitted_at: Date | null;
  total_amount: string;
  updated_at: Date;
  version: number;
}

/** 'AcceptQuote' query type */
export interface IAcceptQuoteQuery {
  params: IAcceptQuoteParams;
  result: IAcceptQuoteResult;
}

const acceptQuoteIR: any = {"usedParamSet":{"tenantId":true,"quoteId":true,"buyerId":true,"purchaseOrderNumber":true,"billingAddressId":true,"shippingAddressId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":458,"b":467}]},{"name":"quoteId","required":true,"transform":{"type":"scalar"},"locs":[{"a":492,"b":500}]},{"name":"buyerId","required":true,"transform":{"type":"scalar"},"locs":[{"a":525,"b":533}]},{"name":"purchaseOrderNumber","required":false,"transform":{"type":"scalar"},"locs":[{"a":571,"b":590}]},{"name":"billingAddressId","required":false,"transform":{"type":"scalar"},"locs":[{"a":625,"b":641}]},{"name":"shippingAddressId","required":false,"transform":{"type":"scalar"},"locs":[{"a":677,"b":694}]}],"statement":"select o.order_id as \"order_id!\", o.company_id as \"company_id!\", o.buyer_id as \"buyer_id!\",\n  o.currency as \"currency!\", o.state as \"state!\", o.version as \"version!\",\n  o.idempotency_key, o.purchase_order_number, o.billing_address, o.shipping_address,\n  o.payment_terms_days as \"payment_terms_days!\", o.total_amount as \"total_amount!\",\n  o.submitted_at, o.created_at as \"created_at!\", o.updated_at as \"updated_at!\"\nfrom orders.accept_quote(\n  p_tenant_id => :tenantId!::uuid,\n  p_quote_id => :quoteId!::uuid,\n  p_buyer_id => :buyerId!::uuid,\n  p_purchase_order_number => :purchaseOrderNumber::text,\n  p_billing_address_id => :billingAddressId::uuid,\n  p_shipping_address_id => :shippingAddressId::uuid\n) o                                                "};

/**
 * Query generated from SQL:
 * ```
 * select o.order_id as "order_id!", o.company_id as "company_id!", o.buyer_id as "buyer_id!",
 *   o.currency as "currency!", o.state as "state!", o.version as "version!",
 *   o.idempotency_key, o.purchase_order_number, o.billing_address, o.shipping_address,
 *   o.payment_terms_days as "payment_terms_days!", o.total_amount as "total_amount!",
 *   o.submitted_at, o.created_at as "created_at!", o.updated_at as "updated_at!"
 * from orders.accept_quote(
 *   p_tenant_id => :tenantId!::uuid,
 *   p_quote_id => :quoteId!::uuid,
 *   p_buyer_id => :buyerId!::uuid,
 *   p_purchase_order_number => :purchaseOrderNumber::text,
 *   p_billing_address_id => :billingAddressId::uuid,
 *   p_shipping_address_id => :shippingAddressId::uuid
 * ) o                                                
 * ```
 */
export const acceptQuote = new PreparedQuery<IAcceptQuoteParams,IAcceptQuoteResult>(acceptQuoteIR);


/** 'DeclineQuote' parameters type */
export interface IDeclineQuoteParams {
  buyerId: string;
  quoteId: string;
  tenantId: string;
}

/** 'DeclineQuote' return type */
export interface IDeclineQuoteResult {
  buyer_id: string;
  company_id: string;
  created_at: Date;
  currency: string;
  decided_at: Date | null;
  note: string | null;
  quote_id: string;
  quoted_at: Date | null;
  quoted_by: string | null;
  state: string;
  valid_until: Date | null;
}

/** 'DeclineQuote' query type */
export interface IDeclineQuoteQuery {
  params: IDeclineQuoteParams;
  result: IDeclineQuoteResult;
}

const declineQuoteIR: any = {"usedParamSet":{"tenantId":true,"quoteId":true,"buyerId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":278,"b":287}]},{"name":"quoteId","required":true,"transform":{"type":"scalar"},"locs":[{"a":310,"b":318}]},{"name":"buyerId","required":true,"transform":{"type":"scalar"},"locs":[{"a":341,"b":349}]}],"statement":"select q.quote_id as \"quote_id!\", q.company_id as \"company_id!\", q.buyer_id as \"buyer_id!\",\n  q.currency as \"currency!\", q.state as \"state!\", q.note, q.valid_until, q.quoted_at, q.quoted_by,\n  q.decided_at, q.created_at as \"created_at!\"\nfrom orders.decline_quote(p_tenant_id => :tenantId!::uuid, p_quote_id => :quoteId!::uuid, p_buyer_id => :buyerId!::uuid) q                                                                                                              "};

/**
 * Query generated from SQL:
 * ```
 * select q.quote_id as "quote_id!", q.company_id as "company_id!", q.buyer_id as "buyer_id!",
 *   q.currency as "currency!", q.state as "state!", q.note, q.valid_until, q.quoted_at, q.quoted_by,
 *   q.decided_at, q.created_at as "created_at!"
 * from orders.decline_quote(p_tenant_id => :tenantId!::uuid, p_quote_id => :quoteId!::uuid, p_buyer_id => :buyerId!::uuid) q                                                                                                              
 * ```
 */
export const declineQuote = new PreparedQuery<IDeclineQuoteParams,IDeclineQuoteResult>(declineQuoteIR);


/** 'WithdrawQuote' parameters type */
export interface IWithdrawQuoteParams {
  quoteId: string;
  tenantId: string;
}

/** 'WithdrawQuote' return type */
export interface IWithdrawQuoteResult {
  buyer_id: string;
  company_id: string;
  created_at: Date;
  currency: string;
  decided_at: Date | null;
  note: string | null;
  quote_id: string;
  quoted_at: Date | null;
  quoted_by: string | null;
  state: string;
  valid_until: Date | null;
}

/** 'WithdrawQuote' query type */
export interface IWithdrawQuoteQuery {
  params: IWithdrawQuoteParams;
  result: IWithdrawQuoteResult;
}

const withdrawQuoteIR: any = {"usedParamSet":{"tenantId":true,"quoteId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":279,"b":288}]},{"name":"quoteId","required":true,"transform":{"type":"scalar"},"locs":[{"a":311,"b":319}]}],"statement":"select q.quote_id as \"quote_id!\", q.company_id as \"company_id!\", q.buyer_id as \"buyer_id!\",\n  q.currency as \"currency!\", q.state as \"state!\", q.note, q.valid_until, q.quoted_at, q.quoted_by,\n  q.decided_at, q.created_at as \"created_at!\"\nfrom orders.withdraw_quote(p_tenant_id => :tenantId!::uuid, p_quote_id => :quoteId!::uuid) q                                                            "};

/**
 * Query generated from SQL:
 * ```
 * select q.quote_id as "quote_id!", q.company_id as "company_id!", q.buyer_id as "buyer_id!",
 *   q.currency as "currency!", q.state as "state!", q.note, q.valid_until, q.quoted_at, q.quoted_by,
 *   q.decided_at, q.created_at as "created_at!"
 * from orders.withdraw_quote(p_tenant_id => :tenantId!::uuid, p_quote_id => :quoteId!::uuid) q                                                            
 * ```
 */
export const withdrawQuote = new PreparedQuery<IWithdrawQuoteParams,IWithdrawQuoteResult>(withdrawQuoteIR);


/** 'GetQuoteLines' parameters type */
export interface IGetQuoteLinesParams {
  quoteId: string;
  tenantId: string;
}

/** 'GetQuoteLines' return type */
export interface IGetQuoteLinesResult {
  /** Position of the line in the quote, from 1. */
  line_number: number;
  /** Units asked for (1 to 1,000,000). */
  quantity: number;
  /** Quoted unit price in the quote currency; null until quoted. */
  unit_price: string | null;
  /** The variant asked for; at most one line per variant. */
  variant_id: string;
}

/** 'GetQuoteLines' query type */
export interface IGetQuoteLinesQuery {
  params: IGetQuoteLinesParams;
  result: IGetQuoteLinesResult;
}

const getQuoteLinesIR: any = {"usedParamSet":{"tenantId":true,"quoteId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":107,"b":116}]},{"name":"quoteId","required":true,"transform":{"type":"scalar"},"locs":[{"a":135,"b":143}]}],"statement":"select l.line_number, l.variant_id, l.quantity, l.unit_price\nfrom orders.quote_lines l\nwhere l.tenant_id = :tenantId! and l.quote_id = :quoteId!\norder by l.line_number"};

/**
 * Query generated from SQL:
 * ```
 * select l.line_number, l.variant_id, l.quantity, l.unit_price
 * from orders.quote_lines l
 * where l.tenant_id = :tenantId! and l.quote_id = :quoteId!
 * order by l.line_number
 * ```
 */
export const getQuoteLines = new PreparedQuery<IGetQuoteLinesParams,IGetQuoteLinesResult>(getQuoteLinesIR);


