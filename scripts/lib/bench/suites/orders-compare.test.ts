import { describe, expect, test } from 'vitest';
import { runCount } from './orders-batches';
import { compareResult, resolveCommit } from './orders-compare';

describe('bench orders --compare: the parts without timings', () => {
  test('a batch runs its operation exactly `count` times, never more than `clients` at once', async () => {
    let running = 0;
    let most = 0;
    let calls = 0;
    const batch = await runCount(25, 4, async () => {
      calls += 1;
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 1));
      running -= 1;
    });
    expect(calls).toBe(25);
    expect(batch.count).toBe(25);
    expect(most).toBe(4);
    expect(batch.serverCpuMs).toBeNaN(); // no CPU counter given
  });
  test('a failing operation stops the batch and is thrown', async () => {
    let calls = 0;
    await expect(
      runCount(100, 2, async () => {
        calls += 1;
        if (calls === 3) throw new Error('B3201');
      }),
    ).rejects.toThrow('B3201');
    expect(calls).toBeLessThan(100);
  });
  test('the report: median batch per side, B/A per round and pooled', () => {
    const batch = (cpuPerOrder: number) => ({
      count: 100,
      serverCpuMs: cpuPerOrder * 100,
      backendCpuMs: cpuPerOrder * 50,
      seconds: 1,
    });
    const result = compareResult(
      '0123456789abcdef',
      { rev: 'main', rounds: 3, batchOrders: 100, clients: 1 },
      [batch(10), batch(12), batch(11)],
      [batch(9), batch(10.8), batch(11)],
      'fixture',
    );
    expect(result.rows.map((r) => r.serverCpuMs)).toEqual([11, 10.8]);
    expect(result.rows[0]?.workload).toContain('0123456789');
    const [backends, perRound, all] = result.ratios ?? [];
    expect(backends?.value).toBeCloseTo(0.9, 6);
    expect(perRound?.value).toBeCloseTo(0.9, 6); // rounds: 0.9, 0.9, 1.0
    expect(all?.value).toBeCloseTo(30.8 / 33, 6);
  });
  test('a revision git does not know is refused, and so is an option in its place', async () => {
    await expect(resolveCommit('no-such-revision-xyz')).rejects.toThrow(/not a commit/);
    await expect(resolveCommit('--all')).rejects.toThrow(/git revision/);
    expect(await resolveCommit('HEAD')).toMatch(/^[0-9a-f]{40}$/);
  });
});
