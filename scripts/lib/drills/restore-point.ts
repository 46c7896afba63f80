// The proof of a recovery to a restore point: every order acknowledged before the point was taken is in
// the recovered database, and no order sent after it was taken. An order in flight while
// pg_create_restore_point ran may have committed on either side of it: it may be present or not, and is
// counted apart. Any order present that the load never sent or never saw acknowledged is an error too.
import type { PlacedOrder } from './order-load';

export interface PointWindow {
  /** performance.now() just before pg_create_restore_point was sent, and once it returned. */
  calledAt: number;
  returnedAt: number;
}

export interface RestorePointVerdict {
  ok: boolean;
  /** Acknowledged before the call: must be present. */
  before: number;
  /** Sent after it returned: must be absent. */
  after: number;
  /** Overlapping the call: either; how many are present. */
  during: number;
  duringPresent: number;
  missingBefore: string[];
  presentAfter: string[];
  /** Present in the recovered database but never acknowledged to the load. */
  unexpected: string[];
}

export function judgeRestorePoint(
  acknowledged: readonly PlacedOrder[],
  window: PointWindow,
  present: ReadonlySet<string>,
): RestorePointVerdict {
  const verdict: RestorePointVerdict = {
    ok: false,
    before: 0,
    after: 0,
    during: 0,
    duringPresent: 0,
    missingBefore: [],
    presentAfter: [],
    unexpected: [],
  };
  const known = new Set<string>();
  for (const order of acknowledged) {
    known.add(order.idempotencyKey);
    const isPresent = present.has(order.idempotencyKey);
    if (order.ackedAt < window.calledAt) {
      verdict.before++;
      if (!isPresent) verdict.missingBefore.push(order.idempotencyKey);
    } else if (order.sentAt > window.returnedAt) {
      verdict.after++;
      if (isPresent) verdict.presentAfter.push(order.idempotencyKey);
    } else {
      verdict.during++;
      if (isPresent) verdict.duringPresent++;
    }
  }
  for (const key of present) if (!known.has(key)) verdict.unexpected.push(key);
  verdict.ok =
    verdict.before > 0 &&
    verdict.after > 0 &&
    !verdict.missingBefore.length &&
    !verdict.presentAfter.length &&
    !verdict.unexpected.length;
  return verdict;
}
