// Renders docs/errors.md from the error catalog, so the document cannot drift from the code.
import { constraintErrors, sqlstateErrors } from './error-catalog';

const escapeCell = (text: string) => text.replaceAll('|', '\\|');

export function renderErrorsDoc(): string {
  const lines = [
    '# Errors the database raises on purpose',
    '',
    'Generated from `packages/db/src/error-catalog.ts` by `pnpm db:docs`; do not edit by hand.',
    '`@b2b/db` turns each into a typed error (`mapDbError`, also applied by `withTransaction` and',
    '`withTenant`): a unique or exclusion constraint is a `ConflictError`, a foreign key a `ForeignKeyError`,',
    'a check or a business rule a `ValidationError`, a refused grant or policy a `PermissionError`, a',
    'missing tenant context a `TenantContextError`. Callers branch on the class or on `code`, never on text.',
    '',
    '## Custom SQLSTATEs',
    '',
    'Class `B2` is ours: `B20xx` foundation, `B21xx` accounts, `B22xx` catalog, `B23xx` orders.',
    '',
    '| SQLSTATE | code | meaning |',
    '|---|---|---|',
    ...Object.entries(sqlstateErrors)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([state, e]) => `| \`${state}\` | \`${e.code}\` | ${escapeCell(e.message)} |`),
    '',
    '## Named constraints',
    '',
    '| constraint | code | message |',
    '|---|---|---|',
    ...Object.entries(constraintErrors)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, e]) => `| \`${name}\` | \`${e.code}\` | ${escapeCell(e.message)} |`),
    '',
  ];
  return lines.join('\n');
}
