/** Types generated for queries found in "queries/returns.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'RequestReturn' parameters type */
export interface IRequestReturnParams {
  buyerId: string;
  lines: Json;
  orderId: string;
  reason?: string | null | void;
  tenantId: string;
}

/** 'RequestReturn' return type */
export interface IRequestReturnResult {
  buyer_id: string;
  credit_amount: string | null;
  order_id: string;
  reason: string | null;
  received_at: Date | null;
  requested_at: Date;
  return_id: string;
  state: string;
  warehouse_id: string | null;
}

/** 'RequestReturn' query type */
export interface IRequestReturnQuery {
  params: IRequestReturnParams;
  result: IRequestReturnResult;
}

const requestReturnIR: any = {"usedParamSet":{"tenantId":true,"orderId":true,"buyerId":true,"lines":true,"reason":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":250,"b":259}]},{"name":"orderId","required":true,"transform":{"type":"scalar"},"locs":[{"a":284,"b":292}]},{"name":"buyerId","required":true,"transform":{"type":"scalar"},"locs":[{"a":317,"b":325}]},{"name":"lines","required":true,"transform":{"type":"scalar"},"locs":[{"a":347,"b":353}]},{"name":"reason","required":false,"transform":{"type":"scalar"},"locs":[{"a":377,"b":383}]}],"statement":"select r.return_id as \"return_id!\", r.order_id as \"order_id!\", r.buyer_id as \"buyer_id!\", r.state as \"state!\",\n  r.reason, r.warehouse_id, r.credit_amount, r.requested_at as \"requested_at!\", r.received_at\nfrom orders.request_return(\n  p_tenant_id => :tenantId!::uuid,\n  p_order_id => :orderId!::uuid,\n  p_buyer_id => :buyerId!::uuid,\n  p_lines => :lines!::jsonb,\n  p_reason => :reason::text\n) r                                                                         "};

/**
 * Query generated from SQL:
 * ```
 * select r.return_id as "return_id!", r.order_id as "order_id!", r.buyer_id as "buyer_id!", r.state as "state!",
 *   r.reason, r.warehouse_id, r.credit_amount, r.requested_at as "requested_at!", r.received_at
 * from orders.request_return(
 *   p_tenant_id => :tenantId!::uuid,
 *   p_order_id => :orderId!::uuid,
 *   p_buyer_id => :buyerId!::uuid,
 *   p_lines => :lines!::jsonb,
 *   p_reason => :reason::text
 * ) r                                                                         
 * ```
 */
export const requestReturn = new PreparedQuery<IRequestReturnParams,IRequestReturnResult>(requestReturnIR);


/** 'ReceiveReturn' parameters type */
export interface IReceiveReturnParams {
  returnId: string;
  tenantId: string;
  warehouseId: string;
}

/** 'ReceiveReturn' return type */
export interface IReceiveReturnResult {
  buyer_id: string;
  credit_amount: string | null;
  order_id: string;
  reason: string | null;
  received_at: Date | null;
  requested_at: Date;
  return_id: string;
  state: string;
  warehouse_id: string | null;
}

/** 'ReceiveReturn' query type */
export interface IReceiveReturnQuery {
  params: IReceiveReturnParams;
  result: IReceiveReturnResult;
}

const receiveReturnIR: any = {"usedParamSet":{"tenantId":true,"returnId":true,"warehouseId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":247,"b":256}]},{"name":"returnId","required":true,"transform":{"type":"scalar"},"locs":[{"a":280,"b":289}]},{"name":"warehouseId","required":true,"transform":{"type":"scalar"},"locs":[{"a":316,"b":328}]}],"statement":"select r.return_id as \"return_id!\", r.order_id as \"order_id!\", r.buyer_id as \"buyer_id!\", r.state as \"state!\",\n  r.reason, r.warehouse_id, r.credit_amount, r.requested_at as \"requested_at!\", r.received_at\nfrom orders.receive_return(p_tenant_id => :tenantId!::uuid, p_return_id => :returnId!::uuid, p_warehouse_id => :warehouseId!::uuid) r                                                        "};

/**
 * Query generated from SQL:
 * ```
 * select r.return_id as "return_id!", r.order_id as "order_id!", r.buyer_id as "buyer_id!", r.state as "state!",
 *   r.reason, r.warehouse_id, r.credit_amount, r.requested_at as "requested_at!", r.received_at
 * from orders.receive_return(p_tenant_id => :tenantId!::uuid, p_return_id => :returnId!::uuid, p_warehouse_id => :warehouseId!::uuid) r                                                        
 * ```
 */
export const receiveReturn = new PreparedQuery<IReceiveReturnParams,IReceiveReturnResult>(receiveReturnIR);


/** 'CancelReturn' parameters type */
export interface ICancelReturnParams {
  returnId: string;
  tenantId: string;
}

/** 'CancelReturn' return type */
export interface ICancelReturnResult {
  buyer_id: string;
  credit_amount: string | null;
  order_id: string;
  reason: string | null;
  received_at: Date | null;
  requested_at: Date;
  return_id: string;
  state: string;
  warehouse_id: string | null;
}

/** 'CancelReturn' query type */
export interface ICancelReturnQuery {
  params: ICancelReturnParams;
  result: ICancelReturnResult;
}

const cancelReturnIR: any = {"usedParamSet":{"tenantId":true,"returnId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":246,"b":255}]},{"name":"returnId","required":true,"transform":{"type":"scalar"},"locs":[{"a":279,"b":288}]}],"statement":"select r.return_id as \"return_id!\", r.order_id as \"order_id!\", r.buyer_id as \"buyer_id!\", r.state as \"state!\",\n  r.reason, r.warehouse_id, r.credit_amount, r.requested_at as \"requested_at!\", r.received_at\nfrom orders.cancel_return(p_tenant_id => :tenantId!::uuid, p_return_id => :returnId!::uuid) r"};

/**
 * Query generated from SQL:
 * ```
 * select r.return_id as "return_id!", r.order_id as "order_id!", r.buyer_id as "buyer_id!", r.state as "state!",
 *   r.reason, r.warehouse_id, r.credit_amount, r.requested_at as "requested_at!", r.received_at
 * from orders.cancel_return(p_tenant_id => :tenantId!::uuid, p_return_id => :returnId!::uuid) r
 * ```
 */
export const cancelReturn = new PreparedQuery<ICancelReturnParams,ICancelReturnResult>(cancelReturnIR);


