/** Helpers for the scope rule tests: workflow fixtures live at a workflow path. */
export const WF = '.github/workflows/ci.yml';

export const wf = (code: string, extra: Record<string, unknown> = {}) => ({ code, path: WF, ...extra });

/** Strip the common indentation of a template literal so fixtures can be indented in the test. */
export function y(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}
