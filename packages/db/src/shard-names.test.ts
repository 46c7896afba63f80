// Constraint errors as Citus reports them map to the catalog's typed errors (mapDbError). A shard names its
// copy of a unique, primary key, exclusion or foreign key constraint `<name>_<shard id>`, or cuts a long
// name and adds PostgreSQL's hash_any of it (a check constraint keeps its name); an
// error from a worker has no constraint field and names the shard's constraint in its message only. The
// errors below have the shapes Citus 13.2.2 sends (seen in db-tests/citus/errors/); the hash is checked
// against a real PostgreSQL's hashtext(), and a real error on a constraint named as a shard names it is
// mapped too. The whole family: every constraint of the catalog, each in its SQLSTATE, in both forms.
import { createTestDatabase, type TestDatabase } from '@b2b/testing/vitest';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { constraintErrors } from './error-catalog';
import { ConflictError, ForeignKeyError, mapDbError, ValidationError } from './errors';
import { catalogNameOf, pgHashBytes, quotedNames, shardObjectName } from './shard-names';

/** A pg DatabaseError as the driver builds it from what the server sent (no field it did not send). */
function serverError(fields: {
  code: string;
  message: string;
  constraint?: string;
  table?: string;
  schema?: string;
}) {
  return Object.assign(new Error(fields.message), { severity: 'ERROR', ...fields });
}

const SQLSTATE_OF_PREFIX: Record<string, string> = {
  pk: '23505',
  uq: '23505',
  fk: '23503',
  chk: '23514',
  excl: '23P01',
};

/** PostgreSQL's English message for a violation of `constraint` (a shard's name) on `table`. */
function messageOf(sqlstate: string, constraint: string, table: string): string {
  switch (sqlstate) {
    case '23505':
      return `duplicate key value violates unique constraint "${constraint}"`;
    case '23503':
      return `insert or update on table "${table}" violates foreign key constraint "${constraint}"`;
    case '23514':
      return `new row for relation "${table}" violates check constraint "${constraint}"`;
    default:
      return `conflicting key value violates exclusion constraint "${constraint}"`;
  }
}

describe('shard names of constraints', () => {
  test('a short name gets `_<shard id>`; one that would pass 63 bytes is cut to 47 and hashed', () => {
    expect(shardObjectName('pk_orders', '102008')).toBe('pk_orders_102008');
    const long = 'fk_price_lists_tenant_id_customer_group_id_customer_groups';
    const onShard = shardObjectName(long, '102040');
    expect(onShard).toMatch(/^fk_price_lists_tenant_id_customer_group_id_cust_[0-9a-f]{8}_102040$/);
    expect(onShard.length).toBe(63);
    expect(catalogNameOf(onShard, constraintErrors)).toBe(long);
    // the same prefix with another hash is not that constraint
    expect(catalogNameOf(onShard.replace(/_[0-9a-f]{8}_/, '_00000000_'), constraintErrors)).toBeUndefined();
  });

  test('a name is stripped only to a catalog name: unknown names and plain names stay unresolved or as they are', () => {
    expect(catalogNameOf('pk_orders', constraintErrors)).toBe('pk_orders');
    expect(catalogNameOf('pk_nothing_102008', constraintErrors)).toBeUndefined();
    expect(catalogNameOf('pk_orders_x', constraintErrors)).toBeUndefined();
  });

  test('the names a message quotes, in English and in the quotation marks of translations', () => {
    expect(
      quotedNames('insert or update on table "orders_102008" violates foreign key constraint "fk_x_102008"'),
    ).toEqual(['orders_102008', 'fk_x_102008']);
    expect(quotedNames('doppelter Schlüsselwert verletzt Unique-Constraint »pk_orders_102008«')).toEqual([
      'pk_orders_102008',
    ]);
  });

  test('every catalogued constraint, reported by a worker (shard name in the message only) or by a local shard (shard name in the field), maps to its typed error', () => {
    const wrong: string[] = [];
    for (const [name, entry] of Object.entries(constraintErrors)) {
      const sqlstate = SQLSTATE_OF_PREFIX[name.slice(0, name.indexOf('_'))];
      if (!sqlstate) continue;
      for (const shardId of ['102008', '1020089']) {
        const onShard = shardObjectName(name, shardId);
        const message = messageOf(sqlstate, onShard, `t_${shardId}`);
        const fromWorker = mapDbError(serverError({ code: sqlstate, message }));
        const fromLocalShard = mapDbError(
          serverError({
            code: sqlstate,
            message,
            constraint: onShard,
            table: `t_${shardId}`,
            schema: 'orders',
          }),
        );
        for (const [how, mapped] of [
          ['worker', fromWorker],
          ['local shard', fromLocalShard],
        ] as const) {
          const m = mapped as { code?: string; constraint?: string; sqlstate?: string };
          if (m.code !== entry.code || m.constraint !== name || m.sqlstate !== sqlstate)
            wrong.push(`${name} on shard ${shardId} (${how}): ${JSON.stringify(m)}`);
        }
        expect((fromLocalShard as { table?: string }).table).toBe('orders.t');
      }
    }
    expect(wrong).toEqual([]);
    expect(Object.keys(constraintErrors).length).toBeGreaterThan(300);
  });

  test('the classes stay those of the SQLSTATE', () => {
    const of = (code: string, name: string) =>
      mapDbError(
        serverError({ code, message: messageOf(code, shardObjectName(name, '102008'), 'x_102008') }),
      );
    expect(of('23505', 'uq_staff_users_tenant_id_email')).toBeInstanceOf(ConflictError);
    expect(of('23P01', 'excl_prices_no_overlap')).toBeInstanceOf(ConflictError);
    expect(of('23503', 'fk_price_lists_tenant_id_customer_group_id_customer_groups')).toBeInstanceOf(
      ForeignKeyError,
    );
    expect(of('23514', 'chk_price_lists_scope_target')).toBeInstanceOf(ValidationError);
    // Citus keeps a check constraint's own name on the shards: from a worker only the field is missing
    expect(
      mapDbError(
        serverError({
          code: '23514',
          message:
            'new row for relation "warehouses_102235" violates check constraint "chk_warehouses_code_format"',
        }),
      ),
    ).toMatchObject({ code: 'warehouse_code_invalid', constraint: 'chk_warehouses_code_format' });
    // a catalog name quoted in the message of another class is not that constraint's error
    const tooLarge = mapDbError(
      serverError({
        code: '54000',
        message: 'index row size 9000 exceeds maximum 2704 for index "uq_staff_users_tenant_id_email_102008"',
      }),
    );
    expect(tooLarge).toMatchObject({ code: 'value_too_large', constraint: undefined });
  });

  test('an uncatalogued constraint from a shard and a not-null violation from a worker are still typed', () => {
    expect(
      mapDbError(
        serverError({
          code: '23514',
          message: 'new row for relation "t_102008" violates check constraint "chk_t_x_102008"',
        }),
      ),
    ).toMatchObject({ name: 'ValidationError', code: 'chk_t_x_102008', constraint: 'chk_t_x_102008' });
    expect(
      mapDbError(
        serverError({
          code: '23502',
          message:
            'null value in column "legal_name" of relation "companies_102040" violates not-null constraint',
        }),
      ),
    ).toMatchObject({ name: 'ValidationError', code: 'value_required', message: 'legal_name is required.' });
  });
});

