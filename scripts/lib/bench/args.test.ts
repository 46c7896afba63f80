import { describe, expect, test } from 'vitest';
import { parseBenchArgs } from './args';
import { BENCH_CITUS_PORT } from './suites/orders-citus';

const SUITES = ['catalog', 'orders', 'audit'];
const parse = (line: string) => parseBenchArgs(line.split(' ').filter(Boolean), SUITES);

describe('pnpm bench arguments', () => {
  test('a suite with the defaults', () => {
    expect(parse('orders')).toEqual({
      suite: 'orders',
      help: false,
      json: false,
      seconds: 15,
      warmupSeconds: 5,
      allowSmall: false,
    });
  });
  test('--compare with its defaults and its own options', () => {
    expect(parse('orders --compare main').compare).toEqual({
      rev: 'main',
      rounds: 8,
      batchOrders: 100,
      clients: 1,
      statements: false,
    });
    expect(parse('orders --compare main --statements').compare?.statements).toBe(true);
    expect(parse('orders --compare HEAD~2 --rounds 4 --batch 50 --clients 8').compare).toEqual({
      rev: 'HEAD~2',
      rounds: 4,
      batchOrders: 50,
      clients: 8,
      statements: false,
    });
  });
  test('--compare is for orders only, and not with --citus', () => {
    expect(() => parse('catalog --compare main')).toThrow(/orders suite only/);
    expect(() => parse('orders --compare main --citus')).toThrow(/do not go together/);
  });
  test('--compare needs a revision, not a flag', () => {
    expect(() => parse('orders --compare')).toThrow(/argument missing/);
    expect(() => parseBenchArgs(['orders', '--compare=--json'], SUITES)).toThrow(/git revision/);
  });
  test("the comparison's options without --compare are refused", () => {
    expect(() => parse('orders --rounds 3')).toThrow(/--rounds belongs to --compare/);
    expect(() => parse('orders --clients 3')).toThrow(/--clients belongs to --compare/);
    expect(() => parse('orders --statements')).toThrow(/--statements belongs to --compare/);
  });
  test('whole numbers only, at least 1 where 0 means nothing', () => {
    expect(() => parse('orders --compare main --rounds 0')).toThrow(
      /--rounds takes a whole number of at least 1/,
    );
    expect(() => parse('orders --compare main --batch 2.5')).toThrow(/--batch/);
    expect(() => parse('orders --duration 0')).toThrow(/--duration/);
    expect(() => parse('orders --warmup x')).toThrow(/--warmup/);
    expect(parse('orders --warmup 0').warmupSeconds).toBe(0);
  });
  test('unknown suites, extra words and --citus elsewhere are refused; --help needs no suite', () => {
    expect(() => parse('nope')).toThrow(/Unknown suite "nope"/);
    expect(() => parse('orders catalog')).toThrow(/one suite at a time/);
    expect(() => parse('catalog --citus')).toThrow(/orders suite only/);
    expect(parse('--help').help).toBe(true);
    expect(parse('orders --citus').citusPort).toBe(BENCH_CITUS_PORT);
    expect(parse('orders --citus --citus-port 7000').citusPort).toBe(7000);
  });
});
