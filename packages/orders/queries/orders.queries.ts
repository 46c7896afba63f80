/** Types generated for queries found in "queries/orders.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type DateOrString = Date | string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'PlaceOrder' parameters type */
export interface IPlaceOrderParams {
  billingAddressId?: string | null | void;
  buyerId: string;
  companyId: string;
  currency: string;
  idempotencyKey: string;
  lines: Json;
  purchaseOrderNumber?: string | null | void;
  shippingAddressId?: string | null | void;
  tenantId: string;
}

/** 'PlaceOrder' return type */
export interface IPlaceOrderResult {
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

/** 'PlaceOrder' query type */
export interface IPlaceOrderQuery {
  params: IPlaceOrderParams;
  result: IPlaceOrderResult;
}

const placeOrderIR: any = {"usedParamSet":{"tenantId":true,"companyId":true,"buyerId":true,"currency":true,"lines":true,"idempotencyKey":true,"purchaseOrderNumber":true,"billingAddressId":true,"shippingAddressId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":457,"b":466}]},{"name":"companyId","required":true,"transform":{"type":"scalar"},"locs":[{"a":493,"b":503}]},{"name":"buyerId","required":true,"transform":{"type":"scalar"},"locs":[{"a":528,"b":536}]},{"name":"currency","required":true,"transform":{"type":"scalar"},"locs":[{"a":561,"b":570}]},{"name":"lines","required":true,"transform":{"type":"scalar"},"locs":[{"a":592,"b":598}]},{"name":"idempotencyKey","required":true,"transform":{"type":"scalar"},"locs":[{"a":631,"b":646}]},{"name":"purchaseOrderNumber","required":false,"transform":{"type":"scalar"},"locs":[{"a":684,"b":703}]},{"name":"billingAddressId","required":false,"transform":{"type":"scalar"},"locs":[{"a":738,"b":754}]},{"name":"shippingAddressId","required":false,"transform":{"type":"scalar"},"locs":[{"a":790,"b":807}]}],"statement":"select o.order_id as \"order_id!\", o.company_id as \"company_id!\", o.buyer_id as \"buyer_id!\",\n  o.currency as \"currency!\", o.state as \"state!\", o.version as \"version!\",\n  o.idempotency_key, o.purchase_order_number, o.billing_address, o.shipping_address,\n  o.payment_terms_days as \"payment_terms_days!\", o.total_amount as \"total_amount!\",\n  o.submitted_at, o.created_at as \"created_at!\", o.updated_at as \"updated_at!\"\nfrom orders.place_order(\n  p_tenant_id => :tenantId!::uuid,\n  p_company_id => :companyId!::uuid,\n  p_buyer_id => :buyerId!::uuid,\n  p_currency => :currency!::text,\n  p_lines => :lines!::jsonb,\n  p_idempotency_key => :idempotencyKey!::text,\n  p_purchase_order_number => :purchaseOrderNumber::text,\n  p_billing_address_id => :billingAddressId::uuid,\n  p_shipping_address_id => :shippingAddressId::uuid\n) o                                                                    "};

/**
 * Query generated from SQL:
 * ```
 * select o.order_id as "order_id!", o.company_id as "company_id!", o.buyer_id as "buyer_id!",
 *   o.currency as "currency!", o.state as "state!", o.version as "version!",
 *   o.idempotency_key, o.purchase_order_number, o.billing_address, o.shipping_address,
 *   o.payment_terms_days as "payment_terms_days!", o.total_amount as "total_amount!",
 *   o.submitted_at, o.created_at as "created_at!", o.updated_at as "updated_at!"
 * from orders.place_order(
 *   p_tenant_id => :tenantId!::uuid,
 *   p_company_id => :companyId!::uuid,
 *   p_buyer_id => :buyerId!::uuid,
 *   p_currency => :currency!::text,
 *   p_lines => :lines!::jsonb,
 *   p_idempotency_key => :idempotencyKey!::text,
 *   p_purchase_order_number => :purchaseOrderNumber::text,
 *   p_billing_address_id => :billingAddressId::uuid,
 *   p_shipping_address_id => :shippingAddressId::uuid
 * ) o                                                                    
 * ```
 */
