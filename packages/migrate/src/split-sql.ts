// Splits a SQL script into its statements, the way psql does (psqlscan.l): a semicolon ends a statement
// unless it is inside a string ('...', E'...', $tag$...$tag$), a quoted identifier, a comment (-- or
// nested /* */), parentheses, or the body of a SQL-standard function (BEGIN ATOMIC ... END, where BEGIN
// and CASE open a level and END closes one).
//
// Why: Citus propagates some DDL (CREATE TRIGGER, for one) to the workers as the text of the query it
// arrived in; a file sent as one query reaches the workers whole, as a prepared statement, and fails with
// "cannot insert multiple commands into a prepared statement". On Citus the migrator sends statements
// one at a time.

/** The statements of `sql`, each without its terminating semicolon; empty and comment-only ones dropped. */
export function splitSqlStatements(sql: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let parens = 0;
  let beginDepth = 0;
  let identifiers = 0; // words seen in the current statement (BEGIN as its first word is a transaction)
  let hasCode = false;
  let i = 0;
  const n = sql.length;
  const push = (end: number) => {
    const text = sql.slice(start, end).trim();
    if (hasCode && text) statements.push(text);
    start = end + 1;
    identifiers = 0;
    hasCode = false;
  };
  while (i < n) {
    const c = sql[i] as string;
    const next = sql[i + 1];
    if (c === '-' && next === '-') {
      const eol = sql.indexOf('\n', i);
      i = eol < 0 ? n : eol + 1;
      continue;
    }
    if (c === '/' && next === '*') {
      let depth = 1;
      i += 2;
      while (i < n && depth > 0) {
        if (sql[i] === '/' && sql[i + 1] === '*') {
          depth++;
          i += 2;
        } else if (sql[i] === '*' && sql[i + 1] === '/') {
          depth--;
          i += 2;
        } else i++;
      }
      continue;
    }
    hasCode ||= c !== ';' && !/\s/.test(c);
    if (c === "'") {
      const escapes = i > 0 && /[eE]/.test(sql[i - 1] as string) && !/[\w$]/.test(sql[i - 2] ?? ' ');
      i++;
      while (i < n) {
        if (escapes && sql[i] === '\\') i += 2;
        else if (sql[i] === "'" && sql[i + 1] === "'") i += 2;
        else if (sql[i] === "'") break;
        else i++;
      }
      i++;
      continue;
    }
    if (c === '"') {
      i++;
      while (i < n) {
        if (sql[i] === '"' && sql[i + 1] === '"') i += 2;
        else if (sql[i] === '"') break;
        else i++;
      }
      i++;
      continue;
    }
    if (c === '$') {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i));
      if (tag && !/[\w$]/.test(sql[i - 1] ?? ' ')) {
        const close = sql.indexOf(tag[0], i + tag[0].length);
        i = close < 0 ? n : close + tag[0].length;
        continue;
      }
    }
    if (/[A-Za-z_]/.test(c) && !/[\w$]/.test(sql[i - 1] ?? ' ')) {
      const word = /^[A-Za-z_][\w$]*/.exec(sql.slice(i))?.[0] ?? c;
      identifiers++;
      const lower = word.toLowerCase();
      if ((lower === 'begin' || lower === 'case') && identifiers > 1) beginDepth++;
      else if (lower === 'end' && beginDepth > 0) beginDepth--;
      i += word.length;
      continue;
    }
    if (c === '(') parens++;
    else if (c === ')') parens = Math.max(0, parens - 1);
    else if (c === ';' && parens === 0 && beginDepth === 0) push(i);
    i++;
  }
  push(n);
  return statements;
}

/**
 * The statements of a `client.query(...)` call that sends plain text without bind values, or undefined
 * when the call has values or a config object (a prepared statement is one statement anyway).
 * node-pg-migrate sends a migration's section as `query(text, undefined)`: the `values` argument is
 * there, undefined, so "one argument" is not the test (it let every migration file reach Citus whole).
 */
export function statementsOfPlainQuery(args: readonly unknown[]): string[] | undefined {
  const [text, values] = args;
  if (typeof text !== 'string' || args.length > 2) return undefined;
  if (values !== undefined && !(Array.isArray(values) && values.length === 0)) return undefined;
  return splitSqlStatements(text);
}
