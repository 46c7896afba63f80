import { describe, expect, test } from 'vitest';
import { allocate } from './orders-baseline';

// The baseline must reserve like orders.reserve_stock, or the comparison would not be of the same work.
const row = (variant: string, warehouse: string, available: number, code: string, isActive = true) => ({
  variant_id: variant,
  warehouse_id: warehouse,
  available: String(available), // bigint columns arrive from pg as strings
  is_active: isActive,
  code,
});

describe('allocate (the rule of orders.reserve_stock)', () => {
  test('takes a line from the warehouse with the most available units', () => {
    const stock = [row('v1', 'w-a', 5, 'A'), row('v1', 'w-b', 9, 'B')];
    expect(allocate([{ variantId: 'v1', quantity: 4 }], stock)).toEqual([
      { variantId: 'v1', warehouseId: 'w-b', take: 4 },
    ]);
  });

  test('breaks ties by warehouse code and splits a line the best warehouse cannot cover', () => {
    const stock = [row('v1', 'w-b', 3, 'B'), row('v1', 'w-a', 3, 'A')];
    expect(allocate([{ variantId: 'v1', quantity: 5 }], stock)).toEqual([
      { variantId: 'v1', warehouseId: 'w-a', take: 3 },
      { variantId: 'v1', warehouseId: 'w-b', take: 2 },
    ]);
  });

  test('skips inactive and empty warehouses, and refuses a line that cannot be covered', () => {
    const stock = [row('v1', 'w-a', 100, 'A', false), row('v1', 'w-b', 0, 'B'), row('v1', 'w-c', 2, 'C')];
    expect(allocate([{ variantId: 'v1', quantity: 2 }], stock)).toEqual([
      { variantId: 'v1', warehouseId: 'w-c', take: 2 },
    ]);
    expect(() => allocate([{ variantId: 'v1', quantity: 3 }], stock)).toThrow(/not enough stock/);
  });
});
