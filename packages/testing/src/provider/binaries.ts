// Finds PostgreSQL server binaries (initdb, pg_ctl, postgres) of a supported major version.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export const MIN_MAJOR = 15;

export interface PgBinaries {
  bindir: string;
  major: number;
}

function majorOf(bindir: string): number | undefined {
  try {
    const out = execFileSync(join(bindir, 'postgres'), ['--version'], { encoding: 'utf8' });
    const match = /(\d+)(?:\.\d+)?/.exec(out);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

function pgConfigBindir(): string | undefined {
  try {
    return execFileSync('pg_config', ['--bindir'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

function versionedDirs(root: string, pattern: RegExp, toBin: (name: string) => string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => pattern.test(name))
    .sort((a, b) => Number(b.replace(/\D/g, '')) - Number(a.replace(/\D/g, '')))
    .map(toBin);
}

/** Candidate directories, in the order we trust them: explicit, PATH, pg_config, distro locations. */
export function candidateBindirs(): string[] {
  const dirs: string[] = [];
  if (process.env.B2B_PG_BINDIR) dirs.push(process.env.B2B_PG_BINDIR);
  for (const dir of (process.env.PATH ?? '').split(delimiter)) if (dir) dirs.push(dir);
  const fromConfig = pgConfigBindir();
  if (fromConfig) dirs.push(fromConfig);
  dirs.push(...versionedDirs('/usr/lib/postgresql', /^\d+$/, (v) => `/usr/lib/postgresql/${v}/bin`));
  dirs.push(...versionedDirs('/usr/pgsql', /^\d+$/, (v) => `/usr/pgsql-${v}/bin`));
  for (const brew of ['/opt/homebrew/opt', '/usr/local/opt']) {
    dirs.push(...versionedDirs(brew, /^postgresql@\d+$/, (v) => `${brew}/${v}/bin`));
  }
  return [...new Set(dirs)];
}

/** The first supported server binaries in candidate order (PATH order is the user's choice), or undefined. */
export function findPgBinaries(): PgBinaries | undefined {
  for (const bindir of candidateBindirs()) {
    if (!existsSync(join(bindir, 'initdb')) || !existsSync(join(bindir, 'pg_ctl'))) continue;
    const major = majorOf(bindir);
    if (major !== undefined && major >= MIN_MAJOR) return { bindir, major };
  }
  return undefined;
}

export function installHint(): string {
  return [
    'No PostgreSQL 15+ server binaries were found (looked in PATH, pg_config --bindir,',
    '/usr/lib/postgresql/*/bin, /usr/pgsql-*/bin and Homebrew).',
    'Install them with: sudo apt-get install -y postgresql-15 postgresql-15-pgtap',
    '(or run ./scripts/setup.sh as root), or set DATABASE_URL to a server you already run.',
  ].join('\n');
}
