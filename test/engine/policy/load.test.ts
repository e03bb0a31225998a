import { describe, expect, it } from 'vitest';
import { resolvePolicy, formatPolicyError, type PolicyResult } from '../../../src/engine/policy/load.js';
import { PACK_NAMES } from '../../../src/engine/policy/packs.js';

const today = new Date('2026-06-15T00:00:00Z');
const known = ['secrets/github-token', 'secrets/aws-access-key', 'scopes/workflow-write-all'];
const load = (text: string, source = '.github/tokenwarden.yml'): PolicyResult => resolvePolicy([{ source, text }], { today, knownRules: known });
const errorsOf = (r: PolicyResult) => (r.ok ? [] : r.errors);

describe('resolvePolicy', () => {
  it('gives the built-in default with no layers', () => {
    const r = resolvePolicy([], { today, knownRules: known });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.policy.sources).toEqual(['built-in:default']);
    expect(r.policy.families.secrets).toBe('fail');
    expect(r.policy.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(r.policy.ignore).toContain('**/node_modules/**');
  });

  it('loads every built-in pack', () => {
    for (const pack of PACK_NAMES) {
      // Against the real registry: every rule a pack names must exist.
      const r = resolvePolicy([{ source: '.github/tokenwarden.yml', text: `extends: ${pack}\n` }], { today, checkPacks: true });
      expect(r.ok, `${pack}: ${errorsOf(r).map(formatPolicyError).join('\n')}`).toBe(true);
    }
    const pci = load('extends: pci-dss\n');
    expect(pci.ok && pci.policy.settings.incompleteScan).toBe('fail');
    expect(pci.ok && pci.policy.sources).toEqual(['built-in:default', 'built-in:pci-dss', '.github/tokenwarden.yml']);
  });

  it('merges rules, settings, ignores and exceptions', () => {
    const r = load(`
settings:
  max_file_size: 2MB
  min_confidence: medium
rules:
  secrets/github-token: warn
  secrets/aws-access-key:
    ignore: ["docs/**"]
ignore:
  - "fixtures/**"
exceptions:
  - rule: secrets/aws-access-key
    path: "test/**"
    justification: "Test keys for the local AWS emulator, never valid."
    approved_by: "@security-team"
    expires: 2026-09-30
`);
    expect(errorsOf(r).map(formatPolicyError)).toEqual([]);
    if (!r.ok) return;
    expect(r.policy.settings.maxFileBytes).toBe(2 * 1024 * 1024);
    expect(r.policy.settings.minConfidence).toBe('medium');
    expect(r.policy.rules['secrets/github-token']).toEqual({ level: 'warn' });
    expect(r.policy.rules['secrets/aws-access-key']?.ignore).toEqual(['docs/**']);
    expect(r.policy.ignore).toContain('fixtures/**');
    expect(r.policy.exceptions[0]).toMatchObject({ approvedBy: '@security-team', expires: '2026-09-30', source: '.github/tokenwarden.yml' });
  });

  it('points a YAML syntax error at its line', () => {
    const errs = errorsOf(load('rules:\n  secrets/github-token: warn\n bad: [\n'));
    expect(errs.length).toBeGreaterThan(0);
    expect(errs[0]!.source).toBe('.github/tokenwarden.yml');
    expect(errs[0]!.line).toBeGreaterThanOrEqual(2);
    expect(errs[0]!.message).toMatch(/YAML syntax error/);
  });

  it('names the line and the fix of an invalid level', () => {
    const errs = errorsOf(load('# policy\nrules:\n  secrets/github-token: disable\n'));
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ line: 3 });
    expect(errs[0]!.fix).toMatch(/off.*warn.*fail/);
  });

  it('suggests the right key for a typo', () => {
    const errs = errorsOf(load('settings:\n  max_file_sise: 1MB\n'));
    expect(errs[0]).toMatchObject({ line: 2, column: 3 });
    expect(errs[0]!.message).toMatch(/Unknown key `max_file_sise`/);
    expect(errs[0]!.fix).toMatch(/max_file_size/);
  });

  it('rejects an unknown rule id with a suggestion', () => {
    const errs = errorsOf(load('rules:\n  secrets/github-tokn: off\n'));
    expect(errs[0]).toMatchObject({ line: 2, message: 'Unknown rule `secrets/github-tokn`.' });
    expect(errs[0]!.fix).toMatch(/secrets\/github-token/);
  });

  it('requires a justification, an approver and an expiry on exceptions', () => {
    const errs = errorsOf(load('exceptions:\n  - fingerprint: 0123456789abcdef\n    justification: "Known test credential."\n'));
    expect(errs.map((e) => e.message).join('\n')).toMatch(/approved_by/);
    expect(errs.map((e) => e.message).join('\n')).toMatch(/expires/);
    expect(errs[0]!.line).toBe(2);
  });

  it('rejects a malformed expiry date and an over-long exception', () => {
    const bad = errorsOf(load('exceptions:\n  - path: "x/**"\n    justification: "Vendored sample data."\n    approved_by: "@a"\n    expires: 31/12/2026\n'));
    expect(bad[0]).toMatchObject({ line: 5 });
    expect(bad[0]!.fix).toMatch(/YYYY-MM-DD/);
    const far = errorsOf(load('exceptions:\n  - path: "x/**"\n    justification: "Vendored sample data."\n    approved_by: "@a"\n    expires: 2030-01-01\n'));
    expect(far[0]!.message).toMatch(/more than 365 days/);
  });

  it('honours an org lock: a repo layer cannot weaken a locked rule or family', () => {
    const r = resolvePolicy(
      [
        { source: 'acme/.github:tokenwarden.yml', text: 'lock: [secrets]\nrules:\n  secrets/github-token: fail\n' },
        { source: '.github/tokenwarden.yml', text: 'families:\n  secrets: off\nrules:\n  secrets/github-token:\n    level: off\n    ignore: ["**"]\n' },
      ],
      { today, knownRules: known },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.policy.families.secrets).toBe('fail');
    expect(r.policy.rules['secrets/github-token']?.level).toBe('fail');
    expect(r.policy.rules['secrets/github-token']?.ignore).toBeUndefined();
    expect(r.warnings.map((w) => w.source)).toEqual(expect.arrayContaining(['.github/tokenwarden.yml']));
    expect(r.warnings.length).toBeGreaterThanOrEqual(2);
  });

  it('hashes the effective policy, not its sources', () => {
    const a = load('rules:\n  secrets/github-token: warn\n', 'a.yml');
    const b = load('rules: { secrets/github-token: warn }\n', 'b.yml');
    const c = load('rules:\n  secrets/github-token: fail\n', 'a.yml');
    expect(a.ok && b.ok && a.policy.hash === b.policy.hash).toBe(true);
    expect(a.ok && c.ok && a.policy.hash !== c.policy.hash).toBe(true);
  });
});

