// `pnpm db:health` reads every section as the monitoring role and prints each one; a section that fails
// (pg_stat_statements not loaded, a view dropped) is reported as unavailable with its SQLSTATE, the others
// still print; --json has the same rows.
import { withClient, withRoleOption } from '@b2b/testing';
import { createTestDatabase, type TestDatabase } from '@b2b/testing/vitest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatHealth, HEALTH_SECTIONS, readHealth } from './health';

describe('db:health', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  test('every section is read as b2b_monitor and printed under its title', async () => {
    const report = await withClient(withRoleOption(db.adminUrl, 'b2b_monitor'), (c) => readHealth(c, 5));
    expect(report.role).toBe('b2b_monitor');
    expect(Object.keys(report.sections)).toEqual(HEALTH_SECTIONS.map((s) => s.name));
    for (const section of HEALTH_SECTIONS) {
      const result = report.sections[section.name];
      expect(result && 'error' in result ? result.error : 'read', section.name).toBe('read');
      if (result && 'rows' in result) {
        expect(result.rows.length).toBeLessThanOrEqual(5);
        for (const row of result.rows)
          expect(Object.keys(row)).toEqual(expect.arrayContaining([...section.columns]));
      }
    }
    const text = formatHealth(report);
    for (const section of HEALTH_SECTIONS) expect(text).toContain(`## ${section.title}`);
    expect(JSON.parse(JSON.stringify(report)).sections.table_sizes.total).toBeGreaterThan(5);
  });

  test('a section that cannot be read is reported with its SQLSTATE and the others still are', async () => {
    const report = await withClient(withRoleOption(db.adminUrl, 'b2b_app'), (c) => readHealth(c, 5));
    for (const section of HEALTH_SECTIONS) {
      expect(report.sections[section.name]).toMatchObject({ code: '42501' });
    }
    expect(formatHealth(report)).toContain('unavailable: permission denied for schema ops (SQLSTATE 42501)');
  });
});
