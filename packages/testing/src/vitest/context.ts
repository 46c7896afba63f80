// Values the global setup hands to test files.
import type { ServerSource } from '../provider/resolve';

export interface B2bTestContext {
  adminUrl: string;
  template: string;
  source: ServerSource;
}

declare module 'vitest' {
  export interface ProvidedContext {
    b2b: B2bTestContext;
  }
}
