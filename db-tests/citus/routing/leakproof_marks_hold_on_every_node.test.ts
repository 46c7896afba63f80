// Under row-level security a condition reaches an index only when its operator is leakproof, and on Citus
// a tenant's queries are planned on its worker: the marks of sql/bootstrap/after_migrate (full-text @@,
// pg_trgm's %, jsonb = of the audit trail's row key) must hold on every node, not only on the coordinator
// where the migrator runs (Citus carries an ALTER FUNCTION only for its own distributed functions).
import { withClient } from '@b2b/testing';
import { citusTestDatabase } from '@b2b/testing/vitest';
import { describe, expect, test } from 'vitest';

describe('the leakproof marks hold on every node (Citus)', () => {
  const db = citusTestDatabase();

  test('coordinator and workers mark the reviewed operators leakproof', async () => {
    const nodes = [db.adminUrl, ...db.workerAdminUrls];
    expect(nodes.length).toBe(3);
    for (const url of nodes) {
      const marked = await withClient(url, async (c) => {
        const { rows } = await c.query<{ fn: string }>(
          `select p.oid::regprocedure::text as fn from pg_catalog.pg_proc p
           where p.proleakproof and p.oid in ('pg_catalog.ts_match_vq(tsvector, tsquery)'::regprocedure,
             'pg_catalog.jsonb_eq(jsonb, jsonb)'::regprocedure, 'extensions.similarity_op(text, text)'::regprocedure)
           order by 1`,
        );
        return rows.map((r) => r.fn);
      });
      expect(marked, url.replace(/:[^:@]*@/, ':***@')).toEqual([
        'extensions.similarity_op(text,text)',
        'jsonb_eq(jsonb,jsonb)',
        'ts_match_vq(tsvector,tsquery)',
      ]);
    }
  });
});
