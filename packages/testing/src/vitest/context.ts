// Values the global setup hands to test files.
import type { ServerSource } from '../provider/resolve';

export interface B2bTestContext {
  adminUrl: string;
  template: string;
  source: ServerSource;
  /**
   * With B2B_TEST_PGBOUNCER=1: the port of a PgBouncer (transaction pooling) in front of the server, through
   * which the login roles' URLs (appUrl, urlFor) connect. The admin URL stays direct.
   */
  pgbouncerPort?: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    b2b: B2bTestContext;
  }
}
