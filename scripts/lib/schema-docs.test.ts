// The rendering rules of the generated schema documents, without a database: Markdown escapes what it
// prints, and the ERD's names, cardinality and optionality follow the catalog.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  type Column,
  type ForeignKey,
  LARGE_SCHEMA_TABLES,
  mdCode,
  mdText,
  readAreas,
  relationship,
  renderDictionary,
  renderErd,
  type SchemaModel,
} from './schema-docs';

const fk = (over: Partial<ForeignKey>): ForeignKey => ({
  table: 'orders.orders',
  name: 'fk_x',
  references: 'accounts.companies',
  columns: 'tenant_id, company_id',
  nullable: false,
  unique: false,
  identifying: false,
  ...over,
});
const col = (table: string, name: string, over: Partial<Column> = {}): Column => ({
  table,
  name,
  type: 'uuid',
  nullable: false,
  default: null,
  comment: null,
  pk: false,
  ...over,
});
const table = (qualified: string, comment: string | null = 'A table.') => {
  const [schema, name] = qualified.split('.') as [string, string];
  return { schema, name, comment, rls: true, forced: true, tenantOwned: true };
};

describe('Markdown escaping', () => {
  test('text prints literally: no HTML, emphasis, code, links or table cells out of it', () => {
    expect(mdText('Materialized path <root id>/<child id>')).toBe(
      'Materialized path &lt;root id&gt;/&lt;child id&gt;',
    );
    expect(mdText('a | b')).toBe('a \\| b');
    expect(mdText('*bold* _it_ `code` [link](x) \\ #1 ~~s~~')).toBe(
      '\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x) \\\\ \\#1 \\~\\~s\\~\\~',
    );
    expect(mdText('AT&T &lt;')).toBe('AT&amp;T &amp;lt;');
    expect(mdText('line one\nline two\r\nthree\rfour')).toBe('line one line two three four');
    expect(mdText(null)).toBe('');
  });

  test('code spans survive backticks, pipes and newlines', () => {
    expect(mdCode('numeric(19,4)')).toBe('`numeric(19,4)`');
    expect(mdCode('a`b')).toBe('``a`b``');
    expect(mdCode('`x`')).toBe('`` `x` ``');
    expect(mdCode("coalesce(a, '|')")).toBe("`coalesce(a, '\\|')`");
    expect(mdCode('a\nb')).toBe('`a b`');
    // <, > and _ are literal inside a code span: no entity, no escape
    expect(mdCode('<root id>_x')).toBe('`<root id>_x`');
  });

  test('the dictionary escapes comments, defaults and names in every place it prints them', () => {
    const model: SchemaModel = {
      tables: [table('catalog.categories', 'Tree of *categories* | see <docs>')],
      columns: [
        col('catalog.categories', 'path', {
          type: 'text',
          comment: 'Materialized path: <root id>/.../<this id>\nsecond line',
          default: "'a|b'::text",
        }),
      ],
      foreignKeys: [],
      functions: [
        { signature: 'catalog.f(text)', returns: 'setof text', kind: 'stable', comment: 'Uses `x` & <y>' },
      ],
      personal: [],
      areas: {},
    };
    const md = renderDictionary(model);
    expect(md).toContain('Tree of \\*categories\\* \\| see &lt;docs&gt;');
    expect(md).toContain('Materialized path: &lt;root id&gt;/.../&lt;this id&gt; second line');
    expect(md).toContain("`'a\\|b'::text`");
    expect(md).toContain('Uses \\`x\\` &amp; &lt;y&gt;');
    expect(md).not.toMatch(/<root id>|<docs>|<y>/);
  });
});

describe('personal data in the dictionary', () => {
  test('comes from the decisions, not from comment markers', () => {
    const model: SchemaModel = {
      tables: [table('accounts.buyers')],
      columns: [
        col('accounts.buyers', 'email', { type: 'text', comment: 'Login email.' }),
        col('accounts.buyers', 'status', { type: 'text', comment: 'Says (PII) but is not.' }),
      ],
      foreignKeys: [],
      functions: [],
      personal: [
        {
          schema: 'accounts',
          table: 'buyers',
          column: 'email',
          personal: true,
          category: 'contact',
          legalBasis: 'contract',
          retention: 'while the account exists',
          note: null,
        },
      ],
      areas: {},
    };
    const md = renderDictionary(model);
    expect(md).toContain('- personal data: `email` (contact)');
    expect(md).toContain('| `accounts.buyers.email` | contact | contract | while the account exists |  |');
    expect(md).not.toContain('`status` (');
  });
});

