// The third source of a database: a container runtime, through testcontainers.
import type { StartedTestContainer } from 'testcontainers';

const IMAGE = 'postgres:15-bookworm';

/** True when a container runtime answers (a missing one fails in milliseconds). */
export async function containerRuntimeAvailable(): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

/** Starts PostgreSQL 15 with pgTAP in a container; stopped by `stop()` or by testcontainers' reaper. */
export async function startContainer(): Promise<{ url: string; stop(): Promise<void> }> {
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const container = await new PostgreSqlContainer(IMAGE)
    .withUsername('postgres')
    .withPassword('postgres')
    .withDatabase('postgres')
    .withCommand(['postgres', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'max_connections=200'])
    .start();
  await installPgTap(container);
  return {
    url: container.getConnectionUri(),
    async stop() {
      await container.stop();
    },
  };
}

async function installPgTap(container: StartedTestContainer): Promise<void> {
  const result = await container.exec([
    'sh',
    '-c',
    'apt-get update -qq && apt-get install -y -qq postgresql-15-pgtap',
  ]);
  if (result.exitCode !== 0) throw new Error(`Installing pgTAP in the container failed:\n${result.output}`);
}
