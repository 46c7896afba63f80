// A Markdown table with padded columns: readable in a terminal and pasted as is into docs/benchmarks.md.

export type Align = 'left' | 'right';

export function markdownTable(
  columns: readonly { header: string; align?: Align }[],
  rows: readonly (readonly string[])[],
): string {
  const widths = columns.map((c, i) => Math.max(c.header.length, 3, ...rows.map((r) => (r[i] ?? '').length)));
  const pad = (text: string, i: number) =>
    columns[i]?.align === 'right' ? text.padStart(widths[i] ?? 0) : text.padEnd(widths[i] ?? 0);
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => pad(c, i)).join(' | ')} |`;
  // Each rule cell spans its column and the two spaces around it; a trailing colon aligns right.
  const rule = columns.map((c, i) => {
    const dashes = '-'.repeat((widths[i] ?? 3) + 2);
    return c.align === 'right' ? `${dashes.slice(1)}:` : dashes;
  });
  return [line(columns.map((c) => c.header)), `|${rule.join('|')}|`, ...rows.map(line)].join('\n');
}
