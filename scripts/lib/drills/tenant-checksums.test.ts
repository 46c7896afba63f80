// The rebalancing drill's comparison of per-tenant counts and checksums (no database: the snapshots are
// built by hand): each kind of damage a shard move could do is reported, and a clean move is not.
import { describe, expect, it } from 'vitest';
import { type Cell, compareSnapshots, type Snapshot, type TenantCells } from './tenant-checksums';

const T1 = '00000000-0000-0000-0000-000000000001';
const cellOf = (rows: number, sum: string, measure = '0'): Cell => ({ rows, sum, measure });
const none = cellOf(0, '0');

function snapshot(entries: Record<string, Record<string, Partial<TenantCells>>>): Snapshot {
  return new Map(
    Object.entries(entries).map(([table, tenants]) => [
      table,
      new Map(Object.entries(tenants).map(([t, c]) => [t, { kept: c.kept ?? none, run: c.run ?? none }])),
    ]),
  );
}

/** Before: one tenant with 2 orders, 10 lines, 20 units reserved on 4 stock rows. */
const beforeMove = () =>
  snapshot({
    'orders.orders': { [T1]: { kept: cellOf(2, '111') } },
    'orders.order_lines': { [T1]: { kept: cellOf(10, '222', '20') } },
    'orders.order_state_history': { [T1]: { kept: cellOf(4, '333') } },
    'orders.order_allocations': { [T1]: { kept: cellOf(10, '444', '20') } },
    'catalog.stock_movements': { [T1]: { kept: cellOf(10, '555', '20') } },
    'catalog.stock_levels': { [T1]: { kept: cellOf(4, '666', '20') } },
  });

/** After a clean move with one more order of 5 lines, 7 units. */
const cleanAfter = () =>
  snapshot({
    'orders.orders': { [T1]: { kept: cellOf(2, '111'), run: cellOf(1, '9') } },
    'orders.order_lines': { [T1]: { kept: cellOf(10, '222', '20'), run: cellOf(5, '9', '7') } },
    'orders.order_state_history': { [T1]: { kept: cellOf(4, '333'), run: cellOf(2, '9') } },
    'orders.order_allocations': { [T1]: { kept: cellOf(10, '444', '20'), run: cellOf(5, '9', '7') } },
    'catalog.stock_movements': { [T1]: { kept: cellOf(10, '555', '20'), run: cellOf(5, '9', '7') } },
    'catalog.stock_levels': { [T1]: { kept: cellOf(4, '666', '27') } },
  });

const expect1 = { acknowledgedPerTenant: new Map([[T1, 1]]), linesPerOrder: 5, historyPerOrder: 2 };

describe('compareSnapshots', () => {
  it('passes a move that kept every row and holds exactly the acknowledged orders', () => {
    const result = compareSnapshots(beforeMove(), cleanAfter(), expect1);
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ ok: true, tables: 6, tenantCells: 6, keptRows: 40, runRows: 18 });
  });

  it('reports a lost row, a duplicated row and a changed row', () => {
    const lost = cleanAfter();
    lost.get('orders.order_lines')?.set(T1, { kept: cellOf(9, '200', '18'), run: cellOf(5, '9', '7') });
    expect(compareSnapshots(beforeMove(), lost, expect1).problems).toEqual([
      `orders.order_lines, tenant ${T1}: 10 rows before, 9 after (-1)`,
      `orders.order_lines, tenant ${T1}: the rows there before changed (20 -> 18)`,
    ]);
    const duplicated = cleanAfter();
    duplicated.get('orders.orders')?.set(T1, { kept: cellOf(3, '222'), run: cellOf(1, '9') });
    expect(compareSnapshots(beforeMove(), duplicated, expect1).problems).toEqual([
      `orders.orders, tenant ${T1}: 2 rows before, 3 after (1)`,
    ]);
    const changed = cleanAfter();
    changed.get('orders.order_state_history')?.set(T1, { kept: cellOf(4, '334'), run: cellOf(2, '9') });
    expect(compareSnapshots(beforeMove(), changed, expect1).problems).toEqual([
      `orders.order_state_history, tenant ${T1}: same count, checksum changed`,
    ]);
  });

  it('reports an acknowledged order that is missing or incomplete, and stock that does not add up', () => {
    const missing = cleanAfter();
    missing.get('orders.orders')?.set(T1, { kept: cellOf(2, '111'), run: none });
    expect(compareSnapshots(beforeMove(), missing, expect1).problems).toEqual([
      `tenant ${T1}: 1 orders acknowledged, 0 there`,
    ]);
    const short = cleanAfter();
    short
      .get('catalog.stock_movements')
      ?.set(T1, { kept: cellOf(10, '555', '20'), run: cellOf(4, '9', '5') });
    expect(compareSnapshots(beforeMove(), short, expect1).problems).toEqual([
      `catalog.stock_levels, tenant ${T1}: reserved changed by 7, the run's stock journal says 5`,
      `tenant ${T1}: 7 units ordered, 5 reserved in catalog.stock_movements`,
    ]);
  });

  it('reports a table missing on one side and rows of the run before it started', () => {
    const after = cleanAfter();
    after.delete('catalog.stock_levels');
    const early = beforeMove();
    early.get('orders.orders')?.set(T1, { kept: cellOf(2, '111'), run: cellOf(1, '9') });
    const problems = compareSnapshots(early, after, expect1).problems;
    expect(problems).toContain('catalog.stock_levels: not there after');
    expect(problems).toContain(`orders.orders, tenant ${T1}: 1 rows of the run before it started`);
  });
});
