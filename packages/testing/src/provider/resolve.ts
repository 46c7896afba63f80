// One resolver for scripts and tests: DATABASE_URL, then local binaries, then a container runtime.
import { findPgBinaries, installHint } from './binaries';
import { containerRuntimeAvailable, startContainer } from './container';
import { startThrowawayCluster } from './local-cluster';
import { checkPgTap, checkServer, describeUrl } from './server-url';

export type ServerSource = 'DATABASE_URL' | 'local binaries' | 'container';

export interface TestServer {
  /** A superuser (or CREATEDB + CREATEROLE) URL on the server's maintenance database. */
  adminUrl: string;
  source: ServerSource;
  describe: string;
  stop(): Promise<void>;
}

/** A server for one test run. Local and container servers are thrown away by `stop()`. */
export async function resolveTestServer(): Promise<TestServer> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) {
    await checkServer(fromEnv);
    await checkPgTap(fromEnv);
    return {
      adminUrl: fromEnv,
      source: 'DATABASE_URL',
      describe: describeUrl(fromEnv),
      stop: async () => {},
    };
  }
  if (findPgBinaries()) {
    const cluster = await startThrowawayCluster();
    try {
      await checkPgTap(cluster.url);
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return {
      adminUrl: cluster.url,
      source: 'local binaries',
      describe: `throwaway PostgreSQL ${cluster.major} on 127.0.0.1:${cluster.port}`,
      stop: () => cluster.stop(),
    };
  }
  if (await containerRuntimeAvailable()) {
    const container = await startContainer();
    return {
      adminUrl: container.url,
      source: 'container',
      describe: 'testcontainers postgres:15',
      stop: container.stop,
    };
  }
  throw new Error(installHint());
}
