// Applied versioned migrations are locked by checksum: an edit or a removal stops db:migrate, naming the file.
import { appendFileSync, rmSync } from 'node:fs';
import { migrate, versionedFiles } from '@b2b/migrate';
import { createTestDatabase, type TestDatabase } from '@b2b/testing/vitest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copySqlDir } from './helpers';

describe('versioned migration checksums', () => {
  let db: TestDatabase;
  let sql: ReturnType<typeof copySqlDir>;

  beforeAll(async () => {
    db = await createTestDatabase({ empty: true });
    sql = copySqlDir();
    await migrate({ url: db.adminUrl, sqlDir: sql.dir });
  });
  afterAll(async () => {
    await db.drop();
    sql.remove();
  });

  test('a second migrate with nothing changed applies nothing', async () => {
    expect(await migrate({ url: db.adminUrl, sqlDir: sql.dir })).toEqual({
      applied: [],
      repeatablesApplied: [],
    });
  });

  test('an edited applied migration is refused, naming the file and the escape hatch', async () => {
    const [first] = versionedFiles(sql.dir);
    if (!first) throw new Error('no versioned migrations');
    appendFileSync(first.absolutePath, '\n-- an innocent-looking edit\n');
    const attempt = migrate({ url: db.adminUrl, sqlDir: sql.dir });
    await expect(attempt).rejects.toThrow(`sql/${first.path} was edited after it was applied`);
    await expect(migrate({ url: db.adminUrl, sqlDir: sql.dir })).rejects.toThrow(
      `--accept-edited ${first.name}`,
    );
  });

  test('--accept-edited records the new checksum, after which migrate is quiet again', async () => {
    const [first] = versionedFiles(sql.dir);
    await migrate({ url: db.adminUrl, sqlDir: sql.dir, acceptEdited: [first?.name ?? ''] });
    expect(await migrate({ url: db.adminUrl, sqlDir: sql.dir })).toEqual({
      applied: [],
      repeatablesApplied: [],
    });
  });

  test('a removed applied migration is refused, naming it', async () => {
    const last = versionedFiles(sql.dir).at(-1);
    if (!last) throw new Error('no versioned migrations');
    rmSync(last.absolutePath);
    await expect(migrate({ url: db.adminUrl, sqlDir: sql.dir })).rejects.toThrow(
      `Applied migration ${last.name} has no file any more`,
    );
  });
});