export const placeOrder = new PreparedQuery<IPlaceOrderParams,IPlaceOrderResult>(placeOrderIR);


/** 'CreateDraft' parameters type */
export interface ICreateDraftParams {
  billingAddressId?: string | null | void;
  buyerId: string;
  companyId: string;
  currency: string;
  idempotencyKey?: string | null | void;
  lines: Json;
  purchaseOrderNumber?: string | null | void;
  shippingAddressId?: string | null | void;
  tenantId: string;
}

/** 'CreateDraft' return type */
export interface ICreateDraftResult {
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

/** 'CreateDraft' query type */
export interface ICreateDraftQuery {
  params: ICreateDraftParams;
  result: ICreateDraftResult;
}

const createDraftIR: any = {"usedParamSet":{"tenantId":true,"companyId":true,"buyerId":true,"currency":true,"lines":true,"idempotencyKey":true,"purchaseOrderNumber":true,"billingAddressId":true,"shippingAddressId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":458,"b":467}]},{"name":"companyId","required":true,"transform":{"type":"scalar"},"locs":[{"a":494,"b":504}]},{"name":"buyerId","required":true,"transform":{"type":"scalar"},"locs":[{"a":529,"b":537}]},{"name":"currency","required":true,"transform":{"type":"scalar"},"locs":[{"a":562,"b":571}]},{"name":"lines","required":true,"transform":{"type":"scalar"},"locs":[{"a":593,"b":599}]},{"name":"idempotencyKey","required":false,"transform":{"type":"scalar"},"locs":[{"a":632,"b":646}]},{"name":"purchaseOrderNumber","required":false,"transform":{"type":"scalar"},"locs":[{"a":684,"b":703}]},{"name":"billingAddressId","required":false,"transform":{"type":"scalar"},"locs":[{"a":738,"b":754}]},{"name":"shippingAddressId","required":false,"transform":{"type":"scalar"},"locs":[{"a":790,"b":807}]}],"statement":"select o.order_id as \"order_id!\", o.company_id as \"company_id!\", o.buyer_id as \"buyer_id!\",\n  o.currency as \"currency!\", o.state as \"state!\", o.version as \"version!\",\n  o.idempotency_key, o.purchase_order_number, o.billing_address, o.shipping_address,\n  o.payment_terms_days as \"payment_terms_days!\", o.total_amount as \"total_amount!\",\n  o.submitted_at, o.created_at as \"created_at!\", o.updated_at as \"updated_at!\"\nfrom orders.create_draft(\n  p_tenant_id => :tenantId!::uuid,\n  p_company_id => :companyId!::uuid,\n  p_buyer_id => :buyerId!::uuid,\n  p_currency => :currency!::text,\n  p_lines => :lines!::jsonb,\n  p_idempotency_key => :idempotencyKey::text,\n  p_purchase_order_number => :purchaseOrderNumber::text,\n  p_billing_address_id => :billingAddressId::uuid,\n  p_shipping_address_id => :shippingAddressId::uuid\n) o                                                                                                   "};

/**
 * Query generated from SQL:
 * ```
 * select o.order_id as "order_id!", o.company_id as "company_id!", o.buyer_id as "buyer_id!",
 *   o.currency as "currency!", o.state as "state!", o.version as "version!",
 *   o.idempotency_key, o.purchase_order_number, o.billing_address, o.shipping_address,
 *   o.payment_terms_days as "payment_terms_days!", o.total_amount as "total_amount!",
 *   o.submitted_at, o.created_at as "created_at!", o.updated_at as "updated_at!"
 * from orders.create_draft(
 *   p_tenant_id => :tenantId!::uuid,
 *   p_company_id => :companyId!::uuid,
 *   p_buyer_id => :buyerId!::uuid,
 *   p_currency => :currency!::text,
 *   p_lines => :lines!::jsonb,
 *   p_idempotency_key => :idempotencyKey::text,
 *   p_purchase_order_number => :purchaseOrderNumber::text,
 *   p_billing_address_id => :billingAddressId::uuid,
 *   p_shipping_address_id => :shippingAddressId::uuid
 * ) o                                                                                                   
 * ```
 */
