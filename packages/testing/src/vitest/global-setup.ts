// Once per `pnpm db:test`: a server (resolver order), one migrated template; all torn down at the end.
// With B2B_TEST_PGBOUNCER=1, also a PgBouncer in transaction mode, through which the login roles connect.
import type { TestProject } from 'vitest/node';
import { type RunningPgBouncer, startThrowawayPgBouncer } from '../provider/pgbouncer';
import { resolveTestServer, type TestServer } from '../provider/resolve';
import { buildTemplate, dropDatabase, LOGIN_ROLES } from '../template/build-template';
import { THROWAWAY_ROLE_PASSWORD } from '../template/server-urls';
import './context';

let server: TestServer | undefined;
let template: string | undefined;
let bouncer: RunningPgBouncer | undefined;

async function teardown(): Promise<void> {
  await bouncer?.stop().catch(() => {});
  bouncer = undefined;
  const current = server;
  server = undefined;
  if (!current) return;
  if (template && current.source === 'DATABASE_URL')
    await dropDatabase(current.adminUrl, template).catch(() => {});
  await current.stop();
}

/**
 * B2B_TEST_PGBOUNCER=1: a PgBouncer (transaction pooling, SCRAM) in front of a throwaway server. Only there:
 * on a DATABASE_URL server the login roles' passwords are unknown and the role is switched with the
 * `options` startup parameter, which PgBouncer 1.18 does not pass on.
 */
async function startPooler(current: TestServer): Promise<RunningPgBouncer | undefined> {
  if (!process.env.B2B_TEST_PGBOUNCER || process.env.B2B_TEST_PGBOUNCER === '0') return undefined;
  if (current.source !== 'local binaries') {
    throw new Error(`B2B_TEST_PGBOUNCER needs a throwaway local server, not ${current.source}.`);
  }
  const serverPort = Number(new URL(current.adminUrl).port);
  const users = Object.fromEntries(LOGIN_ROLES.map((role) => [role, THROWAWAY_ROLE_PASSWORD]));
  // B2B_PGBOUNCER_PORT: where to start looking for a free port (default 6432).
  const port = Number(process.env.B2B_PGBOUNCER_PORT ?? 6432);
  return startThrowawayPgBouncer({ serverPort, users, port });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = performance.now();
  server = await resolveTestServer();
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      teardown().finally(() => process.exit(130));
    });
  }
  try {
    template = `b2b_template_${process.pid}`;
    const { migrateMs } = await buildTemplate(server.adminUrl, template, server.source);
    bouncer = await startPooler(server);
    process.stdout.write(
      `database: ${server.describe} (from ${server.source}); template migrated in ${Math.round(migrateMs)} ms, ` +
        `ready in ${Math.round(performance.now() - started)} ms\n`,
    );
    if (bouncer) {
      process.stdout.write(
        `PgBouncer ${bouncer.version} on 127.0.0.1:${bouncer.port} (transaction pooling, ${bouncer.poolSize} server ` +
          'connections per database): the login roles connect through it, the admin URL directly\n',
      );
    }
    project.provide('b2b', {
      adminUrl: server.adminUrl,
      template,
      source: server.source,
      ...(bouncer ? { pgbouncerPort: bouncer.port } : {}),
    });
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
