// Values the Citus global setup hands to the files of `pnpm db:test:citus`.

export interface B2bCitusTestContext {
  /** Superuser on the coordinator's distributed database: setup and fixtures only (RLS does not apply). */
  adminUrl: string;
  /** Each login role on the coordinator, with its password (postgres, b2b_owner, b2b_app, ...). */
  roleUrls: Record<string, string>;
  /** Superuser on each worker's copy of the database: to inspect what Citus put there. */
  workerAdminUrls: string[];
}

declare module 'vitest' {
  export interface ProvidedContext {
    b2bCitus: B2bCitusTestContext;
  }
}