export const createDraft = new PreparedQuery<ICreateDraftParams,ICreateDraftResult>(createDraftIR);


/** 'UpdateDraft' parameters type */
export interface IUpdateDraftParams {
  billingAddressId?: string | null | void;
  expectedVersion: number;
  lines?: Json | null | void;
  orderId: string;
  purchaseOrderNumber?: string | null | void;
  shippingAddressId?: string | null | void;
  tenantId: string;
}

/** 'UpdateDraft' return type */
export interface IUpdateDraftResult {
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

/** 'UpdateDraft' query type */
export interface IUpdateDraftQuery {
  params: IUpdateDraftParams;
  result: IUpdateDraftResult;
}

const updateDraftIR: any = {"usedParamSet":{"tenantId":true,"orderId":true,"expectedVersion":true,"lines":true,"purchaseOrderNumber":true,"billingAddressId":true,"shippingAddressId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":458,"b":467}]},{"name":"orderId","required":true,"transform":{"type":"scalar"},"locs":[{"a":492,"b":500}]},{"name":"expectedVersion","required":true,"transform":{"type":"scalar"},"locs":[{"a":533,"b":549}]},{"name":"lines","required":false,"transform":{"type":"scalar"},"locs":[{"a":570,"b":575}]},{"name":"purchaseOrderNumber","required":false,"transform":{"type":"scalar"},"locs":[{"a":614,"b":633}]},{"name":"billingAddressId","required":false,"transform":{"type":"scalar"},"locs":[{"a":668,"b":684}]},{"name":"shippingAddressId","required":false,"transform":{"type":"scalar"},"locs":[{"a":720,"b":737}]}],"statement":"select o.order_id as \"order_id!\", o.company_id as \"company_id!\", o.buyer_id as \"buyer_id!\",\n  o.currency as \"currency!\", o.state as \"state!\", o.version as \"version!\",\n  o.idempotency_key, o.purchase_order_number, o.billing_address, o.shipping_address,\n  o.payment_terms_days as \"payment_terms_days!\", o.total_amount as \"total_amount!\",\n  o.submitted_at, o.created_at as \"created_at!\", o.updated_at as \"updated_at!\"\nfrom orders.update_draft(\n  p_tenant_id => :tenantId!::uuid,\n  p_order_id => :orderId!::uuid,\n  p_expected_version => :expectedVersion!::int,\n  p_lines => :lines::jsonb,\n  p_purchase_order_number => :purchaseOrderNumber::text,\n  p_billing_address_id => :billingAddressId::uuid,\n  p_shipping_address_id => :shippingAddressId::uuid\n) o                                                                                "};

/**
 * Query generated from SQL:
 * ```
 * select o.order_id as "order_id!", o.company_id as "company_id!", o.buyer_id as "buyer_id!",
 *   o.currency as "currency!", o.state as "state!", o.version as "version!",
 *   o.idempotency_key, o.purchase_order_number, o.billing_address, o.shipping_address,
 *   o.payment_terms_days as "payment_terms_days!", o.total_amount as "total_amount!",
 *   o.submitted_at, o.created_at as "created_at!", o.updated_at as "updated_at!"
 * from orders.update_draft(
 *   p_tenant_id => :tenantId!::uuid,
 *   p_order_id => :orderId!::uuid,
 *   p_expected_version => :expectedVersion!::int,
 *   p_lines => :lines::jsonb,
 *   p_purchase_order_number => :purchaseOrderNumber::text,
 *   p_billing_address_id => :billingAddressId::uuid,
 *   p_shipping_address_id => :shippingAddressId::uuid
 * ) o                                                                                
 * ```
 */
export const updateDraft = new PreparedQuery<IUpdateDraftParams,IUpdateDraftResult>(updateDraftIR);


/** 'SubmitOrder' parameters type */
export interface ISubmitOrderParams {
  expectedVersion?: number | null | void;
  orderId: string;
  tenantId: string;
}

