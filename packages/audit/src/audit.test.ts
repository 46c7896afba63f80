// @b2b/audit through withTenant as the application role: writes made through the application show up in a
// row's history, in the acting user's changes and in a time range, each listing paged with the keyset
// cursor; another tenant reads none of them; the chain head follows the sealing job.
import { createPool, ValidationError, withTenant } from '@b2b/db';
import { createTestDatabase, type TestDatabase } from '@b2b/testing/vitest';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type AuditEvent, changesByActor, changesInRange, getChainHead, rowHistory } from './public';

describe('@b2b/audit', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  let alpha: string;
  let beta: string;
  let staffId: string;
  const actor = '00000000-0000-4000-8000-00000000a11c';
  const started = new Date(Date.now() - 1000);

  beforeAll(async () => {
    db = await createTestDatabase();
    const admin = new pg.Client({ connectionString: db.adminUrl });
    await admin.connect();
    alpha = (await admin.query(`select tests.create_tenant('alpha') as id`)).rows[0].id;
    beta = (await admin.query(`select tests.create_tenant('beta') as id`)).rows[0].id;
    await admin.end();
    pool = createPool({ connectionString: db.appUrl, max: 2 });
    staffId = await withTenant(pool, { tenantId: alpha, userId: actor }, async (c) => {
      const { rows } = await c.query(
        `insert into tenancy.staff_users (email, display_name) values ('ann@alpha.example', 'Ann') returning staff_user_id`,
      );
      return rows[0].staff_user_id as string;
    });
    // five updates in five transactions: six events of one row, in order
    for (let i = 1; i <= 5; i++) {
      await withTenant(pool, { tenantId: alpha, userId: actor }, (c) =>
        c.query(
          `update tenancy.staff_users set display_name = $1 where tenant_id = $2 and staff_user_id = $3`,
          [`Ann ${i}`, alpha, staffId],
        ),
      );
    }
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  const asAlpha = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(pool, { tenantId: alpha }, fn);

  async function all(
    list: (after: string | undefined) => Promise<{ items: AuditEvent[]; next?: string }>,
  ): Promise<{ events: AuditEvent[]; pages: number }> {
    const events: AuditEvent[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await list(after);
      events.push(...page.items);
      after = page.next;
      pages++;
    } while (after);
    return { events, pages };
  }

  test('a row’s history, newest first, page by page, with only the changed columns of each update', async () => {
    const { events, pages } = await all((after) =>
      asAlpha((c) =>
        rowHistory(c, { table: 'tenancy.staff_users', key: { staff_user_id: staffId }, after, limit: 2 }),
      ),
    );
    expect(pages).toBe(3);
    expect(events.map((e) => e.operation)).toEqual([
      'update',
      'update',
      'update',
      'update',
      'update',
      'insert',
    ]);
    expect(events[0]).toMatchObject({
      old_values: { display_name: 'Ann 4' },
      new_values: { display_name: 'Ann 5' },
      actor_user_id: actor,
      actor_tenant_id: alpha,
      actor_role: 'b2b_app',
      source: 'application',
    });
    expect(events[5]?.new_values).toMatchObject({ email: 'ann@alpha.example', display_name: 'Ann' });
  });

  test('the changes of one acting user, and of a time range, oldest first, page by page', async () => {
    const byActor = await all((after) =>
      asAlpha((c) => changesByActor(c, { actorUserId: actor, after, limit: 4 })),
    );
    expect(byActor.events).toHaveLength(6);
    expect(byActor.pages).toBe(2);
    const inRange = await all((after) =>
      asAlpha((c) =>
        changesInRange(c, {
          from: started,
          to: new Date(Date.now() + 60_000),
          table: 'tenancy.staff_users',
          after,
          limit: 5,
        }),
      ),
    );
    expect(inRange.events.map((e) => e.operation)).toEqual([
      'insert',
      'update',
      'update',
      'update',
      'update',
      'update',
    ]);
    const none = await asAlpha((c) =>
      changesInRange(c, { from: '2000-01-01T00:00:00Z', to: '2000-02-01T00:00:00Z' }),
    );
    expect(none).toEqual({ items: [] });
  });

  test('another tenant reads none of them', async () => {
    const other = await withTenant(pool, { tenantId: beta }, async (c) => ({
      history: await rowHistory(c, { table: 'tenancy.staff_users', key: { staff_user_id: staffId } }),
      actor: await changesByActor(c, { actorUserId: actor }),
      range: await changesInRange(c, { from: started, to: new Date(Date.now() + 60_000) }),
    }));
    expect(other.history.items).toEqual([]);
    expect(other.actor.items).toEqual([]);
    expect(other.range.items.every((e) => (e.row_key as Record<string, unknown>).tenant_id === beta)).toBe(
      true,
    );
  });

  test('a cursor of another listing is refused', async () => {
    const first = await asAlpha((c) => changesByActor(c, { actorUserId: actor, limit: 1 }));
    expect(first.next).toBeDefined();
    await expect(
      asAlpha((c) =>
        rowHistory(c, { table: 'tenancy.staff_users', key: { staff_user_id: staffId }, after: first.next }),
      ),
    ).rejects.toMatchObject({ constructor: ValidationError, code: 'cursor_invalid' });
  });

  test('the chain head follows the sealing job', async () => {
    expect(await asAlpha((c) => getChainHead(c))).toEqual({
      sealSeq: '0',
      chainHash: '0'.repeat(64),
      sealedAt: null,
    });
    const admin = new pg.Client({ connectionString: db.adminUrl });
    await admin.connect();
    try {
      const sealed = (await admin.query(`select audit.seal($1) as n`, [alpha])).rows[0].n;
      expect(sealed).toBe(6); // the insert, five updates
      const head = await asAlpha((c) => getChainHead(c));
      expect(head.sealSeq).toBe('6');
      expect(head.chainHash).toMatch(/^[0-9a-f]{64}$/);
      expect((await admin.query(`select count(*)::int as n from audit.verify($1)`, [alpha])).rows[0].n).toBe(
        0,
      );
    } finally {
      await admin.end();
    }
  });
});
