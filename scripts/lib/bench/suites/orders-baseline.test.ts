import { describe, expect, test } from 'vitest';
import { amount, units } from './orders-baseline';

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