/** 'SubmitOrder' return type */
export interface ISubmitOrderResult {
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

/** 'SubmitOrder' query type */
export interface ISubmitOrderQuery {
  params: ISubmitOrderParams;
  result: ISubmitOrderResult;
}

const submitOrderIR: any = {"usedParamSet":{"tenantId":true,"orderId":true,"expectedVersion":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":455,"b":464}]},{"name":"orderId","required":true,"transform":{"type":"scalar"},"locs":[{"a":487,"b":495}]},{"name":"expectedVersion","required":false,"transform":{"type":"scalar"},"locs":[{"a":526,"b":541}]}],"statement":"select o.order_id as \"order_id!\", o.company_id as \"company_id!\", o.buyer_id as \"buyer_id!\",\n  o.currency as \"currency!\", o.state as \"state!\", o.version as \"version!\",\n  o.idempotency_key, o.purchase_order_number, o.billing_address, o.shipping_address,\n  o.payment_terms_days as \"payment_terms_days!\", o.total_amount as \"total_amount!\",\n  o.submitted_at, o.created_at as \"created_at!\", o.updated_at as \"updated_at!\"\nfrom orders.submit_order(p_tenant_id => :tenantId!::uuid, p_order_id => :orderId!::uuid, p_expected_version => :expectedVersion::int) o                                                                                         "};

/**
 * Query generated from SQL:
 * ```
 * select o.order_id as "order_id!", o.company_id as "company_id!", o.buyer_id as "buyer_id!",
 *   o.currency as "currency!", o.state as "state!", o.version as "version!",
 *   o.idempotency_key, o.purchase_order_number, o.billing_address, o.shipping_address,
 *   o.payment_terms_days as "payment_terms_days!", o.total_amount as "total_amount!",
 *   o.submitted_at, o.created_at as "created_at!", o.updated_at as "updated_at!"
 * from orders.submit_order(p_tenant_id => :tenantId!::uuid, p_order_id => :orderId!::uuid, p_expected_version => :expectedVersion::int) o                                                                                         
 * ```
 */
export const submitOrder = new PreparedQuery<ISubmitOrderParams,ISubmitOrderResult>(submitOrderIR);


/** 'CancelOrder' parameters type */
export interface ICancelOrderParams {
  orderId: string;
  tenantId: string;
}

/** 'CancelOrder' return type */
export interface ICancelOrderResult {
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

/** 'CancelOrder' query type */
export interface ICancelOrderQuery {
  params: ICancelOrderParams;
  result: ICancelOrderResult;
}

const cancelOrderIR: any = {"usedParamSet":{"tenantId":true,"orderId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":455,"b":464}]},{"name":"orderId","required":true,"transform":{"type":"scalar"},"locs":[{"a":487,"b":495}]}],"statement":"select o.order_id as \"order_id!\", o.company_id as \"company_id!\", o.buyer_id as \"buyer_id!\",\n  o.currency as \"currency!\", o.state as \"state!\", o.version as \"version!\",\n  o.idempotency_key, o.purchase_order_number, o.billing_address, o.shipping_address,\n  o.payment_terms_days as \"payment_terms_days!\", o.total_amount as \"total_amount!\",\n  o.submitted_at, o.created_at as \"created_at!\", o.updated_at as \"updated_at!\"\nfrom orders.cancel_order(p_tenant_id => :tenantId!::uuid, p_order_id => :orderId!::uuid) o                                                                                                             "};

/**
 * Query generated from SQL:
 * ```
 * select o.order_id as "order_id!", o.company_id as "company_id!", o.buyer_id as "buyer_id!",
 *   o.currency as "currency!", o.state as "state!", o.version as "version!",
 *   o.idempotency_key, o.purchase_order_number, o.billing_address, o.shipping_address,
 *   o.payment_terms_days as "payment_terms_days!", o.total_amount as "total_amount!",
 *   o.submitted_at, o.created_at as "created_at!", o.updated_at as "updated_at!"
 * from orders.cancel_order(p_tenant_id => :tenantId!::uuid, p_order_id => :orderId!::uuid) o                                                                                                             
 * ```
 */
export const cancelOrder = new PreparedQuery<ICancelOrderParams,ICancelOrderResult>(cancelOrderIR);


