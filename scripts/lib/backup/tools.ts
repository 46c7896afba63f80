// The PostgreSQL client programs and openssl, run as child processes with their errors kept.
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { asServerUser, findPgBinaries, installHint } from '@b2b/testing/provider';

const execFileAsync = promisify(execFile);

/** Full path of a PostgreSQL client or server program of the binaries the project uses. */
export function pgBin(name: string): string {
  const found = findPgBinaries();
  if (!found) throw new Error(installHint());
  const here = join(found.bindir, name);
  if (existsSync(here)) return here;
  // a folder of links to the server programs (/usr/local/bin -> /usr/lib/postgresql/15/bin): the client
  // programs of the same version are beside the real server binary
  const beside = join(dirname(realpathSync(join(found.bindir, 'postgres'))), name);
  if (existsSync(beside)) return beside;
  throw new Error(`${name} not found in ${found.bindir} nor beside its postgres binary`);
}

/** Runs a program to its end; a failure names the command and carries its stderr. */
export async function runTool(
  bin: string,
  args: string[],
  options: { asServer?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<string> {
  const [cmd, cmdArgs] = options.asServer ? asServerUser(bin, args) : [bin, args];
  try {
    const { stdout } = await execFileAsync(cmd, cmdArgs, {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, ...options.env },
    });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${bin} ${args.join(' ')} failed:\n${(e.stderr || e.stdout || e.message).trim()}`);
  }
}

/** SHA-256 of a file, hex. */
export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** A child process whose exit is a promise: rejects with its stderr when it exits non-zero. */
export function spawnTool(
  bin: string,
  args: string[],
  stdio: ('pipe' | 'ignore' | 'inherit')[] = ['pipe', 'pipe', 'pipe'],
) {
  const child = spawn(bin, args, { stdio: stdio as ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${bin} ${args.join(' ')} exited ${code}:\n${stderr.trim()}`)),
    );
  });
  return { child, done };
}

/** openssl's arguments for the dump's encryption: AES-256-CBC, key derived from the key file by PBKDF2. */
export function opensslArgs(direction: 'encrypt' | 'decrypt', keyFile: string): string[] {
  return [
    'enc',
    direction === 'encrypt' ? '-e' : '-d',
    '-aes-256-cbc',
    '-pbkdf2',
    '-iter',
    '200000',
    '-salt',
    '-pass',
    `file:${keyFile}`,
  ];
}

/** A UTC time stamp usable in a folder name, ordered as text: 20261130T004512Z. */
export function stamp(at = new Date()): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}
