// Renders docs/errors.md from the error catalog, so the document cannot drift from the code.
import { constraintErrors, sqlstateErrors, valueErrors } from './error-catalog';

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
    '## Codes without a constraint',
    '',
    '| code | class | when |',
    '|---|---|---|',
    '| `value_required` | ValidationError | a NOT NULL column got no value (23502) |',
    '| `value_invalid` | ValidationError | a value PostgreSQL cannot parse or store: bad uuid, number out of range (class 22 unless listed below) |',
    ...Object.entries(valueErrors)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([state, e]) => `| \`${e.code}\` | ValidationError | ${escapeCell(e.message)} (${state}) |`),
    '| `input_invalid` | ValidationError | a package function was given an argument of the wrong type or shape (checked before any query) |',
    '| `batch_duplicate_key` | ValidationError | one bulk write names the same key twice (21000) |',
    '| `permission_denied` | PermissionError | a missing grant or a row-level security policy refused the write (42501) |',
    '| `retry_exhausted` | RetryExhaustedError | serialization failures or deadlocks outlasted every retry (40001, 40P01) |',
    "| `shard_moving` | ShardMovingError | Citus refused a statement because the tenant's shard group moved or split under the transaction (rebalance, shard move, tenant isolation); rolled back, `retryable: true`; retried by `withTenant`/`withTransaction` with `retryShardMoves` (XX000, 42P01 for a shard's table) |",
    '| `transaction_rolled_back` | TransactionAbortedError | the server answered the final commit with ROLLBACK: a statement failed and the callback swallowed its error; nothing was written (25P02) |',
    '| `transaction_outcome_unknown` | TransactionOutcomeUnknownError | the connection was lost while committing (server terminated, network): it may or may not have committed; not retried |',
    '| `transaction_ended_in_callback` | TransactionOutcomeUnknownError | the callback sent commit or rollback itself; what was still open was rolled back (25P01) |',
    '| `cursor_invalid` | ValidationError | a page cursor that is malformed, tampered with, or from another listing (22023) |',
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
