import { withClient } from '@b2b/testing';
import { createTestDatabase, type TestDatabase } from '@b2b/testing/vitest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatReport, type Report } from './report';
import { backendDatabase, openServerCpu, parseStat } from './server-cpu';

describe('server CPU from /proc', () => {
  test('reads ppid, utime + stime and cutime + cstime, also when the command name holds spaces and parentheses', () => {
    // fields: pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime ...
    const line =
      '4242 (postgres: b2b_app db (idle)) S 100 4242 4242 0 -1 4194560 10 0 0 0 123 45 6 7 20 0 1 0';
    expect(parseStat(line)).toEqual({ ppid: 100, own: 168, children: 13 });
  });

  test("a client backend's database from its process title; background processes have none", () => {
    expect(backendDatabase('postgres: b2b_app b2b_bench_orders 127.0.0.1(40112) idle\0\0')).toBe(
      'b2b_bench_orders',
    );
    expect(backendDatabase('postgres: postgres b2b_bench_pgbench [local] UPDATE')).toBe('b2b_bench_pgbench');
    expect(backendDatabase('postgres: autovacuum worker b2b_bench_orders')).toBeUndefined();
    expect(backendDatabase('postgres: walwriter ')).toBeUndefined();
    expect(backendDatabase('postgres: checkpointer ')).toBeUndefined();
    expect(backendDatabase('/usr/lib/postgresql/15/bin/postgres -D /data')).toBeUndefined();
  });

  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  }, 60_000);
  afterAll(async () => {
    await db?.drop();
  });

  test("counts the work of the server's backends, including one that has exited", async () => {
    const cpu = await openServerCpu(db.adminUrl);
    // the throwaway test server runs on this machine: its processes are visible
    expect(cpu).toBeDefined();
    if (!cpu) return;
    const before = cpu.sample();
    // a backend that burns CPU and then exits: its time moves to the postmaster's cutime
    await withClient(db.adminUrl, (client) =>
      client.query('select count(*) from generate_series(1, 3000000)'),
    );
    const database = new URL(db.adminUrl).pathname.slice(1);
    await cpu.settle(db.adminUrl, database);
    expect(cpu.sample() - before).toBeGreaterThan(0);
  });

  test("counts a live backend's work under its database, and none under another database", async () => {
    const cpu = await openServerCpu(db.adminUrl);
    if (!cpu) throw new Error('the test server is on this machine');
    const database = new URL(db.adminUrl).pathname.slice(1);
    // another database of the same server with a live, idle backend of its own: a sample that counted
    // every backend (or the wrong one) would count the busy backend's work under it too
    const other = await createTestDatabase();
    const otherName = new URL(other.adminUrl).pathname.slice(1);
    try {
      await withClient(other.adminUrl, async (idle) => {
        await idle.query('select 1');
        await withClient(db.adminUrl, async (client) => {
          const before = cpu.sampleDatabase(database);
          const otherBefore = cpu.sampleDatabase(otherName);
          await client.query('select count(*) from generate_series(1, 3000000)');
          const busy = cpu.sampleDatabase(database) - before;
          expect(busy).toBeGreaterThan(0);
          // the idle backend's own work in that time: a clock tick at most, far below the busy one's
          expect(cpu.sampleDatabase(otherName) - otherBefore).toBeLessThan(busy / 4);
        });
      });
    } finally {
      await other.drop();
    }
  });

  test('the report prints the CPU columns and judges an at-most ratio', () => {
    const report: Report = {
      suite: 'orders',
      command: 'pnpm bench orders',
      startedAt: '2026-11-30T06:00:00Z',
      dataset: 'fixture',
      machine: {
        cores: 2,
        cpu: 'x',
        memoryGiB: 1,
        os: 'Linux',
        node: 'v20',
        postgres: '15',
        sharedBuffers: '128MB',
        synchronousCommit: 'on',
        fsync: 'on',
        loadAverage: 1,
      },
      rows: [{ workload: 'placeOrder', clients: 8, count: 10, perSecond: 1, meanMs: 1, serverCpuMs: 1.25 }],
      ratios: [
        { what: 'order in TPC-B of CPU', value: 6, atMost: 5 },
        { what: 'another', value: 4, atMost: 5 },
      ],
      notes: [],
    };
    const text = formatReport(report);
    expect(text).toContain('server CPU ms/tx');
    expect(text).toContain('1.250');
    expect(text).toMatch(/order in TPC-B of CPU \| +6\.00x \| <= 5x +\| ✗ FAIL/);
    expect(text).toMatch(/another +\| +4\.00x \| <= 5x +\| ✓ pass/);
  });
});
