import { describe, expect, test } from 'vitest';
import { LatencyRecorder, percentile, summarize } from './percentiles';

const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('percentile (nearest rank)', () => {
  test('of 1..100 is the value of that rank', () => {
    const values = oneTo(100);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
  });

  test('rounds the rank up, so a percentile is always a recorded value at or above the share', () => {
    const values = oneTo(1000);
    expect(percentile(values, 99.9)).toBe(999);
    expect(percentile([10, 20, 30], 50)).toBe(20);
    expect(percentile([10, 20], 50)).toBe(10);
    expect(percentile([10, 20], 51)).toBe(20);
  });

  test('p0 is the smallest value and a single sample is every percentile', () => {
    expect(percentile([3, 4, 5], 0)).toBe(3);
    expect(percentile([7], 0)).toBe(7);
    expect(percentile([7], 99)).toBe(7);
  });

  test('is NaN without samples and refuses a share outside 0..100', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });
});

describe('summarize', () => {
  test('sorts numerically (not as strings) before taking percentiles', () => {
    const shuffled = [10, 9, 100, 1, 2, 30, 5, 4, 3, 20];
    expect(summarize(shuffled)).toEqual({
      count: 10,
      meanMs: 18.4,
      p50Ms: 5,
      p95Ms: 100,
      p99Ms: 100,
      maxMs: 100,
    });
  });

  test('of no samples has count 0 and NaN figures', () => {
    const empty = summarize([]);
    expect(empty.count).toBe(0);
    expect(empty.p99Ms).toBeNaN();
    expect(empty.maxMs).toBeNaN();
  });

  test('a recorder summarizes what it recorded', () => {
    const recorder = new LatencyRecorder();
    for (const ms of [0.5, 1.5, 1, 2]) recorder.record(ms);
    expect(recorder.count).toBe(4);
    expect(recorder.summary()).toMatchObject({ count: 4, meanMs: 1.25, p50Ms: 1, maxMs: 2 });
  });
});
