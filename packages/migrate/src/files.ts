// What the migrator reads from sql/: versioned migrations and repeatable objects, in apply order.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';

/** Repeatable kinds, applied in this order after all versioned migrations. */
export const REPEATABLE_KINDS = ['functions', 'views', 'triggers', 'policies', 'grants'] as const;

export interface SqlFile {
  /** Path relative to the sql/ folder, with forward slashes: the ledger key. */
  path: string;
  absolutePath: string;
  checksum: string;
}

export interface VersionedFile extends SqlFile {
  /** node-pg-migrate's name for it: the file name without extension. */
  name: string;
}

export function checksumOf(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex');
}

function sqlFile(sqlDir: string, absolutePath: string): SqlFile {
  return {
    path: relative(sqlDir, absolutePath).split('\\').join('/'),
    absolutePath,
    checksum: checksumOf(readFileSync(absolutePath, 'utf8')),
  };
}

/** Domains in load order, from sql/domains.json (a domain's objects may use those of earlier domains). */
export function readDomains(sqlDir: string): string[] {
  const file = join(sqlDir, 'domains.json');
  const domains = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (!Array.isArray(domains) || !domains.every((d) => typeof d === 'string')) {
    throw new Error(`${file} must be a JSON array of domain folder names`);
  }
  for (const entry of readdirSync(sqlDir, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name !== 'bootstrap' && !domains.includes(entry.name)) {
      throw new Error(
        `sql/${entry.name}/ is not listed in sql/domains.json: add it where it belongs in load order`,
      );
    }
  }
  return domains as string[];
}

function listSorted(dir: string, extensions: string[]): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => extensions.includes(extname(name)) && !name.startsWith('.'))
    .sort()
    .map((name) => join(dir, name));
}

const MIGRATION_NAME = /^\d{14}_[a-z0-9_]+$/;

/** Versioned migrations of every domain, in one global order by their UTC timestamp prefix. */
export function versionedFiles(sqlDir: string): VersionedFile[] {
  const files = readDomains(sqlDir).flatMap((domain) =>
    listSorted(join(sqlDir, domain, 'migrations'), ['.sql', '.js']),
  );
  const seen = new Map<string, string>();
  const result = files.map((absolutePath) => {
    const name = basename(absolutePath, extname(absolutePath));
    if (!MIGRATION_NAME.test(name)) {
      throw new Error(`${absolutePath}: migration names are <14-digit UTC timestamp>_<verb>_<object>`);
    }
    const clash = seen.get(name.slice(0, 14));
    if (clash) throw new Error(`${absolutePath} and ${clash} share the timestamp ${name.slice(0, 14)}`);
    seen.set(name.slice(0, 14), absolutePath);
    return { ...sqlFile(sqlDir, absolutePath), name };
  });
  return result.sort((a, b) => a.name.localeCompare(b.name));
}

/** Repeatable objects: kind by kind (REPEATABLE_KINDS), domain by domain, file name order within. */
export function repeatableFiles(sqlDir: string): SqlFile[] {
  const domains = readDomains(sqlDir);
  return REPEATABLE_KINDS.flatMap((kind) =>
    domains.flatMap((domain) =>
      listSorted(join(sqlDir, domain, kind), ['.sql']).map((f) => sqlFile(sqlDir, f)),
    ),
  );
}

/**
 * Idempotent superuser steps of every migrate. Before it: `cluster` (roles, shared by every database of
 * the server) and `database` (privileges on the database itself, which a template clone does not copy).
 * After it: `after_migrate` (changes to objects the migrations create that only a superuser may make,
 * such as marking extension functions leakproof).
 */
export type BootstrapLevel = 'cluster' | 'database' | 'after_migrate';

export function bootstrapFiles(
  sqlDir: string,
  levels: BootstrapLevel[] = ['cluster', 'database'],
): SqlFile[] {
  return levels.flatMap((level) =>
    listSorted(join(sqlDir, 'bootstrap', level), ['.sql']).map((f) => sqlFile(sqlDir, f)),
  );
}