/** 'FulfilOrder' parameters type */
export interface IFulfilOrderParams {
  lines?: Json | null | void;
  orderId: string;
  tenantId: string;
}

/** 'FulfilOrder' return type */
export interface IFulfilOrderResult {
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

/** 'FulfilOrder' query type */
export interface IFulfilOrderQuery {
  params: IFulfilOrderParams;
  result: IFulfilOrderResult;
}

const fulfilOrderIR: any = {"usedParamSet":{"tenantId":true,"orderId":true,"lines":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":455,"b":464}]},{"name":"orderId","required":true,"transform":{"type":"scalar"},"locs":[{"a":487,"b":495}]},{"name":"lines","required":false,"transform":{"type":"scalar"},"locs":[{"a":515,"b":520}]}],"statement":"select o.order_id as \"order_id!\", o.company_id as \"company_id!\", o.buyer_id as \"buyer_id!\",\n  o.currency as \"currency!\", o.state as \"state!\", o.version as \"version!\",\n  o.idempotency_key, o.purchase_order_number, o.billing_address, o.shipping_address,\n  o.payment_terms_days as \"payment_terms_days!\", o.total_amount as \"total_amount!\",\n  o.submitted_at, o.created_at as \"created_at!\", o.updated_at as \"updated_at!\"\nfrom orders.fulfil_order(p_tenant_id => :tenantId!::uuid, p_order_id => :orderId!::uuid, p_lines => :lines::jsonb) o                                                       "};

/**
 * Query generated from SQL:
 * ```
 * select o.order_id as "order_id!", o.company_id as "company_id!", o.buyer_id as "buyer_id!",
 *   o.currency as "currency!", o.state as "state!", o.version as "version!",
 *   o.idempotency_key, o.purchase_order_number, o.billing_address, o.shipping_address,
 *   o.payment_terms_days as "payment_terms_days!", o.total_amount as "total_amount!",
 *   o.submitted_at, o.created_at as "created_at!", o.updated_at as "updated_at!"
 * from orders.fulfil_order(p_tenant_id => :tenantId!::uuid, p_order_id => :orderId!::uuid, p_lines => :lines::jsonb) o                                                       
 * ```
 */
export const fulfilOrder = new PreparedQuery<IFulfilOrderParams,IFulfilOrderResult>(fulfilOrderIR);


/** 'CompleteOrder' parameters type */
export interface ICompleteOrderParams {
  orderId: string;
  tenantId: string;
}

/** 'CompleteOrder' return type */
export interface ICompleteOrderResult {
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

/** 'CompleteOrder' query type */
export interface ICompleteOrderQuery {
  params: ICompleteOrderParams;
  result: ICompleteOrderResult;
}

const completeOrderIR: any = {"usedParamSet":{"tenantId":true,"orderId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":457,"b":466}]},{"name":"orderId","required":true,"transform":{"type":"scalar"},"locs":[{"a":489,"b":497}]}],"statement":"select o.order_id as \"order_id!\", o.company_id as \"company_id!\", o.buyer_id as \"buyer_id!\",\n  o.currency as \"currency!\", o.state as \"state!\", o.version as \"version!\",\n  o.idempotency_key, o.purchase_order_number, o.billing_address, o.shipping_address,\n  o.payment_terms_days as \"payment_terms_days!\", o.total_amount as \"total_amount!\",\n  o.submitted_at, o.created_at as \"created_at!\", o.updated_at as \"updated_at!\"\nfrom orders.complete_order(p_tenant_id => :tenantId!::uuid, p_order_id => :orderId!::uuid) o                         "};

/**
 * Query generated from SQL:
 * ```
 * select o.order_id as "order_id!", o.company_id as "company_id!", o.buyer_id as "buyer_id!",
 *   o.currency as "currency!", o.state as "state!", o.version as "version!",
 *   o.idempotency_key, o.purchase_order_number, o.billing_address, o.shipping_address,
 *   o.payment_terms_days as "payment_terms_days!", o.total_amount as "total_amount!",
 *   o.submitted_at, o.created_at as "created_at!", o.updated_at as "updated_at!"
 * from orders.complete_order(p_tenant_id => :tenantId!::uuid, p_order_id => :orderId!::uuid) o                         
 * ```
 */
