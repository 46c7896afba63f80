// The statement splitter the migrator uses on Citus must cut where psql does, and nowhere else.
import { describe, expect, test } from 'vitest';
import { splitSqlStatements, statementsOfPlainQuery } from './split-sql';

describe('splitSqlStatements', () => {
  test('cuts at top-level semicolons and drops empty and comment-only statements', () => {
    expect(splitSqlStatements('select 1; select 2;\n-- done\n;')).toEqual(['select 1', 'select 2']);
  });

  test('keeps semicolons inside strings, identifiers, comments and dollar quotes', () => {
    const sql = [
      "select 'a;b', E'c\\';d', \"x;y\" -- e;f\nfrom t",
      '/* g; /* nested; */ h; */ select 2',
      'create function f() returns int language plpgsql as $fn$ begin return 1; end $fn$',
      'do $$ begin perform 1; end $$',
    ].join(';\n');
    expect(splitSqlStatements(sql)).toHaveLength(4);
    expect(splitSqlStatements(sql)[2]).toContain('return 1; end $fn$');
  });

  test('keeps a BEGIN ATOMIC body whole, CASE ... END inside it included', () => {
    const sql = `create function f(x int) returns int language sql
begin atomic
  select case x when 1 then 2 else 3 end;
  select 4;
end;
select 5;`;
    const parts = splitSqlStatements(sql);
    expect(parts).toHaveLength(2);
    expect(parts[0]).toMatch(/select 4;\nend$/);
    expect(parts[1]).toBe('select 5');
  });

  test('a CASE expression in a plain statement does not swallow the next statement', () => {
    expect(splitSqlStatements('select case when true then 1 end; select 2')).toEqual([
      'select case when true then 1 end',
      'select 2',
    ]);
  });

  test('a transaction BEGIN is a statement of its own', () => {
    expect(splitSqlStatements('begin; select 1; commit;')).toEqual(['begin', 'select 1', 'commit']);
  });

  test('two CREATE TRIGGER statements of a repeatable file are two statements', () => {
    const sql = `-- a comment
create or replace trigger a before insert on t for each row execute function f();

create or replace trigger b after update of c on t for each row when (old.c is distinct from new.c)
  execute function g();`;
    expect(splitSqlStatements(sql)).toHaveLength(2);
  });
});

describe('statementsOfPlainQuery', () => {
  const file = '-- Up Migration\nalter table t add column c text;\ncomment on column t.c is $$a; b$$;\n';

  // node-pg-migrate 9 runs a SQL migration's section as `client.query(sql, values)` with values undefined:
  // a check on "one argument" never split it, and Citus got the whole file as one query (issue 11).
  test('splits a section sent the way node-pg-migrate sends it: text and an undefined values argument', () => {
    expect(statementsOfPlainQuery([file, undefined])).toEqual([
      '-- Up Migration\nalter table t add column c text',
      'comment on column t.c is $$a; b$$',
    ]);
  });

  test('splits text alone and text with an empty values list', () => {
    expect(statementsOfPlainQuery([file])).toHaveLength(2);
    expect(statementsOfPlainQuery([file, []])).toHaveLength(2);
  });

  test('leaves a query with bind values or a config object whole', () => {
    expect(statementsOfPlainQuery(['select $1', [1]])).toBeUndefined();
    expect(statementsOfPlainQuery([{ text: file }])).toBeUndefined();
  });
});
