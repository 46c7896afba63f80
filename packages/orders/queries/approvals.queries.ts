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
  /** The company whose orders the rule applies to. */
  company_id: string;
  /** Currency of min_total_amount; set exactly when it is. Orders in another currency do not match the amount condition. */
  currency: string | null;
  /** Inactive rules match nothing; orders already waiting keep the tiers they were given. */
  is_active: boolean;
  /** The rule matches orders with total_amount at or above this (in currency and its minor units); null: any total. */
  min_total_amount: string | null;
  /** Name of the rule, unique within the company. */
  name: string;
  /** The rule matches orders placed by a buyer with this role; null: any buyer. */
  placed_by_role_id: string | null;
  tier_rows: number;
}

/** 'CreateApprovalRule' query type */
export interface ICreateApprovalRuleQuery {
  params: ICreateApprovalRuleParams;
  result: ICreateApprovalRuleResult;
}

const createApprovalRuleIR: any = {"usedParamSet":{"tenantId":true,"companyId":true,"name":true,"minTotalAmount":true,"currency":true,"placedByRoleId":true,"tiers":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":138,"b":147}]},{"name":"companyId","required":true,"transform":{"type":"scalar"},"locs":[{"a":150,"b":160}]},{"name":"name","required":true,"transform":{"type":"scalar"},"locs":[{"a":163,"b":168}]},{"name":"minTotalAmount","required":false,"transform":{"type":"scalar"},"locs":[{"a":171,"b":185}]},{"name":"currency","required":false,"transform":{"type":"scalar"},"locs":[{"a":188,"b":196}]},{"name":"placedByRoleId","required":false,"transform":{"type":"scalar"},"locs":[{"a":199,"b":213}]},{"name":"tiers","required":true,"transform":{"type":"scalar"},"locs":[{"a":548,"b":554}]}],"statement":"with rule as (\n  insert into orders.approval_rules (tenant_id, company_id, name, min_total_amount, currency, placed_by_role_id)\n  values (:tenantId!, :companyId!, :name!, :minTotalAmount, :currency, :placedByRoleId)\n  returning tenant_id, approval_rule_id, company_id, name, min_total_amount, currency, placed_by_role_id, is_active\n),\ntiers as (\n  insert into orders.approval_rule_tiers (tenant_id, approval_rule_id, tier, approver_role_id)\n  select rule.tenant_id, rule.approval_rule_id, t.tier, t.approver_role_id\n  from rule, jsonb_to_recordset(:tiers!::jsonb) as t(tier int, approver_role_id uuid)\n  returning tier\n)\nselect rule.approval_rule_id as \"approval_rule_id!\", rule.company_id as \"company_id!\", rule.name as \"name!\",\n  rule.min_total_amount, rule.currency, rule.placed_by_role_id, rule.is_active as \"is_active!\",\n  (select count(*) from tiers)::int as \"tier_rows!\"\nfrom rule                                                                          "};

/**
 * Query generated from SQL:
 * ```
 * with rule as (
 *   insert into orders.approval_rules (tenant_id, company_id, name, min_total_amount, currency, placed_by_role_id)
 *   values (:tenantId!, :companyId!, :name!, :minTotalAmount, :currency, :placedByRoleId)
 *   returning tenant_id, approval_rule_id, company_id, name, min_total_amount, currency, placed_by_role_id, is_active
 * ),
 * tiers as (
 *   insert into orders.approval_rule_tiers (tenant_id, approval_rule_id, tier, approver_role_id)
 *   select rule.tenant_id, rule.approval_rule_id, t.tier, t.approver_role_id
 *   from rule, jsonb_to_recordset(:tiers!::jsonb) as t(tier int, approver_role_id uuid)
 *   returning tier
 * )
 * select rule.approval_rule_id as "approval_rule_id!", rule.company_id as "company_id!", rule.name as "name!",
 *   rule.min_total_amount, rule.currency, rule.placed_by_role_id, rule.is_active as "is_active!",
 *   (select count(*) from tiers)::int as "tier_rows!"
 * from rule                                                                          
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


