/**
 * The work done on untrusted content, as plain-data functions: resolve a policy, scan added lines,
 * judge structural files head against base, list the findings in one file. The same functions run in a
 * worker thread (src/sandbox/worker.ts, with memory limits and a deadline) or in-process (tests, and
 * rules that are not the registry's). Each reports the file it starts on through `progress`, so a file
 * that exceeds a limit can be named and left out while the rest is judged.
 */
import type { PolicyLayer, PolicyResult } from '../engine/policy/load.js';
import { resolvePolicy } from '../engine/policy/load.js';
import type { ResolvedPolicy } from '../engine/policy/types.js';
import type { Finding } from '../engine/finding.js';
import type { Rule } from '../engine/rule.js';
import type { Skipped } from '../engine/decode.js';
import { Scanner, scanFiles, type ScanResult, type SourceFile } from '../engine/scan.js';
import { isStructural, mergeResults, structuralChange, type Side } from '../engine/structural.js';
import { scrub } from '../app/scrub.js';

/** Called before each file (or phase) a task starts on, with its size: the deadline restarts per file. */
export type Progress = (label: string, bytes: number) => void;

export interface ResolveInput {
  layers: PolicyLayer[];
  /** ISO time: Dates survive a worker hop, but one type everywhere is simpler. */
  today: string;
  known: readonly string[];
}

export interface ScanInput {
  policy: ResolvedPolicy;
  today: string;
  files: Array<{ source: SourceFile; secretsOnly?: boolean }>;
  skipped: Skipped[];
}

export interface StructuralInput {
  policy: ResolvedPolicy;
  today: string;
  head: Side;
  base: Side;
}

export interface FindingsInput {
  policy: ResolvedPolicy;
  today: string;
  files: SourceFile[];
}

export interface Tasks {
  resolvePolicy(input: ResolveInput, progress: Progress): PolicyResult;
  scan(input: ScanInput, progress: Progress): ScanResult;
  structural(input: StructuralInput, progress: Progress): ScanResult;
  findings(input: FindingsInput, progress: Progress): { reported: Finding[]; excepted: Finding[] };
}

export type TaskName = keyof Tasks;

/** A rule that throws costs the file it threw on (listed as not judged), never the scan. */
function scanOne(scanner: Scanner, file: SourceFile, errors: Skipped[]): void {
  try {
    scanner.scanFile(file);
  } catch (e) {
    errors.push({
      path: file.path,
      reason: 'error',
      detail: `internal error while scanning (${(e as Error)?.name ?? 'Error'}): ${scrub(
        String((e as Error)?.message ?? e)
          .split('\n')[0]!
          .slice(0, 160),
      )}`,
    });
  }
}

export function makeTasks(rules: readonly Rule[]): Tasks {
  const secretRules = rules.filter((r) => !isStructural(r));
  return {
    resolvePolicy({ layers, today, known }, progress) {
      for (const l of layers) progress(l.source, l.text.length);
      const r = resolvePolicy(layers, { today: new Date(today), knownRules: known });
      // An error quotes the offending value, and that may be a pasted token.
      const clean = <E extends { message: string; fix: string }>(e: E): E => ({ ...e, message: scrub(e.message), fix: scrub(e.fix) });
      return r.ok ? { ...r, warnings: r.warnings.map(clean) } : { ok: false, errors: r.errors.map(clean) };
    },

    scan({ policy, today, files, skipped }, progress) {
      const opts = { policy, today: new Date(today) };
      const all = new Scanner({ ...opts, rules });
      const secrets = new Scanner({ ...opts, rules: secretRules });
      const errors: Skipped[] = [];
      for (const s of skipped) all.skip(s);
      for (const { source, secretsOnly } of files) {
        progress(source.path, source.text.length);
        scanOne(secretsOnly ? secrets : all, source, errors);
      }
      progress('(cross-file rules)', 0);
      const r = mergeResults(all.result(), secrets.result());
      r.skipped.push(...errors);
      return r;
    },

    structural({ policy, today, head, base }, progress) {
      let bytes = 0;
      for (const side of [head, base]) for (const m of [side.files, side.view, side.context]) for (const t of m?.values() ?? []) bytes += t.length;
      progress('(structural rules)', bytes);
      return structuralChange({ policy, rules, today: new Date(today) }, head, base);
    },

    findings({ policy, today, files }, progress) {
      for (const f of files) progress(f.path, f.text.length);
      const r = scanFiles(files, { policy, rules, today: new Date(today) });
      return { reported: r.findings, excepted: r.excepted.map((e) => e.finding) };
    },
  };
}
