import { createTestDatabase, type TestDatabase } from '@b2b/testing/vitest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serverCeiling, serverTime } from './server-time';

describe('server time', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  }, 60_000);
  afterAll(async () => {
    await db?.drop();
  });

  const tenants = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'];
  const samples = [0, 1, 0, 1, 0].map((i) => ({ tenantId: tenants[i] as string, sleepMs: String(2 + i) }));

  test('times the statement once per sample, inside the server, each in its sample tenant', async () => {
    // the statement fails the run unless it sees its own sample's tenant, as the application role
    const summary = await serverTime(
      db.appUrl,
      samples,
      `if current_setting('app.tenant_id') <> r ->> 'tenantId' or current_user <> 'b2b_app' then
         raise exception 'wrong context';
       end if;
       perform pg_sleep((r ->> 'sleepMs')::float8 / 1000)`,
    );
    expect(summary.count).toBe(5);
    expect(summary.p50Ms).toBeGreaterThanOrEqual(2); // three samples sleep 2 ms, two sleep 3 ms
    expect(summary.maxMs).toBeGreaterThanOrEqual(3);
    expect(summary.meanMs).toBeGreaterThanOrEqual(2.4);
  });

  test('a failing statement fails the measurement', async () => {
    await expect(serverTime(db.appUrl, samples, `perform 1 / 0`)).rejects.toThrow(/division by zero/);
  });

  test('the ceiling: cores over server time, and the least mean latency of a closed loop', () => {
    expect(serverCeiling(0.5, 2, 8)).toEqual({ perSecond: 4000, minMeanLatencyMs: 2 });
  });
});
