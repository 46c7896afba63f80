// Where pgtyped runs: every package with a pgtyped.config.json.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '@b2b/testing/provider';

const run = promisify(execFile);

export interface CodegenPackage {
  name: string;
  dir: string;
  config: string;
}

export function codegenPackages(): CodegenPackage[] {
  const root = join(repoRoot, 'packages');
  return readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'pgtyped.config.json')))
    .sort()
    .map((name) => ({
      name: `@b2b/${name}`,
      dir: join(root, name),
      config: join(root, name, 'pgtyped.config.json'),
    }));
}

/**
 * Runs the package's pgtyped with `config`; srcDir in the config is relative to `cwd` (the package
 * itself, or a scratch copy of its queries when checking freshness).
 */
export async function runPgTyped(
  pkg: CodegenPackage,
  url: string,
  cwd = pkg.dir,
  config = pkg.config,
): Promise<void> {
  const bin = join(pkg.dir, 'node_modules', '.bin', 'pgtyped');
  if (!existsSync(bin)) throw new Error(`${pkg.name} has no @pgtyped/cli devDependency (looked for ${bin})`);
  try {
    await run(bin, ['-c', config, '--uri', url], { cwd, encoding: 'utf8' });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`pgtyped failed for ${pkg.name}:\n${e.stdout || ''}${e.stderr || e.message}`);
  }
}
