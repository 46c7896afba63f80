// When Citus is missing and no vendored source is found, the tooling stops and names Citus's own packages.
// (Building from the vendored source is tried by hand into a staging DESTDIR: docs/scaling.md.)
import { describe, expect, test } from 'vitest';
import { findPgBinaries } from '../binaries';
import { citusPackagesHint, ensureCitusInstalled } from './install';

const binaries = findPgBinaries();

describe('ensureCitusInstalled', () => {
  test('without Citus and without its source, it names Citus packages', async (ctx) => {
    if (!binaries) {
      const why = 'needs local PostgreSQL binaries (pg_config), and none were found: see ./scripts/setup.sh';
      console.warn(`citus install: skipped: ${why}`);
      ctx.skip(why);
    }
    const saved = { missing: process.env.B2B_CITUS_ASSUME_MISSING, source: process.env.B2B_CITUS_SOURCE };
    process.env.B2B_CITUS_ASSUME_MISSING = '1';
    process.env.B2B_CITUS_SOURCE = '/nonexistent/citus-source';
    try {
      expect(() => ensureCitusInstalled(() => {})).toThrow(`postgresql-${binaries?.major}-citus-13.2`);
    } finally {
      for (const [key, value] of [
        ['B2B_CITUS_ASSUME_MISSING', saved.missing],
        ['B2B_CITUS_SOURCE', saved.source],
      ] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });

  test('the hint names the Debian package, the repository script and the other platforms', () => {
    const hint = citusPackagesHint(15);
    expect(hint).toContain('sudo apt-get install -y postgresql-15-citus-13.2');
    expect(hint).toContain('https://install.citusdata.com/community/deb.sh');
    expect(hint).toContain('citus132_15');
  });
});
