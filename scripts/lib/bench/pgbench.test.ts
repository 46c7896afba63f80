import { describe, expect, test } from 'vitest';
import { parsePgbenchOutput } from './pgbench';

// pgbench 15.18's summary, as printed by `pgbench -n -S -c 2 -j 2 -T 2`.
const OUTPUT = `pgbench (15.18 (Debian 15.18-0+deb12u1))
transaction type: <builtin: select only>
scaling factor: 1
query mode: simple
number of clients: 2
number of threads: 2
maximum number of tries: 1
duration: 2 s
number of transactions actually processed: 11180
number of failed transactions: 0 (0.000%)
latency average = 0.341 ms
initial connection time = 103.319 ms
tps = 5869.231629 (without initial connection time)
`;

describe('parsePgbenchOutput', () => {
  test('reads transactions, average latency and tps', () => {
    expect(parsePgbenchOutput(OUTPUT)).toEqual({
      transactions: 11180,
      latencyAverageMs: 0.341,
      tps: 5869.231629,
    });
  });

  test('a run that processed no transaction has 0 tps and no latency', () => {
    const idle = OUTPUT.replace(
      /number of transactions actually processed: \d+/,
      'number of transactions actually processed: 0',
    )
      .split('\n')
      .filter((line) => !/^(latency|initial|tps)/.test(line))
      .join('\n');
    expect(parsePgbenchOutput(idle)).toEqual({ transactions: 0, latencyAverageMs: Number.NaN, tps: 0 });
  });

  test('names what it could not find', () => {
    expect(() => parsePgbenchOutput('pgbench: error: connection refused')).toThrow(/transaction count/);
  });
});