describe('against a real PostgreSQL', () => {
  let db: TestDatabase;
  let client: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new pg.Client({ connectionString: db.adminUrl });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  test("pgHashBytes is PostgreSQL's hash_any (hashtext), for names of every length up to 63 bytes and more", async () => {
    const names = ['', 'a', ...Object.keys(constraintErrors), 'ü'.repeat(40), 'x'.repeat(130), 'fk_ßtraße_€'];
    const { rows } = await client.query<{ name: string; hash: number }>(
      'select n as name, hashtext(n) as hash from unnest($1::text[]) n',
      [names],
    );
    const wrong = rows.filter((r) => pgHashBytes(new TextEncoder().encode(r.name)) !== r.hash >>> 0);
    expect(wrong).toEqual([]);
    expect(rows).toHaveLength(names.length);
  });

  test('a real error on a constraint named as a shard names it maps to the catalog entry, the table without the shard id', async () => {
    const long = 'fk_price_lists_tenant_id_customer_group_id_customer_groups';
    await client.query('begin');
    try {
      await client.query(`create schema scratch;
        create table scratch.staff_102040 (email text, constraint "uq_staff_users_tenant_id_email_102040" unique (email));
        create table scratch.parent_102041 (id int primary key);
        create table scratch.child_102041 (id int, constraint "${shardObjectName(long, '102041')}" foreign key (id) references scratch.parent_102041);
        insert into scratch.staff_102040 values ('a@example.com');`);
      const errorOf = async (sql: string) => {
        await client.query('savepoint s');
        try {
          await client.query(sql);
        } catch (error) {
          return mapDbError(error);
        } finally {
          await client.query('rollback to savepoint s');
        }
        throw new Error(`${sql} succeeded`);
      };
      expect(await errorOf(`insert into scratch.staff_102040 values ('a@example.com')`)).toMatchObject({
        name: 'ConflictError',
        code: 'staff_email_taken',
        constraint: 'uq_staff_users_tenant_id_email',
        table: 'scratch.staff',
      });
      expect(await errorOf('insert into scratch.child_102041 values (1)')).toMatchObject({
        name: 'ForeignKeyError',
        code: 'customer_group_not_found',
        constraint: long,
      });
    } finally {
      await client.query('rollback');
    }
  });
});