export const completeOrder = new PreparedQuery<ICompleteOrderParams,ICompleteOrderResult>(completeOrderIR);


/** 'GetOrder' parameters type */
export interface IGetOrderParams {
  orderId: string;
  tenantId: string;
}

/** 'GetOrder' return type */
export interface IGetOrderResult {
  /** Snapshot of the billing address when the order was created or edited (JSON object of accounts.addresses fields); later address edits do not change it. */
  billing_address: Json | null;
  /** The buyer who created and submitted the order (a buyer of company_id, checked by accounts.acting_buyer). */
  buyer_id: string;
  /** The buying company. */
  company_id: string;
  /** When the order (draft) was created. */
  created_at: Date;
  /** ISO 4217 currency of every amount of the order: the company's default currency (limits, invoices and the ledger are kept in it). */
  currency: string;
  /** Client-chosen key, unique per tenant, bound to its first request (idempotency_operation, idempotency_fingerprint): the same operation with the same request returns the first order; another request or operation is refused with B3004. */
  idempotency_key: string | null;
  order_id: string;
  /** Snapshot of the company's net payment terms: invoices of this order are due this many days after issue. */
  payment_terms_days: number;
  /** The buyer's own purchase order number, printed on invoices. */
  purchase_order_number: string | null;
  /** Snapshot of the shipping address, as billing_address. */
  shipping_address: Json | null;
  /** Current state (orders.order_states); changed only along orders.order_transitions. */
  state: string;
  /** When the order left draft (placed or sent for approval): null while draft and for a draft that was cancelled, set in every other state. Spending periods count by it. */
  submitted_at: Date | null;
  /** Sum of the lines' line_total, in currency and its minor units (checked by trg_orders_after_write_check_total at commit). */
  total_amount: string;
  /** When the order was last changed. */
  updated_at: Date;
  /** Optimistic locking counter: 1 when created, +1 on every update. An edit names the version it read; a stale one gets SQLSTATE B3002. */
  version: number;
}

/** 'GetOrder' query type */
export interface IGetOrderQuery {
  params: IGetOrderParams;
  result: IGetOrderResult;
}

const getOrderIR: any = {"usedParamSet":{"tenantId":true,"orderId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":286,"b":295}]},{"name":"orderId","required":true,"transform":{"type":"scalar"},"locs":[{"a":314,"b":322}]}],"statement":"select o.order_id, o.company_id, o.buyer_id, o.currency, o.state, o.version,\n  o.idempotency_key, o.purchase_order_number, o.billing_address, o.shipping_address,\n  o.payment_terms_days, o.total_amount, o.submitted_at, o.created_at, o.updated_at\nfrom orders.orders o\nwhere o.tenant_id = :tenantId! and o.order_id = :orderId!                                  "};

/**
 * Query generated from SQL:
 * ```
 * select o.order_id, o.company_id, o.buyer_id, o.currency, o.state, o.version,
 *   o.idempotency_key, o.purchase_order_number, o.billing_address, o.shipping_address,
 *   o.payment_terms_days, o.total_amount, o.submitted_at, o.created_at, o.updated_at
 * from orders.orders o
 * where o.tenant_id = :tenantId! and o.order_id = :orderId!                                  
 * ```
 */
export const getOrder = new PreparedQuery<IGetOrderParams,IGetOrderResult>(getOrderIR);


/** 'GetOrderLines' parameters type */
export interface IGetOrderLinesParams {
  orderId: string;
  tenantId: string;
}

