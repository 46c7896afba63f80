import { describe, expect, test } from 'vitest';
import {
  alternation,
  backendCpuPerTransaction,
  cpuPerTransaction,
  median,
  parseProgressLine,
  pooled,
  progressWindow,
  spread,
} from './interleave';

describe('alternation', () => {
  test('two workloads: A B, B A, A B, B A (each as often first as last)', () => {
    expect(alternation(['A', 'B'], 4)).toEqual([
      ['A', 'B'],
      ['B', 'A'],
      ['A', 'B'],
      ['B', 'A'],
    ]);
  });
  test('three workloads: forward, then reversed', () => {
    expect(alternation(['tpcb', 'place', 'base'], 2)).toEqual([
      ['tpcb', 'place', 'base'],
      ['base', 'place', 'tpcb'],
    ]);
  });
  test('every workload runs once per round', () => {
    for (const round of alternation([1, 2, 3], 5)) expect([...round].sort()).toEqual([1, 2, 3]);
  });
  test('refuses no rounds', () => {
    expect(() => alternation(['A'], 0)).toThrow(/rounds/);
    expect(() => alternation(['A'], 1.5)).toThrow(/rounds/);
  });
});

describe('median and spread', () => {
  test('odd and even counts, NaN left out', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([Number.NaN, 5])).toBe(5);
    expect(median([])).toBeNaN();
  });
  test('spread', () => {
    expect(spread([1.234, 5, 3])).toBe('1.23 to 5.00');
    expect(spread([])).toBe('–');
  });
  test('pooled sums the batches', () => {
    expect(
      pooled([
        { count: 10, serverCpuMs: 100, backendCpuMs: 50, seconds: 1 },
        { count: 30, serverCpuMs: 200, backendCpuMs: 150, seconds: 2 },
      ]),
    ).toEqual({ count: 40, serverCpuMs: 300, backendCpuMs: 200, seconds: 3 });
    // a batch without the backends' figure makes the pooled one unknown, not smaller
    expect(pooled([{ count: 1, serverCpuMs: 1, seconds: 1 }]).backendCpuMs).toBeNaN();
  });
  test('CPU per transaction, backends and whole server', () => {
    const batch = { count: 4, serverCpuMs: 10, backendCpuMs: 6, seconds: 1 };
    expect(cpuPerTransaction(batch)).toBe(2.5);
    expect(backendCpuPerTransaction(batch)).toBe(1.5);
    expect(backendCpuPerTransaction({ count: 4, serverCpuMs: 10, seconds: 1 })).toBeNaN();
    expect(cpuPerTransaction({ count: 0, serverCpuMs: 10, seconds: 1 })).toBeNaN();
  });
});

describe('pgbench progress window', () => {
  test('parses PostgreSQL 15 progress lines', () => {
    expect(parseProgressLine('progress: 3.0 s, 4012.3 tps, lat 1.993 ms stddev 0.812, 0 failed')).toEqual({
      at: 3,
      tps: 4012.3,
    });
    expect(parseProgressLine('pgbench (15.20)')).toBeUndefined();
  });
  test('starts after the warmup, ends `seconds` later, counts the transactions in between', () => {
    const window = progressWindow(2, 3);
    const line = (at: number, tps: number) =>
      `progress: ${at.toFixed(1)} s, ${tps.toFixed(1)} tps, lat 1.0 ms stddev 0.1, 0 failed`;
    expect(window.feed('starting vacuum...')).toBeUndefined();
    expect(window.feed(line(1, 999))).toBeUndefined(); // backends starting: not counted
    expect(window.feed(line(2, 100))).toBe('start'); // its interval is before the window
    expect(window.feed(line(3, 1000))).toBeUndefined();
    expect(window.feed(line(4, 2000))).toBeUndefined();
    expect(window.feed(line(5.5, 100))).toBe('end'); // a late line: 1.5 s at 100 tps
    expect(window.feed(line(6.5, 5000))).toBeUndefined(); // after the end: ignored
    expect(window.transactions).toBe(3150);
    expect(window.seconds).toBe(3.5);
    expect(window.ended).toBe(true);
  });
  test('a zero-second warmup starts at the first line', () => {
    const window = progressWindow(0, 1);
    expect(window.feed('progress: 1.0 s, 10.0 tps, lat 1 ms stddev 0, 0 failed')).toBe('start');
    expect(window.feed('progress: 2.0 s, 20.0 tps, lat 1 ms stddev 0, 0 failed')).toBe('end');
    expect(window.transactions).toBe(20);
  });
});
