import { expect, test } from 'vitest';
import { markdownTable } from './table';

test('markdownTable pads columns to the widest cell and marks right-aligned ones in the rule', () => {
  const table = markdownTable(
    [{ header: 'workload' }, { header: 'p99', align: 'right' }],
    [
      ['search', '12.50'],
      ['page', '1.20'],
    ],
  );
  expect(table.split('\n')).toEqual([
    '| workload |   p99 |',
    '|----------|------:|',
    '| search   | 12.50 |',
    '| page     |  1.20 |',
  ]);
});
