// A test cluster never outlives the process that started it, even when that process is killed outright.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { findPgBinaries } from './binaries';
import { repoRoot } from './repo';

const haveBinaries = Boolean(findPgBinaries());

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('throwaway cluster', () => {
  test('kill -9 of its owner stops the server and deletes its files', { timeout: 60_000 }, async (ctx) => {
    if (!haveBinaries) {
      // the run says so: a silent skip would read as a pass
      const why =
        'needs local PostgreSQL binaries (initdb, postgres), and none were found: see ./scripts/setup.sh';
      console.warn(`throwaway cluster: skipped: ${why}`);
      ctx.skip(why);
    }
    const script = join(repoRoot, 'packages/testing/src/provider/start-throwaway-for-test.ts');
    const tsx = join(repoRoot, 'node_modules/.bin/tsx');
    const child = spawn(tsx, [script], { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
    const started = await new Promise<{ dataDir: string; postmasterPid: number }>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const line = out.split('\n').find((l) => l.startsWith('{'));
        if (line) resolve(JSON.parse(line));
      });
      child.once('exit', (code) => reject(new Error(`helper exited early (${code})`)));
    });
    expect(pidAlive(started.postmasterPid)).toBe(true);
    // tsx runs the script in a child node process; kill the whole group like a crash would.
    if (!child.pid) throw new Error('helper did not start');
    process.kill(-child.pid, 'SIGKILL');
    const deadline = Date.now() + 30_000;
    while ((pidAlive(started.postmasterPid) || existsSync(started.dataDir)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(pidAlive(started.postmasterPid), 'postmaster still running').toBe(false);
    expect(existsSync(started.dataDir), 'data directory left behind').toBe(false);
  });
});
