// How the demo world acts: on one connection, in one transaction (a failed load leaves nothing), as the
// application role b2b_app (grants and row-level security apply as they do for the application), with the
// tenant and the acting user set transaction-locally exactly as withTenant sets them (app.set_tenant:
// SET LOCAL app.tenant_id, app.user_id). withTenant itself opens a transaction per call, which would make the load partial when it
// fails; every write below goes through the package functions (or, where no function exists, a plain
// insert that the role's grants, RLS and triggers check), never around them.
import { actAsTenant, type Queryable } from '@b2b/db';
import { scriptDataKey } from '@b2b/testing';

export interface Actor {
  tenantId: string;
  /** The acting staff user or buyer (recorded as who did it: order history, approvals, payments). */
  userId?: string;
}

export class DemoSession {
  /** The actor the transaction acts as now: set again only when it changes (one round trip less). */
  private current = '';

  /** `dataKey`: the data key of the encrypted personal data (B2B_DATA_KEY, or the development key). */
  constructor(
    readonly client: Queryable,
    private readonly dataKey: string = scriptDataKey(),
  ) {}

  /** Runs `fn` as `actor` of its tenant, inside the load's transaction. */
  async as<T>(actor: Actor, fn: (client: Queryable) => Promise<T>): Promise<T> {
    const key = `${actor.tenantId}/${actor.userId ?? ''}`;
    if (key !== this.current) {
      await actAsTenant(this.client, { ...actor, dataKey: this.dataKey });
      this.current = key;
    }
    return fn(this.client);
  }
}

/** Decimal string of an amount given in minor units (cents, or yen for a currency with 0 minor units). */
export function money(minor: number, minorUnits: number): string {
  if (!Number.isSafeInteger(minor) || minor < 0)
    throw new RangeError(`not an amount in minor units: ${minor}`);
  if (minorUnits === 0) return String(minor);
  const s = String(minor).padStart(minorUnits + 1, '0');
  return `${s.slice(0, -minorUnits)}.${s.slice(-minorUnits)}`;
}
