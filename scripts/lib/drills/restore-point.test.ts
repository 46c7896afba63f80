import { describe, expect, test } from 'vitest';
import type { PlacedOrder } from './order-load';
import { judgeRestorePoint } from './restore-point';

// the restore point was called at 100 and returned at 110 (performance.now() milliseconds)
const WINDOW = { calledAt: 100, returnedAt: 110 };
const order = (key: string, sentAt: number, ackedAt: number): PlacedOrder => ({
  idempotencyKey: key,
  sentAt,
  ackedAt,
});
const ORDERS = [
  order('before-1', 10, 20),
  order('before-2', 90, 99),
  order('during-1', 95, 105), // acknowledged after the call began
  order('during-2', 105, 120), // sent before it returned
  order('after-1', 111, 130),
  order('after-2', 200, 210),
];

describe('judgeRestorePoint', () => {
  test('passes with every order before present and none after; orders in flight may go either way', () => {
    for (const during of [[], ['during-1'], ['during-1', 'during-2']]) {
      const verdict = judgeRestorePoint(ORDERS, WINDOW, new Set(['before-1', 'before-2', ...during]));
      expect(verdict).toMatchObject({
        ok: true,
        before: 2,
        after: 2,
        during: 2,
        duringPresent: during.length,
      });
    }
  });

  test('fails naming an order acknowledged before the point that is missing', () => {
    const verdict = judgeRestorePoint(ORDERS, WINDOW, new Set(['before-1']));
    expect(verdict.ok).toBe(false);
    expect(verdict.missingBefore).toEqual(['before-2']);
  });

  test('fails naming an order sent after the point that is present', () => {
    const verdict = judgeRestorePoint(ORDERS, WINDOW, new Set(['before-1', 'before-2', 'after-2']));
    expect(verdict.ok).toBe(false);
    expect(verdict.presentAfter).toEqual(['after-2']);
  });

  test('fails for an order present that the load never saw acknowledged', () => {
    const verdict = judgeRestorePoint(ORDERS, WINDOW, new Set(['before-1', 'before-2', 'stranger']));
    expect(verdict.ok).toBe(false);
    expect(verdict.unexpected).toEqual(['stranger']);
  });

  test('fails when no order was placed on one side of the point: such a drill proves nothing', () => {
    const onlyBefore = ORDERS.filter((o) => o.idempotencyKey.startsWith('before'));
    expect(judgeRestorePoint(onlyBefore, WINDOW, new Set(['before-1', 'before-2'])).ok).toBe(false);
    const onlyAfter = ORDERS.filter((o) => o.idempotencyKey.startsWith('after'));
    expect(judgeRestorePoint(onlyAfter, WINDOW, new Set()).ok).toBe(false);
  });
});