describe('ERD', () => {
  test('a required key is exactly one parent, a nullable key zero or one', () => {
    expect(relationship(fk({}))).toBe(
      '  accounts__companies ||..o{ orders__orders : "tenant_id, company_id"',
    );
    expect(
      relationship(fk({ nullable: true, references: 'orders.quotes', columns: 'tenant_id, quote_id' })),
    ).toBe('  orders__quotes |o..o{ orders__orders : "tenant_id, quote_id"');
  });

  test('a unique key makes it one-to-one (zero or one child); a key in the primary key is identifying', () => {
    expect(relationship(fk({ nullable: true, unique: true }))).toContain('|o..o|');
    expect(relationship(fk({ identifying: true, table: 'orders.order_lines' }))).toBe(
      '  accounts__companies ||--o{ orders__order_lines : "tenant_id, company_id"',
    );
  });

  test('tables of other schemas are declared with their real names as labels, keys only', () => {
    const model: SchemaModel = {
      tables: [table('accounts.addresses'), table('catalog.countries')],
      columns: [
        col('accounts.addresses', 'address_id', { pk: true }),
        col('accounts.addresses', 'country_code', { type: 'text' }),
        col('accounts.addresses', 'line2', { type: 'text', nullable: true }),
        col('catalog.countries', 'country_code', { type: 'text', pk: true }),
        col('catalog.countries', 'name', { type: 'text' }),
      ],
      foreignKeys: [
        fk({ table: 'accounts.addresses', references: 'catalog.countries', columns: 'country_code' }),
      ],
      functions: [],
      personal: [],
      areas: {},
    };
    const erd = renderErd(model);
    const accounts = erd.slice(erd.indexOf('## accounts'), erd.indexOf('## catalog'));
    expect(accounts).toContain('catalog__countries["catalog.countries"] {');
    expect(accounts).toContain('text country_code PK');
    expect(accounts).not.toContain('text name');
    expect(accounts).toContain('text line2 "nullable"');
    // every entity a link names is declared with its label in the same diagram
    for (const block of erd.split('```mermaid').slice(1)) {
      const declared = new Set([...block.matchAll(/^ {2}(\w+)\["/gm)].map((m) => m[1]));
      for (const m of block.matchAll(/^ {2}(\w+) \S+ (\w+) : /gm)) {
        expect(declared).toContain(m[1]);
        expect(declared).toContain(m[2]);
      }
    }
  });

  test('a large schema gets a keys-only overview and one diagram per area', () => {
    const names = Array.from({ length: LARGE_SCHEMA_TABLES + 1 }, (_, i) => `orders.t${i}`);
    const model: SchemaModel = {
      tables: names.map((n) => table(n)),
      columns: names.flatMap((n) => [col(n, 'id', { pk: true }), col(n, 'payload', { type: 'text' })]),
      foreignKeys: [fk({ table: 'orders.t1', references: 'orders.t0', columns: 'id' })],
      functions: [],
      personal: [],
      areas: Object.fromEntries(names.map((n, i) => [n, i < 5 ? 'first area' : 'second area'])),
    };
    const erd = renderErd(model);
    const overview = erd.slice(
      erd.indexOf('### orders: overview (keys only)'),
      erd.indexOf('### orders: first area'),
    );
    expect(overview).not.toContain('payload');
    expect(overview).toContain('orders__t12["orders.t12"]');
    expect(erd).toContain('### orders: second area');
    const second = erd.slice(erd.indexOf('### orders: second area'));
    expect(second).toContain('text payload');
    expect(second).not.toContain('orders__t0["orders.t0"]');
  });

  test('areas are the migrations that created the tables', () => {
    const dir = mkdtempSync(join(tmpdir(), 'b2b-areas-'));
    try {
      mkdirSync(join(dir, 'shop', 'migrations'), { recursive: true });
      writeFileSync(
        join(dir, 'shop', 'migrations', '20260101000000_create_carts.sql'),
        '-- Up Migration\ncreate table shop.carts (id int);\ncreate table shop.cart_lines (id int);\n-- Down Migration\ncreate table shop.ignored (id int);\n',
      );
      writeFileSync(
        join(dir, 'shop', 'migrations', '20260102000000_add_wishlists.sql'),
        '-- Up Migration\ncreate table if not exists shop.wishlists (id int);\n',
      );
      expect(readAreas(dir)).toEqual({
        'shop.carts': 'carts',
        'shop.cart_lines': 'carts',
        'shop.wishlists': 'wishlists',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
