/**
 * secretlint over the same in-memory files, through its core Node API (`lintSource` from
 * `@secretlint/core` with `@secretlint/secretlint-rule-preset-recommend`), as the comparison point.
 * Loaded dynamically so the build does not depend on it; install with
 * `npm install --save-dev --save-exact secretlint @secretlint/secretlint-rule-preset-recommend`.
 */
import type { SourceFile } from '../src/engine/scan.js';

interface LintMessage {
  ruleId: string;
}
interface LintResult {
  messages: LintMessage[];
}
type LintSource = (args: {
  source: { content: string; filePath: string; ext?: string; contentType: 'text' | 'binary' | 'unknown' };
  options: { config: { rules: unknown[] }; maskSecrets?: boolean; noPhysicFilePath?: boolean };
}) => Promise<LintResult>;

export interface SecretlintRun {
  version: string;
  ms: number;
  cpuMs: number;
  findings: number;
  byRule: Map<string, number>;
}

async function load(): Promise<{ lintSource: LintSource; preset: unknown; version: string }> {
  const core = '@secretlint/core';
  const presetName = '@secretlint/secretlint-rule-preset-recommend';
  try {
    const { lintSource } = (await import(core)) as { lintSource: LintSource };
    const { creator } = (await import(presetName)) as { creator: unknown };
    const { createRequire } = await import('node:module');
    const req = createRequire(import.meta.url);
    let version = '?';
    try {
      version = (req('secretlint/package.json') as { version: string }).version;
    } catch {
      /* version is informative only */
    }
    return { lintSource, preset: creator, version };
  } catch (e) {
    throw new Error(`secretlint is not installed (${(e as Error).message}).\n  fix: npm install --save-dev --save-exact secretlint @secretlint/secretlint-rule-preset-recommend`);
  }
}

const extOf = (p: string): string => {
  const base = p.slice(p.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot);
};

export async function runSecretlint(files: readonly SourceFile[], warmup: readonly SourceFile[]): Promise<SecretlintRun> {
  const { lintSource, preset, version } = await load();
  const config = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: preset }] };
  const lint = (f: SourceFile): Promise<LintResult> =>
    lintSource({
      source: { content: f.text, filePath: `/bench/${f.path}`, ext: extOf(f.path), contentType: 'text' },
      options: { config, maskSecrets: true },
    });
  for (const f of warmup) await lint(f);
  const byRule = new Map<string, number>();
  let findings = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const f of files) {
    const r = await lint(f);
    for (const m of r.messages) {
      findings++;
      byRule.set(m.ruleId, (byRule.get(m.ruleId) ?? 0) + 1);
    }
  }
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { version, ms, cpuMs: (c.user + c.system) / 1000, findings, byRule };
}
