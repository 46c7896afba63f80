// Client authentication (pg_hba.conf) of the clusters we start, written at every start (edits are lost:
// change this file). Production's is config/pg_hba.conf.
//
// Non-development roles log in with a SCRAM-SHA-256 password, over TLS only:
//   b2b_monitor     the health views (pnpm db:health)
//   b2b_replicator  streaming replication and pg_basebackup
// Development roles keep `trust` on loopback: postgres (the migrating superuser), b2b_owner, b2b_app,
// b2b_readonly, b2b_analytics. Why: the cluster listens on 127.0.0.1 only and is this checkout's own, and
// the printed URLs, the tests (hundreds of connections per run) and the scripts log in without a secret to
// keep; a password here would protect nothing that a local user could not read from .data/ anyway.
// Production gives the application role a SCRAM password too (config/pg_hba.conf).
// The first matching line wins, so the role-specific lines come first.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SCRAM_ROLES = ['b2b_monitor', 'b2b_replicator'] as const;

/**
 * The lines for a cluster that serves TLS (`tls`: SCRAM roles over TLS only) or not (a throwaway test
 * cluster: SCRAM roles over plain loopback, since a `hostssl` line can never match there and PostgreSQL
 * reports it as an error in pg_hba_file_rules).
 */
export function hbaLines(tls = true): string[] {
  const ssl = tls ? 'hostssl' : 'host   ';
  return [
    '# Written by packages/testing/src/provider/hba.ts at every start: edit that file, not this one.',
    '# TYPE   DATABASE     USER            ADDRESS         METHOD',
    '# Non-development roles: SCRAM passwords, and over TLS only.',
    `${ssl}  all          b2b_monitor     127.0.0.1/32    scram-sha-256`,
    `${ssl}  all          b2b_monitor     ::1/128         scram-sha-256`,
    'local    all          b2b_monitor                     reject',
    'host     all          b2b_monitor     all             reject',
    `${ssl}  replication  b2b_replicator  127.0.0.1/32    scram-sha-256`,
    `${ssl}  replication  b2b_replicator  ::1/128         scram-sha-256`,
    'local    replication  b2b_replicator                  reject',
    'host     replication  b2b_replicator  all             reject',
    'local    all          b2b_replicator                  reject',
    'host     all          b2b_replicator  all             reject',
    '# Development roles: trust on loopback (the cluster listens on 127.0.0.1 only).',
    'local    all          all                             trust',
    'host     all          all             127.0.0.1/32    trust',
    'host     all          all             ::1/128         trust',
    'local    replication  all                             trust',
    'host     replication  all             127.0.0.1/32    trust',
    'host     replication  all             ::1/128         trust',
  ];
}

/** Writes pg_hba.conf into the data directory (read by the server at start). */
export function writeHba(dataDir: string, tls: boolean): void {
  writeFileSync(join(dataDir, 'pg_hba.conf'), `${hbaLines(tls).join('\n')}\n`);
}
