/** `tokenwarden inventory check` output: the credentials table an auditor asks for, as text or JSON. */
import type { CredentialState, CredentialStatus, InventoryError } from '../engine/inventory/index.js';

export interface InventoryReport {
  /** The inventory's path relative to the repository root. */
  inventory: string;
  today: string;
  warnDays: number;
  /** Workflow files whose secrets were counted. */
  workflows: string[];
  credentials: CredentialStatus[];
  errors: InventoryError[];
}

/** States that fail the check (exit 1). */
export const FAILING: readonly CredentialState[] = ['expired', 'overdue', 'undeclared'];
const ORDER: readonly CredentialState[] = ['expired', 'overdue', 'undeclared', 'due-soon', 'incomplete', 'stale', 'ok'];

export function failing(r: InventoryReport): CredentialStatus[] {
  return r.credentials.filter((c) => FAILING.includes(c.status));
}

export function verdict(r: InventoryReport): 'pass' | 'fail' {
  return failing(r).length || r.errors.length ? 'fail' : 'pass';
}

function counts(r: InventoryReport): Array<[CredentialState, number]> {
  return ORDER.map((s) => [s, r.credentials.filter((c) => c.status === s).length] as [CredentialState, number]).filter(([, n]) => n > 0);
}

/** Most urgent first, then soonest due, then name. */
function sorted(list: readonly CredentialStatus[]): CredentialStatus[] {
  return [...list].sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status) || (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity) || a.name.localeCompare(b.name));
}

const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;

export function renderInventoryJson(r: InventoryReport): string {
  return `${JSON.stringify(
    {
      version: 1,
      inventory: r.inventory,
      today: r.today,
      warnDays: r.warnDays,
      workflows: r.workflows,
      verdict: verdict(r),
      summary: Object.fromEntries(counts(r)),
      errors: r.errors,
      credentials: sorted(r.credentials),
    },
    null,
    2,
  )}\n`;
}

export function renderInventoryText(r: InventoryReport): string {
  const out: string[] = [];
  out.push(`Token inventory ${r.inventory}: ${plural(r.credentials.length, 'credential')} as of ${r.today} (due-soon window ${r.warnDays} days; ${plural(r.workflows.length, 'workflow')} checked)`);
  for (const e of r.errors) out.push(`${e.source}:${e.line}:${e.column}: error: ${e.message}`, `  fix: ${e.fix}`);
  const rows = sorted(r.credentials).map((c) => [
    c.status,
    c.name,
    c.kind ? `${c.kind}${c.provider ? ` (${c.provider})` : ''}` : '—',
    c.owner ?? '—',
    c.lastRotated ?? '—',
    c.rotationDays !== undefined ? String(c.rotationDays) : '—',
    c.expires ?? '—',
    c.dueDate ?? '—',
    c.daysLeft !== undefined ? String(c.daysLeft) : '—',
    c.line !== undefined ? String(c.line) : '—',
  ]);
  if (rows.length) {
    const head = ['STATUS', 'NAME', 'KIND', 'OWNER', 'LAST ROTATED', 'EVERY', 'EXPIRES', 'DUE', 'DAYS', 'LINE'];
    const right = [false, false, false, false, false, true, false, false, true, true];
    const w = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
    const line = (cells: string[]): string =>
      cells
        .map((c, i) => (right[i] ? c.padStart(w[i]!) : c.padEnd(w[i]!)))
        .join('  ')
        .trimEnd();
    out.push('', line(head), ...rows.map(line));
  }
  const notes = sorted(r.credentials).filter((c) => c.status !== 'ok' || c.problems.length);
  if (notes.length) {
    out.push('');
    for (const c of notes) {
      const where = c.line !== undefined ? `${r.inventory}:${c.line}` : [...new Set(c.references.map((x) => `${x.path}:${x.line}`))].slice(0, 3).join(', ');
      out.push(`${c.status.padEnd(10)}  ${c.name} (${where}): ${c.message}${c.owner ? ` Owner: ${c.owner}.` : ''}`);
    }
  }
  out.push(
    '',
    `Credentials: ${r.credentials.length}${
      r.credentials.length
        ? ` (${counts(r)
            .map(([s, n]) => `${s} ${n}`)
            .join(', ')})`
        : ''
    }`,
  );
  const bad = failing(r);
  if (verdict(r) === 'fail') {
    const parts = [bad.length ? `${plural(bad.length, 'credential')} overdue, expired or undeclared` : '', r.errors.length ? `${plural(r.errors.length, 'error')} in the inventory` : ''].filter(
      Boolean,
    );
    out.push(`FAIL: ${parts.join('; ')}`);
  } else out.push(`PASS: no credential overdue, expired or undeclared`);
  return `${out.join('\n')}\n`;
}
