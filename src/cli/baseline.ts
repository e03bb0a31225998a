/**
 * The baseline file: fingerprints of findings accepted when Token Warden was adopted, so a scan
 * reports only new ones. It holds rule ids, paths and redacted excerpts, never a secret.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { Finding } from '../engine/finding.js';
import { CliError } from './io.js';
import { showAtRevision } from './git.js';

export const BASELINE_FILE = '.tokenwarden-baseline.json';
export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  ruleId: string;
  path: string;
  excerpt: string;
}

export interface BaselineFile {
  version: typeof BASELINE_VERSION;
  /** YYYY-MM-DD */
  created: string;
  tool: string;
  findings: Record<string, BaselineEntry>;
}

export function buildBaseline(findings: readonly Finding[], today: Date, tool: string): BaselineFile {
  const sorted = [...findings].sort((a, b) => a.fingerprint.localeCompare(b.fingerprint));
  const entries: Record<string, BaselineEntry> = {};
  for (const f of sorted) entries[f.fingerprint] ??= { ruleId: f.ruleId, path: f.path, excerpt: f.excerpt };
  return { version: BASELINE_VERSION, created: today.toISOString().slice(0, 10), tool, findings: entries };
}

export function parseBaseline(text: string, source: string): Set<string> {
  const fix = `regenerate it with 'tokenwarden baseline', or pass another file with --baseline`;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new CliError(`${source}: not valid JSON (${(e as Error).message})`, fix);
  }
  const b = data as Partial<BaselineFile> | null;
  if (!b || typeof b !== 'object' || b.version !== BASELINE_VERSION || !b.findings || typeof b.findings !== 'object' || Array.isArray(b.findings)) {
    throw new CliError(`${source}: not a Token Warden baseline (version ${BASELINE_VERSION} with a "findings" object)`, fix);
  }
  return new Set(Object.keys(b.findings));
}

export interface LoadedBaseline {
  fingerprints: Set<string>;
  source: string;
}

/** --baseline FILE (must exist), else the default file at the root (or at a revision) if present. */
export async function loadBaseline(opts: { cwd: string; root: string; explicit?: string; revision?: string }): Promise<LoadedBaseline | undefined> {
  if (opts.explicit) {
    const abs = resolve(opts.cwd, opts.explicit);
    let text: string;
    try {
      text = await readFile(abs, 'utf8');
    } catch (e) {
      throw new CliError(`cannot read --baseline ${opts.explicit}: ${(e as NodeJS.ErrnoException).code ?? e}`, `create it with 'tokenwarden baseline --output ${opts.explicit}', or omit --baseline`);
    }
    return { fingerprints: parseBaseline(text, opts.explicit), source: opts.explicit };
  }
  if (opts.revision) {
    const text = await showAtRevision(opts.root, opts.revision, BASELINE_FILE);
    const source = `${opts.revision}:${BASELINE_FILE}`;
    return text === null ? undefined : { fingerprints: parseBaseline(text, source), source };
  }
  const abs = join(opts.root, BASELINE_FILE);
  let text: string;
  try {
    text = await readFile(abs, 'utf8');
  } catch {
    return undefined;
  }
  const source = relative(opts.cwd, abs) || abs;
  return { fingerprints: parseBaseline(text, source), source };
}

export async function writeBaseline(path: string, b: BaselineFile): Promise<void> {
  try {
    await writeFile(path, JSON.stringify(b, null, 2) + '\n');
  } catch (e) {
    throw new CliError(`cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? e}`, 'pass a writable path with --output');
  }
}
