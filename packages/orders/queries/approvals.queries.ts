/** Types generated for queries found in "queries/approvals.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type stringArray = (string)[];

/** 'CreateApprovalRule' parameters type */
export interface ICreateApprovalRuleParams {
  companyId: string;
  currency?: string | null | void;
  minTotalAmount?: string | null | void;
  name: string;
  placedByRoleId?: string | null | void;
  tenantId: string;
  tiers: Json;
}

/** 'CreateApprovalRule' return type */
export interface ICreateApprovalRuleResult {
  approval_rule_id: string;
  company_id: string;
  currency: string | null;
  is_active: boolean;
  min_total_amount: string | null;
  name: string;
  placed_by_role_id: string | null;
  tier_rows: number;
}

/** 'CreateApprovalRule' query type */
export interface ICreateApprovalRuleQuery {
  params: ICreateApprovalRuleParams;
  result: ICreateApprovalRuleResult;
}

const createApprovalRuleIR: any = {"usedParamSet":{"tenantId":true,"companyId":true,"name":true,"minTotalAmount":true,"currency":true,"placedByRoleId":true,"tiers":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":260,"b":269}]},{"name":"companyId","required":true,"transform":{"type":"scalar"},"locs":[{"a":294,"b":304}]},{"name":"name","required":true,"transform":{"type":"scalar"},"locs":[{"a":325,"b":330}]},{"name":"minTotalAmount","required":false,"transform":{"type":"scalar"},"locs":[{"a":361,"b":375}]},{"name":"currency","required":false,"transform":{"type":"scalar"},"locs":[{"a":401,"b":409}]},{"name":"placedByRoleId","required":false,"transform":{"type":"scalar"},"locs":[{"a":443,"b":457}]},{"name":"tiers","required":true,"transform":{"type":"scalar"},"locs":[{"a":477,"b":483}]}],"statement":"select r.approval_rule_id as \"approval_rule_id!\", r.company_id as \"company_id!\", r.name as \"name!\",\n  r.min_total_amount, r.currency, r.placed_by_role_id, r.is_active as \"is_active!\", r.tier_rows as \"tier_rows!\"\nfrom orders.create_approval_rule(p_tenant_id => :tenantId!::uuid, p_company_id => :companyId!::uuid,\n  p_name => :name!::text, p_min_total_amount => :minTotalAmount::numeric, p_currency => :currency::text,\n  p_placed_by_role_id => :placedByRoleId::uuid, p_tiers => :tiers!::jsonb) r                                                                          "};

/**
 * Query generated from SQL:
 * ```
 * select r.approval_rule_id as "approval_rule_id!", r.company_id as "company_id!", r.name as "name!",
 *   r.min_total_amount, r.currency, r.placed_by_role_id, r.is_active as "is_active!", r.tier_rows as "tier_rows!"
 * from orders.create_approval_rule(p_tenant_id => :tenantId!::uuid, p_company_id => :companyId!::uuid,
 *   p_name => :name!::text, p_min_total_amount => :minTotalAmount::numeric, p_currency => :currency::text,
 *   p_placed_by_role_id => :placedByRoleId::uuid, p_tiers => :tiers!::jsonb) r                                                                          
 * ```
 */
export const createApprovalRule = new PreparedQuery<ICreateApprovalRuleParams,ICreateApprovalRuleResult>(createApprovalRuleIR);


/** 'SetApprovalRuleActive' parameters type */
export interface ISetApprovalRuleActiveParams {
  approvalRuleId: string;
  isActive: boolean;
  tenantId: string;
}

/** 'SetApprovalRuleActive' return type */
export interface ISetApprovalRuleActiveResult {
  approval_rule_id: string;
  /** Inactive rules match nothing; orders already waiting keep the tiers they were given. */
  is_active: boolean;
}

/** 'SetApprovalRuleActive' query type */
export interface ISetApprovalRuleActiveQuery {
  params: ISetApprovalRuleActiveParams;
  result: ISetApprovalRuleActiveResult;
}

const setApprovalRuleActiveIR: any = {"usedParamSet":{"isActive":true,"tenantId":true,"approvalRuleId":true},"params":[{"name":"isActive","required":true,"transform":{"type":"scalar"},"locs":[{"a":45,"b":54}]},{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":74,"b":83}]},{"name":"approvalRuleId","required":true,"transform":{"type":"scalar"},"locs":[{"a":108,"b":123}]}],"statement":"update orders.approval_rules set is_active = :isActive!\nwhere tenant_id = :tenantId! and approval_rule_id = :approvalRuleId!\nreturning approval_rule_id, is_active                                                                                            "};

/**
 * Query generated from SQL:
 * ```
 * update orders.approval_rules set is_active = :isActive!
 * where tenant_id = :tenantId! and approval_rule_id = :approvalRuleId!
 * returning approval_rule_id, is_active                                                                                            
 * ```
 */
export const setApprovalRuleActive = new PreparedQuery<ISetApprovalRuleActiveParams,ISetApprovalRuleActiveResult>(setApprovalRuleActiveIR);


/** 'ApproveOrder' parameters type */
export interface IApproveOrderParams {
  approverId: string;
  comment?: string | null | void;
  orderId: string;
  tenantId: string;
}

/** 'ApproveOrder' return type */
export interface IApproveOrderResult {
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

/** 'ApproveOrder' query type */
export interface IApproveOrderQuery {
  params: IApproveOrderParams;
  result: IApproveOrderResult;
}

const approveOrderIR: any = {"usedParamSet":{"tenantId":true,"orderId":true,"approverId":true,"comment":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":456,"b":465}]},{"name":"orderId","required":true,"transform":{"type":"scalar"},"locs":[{"a":488,"b":496}]},{"name":"approverId","required":true,"transform":{"type":"scalar"},"locs":[{"a":522,"b":533}]},{"name":"comment","required":false,"transform":{"type":"scalar"},"locs":[{"a":555,"b":562}]}],"statement":"select o.order_id as \"order_id!\", o.company_id as \"company_id!\", o.buyer_id as \"buyer_id!\",\n  o.currency as \"currency!\", o.state as \"state!\", o.version as \"version!\",\n  o.idempotency_key, o.purchase_order_number, o.billing_address, o.shipping_address,\n  o.payment_terms_days as \"payment_terms_days!\", o.total_amount as \"total_amount!\",\n  o.submitted_at, o.created_at as \"created_at!\", o.updated_at as \"updated_at!\"\nfrom orders.approve_order(p_tenant_id => :tenantId!::uuid, p_order_id => :orderId!::uuid, p_approver_id => :approverId!::uuid, p_comment => :comment::text) o                                                                                        "};

/**
 * Query generated from SQL:
 * ```
 * select o.order_id as "order_id!", o.company_id as "company_id!", o.buyer_id as "buyer_id!",
 *   o.currency as "currency!", o.state as "state!", o.version as "version!",
 *   o.idempotency_key, o.purchase_order_number, o.billing_address, o.shipping_address,
 *   o.payment_terms_days as "payment_terms_days!", o.total_amount as "total_amount!",
 *   o.submitted_at, o.created_at as "created_at!", o.updated_at as "updated_at!"
 * from orders.approve_order(p_tenant_id => :tenantId!::uuid, p_order_id => :orderId!::uuid, p_approver_id => :approverId!::uuid, p_comment => :comment::text) o                                                                                        
 * ```
 */
export const approveOrder = new PreparedQuery<IApproveOrderParams,IApproveOrderResult>(approveOrderIR);


/** 'RejectOrder' parameters type */
export interface IRejectOrderParams {
  approverId: string;
  comment?: string | null | void;
  orderId: string;
  tenantId: string;
}

/** 'RejectOrder' return type */
export interface IRejectOrderResult {
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

/** 'RejectOrder' query type */
export interface IRejectOrderQuery {
  params: IRejectOrderParams;
  result: IRejectOrderResult;
}

const rejectOrderIR: any = {"usedParamSet":{"tenantId":true,"orderId":true,"approverId":true,"comment":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":455,"b":464}]},{"name":"orderId","required":true,"transform":{"type":"scalar"},"locs":[{"a":487,"b":495}]},{"name":"approverId","required":true,"transform":{"type":"scalar"},"locs":[{"a":521,"b":532}]},{"name":"comment","required":false,"transform":{"type":"scalar"},"locs":[{"a":554,"b":561}]}],"statement":"select o.order_id as \"order_id!\", o.company_id as \"company_id!\", o.buyer_id as \"buyer_id!\",\n  o.currency as \"currency!\", o.state as \"state!\", o.version as \"version!\",\n  o.idempotency_key, o.purchase_order_number, o.billing_address, o.shipping_address,\n  o.payment_terms_days as \"payment_terms_days!\", o.total_amount as \"total_amount!\",\n  o.submitted_at, o.created_at as \"created_at!\", o.updated_at as \"updated_at!\"\nfrom orders.reject_order(p_tenant_id => :tenantId!::uuid, p_order_id => :orderId!::uuid, p_approver_id => :approverId!::uuid, p_comment => :comment::text) o                                                                 "};

/**
 * Query generated from SQL:
 * ```
 * select o.order_id as "order_id!", o.company_id as "company_id!", o.buyer_id as "buyer_id!",
 *   o.currency as "currency!", o.state as "state!", o.version as "version!",
 *   o.idempotency_key, o.purchase_order_number, o.billing_address, o.shipping_address,
 *   o.payment_terms_days as "payment_terms_days!", o.total_amount as "total_amount!",
 *   o.submitted_at, o.created_at as "created_at!", o.updated_at as "updated_at!"
 * from orders.reject_order(p_tenant_id => :tenantId!::uuid, p_order_id => :orderId!::uuid, p_approver_id => :approverId!::uuid, p_comment => :comment::text) o                                                                 
 * ```
 */
export const rejectOrder = new PreparedQuery<IRejectOrderParams,IRejectOrderResult>(rejectOrderIR);


/** 'GetOrderApprovals' parameters type */
export interface IGetOrderApprovalsParams {
  orderId: string;
  tenantId: string;
}

/** 'GetOrderApprovals' return type */
export interface IGetOrderApprovalsResult {
  /** The buyer of the order's company who decided. */
  approver_id: string | null;
  approver_role_ids: stringArray;
  /** The approver's note, if any. */
  comment: string | null;
  /** When the decision was made. */
  decided_at: Date | null;
  /** approved or rejected. */
  decision: string | null;
  /** Approval step, decided in ascending order: the tiers of every matching rule, one rule after the other (by name), numbered from 1. */
  tier: number;
}

/** 'GetOrderApprovals' query type */
export interface IGetOrderApprovalsQuery {
  params: IGetOrderApprovalsParams;
  result: IGetOrderApprovalsResult;
}

const getOrderApprovalsIR: any = {"usedParamSet":{"tenantId":true,"orderId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":393,"b":402}]},{"name":"orderId","required":true,"transform":{"type":"scalar"},"locs":[{"a":421,"b":429}]}],"statement":"select s.tier as \"tier!\", array_agg(s.approver_role_id order by s.approver_role_id) as \"approver_role_ids!\",\n  a.decision as \"decision?\", a.approver_id as \"approver_id?\", a.comment as \"comment?\", a.decided_at as \"decided_at?\"\nfrom orders.order_approval_steps s\nleft join orders.order_approvals a on a.tenant_id = s.tenant_id and a.order_id = s.order_id and a.tier = s.tier\nwhere s.tenant_id = :tenantId! and s.order_id = :orderId!\ngroup by s.tier, a.decision, a.approver_id, a.comment, a.decided_at\norder by s.tier"};

/**
 * Query generated from SQL:
 * ```
 * select s.tier as "tier!", array_agg(s.approver_role_id order by s.approver_role_id) as "approver_role_ids!",
 *   a.decision as "decision?", a.approver_id as "approver_id?", a.comment as "comment?", a.decided_at as "decided_at?"
 * from orders.order_approval_steps s
 * left join orders.order_approvals a on a.tenant_id = s.tenant_id and a.order_id = s.order_id and a.tier = s.tier
 * where s.tenant_id = :tenantId! and s.order_id = :orderId!
 * group by s.tier, a.decision, a.approver_id, a.comment, a.decided_at
 * order by s.tier
 * ```
 */
export const getOrderApprovals = new PreparedQuery<IGetOrderApprovalsParams,IGetOrderApprovalsResult>(getOrderApprovalsIR);


