// Shared plumbing for command-line entry points: clear one-line failures, timing.
export function fail(message: string): never {
  process.stderr.write(`\n✖ ${message}\n`);
  process.exit(1);
}

/** Runs a command's main function; any error ends the process with its message (no stack for known errors). */
export function main(fn: () => Promise<void>): void {
  const started = performance.now();
  fn().then(
    () => {
      if (process.env.B2B_TIMING)
        process.stderr.write(`(${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
    },
    (error: unknown) => {
      const e = error as Error;
      fail(process.env.B2B_DEBUG ? (e.stack ?? e.message) : e.message);
    },
  );
}

export function log(line: string): void {
  process.stdout.write(`${line}\n`);
}
