// Returns: a buyer returns shipped units (never more than shipped, checked in the database); on receipt
// they are restocked and a credit note lowers the company's open balance.
import { one, type Queryable, tenantOf } from '@b2b/db';
import {
  cancelReturn as cancelReturnQuery,
  type IRequestReturnResult,
  receiveReturn as receiveReturnQuery,
  requestReturn as requestReturnQuery,
} from '../queries/returns.queries';
import { ordersCall } from './errors';
import { linesJson } from './lines';

export type OrderReturn = IRequestReturnResult;

/**
 * Asks to return units of an order's lines; ValidationError `return_exceeds_fulfilled` when a line would
 * take back more than was shipped (counting its other returns that are not cancelled).
 */
export async function requestReturn(
  client: Queryable,
  input: {
    orderId: string;
    buyerId: string;
    lines: readonly { variantId: string; quantity: number }[];
    reason?: string | null;
  },
): Promise<OrderReturn> {
  const lines = linesJson(input.lines);
  return ordersCall(async () =>
    one(
      await requestReturnQuery.run(
        {
          orderId: input.orderId,
          buyerId: input.buyerId,
          lines,
          reason: input.reason ?? null,
          tenantId: tenantOf(client),
        },
        client,
      ),
      `Order ${input.orderId}`,
    ),
  );
}

/** The returned units arrive in a warehouse: restocked there, and credited to the company. */
export async function receiveReturn(
  client: Queryable,
  input: { returnId: string; warehouseId: string },
): Promise<OrderReturn> {
  return ordersCall(async () =>
    one(
      await receiveReturnQuery.run({ ...input, tenantId: tenantOf(client) }, client),
      `Return ${input.returnId}`,
    ),
  );
}

/**
 * Cancels a requested return (orders.cancel_return); its units may be returned again later. Returns the
 * return, `cancelled`. TransitionNotAllowedError (`transition_not_allowed`) when it was received or
 * cancelled already (orders.return_transitions); NotFoundError (`return_not_found`) for an unknown return.
 */
export async function cancelReturn(client: Queryable, returnId: string): Promise<OrderReturn> {
  return ordersCall(async () =>
    one(await cancelReturnQuery.run({ returnId, tenantId: tenantOf(client) }, client), `Return ${returnId}`),
  );
}
