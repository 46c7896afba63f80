// Is Citus installed in the PostgreSQL the harness uses? If not, build it from the vendored source
// (scripts/citus-install.sh), or stop and name Citus's own packages.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findPgBinaries, installHint, type PgBinaries } from '../binaries';
import { repoRoot } from '../repo';

export const CITUS_VERSION = '13.2.2';

/** Where the extension's files of this PostgreSQL live (pg_config next to the server binaries). */
function pgConfigDirs(bindir: string): { sharedir: string; pkglibdir: string } {
  const pgConfig = existsSync(join(bindir, 'pg_config')) ? join(bindir, 'pg_config') : 'pg_config';
  const [sharedir, pkglibdir] = execFileSync(pgConfig, ['--sharedir', '--pkglibdir'], { encoding: 'utf8' })
    .trim()
    .split('\n');
  if (!sharedir || !pkglibdir) throw new Error(`${pgConfig} --sharedir --pkglibdir answered nothing`);
  return { sharedir, pkglibdir };
}

/**
 * True when the `citus` extension can be created on servers started from `bindir`. B2B_CITUS_ASSUME_MISSING=1
 * answers false, to try the install path on a machine that has Citus (with DESTDIR, scripts/citus-install.sh
 * then installs into a staging folder and leaves the installed copy alone).
 */
export function citusInstalled(binaries: PgBinaries): boolean {
  if (process.env.B2B_CITUS_ASSUME_MISSING === '1') return false;
  const { sharedir, pkglibdir } = pgConfigDirs(binaries.bindir);
  return existsSync(join(sharedir, 'extension', 'citus.control')) && existsSync(join(pkglibdir, 'citus.so'));
}

export function citusPackagesHint(major: number): string {
  return [
    `Citus is not installed for PostgreSQL ${major}, and no vendored source was found to build it from`,
    '(../shared/vendor/citus/ next to the checkout, or B2B_CITUS_SOURCE).',
    "Install it from Citus's own packages, for example on Debian or Ubuntu:",
    '  curl https://install.citusdata.com/community/deb.sh | sudo bash',
    `  sudo apt-get install -y postgresql-${major}-citus-13.2`,
    `(RHEL: citus132_${major}; macOS: brew install citus), then run this again.`,
  ].join('\n');
}

/**
 * Makes sure Citus is installed: returns at once when it is, else runs scripts/citus-install.sh (apt build
 * dependencies and `make install`, as root or through sudo), which prints its progress and its warning
 * that the build dependencies upgrade postgresql-<major>. Throws, naming Citus's packages, when that fails.
 */
export function ensureCitusInstalled(say: (line: string) => void): PgBinaries {
  const binaries = findPgBinaries();
  if (!binaries) throw new Error(installHint());
  if (citusInstalled(binaries)) return binaries;
  say(`Citus is not installed for PostgreSQL ${binaries.major}: building Citus ${CITUS_VERSION} from source`);
  const script = join(repoRoot, 'scripts', 'citus-install.sh');
  const pgConfig = join(binaries.bindir, 'pg_config');
  const result = spawnSync('bash', [script], {
    stdio: 'inherit',
    env: { ...process.env, ...(existsSync(pgConfig) ? { PG_CONFIG: pgConfig } : {}) },
  });
  if (result.status === 3) throw new Error(citusPackagesHint(binaries.major));
  if (result.status !== 0) {
    throw new Error(
      `Building Citus failed (scripts/citus-install.sh exited ${result.status ?? result.signal}); see its output above.\n${citusPackagesHint(binaries.major)}`,
    );
  }
  if (process.env.DESTDIR || process.env.B2B_CITUS_ASSUME_MISSING === '1') return binaries;
  if (!citusInstalled(binaries)) throw new Error(citusPackagesHint(binaries.major));
  return binaries;
}
