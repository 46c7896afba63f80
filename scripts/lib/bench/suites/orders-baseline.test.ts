import { describe, expect, test } from 'vitest';
import { allocate, amount, units } from './orders-baseline';

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

// The limit checks compare sums of numeric(19, 4) amounts in Node: exactly, as SQL does, also beyond 2^53.
describe('units and amount (numeric(19, 4) in exact ten-thousandths)', () => {
  test('reads the forms pg sends and prints them back with 4 decimals', () => {
    expect(units('1000000000.0000')).toBe(10_000_000_000_000n);
    expect(units('0')).toBe(0n);
    expect(units('12.5')).toBe(125_000n);
    expect(units('-0.0001')).toBe(-1n);
    expect(amount(units('999999999999999.9999'))).toBe('999999999999999.9999');
    expect(amount(125_000n)).toBe('12.5000');
    expect(amount(-1n)).toBe('-0.0001');
    expect(amount(0n)).toBe('0.0000');
  });

  test('refuses what is not an amount with at most 4 decimals', () => {
    expect(() => units('1.23456')).toThrow(/not an amount/);
    expect(() => units('1e3')).toThrow(/not an amount/);
  });
});
