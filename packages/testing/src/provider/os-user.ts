// initdb and postgres refuse to run as root: when we are root, we run them as an unprivileged user.
import { execFileSync, spawnSync } from 'node:child_process';

const FALLBACK_USER = 'b2bpg';

function userExists(name: string): boolean {
  return spawnSync('id', ['-u', name], { stdio: 'ignore' }).status === 0;
}

export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** The OS user that runs the server: ourselves, or (as root) `postgres`, created as `b2bpg` if absent. */
export function serverOsUser(): string | undefined {
  if (!isRoot()) return undefined;
  if (userExists('postgres')) return 'postgres';
  if (!userExists(FALLBACK_USER)) {
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', FALLBACK_USER]);
  }
  return FALLBACK_USER;
}

/** Command and arguments that run `bin args` as the server user. */
export function asServerUser(bin: string, args: string[]): [string, string[]] {
  const user = serverOsUser();
  if (!user) return [bin, args];
  return ['runuser', ['-u', user, '--', bin, ...args]];
}

/** Gives the server user ownership of a directory we created. */
export function chownToServerUser(dir: string): void {
  const user = serverOsUser();
  if (user) execFileSync('chown', ['-R', `${user}:`, dir]);
}

/** True when the server user can reach (traverse) the given directory. */
export function serverUserCanReach(dir: string): boolean {
  const user = serverOsUser();
  if (!user) return true;
  return spawnSync('runuser', ['-u', user, '--', 'test', '-x', dir], { stdio: 'ignore' }).status === 0;
}
