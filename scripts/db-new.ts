// `pnpm db:new <domain> <verb>_<object> [--no-transaction]`: writes a templated versioned migration.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readDomains } from '@b2b/migrate';
import { log, main } from './lib/cli';
import { SQL_DIR } from './lib/dev-database';

const USAGE =
  'Usage: pnpm db:new <domain> <verb>_<object> [--no-transaction]   e.g. pnpm db:new tenancy add_staff_users_phone';

function utcStamp(date = new Date()): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

const SQL_TEMPLATE = (name: string) => `-- Up Migration
-- ${name.replace(/_/g, ' ')}: say why, in one line.
-- Released migrations are immutable (checksum-locked): to change this after it has shipped, add another.
-- Functions, views, triggers, policies and grants belong in the domain's repeatable folders instead.


-- Down Migration
-- Undo everything above, in reverse order.

`;

const NO_TRANSACTION_TEMPLATE = (
  name: string,
) => `// ${name.replace(/_/g, ' ')}: runs outside a transaction, for statements that cannot run in one
// (create index concurrently, alter type ... add value on old servers). One statement per step: if it
// fails half way, a concurrent index is left INVALID; the down step (or a rerun after dropping it) mends it.
/** @param {import('node-pg-migrate').MigrationBuilder} pgm */
export const up = (pgm) => {
  pgm.noTransaction();
  pgm.sql('-- create index concurrently if not exists idx_<table>_<cols> on <schema>.<table> (<cols>)');
};

/** @param {import('node-pg-migrate').MigrationBuilder} pgm */
export const down = (pgm) => {
  pgm.noTransaction();
  pgm.sql('-- drop index concurrently if exists <schema>.idx_<table>_<cols>');
};
`;

main(async () => {
  const args = process.argv.slice(2);
  const noTransaction = args.includes('--no-transaction');
  const [domain, name, ...rest] = args.filter((a) => a !== '--no-transaction');
  if (!domain || !name || rest.length) throw new Error(USAGE);
  const domains = readDomains(SQL_DIR);
  if (!domains.includes(domain)) {
    throw new Error(
      `Unknown domain "${domain}" (known: ${domains.join(', ')}). A new domain is a folder under sql/ listed in sql/domains.json.`,
    );
  }
  if (!/^[a-z][a-z0-9]*(_[a-z0-9]+)+$/.test(name)) {
    throw new Error(
      `"${name}" should be <verb>_<object> in snake_case, e.g. add_staff_users_phone. ${USAGE}`,
    );
  }
  const dir = join(SQL_DIR, domain, 'migrations');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${utcStamp()}_${name}.${noTransaction ? 'js' : 'sql'}`);
  if (existsSync(file)) throw new Error(`${file} already exists; wait a second and try again`);
  writeFileSync(file, noTransaction ? NO_TRANSACTION_TEMPLATE(name) : SQL_TEMPLATE(name));
  log(`wrote ${relative(process.cwd(), file)}`);
});