describe('issues policy', () => {
  it('explains a malformed central repository', () => {
    const r = resolvePolicy([{ source: 't.yml', text: 'issues:\n  repository: "not a repo"\n' }], { today, knownRules: known });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ line: 2 });
    expect(r.errors[0]!.fix).toMatch(/owner\/name/);
  });
});

describe('org locks cannot be weakened sideways', () => {
  const org = { source: 'acme/.github:tokenwarden.yml', text: 'lock: [secrets, scopes]\n' };
  const resolve = (repo: string) => resolvePolicy([org, { source: '.github/tokenwarden.yml', text: repo }], { today, knownRules: known });

  it('keeps settings, severity levels and families from being loosened', () => {
    const r = resolve('families:\n  scopes: off\n  secrets: auto\nseverity_levels:\n  critical: off\n  high: off\nsettings:\n  min_confidence: high\n  max_file_size: 2KB\n  incomplete_scan: pass\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.policy.families).toMatchObject({ secrets: 'fail', scopes: 'auto' });
    expect(r.policy.severityLevels).toMatchObject({ critical: 'fail', high: 'fail' });
    expect(r.policy.settings).toMatchObject({ minConfidence: 'low', maxFileBytes: 5 * 1024 * 1024, incompleteScan: 'fail' });
    expect(r.warnings.length).toBeGreaterThanOrEqual(7);
  });

  it('keeps encoded text decoded under a lock; without one, a repository may switch decoding off', () => {
    const locked = resolve('settings:\n  decode_encoded: false\n');
    expect(locked.ok).toBe(true);
    if (!locked.ok) return;
    expect(locked.policy.settings.decodeEncoded).toBe(true);
    expect(locked.warnings.map((w) => w.line)).toContain(2);
    const free = resolvePolicy([{ source: '.github/tokenwarden.yml', text: 'settings:\n  decode_encoded: false\n' }], { today, knownRules: known });
    expect(free.ok && free.policy.settings.decodeEncoded).toBe(false);
    const typo = resolvePolicy([{ source: '.github/tokenwarden.yml', text: 'settings:\n  decode_encoded: "no"\n' }], { today, knownRules: known });
    expect(typo.ok).toBe(false);
  });

  it('lets globs and exceptions declared under the lock reach only unlocked rules', () => {
    const r = resolve('ignore: ["**"]\nexceptions:\n  - rule: secrets\n    path: "**"\n    justification: "Trying to switch secrets off."\n    approved_by: "@repo-admin"\n    expires: 2026-07-01\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.policy.ignore).not.toContain('**');
    expect(r.policy.softIgnore).toEqual(['**']);
    expect(r.policy.exceptions[0]!.notFor).toEqual(['secrets', 'scopes']);
  });

  it('keeps the locked rules options and the issue routing', () => {
    const text = 'rules:\n  scopes/workflow-missing-permissions:\n    options: { repositoryDefault: restricted }\nissues:\n  repository: attacker/elsewhere\n';
    const r = resolvePolicy([org, { source: '.github/tokenwarden.yml', text }], { today, knownRules: [...known, 'scopes/workflow-missing-permissions'] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.policy.rules['scopes/workflow-missing-permissions']?.options).toBeUndefined();
    expect(r.policy.issues?.repository).toBeUndefined();
  });

  it('does not let a repository raise the exception horizon the org set', () => {
    const r = resolvePolicy(
      [
        { source: 'org', text: 'lock: [secrets]\nsettings:\n  max_exception_days: 30\n' },
        { source: 'repo', text: 'settings:\n  max_exception_days: 3000\nexceptions:\n  - path: "x/**"\n    justification: "Vendored sample data."\n    approved_by: "@a"\n    expires: 2026-12-31\n' },
      ],
      { today, knownRules: known },
    );
    expect(r.ok).toBe(false);
  });
});