/** 'GetOrderLines' return type */
export interface IGetOrderLinesResult {
  /** Units shipped so far (0 to quantity). */
  fulfilled_quantity: number;
  /** Position of the line in the order, from 1. */
  line_number: number;
  /** quantity * unit_price rounded to the order currency's minor units by app.round_money (half away from zero; checked). */
  line_total: string;
  /** The price list the unit price came from, for price_list lines (no foreign key: a list may be deleted later, the snapshot stays). */
  price_list_id: string | null;
  /** price_list (catalog.resolve_price) or quote (an accepted quote's price). */
  priced_from: string;
  /** Units ordered (1 to 1,000,000). */
  quantity: number;
  /** Stock keeping unit: 1-64 letters, digits, dots, underscores, slashes or hyphens; unique within the tenant, also once archived. */
  sku: string;
  /** Unit price snapshot in the order currency: catalog.resolve_price when priced, or the accepted quote's price. */
  unit_price: string;
  /** The variant ordered; at most one line per variant. */
  variant_id: string;
}

/** 'GetOrderLines' query type */
export interface IGetOrderLinesQuery {
  params: IGetOrderLinesParams;
  result: IGetOrderLinesResult;
}

const getOrderLinesIR: any = {"usedParamSet":{"tenantId":true,"orderId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":269,"b":278}]},{"name":"orderId","required":true,"transform":{"type":"scalar"},"locs":[{"a":297,"b":305}]}],"statement":"select l.line_number, l.variant_id, v.sku, l.quantity, l.unit_price, l.line_total, l.priced_from,\n  l.price_list_id, l.fulfilled_quantity\nfrom orders.order_lines l\njoin catalog.variants v on v.tenant_id = l.tenant_id and v.variant_id = l.variant_id\nwhere l.tenant_id = :tenantId! and l.order_id = :orderId!\norder by l.line_number                                                    "};

/**
 * Query generated from SQL:
 * ```
 * select l.line_number, l.variant_id, v.sku, l.quantity, l.unit_price, l.line_total, l.priced_from,
 *   l.price_list_id, l.fulfilled_quantity
 * from orders.order_lines l
 * join catalog.variants v on v.tenant_id = l.tenant_id and v.variant_id = l.variant_id
 * where l.tenant_id = :tenantId! and l.order_id = :orderId!
 * order by l.line_number                                                    
 * ```
 */
export const getOrderLines = new PreparedQuery<IGetOrderLinesParams,IGetOrderLinesResult>(getOrderLinesIR);


/** 'GetOrderHistory' parameters type */
export interface IGetOrderHistoryParams {
  orderId: string;
  tenantId: string;
}

/** 'GetOrderHistory' return type */
export interface IGetOrderHistoryResult {
  /** When the change happened (transaction time). */
  changed_at: Date;
  /** The acting user (app.current_user_id(): the staff user or buyer set by withTenant), null when none was set. */
  changed_by: string | null;
  /** State before the change; null when the order was created. */
  from_state: string | null;
  /** State after the change. */
  to_state: string;
}

/** 'GetOrderHistory' query type */
export interface IGetOrderHistoryQuery {
  params: IGetOrderHistoryParams;
  result: IGetOrderHistoryResult;
}

const getOrderHistoryIR: any = {"usedParamSet":{"tenantId":true,"orderId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":114,"b":123}]},{"name":"orderId","required":true,"transform":{"type":"scalar"},"locs":[{"a":142,"b":150}]}],"statement":"select h.from_state, h.to_state, h.changed_by, h.changed_at\nfrom orders.order_state_history h\nwhere h.tenant_id = :tenantId! and h.order_id = :orderId!\norder by h.transition_number                                                                                                                                                                                                                                                                                                     "};

/**
 * Query generated from SQL:
 * ```
 * select h.from_state, h.to_state, h.changed_by, h.changed_at
 * from orders.order_state_history h
 * where h.tenant_id = :tenantId! and h.order_id = :orderId!
 * order by h.transition_number                                                                                                                                                                                                                                                                                                     
 * ```
 */
export const getOrderHistory = new PreparedQuery<IGetOrderHistoryParams,IGetOrderHistoryResult>(getOrderHistoryIR);


/** 'ListOrdersOfCompany' parameters type */
export interface IListOrdersOfCompanyParams {
  afterCreatedAt?: DateOrString | null | void;
  afterOrderId?: string | null | void;
  companyId: string;
  limit: number;
  tenantId: string;
}

