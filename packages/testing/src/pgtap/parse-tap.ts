// Reads pgTAP's output: the plan, each assertion with its diagnostics.

export interface TapAssertion {
  number: number;
  ok: boolean;
  description: string;
  /** `# SKIP` assertions pass (the runner prints their reason); a `# TODO` fails the file. */
  directive?: 'todo' | 'skip';
  /** The text after `# TODO` or `# SKIP`: why. */
  reason?: string;
  diagnostics: string[];
}

export interface TapReport {
  planned?: number;
  assertions: TapAssertion[];
  /** Diagnostics printed before the first assertion (or after the plan ends). */
  otherDiagnostics: string[];
}

const ASSERTION = /^(not ok|ok)\s+(\d+)(?:\s+-?\s*(.*?))?(?:\s*#\s*(TODO|SKIP)\b\s*(.*))?$/i;

export function parseTap(output: string): TapReport {
  const report: TapReport = { assertions: [], otherDiagnostics: [] };
  for (const raw of output.split('\n')) {
    const line = raw.trimEnd();
    const plan = /^1\.\.(\d+)/.exec(line.trim());
    if (plan) {
      report.planned = Number(plan[1]);
      continue;
    }
    const match = ASSERTION.exec(line.trim());
    if (match) {
      const directive = match[4]?.toLowerCase() as 'todo' | 'skip' | undefined;
      report.assertions.push({
        number: Number(match[2]),
        ok: match[1]?.toLowerCase() === 'ok',
        description: match[3] ?? '',
        ...(directive ? { directive, reason: match[5] ?? '' } : {}),
        diagnostics: [],
      });
      continue;
    }
    if (/^\s*#/.test(line)) {
      const last = report.assertions.at(-1);
      (last ? last.diagnostics : report.otherDiagnostics).push(line.replace(/^\s*#\s?/, ''));
    }
  }
  return report;
}

/** Why a file failed, in words a reader can act on; undefined when it passed. */
export function tapFailure(report: TapReport, error?: string): string | undefined {
  const problems: string[] = [];
  if (error) problems.push(`the file stopped with an error:\n    ${error.trim().split('\n').join('\n    ')}`);
  for (const a of report.assertions) {
    if (a.directive === 'todo') {
      // a todo keeps a failing assertion green: assert the state reached today exactly, or fix it
      problems.push(
        `todo ${a.number} - ${a.description}: a todo is not allowed (${a.reason || 'no reason given'})`,
      );
    } else if (!a.ok && a.directive !== 'skip') {
      problems.push(
        `not ok ${a.number} - ${a.description}${a.diagnostics.length ? `\n    ${a.diagnostics.join('\n    ')}` : ''}`,
      );
    }
  }
  if (report.planned === undefined) {
    problems.push('no plan: the file must call plan(n) (or no_plan()) and finish()');
  } else if (report.assertions.length !== report.planned) {
    problems.push(`planned ${report.planned} assertions but ran ${report.assertions.length}`);
  }
  if (report.otherDiagnostics.some((d) => /Looks like you/.test(d)) && problems.length === 0) {
    problems.push(report.otherDiagnostics.join('\n    '));
  }
  return problems.length ? problems.join('\n') : undefined;
}

/** The skipped assertions of a run, each with its reason, for the runner to print. */
export function tapSkips(report: TapReport): string[] {
  return report.assertions
    .filter((a) => a.directive === 'skip')
    .map(
      (a) =>
        `skipped ${a.number}${a.description ? ` - ${a.description}` : ''}: ${a.reason || 'no reason given'}`,
    );
}
