// Approvals: a company's rules (orders at or above an amount, or placed by a role, wait for approver
// roles in tiers) and the decisions on a waiting order. The rules are checked in the database when an
// order is submitted; approveOrder / rejectOrder check the approver there too.
import { decimalAmount, one, type Queryable, tenantOf } from '@b2b/db';
import {
  approveOrder as approveOrderQuery,
  createApprovalRule as createApprovalRuleQuery,
  getOrderApprovals as getOrderApprovalsQuery,
  type ICreateApprovalRuleResult,
  type IGetOrderApprovalsResult,
  rejectOrder as rejectOrderQuery,
  setApprovalRuleActive as setApprovalRuleActiveQuery,
} from '../queries/approvals.queries';
import type { IPlaceOrderResult } from '../queries/orders.queries';
import { ordersCall } from './errors';

export type ApprovalRule = ICreateApprovalRuleResult;
export type OrderApprovalTier = IGetOrderApprovalsResult;

/**
 * Creates an approval rule of a company. It matches orders with a total at or above `minTotalAmount`
 * in `currency`, and/or placed by a buyer with role `placedByRoleId`; `tiers[i]` lists the buyer roles
 * that may decide tier i + 1 (one approver per tier, tiers in order). `minTotalAmount` is a decimal string
 * in the currency's minor units (ValidationError `amount_not_decimal_string` for a number or "1e3",
 * `amount_invalid` for NaN, 10^15 or "100.001" EUR: never rounded).
 */
export async function createApprovalRule(
  client: Queryable,
  rule: {
    companyId: string;
    name: string;
    minTotalAmount?: string | null;
    currency?: string | null;
    placedByRoleId?: string | null;
    tiers: readonly (readonly string[])[];
  },
): Promise<ApprovalRule> {
  const tiers = rule.tiers.flatMap((roles, i) =>
    roles.map((role) => ({ tier: i + 1, approver_role_id: role })),
  );
  return ordersCall(async () =>
    one(
      await createApprovalRuleQuery.run(
        {
          companyId: rule.companyId,
          name: rule.name,
          minTotalAmount: decimalAmount(rule.minTotalAmount ?? null, 'minTotalAmount'),
          currency: rule.currency ?? null,
          placedByRoleId: rule.placedByRoleId ?? null,
          tiers: JSON.stringify(tiers),
          tenantId: tenantOf(client),
        },
        client,
      ),
      'The new approval rule',
    ),
  );
}

/** Switches a rule on or off; orders already waiting keep the tiers they were given. */
export async function setApprovalRuleActive(
  client: Queryable,
  approvalRuleId: string,
  isActive: boolean,
): Promise<void> {
  await ordersCall(async () =>
    one(
      await setApprovalRuleActiveQuery.run({ approvalRuleId, isActive, tenantId: tenantOf(client) }, client),
      `Approval rule ${approvalRuleId}`,
    ),
  );
}

/**
 * Approves the current tier of a pending order as buyer `approverId` (orders.approve_order); the last
 * tier places the order. Returns the order (state `pending_approval` or `placed`).
 *
 * One person decides at most one tier: a repeat by an approver who already approved this order, in
 * sequence or at the same time, is a replay: it returns the order as it is now and changes nothing
 * (`comment` is not stored again). Throws PermissionError `approver_not_eligible` (needs orders.approve
 * and a role of the current tier), `self_approval` (placed it), `approver_already_decided` (rejected it,
 * or decided another tier); BuyerNotInCompanyError (`buyer_not_in_company`, `buyer_disabled`);
 * TransitionNotAllowedError (`transition_not_allowed`) when the order is not pending approval; NotFoundError.
 */
export async function approveOrder(
  client: Queryable,
  input: { orderId: string; approverId: string; comment?: string | null },
): Promise<IPlaceOrderResult> {
  return ordersCall(async () =>
    one(
      await approveOrderQuery.run(
        { ...input, comment: input.comment ?? null, tenantId: tenantOf(client) },
        client,
      ),
      `Order ${input.orderId}`,
    ),
  );
}

/**
 * Rejects a pending order at its current tier (orders.reject_order): one rejection rejects it, also after
 * earlier tiers approved; its stock is released. A repeat by the approver who rejected it is a replay (the
 * order as it is). Errors as approveOrder (`approver_already_decided` when this buyer approved a tier).
 */
export async function rejectOrder(
  client: Queryable,
  input: { orderId: string; approverId: string; comment?: string | null },
): Promise<IPlaceOrderResult> {
  return ordersCall(async () =>
    one(
      await rejectOrderQuery.run(
        { ...input, comment: input.comment ?? null, tenantId: tenantOf(client) },
        client,
      ),
      `Order ${input.orderId}`,
    ),
  );
}

/** The tiers an order needs, each with its decision when made. */
export async function getOrderApprovals(client: Queryable, orderId: string): Promise<OrderApprovalTier[]> {
  return ordersCall(() => getOrderApprovalsQuery.run({ orderId, tenantId: tenantOf(client) }, client));
}