/** 'ListOrdersOfCompany' return type */
export interface IListOrdersOfCompanyResult {
  /** Snapshot of the billing address when the order was created or edited (JSON object of accounts.addresses fields); later address edits do not change it. */
  billing_address: Json | null;
  /** The buyer who created and submitted the order (a buyer of company_id, checked by accounts.acting_buyer). */
  buyer_id: string;
  /** The buying company. */
  company_id: string;
  /** When the order (draft) was created. */
  created_at: Date;
  /** ISO 4217 currency of every amount of the order: the company's default currency (limits, invoices and the ledger are kept in it). */
  currency: string;
  cursor_created_at: string;
  /** Client-chosen key, unique per tenant, bound to its first request (idempotency_operation, idempotency_fingerprint): the same operation with the same request returns the first order; another request or operation is refused with B3004. */
  idempotency_key: string | null;
  order_id: string;
  /** Snapshot of the company's net payment terms: invoices of this order are due this many days after issue. */
  payment_terms_days: number;
  /** The buyer's own purchase order number, printed on invoices. */
  purchase_order_number: string | null;
  /** Snapshot of the shipping address, as billing_address. */
  shipping_address: Json | null;
  /** Current state (orders.order_states); changed only along orders.order_transitions. */
  state: string;
  /** When the order left draft (placed or sent for approval): null while draft and for a draft that was cancelled, set in every other state. Spending periods count by it. */
  submitted_at: Date | null;
  /** Sum of the lines' line_total, in currency and its minor units (checked by trg_orders_after_write_check_total at commit). */
  total_amount: string;
  /** When the order was last changed. */
  updated_at: Date;
  /** Optimistic locking counter: 1 when created, +1 on every update. An edit names the version it read; a stale one gets SQLSTATE B3002. */
  version: number;
}

/** 'ListOrdersOfCompany' query type */
export interface IListOrdersOfCompanyQuery {
  params: IListOrdersOfCompanyParams;
  result: IListOrdersOfCompanyResult;
}

const listOrdersOfCompanyIR: any = {"usedParamSet":{"tenantId":true,"companyId":true,"afterCreatedAt":true,"afterOrderId":true,"limit":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":387,"b":396}]},{"name":"companyId","required":true,"transform":{"type":"scalar"},"locs":[{"a":417,"b":427}]},{"name":"afterCreatedAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":436,"b":450},{"a":506,"b":520}]},{"name":"afterOrderId","required":false,"transform":{"type":"scalar"},"locs":[{"a":536,"b":548}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":609,"b":615}]}],"statement":"select o.order_id, o.company_id, o.buyer_id, o.currency, o.state, o.version,\n  o.idempotency_key, o.purchase_order_number, o.billing_address, o.shipping_address,\n  o.payment_terms_days, o.total_amount, o.submitted_at, o.created_at, o.updated_at,\n  to_char(o.created_at at time zone 'utc', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') as \"cursor_created_at!\"\nfrom orders.orders o\nwhere o.tenant_id = :tenantId! and o.company_id = :companyId!\n  and (:afterCreatedAt::timestamptz is null or (o.created_at, o.order_id) < (:afterCreatedAt::timestamptz, :afterOrderId::uuid))\norder by o.created_at desc, o.order_id desc\nlimit (:limit!)::int"};

/**
 * Query generated from SQL:
 * ```
 * select o.order_id, o.company_id, o.buyer_id, o.currency, o.state, o.version,
 *   o.idempotency_key, o.purchase_order_number, o.billing_address, o.shipping_address,
 *   o.payment_terms_days, o.total_amount, o.submitted_at, o.created_at, o.updated_at,
 *   to_char(o.created_at at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursor_created_at!"
 * from orders.orders o
 * where o.tenant_id = :tenantId! and o.company_id = :companyId!
 *   and (:afterCreatedAt::timestamptz is null or (o.created_at, o.order_id) < (:afterCreatedAt::timestamptz, :afterOrderId::uuid))
 * order by o.created_at desc, o.order_id desc
 * limit (:limit!)::int
 * ```
 */
export const listOrdersOfCompany = new PreparedQuery<IListOrdersOfCompanyParams,IListOrdersOfCompanyResult>(listOrdersOfCompanyIR);


