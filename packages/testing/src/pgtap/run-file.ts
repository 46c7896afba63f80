// Runs one pgTAP file with psql against a database and reports a verdict.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findPgBinaries } from '../provider/binaries';
import { parseTap, type TapReport, tapFailure, tapSkips } from './parse-tap';

export interface PgTapResult {
  report: TapReport;
  /** Undefined when the file passed. */
  failure?: string;
  /** Skipped assertions with their reasons (`skip(why)` in pgTAP): the caller prints them. */
  skipped: string[];
  output: string;
}

function psqlPath(): string {
  const bindir = findPgBinaries()?.bindir;
  return bindir && existsSync(join(bindir, 'psql')) ? join(bindir, 'psql') : 'psql';
}

/**
 * pgTAP's functions live in schema `tap`, the helpers in `tests`; both are on the search path of the
 * test session. psql exits 0 even when assertions fail, so the verdict comes from the TAP output.
 */
export function runPgTapFile(url: string, file: string): Promise<PgTapResult> {
  const args = ['-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', '-d', url, '-f', file];
  const env = {
    ...process.env,
    PGOPTIONS: '-c search_path=tap,tests,public -c client_min_messages=warning',
    PGAPPNAME: 'pgtap',
  };
  return new Promise((resolve, reject) => {
    execFile(
      psqlPath(),
      args,
      { env, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = (error as NodeJS.ErrnoException | null)?.code;
        if (code === 'ENOENT') {
          reject(new Error('psql was not found: install postgresql-client (./scripts/setup.sh does)'));
          return;
        }
        const report = parseTap(stdout);
        const failure = tapFailure(report, error ? stderr || error.message : undefined);
        resolve({ report, output: stdout, skipped: tapSkips(report), ...(failure ? { failure } : {}) });
      },
    );
  });
}
