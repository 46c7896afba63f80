// Once per `pnpm db:test`: a server (resolver order), one migrated template; all torn down at the end.
import type { TestProject } from 'vitest/node';
import { resolveTestServer, type TestServer } from '../provider/resolve';
import { buildTemplate, dropDatabase } from '../template/build-template';
import './context';

let server: TestServer | undefined;
let template: string | undefined;

async function teardown(): Promise<void> {
  const current = server;
  server = undefined;
  if (!current) return;
  if (template && current.source === 'DATABASE_URL')
    await dropDatabase(current.adminUrl, template).catch(() => {});
  await current.stop();
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
    process.stdout.write(
      `database: ${server.describe} (from ${server.source}); template migrated in ${Math.round(migrateMs)} ms, ` +
        `ready in ${Math.round(performance.now() - started)} ms\n`,
    );
    project.provide('b2b', { adminUrl: server.adminUrl, template, source: server.source });
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
