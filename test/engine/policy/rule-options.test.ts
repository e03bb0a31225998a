/**
 * Rule options: the contract (`meta.options`), the generated policy schema, the check the validator
 * runs, and the errors a policy gets at its lines. What each rule's `check` reads is compared with
 * what it declares in test/helpers/rule-tester.ts, over every rule's cases.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { readSchema } from '../../../src/engine/json-schema.js';
import { allRules, ruleById } from '../../../src/engine/registry.js';
import { resolvePolicy, type PolicyError } from '../../../src/engine/policy/load.js';
import { policiesDir } from '../../../src/engine/policy/packs.js';
import { validatePolicyShape } from '../../../src/engine/policy/schema.js';
import { withRuleOptions } from '../../../src/engine/policy/rule-options-schema.js';
import { OPTION_KEYWORDS, checkValue, ruleOptionsSchema, validatorSchema } from '../../../src/engine/policy/rule-options-check.js';

const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;
const SCHEMA_FILE = 'tokenwarden.schema.json';
const withOptions = allRules.filter((r) => r.meta.options && Object.keys(r.meta.options).length);

const today = new Date('2026-06-15T00:00:00Z');
const errorsOf = (text: string): PolicyError[] => {
  const r = resolvePolicy([{ source: '.github/tokenwarden.yml', text }], { today });
  return r.ok ? [] : r.errors;
};

/** Every schema inside an option's schema (itself included), with where it is. */
function* subschemas(s: Record<string, unknown>, at: string): Generator<[string, Record<string, unknown>]> {
  yield [at, s];
  for (const [k, v] of Object.entries(s)) {
    if (k === 'enum' || k === 'const' || k === 'default' || !v || typeof v !== 'object') continue;
    if (Array.isArray(v)) for (const [i, x] of v.entries()) yield* subschemas(x as Record<string, unknown>, `${at}/${k}/${i}`);
    else if (k === 'properties') for (const [n, x] of Object.entries(v)) yield* subschemas(x as Record<string, unknown>, `${at}/properties/${n}`);
    else yield* subschemas(v as Record<string, unknown>, `${at}/${k}`);
  }
}

describe('the rules that read options declare them', () => {
  it('some do', () => {
    expect(withOptions.length).toBeGreaterThan(30);
  });

  it.each(withOptions.map((r) => [r.meta.id, r.meta.options!] as const))('%s: each option has a description, known keywords and a default it accepts', (id, options) => {
    for (const [name, option] of Object.entries(options)) {
      expect(typeof option.description === 'string' && option.description.length > 10, `${id} ${name}: a description`).toBe(true);
      for (const [at, s] of subschemas(option, name)) {
        const unknown = Object.keys(s).filter((k) => !OPTION_KEYWORDS.has(k));
        expect(unknown, `${id} ${at}: keywords the options check does not know (src/engine/policy/rule-options-check.ts)`).toEqual([]);
      }
      if ('default' in option) {
        const errors: Parameters<typeof checkValue>[4] = [];
        expect(checkValue(option.default, option, '', '#', errors), `${id} ${name}: its default ${JSON.stringify(option.default)} does not pass its schema`).toBe(true);
      }
    }
  });
});

describe('policies/tokenwarden.schema.json', () => {
  const committed = readSchema(SCHEMA_FILE);

  it('holds the rules section generated from the rules (npm run schema)', () => {
    expect(committed, 'policies/tokenwarden.schema.json is stale: run `npm run schema` and commit the file').toEqual(withRuleOptions(committed));
  });

  it('is generated the same way again (idempotent), with an entry only for the rules that take options', () => {
    const once = withRuleOptions(committed);
    expect(withRuleOptions(once)).toEqual(once);
    const rules = (once.properties as Record<string, { properties: Record<string, unknown> }>).rules!;
    expect(Object.keys(rules.properties).sort()).toEqual(withOptions.map((r) => r.meta.id).sort());
  });

  it('is what the validator checks: ajv over the whole schema and the validator agree on every option value', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const whole = ajv.compile(committed);
    const values: unknown[] = [
      ...[5, 0, -1, 1.5, 365, 'x', 'info', 'INFO', 'write-all', 'permissive', true, false, null, [], ['a'], [1], ['a', 2], ['deploy-key'], ['deploy-kye']],
      ...[{}, { a: 1 }, { 'classic-pat': 30 }, { clasic: 30 }, { default: 'x' }, { contents: 'write' }, { contents: 'wirte' }, { workflows: 'admin' }, { 'classic-pat': ['repo'] }, { x: 'y' }],
      ...[
        [{ workflow: 'release.yml', job: 'publish', permissions: { contents: 'write' } }],
        [{ workflow: ['a', 'b'], permissions: ['contents'] }],
        [{ permissions: 'write-all' }],
        [{ wokflow: 'a' }],
        [{ permissions: 5 }],
        ['x'],
      ],
    ];
    let compared = 0;
    const disagree: string[] = [];
    const judge = (policy: Record<string, unknown>): void => {
      const a = whole(policy);
      const b = validatePolicyShape(policy).length === 0;
      compared++;
      if (a !== b) disagree.push(`${JSON.stringify(policy)}: whole schema ${a ? 'accepts' : 'rejects'}, validator ${b ? 'accepts' : 'rejects'}`);
    };
    for (const rule of withOptions) {
      const id = rule.meta.id;
      for (const [name, option] of Object.entries(rule.meta.options!)) {
        for (const v of 'default' in option ? [...values, option.default] : values) judge({ rules: { [id]: { options: { [name]: v } } } });
      }
      judge({ rules: { [id]: { level: 'warn', options: { notAnOption: true } } } });
      judge({ rules: { [id]: { options: 5 } } });
    }
    for (const id of ['secrets/github-token', 'scopes/workflow-write-all', 'rotation/credential-overdue']) {
      judge({ rules: { [id]: { options: {} } } });
      judge({ rules: { [id]: { options: { x: 1 } } } });
    }
    expect(disagree).toEqual([]);
    expect(compared).toBeGreaterThan(1500);
  });

  it('compiles without the per-rule options for the validator (they are checked from the rules)', () => {
    const compiled = validatorSchema(SCHEMA_FILE, committed);
    const rules = (compiled.properties as Record<string, Record<string, unknown>>).rules!;
    expect(rules.properties).toBeUndefined();
    expect(JSON.stringify(compiled)).not.toContain('maxProperties');
    expect(validatorSchema('token-inventory.schema.json', committed)).toBe(committed);
    expect(ruleOptionsSchema(ruleById('secrets/github-token')!.meta)).toEqual({ type: 'object', additionalProperties: false, properties: {} });
  });
});

describe('option errors in a policy, at their lines', () => {
  it('an unknown option: the nearest one and the list, at the key', () => {
    const errs = errorsOf('extends: default\nrules:\n  scopes/k8s-rbac-wildcard:\n    level: warn\n    options:\n      alowRoles: ["system:*"]\n');
    expect(errs).toEqual([
      {
        source: '.github/tokenwarden.yml',
        line: 6,
        column: 7,
        message: 'Unknown option `alowRoles` for rule `scopes/k8s-rbac-wildcard`.',
        fix: 'Did you mean `allowRoles`? Options: allowRoles.',
      },
    ]);
    const many = errorsOf('rules:\n  scopes/aws-iam-wildcard:\n    options: { allowPolicies: [], ignoreReadonly: true, sensitive: [iam] }\n');
    expect(many.map((e) => [e.line, e.column, e.message, e.fix])).toEqual([
      [
        3,
        35,
        'Unknown option `ignoreReadonly` for rule `scopes/aws-iam-wildcard`.',
        'Did you mean `ignoreReadOnly`? Options: allowPolicies, allowActions, sensitiveServices, allowServiceWildcards, ignoreReadOnly.',
      ],
      [3, 57, 'Unknown option `sensitive` for rule `scopes/aws-iam-wildcard`.', 'Options: allowPolicies, allowActions, sensitiveServices, allowServiceWildcards, ignoreReadOnly.'],
    ]);
  });

  it('options on a rule that takes none, at `options`', () => {
    const errs = errorsOf('rules:\n  secrets/github-token:\n    level: warn\n    options:\n      maxDays: 90\n');
    expect(errs).toEqual([
      {
        source: '.github/tokenwarden.yml',
        line: 4,
        column: 5,
        message: 'Rule `secrets/github-token` takes no options; remove `options`.',
        fix: 'A rule without options takes `level`, `paths` and `ignore` only; `tokenwarden rules secrets/github-token` shows it.',
      },
    ]);
    // An empty mapping is no option.
    expect(errorsOf('rules:\n  secrets/github-token:\n    options: {}\n')).toEqual([]);
  });

  it('a value of the wrong type: the option and its type, at the value', () => {
    const errs = errorsOf('rules:\n  scopes/k8s-rbac-wildcard:\n    options:\n      allowRoles: 5\n');
    expect(errs).toEqual([
      {
        source: '.github/tokenwarden.yml',
        line: 4,
        column: 19,
        message: '`rules.scopes/k8s-rbac-wildcard.options.allowRoles` must be a list of strings, not 5.',
        fix: '`allowRoles`: Globs of role names allowed to use wildcards, e.g. `["system:*", "argocd-application-controller"]`.',
      },
    ]);
    // An item of a list: the option, at the item.
    const item = errorsOf('rules:\n  scopes/k8s-secrets-read:\n    options:\n      reportWrites: true\n      allowRoles:\n        - external-secrets*\n        - 42\n');
    expect(item.map((e) => [e.line, e.column, e.message])).toEqual([[7, 11, '`rules.scopes/k8s-secrets-read.options.allowRoles` must be a list of strings, not ["external-secrets*",42].']]);
    const bool = errorsOf('rules:\n  scopes/k8s-secrets-read:\n    options: { reportWrites: "no" }\n');
    expect(bool.map((e) => [e.line, e.column, e.message])).toEqual([[3, 30, '`rules.scopes/k8s-secrets-read.options.reportWrites` must be true or false, not "no".']]);
    const days = errorsOf('rules:\n  rotation/credential-expiring:\n    options:\n      warnDays: -1\n');
    expect(days.map((e) => [e.line, e.column, e.message])).toEqual([[4, 17, '`rules.rotation/credential-expiring.options.warnDays` must be a whole number of at least 0, not -1.']]);
    const notMapping = errorsOf('rules:\n  scopes/k8s-rbac-wildcard:\n    options: [allowRoles]\n');
    expect(notMapping.map((e) => [e.line, e.column, e.message])).toEqual([[3, 14, '`rules.scopes/k8s-rbac-wildcard.options` must be a mapping of options, not ["allowRoles"].']]);
  });

  it('a value not among the allowed ones: the nearest one', () => {
    const errs = errorsOf('rules:\n  scopes/aws-oidc-trust-unscoped:\n    options:\n      orgWideSeverity: Medium\n');
    expect(errs.map((e) => [e.line, e.column, e.message])).toEqual([
      [4, 24, '`rules.scopes/aws-oidc-trust-unscoped.options.orgWideSeverity` must be one of: critical, high, medium, low, info, not "Medium".'],
    ]);
    expect(errs[0]!.fix).toMatch(/^Did you mean `medium`\? `orgWideSeverity`: The severity/);
    const kinds = errorsOf('rules:\n  rotation/inventory-incomplete:\n    options:\n      allowNeverExpires:\n        - deploy-key\n        - ssh-kye\n');
    expect(kinds.map((e) => [e.line, e.column])).toEqual([[6, 11]]);
    expect(kinds[0]!.fix).toMatch(/^Did you mean `ssh-key`\?/);
  });

  it('inside an option: a key or a value deeper down, at its own line', () => {
    const text = [
      'rules:',
      '  scopes/workflow-disallowed-write:',
      '    options:',
      '      allow:',
      '        - workflow: release.yml',
      '          job: publish',
      '          permissions: { contents: write }',
      '        - wokflow: deploy.yml',
      '          permissions:',
      '            id-token: wirte',
      '  rotation/rotation-period-too-long:',
      '    options:',
      '      maxRotationDays:',
      '        clasic-pat: 30',
      '        default: "90"',
      '',
    ].join('\n');
    expect(errorsOf(text).map((e) => [e.line, e.column, e.message, e.fix])).toEqual([
      [8, 11, 'Unknown key `wokflow` in `rules.scopes/workflow-disallowed-write.options.allow.1`.', 'Did you mean `workflow`? Allowed keys: workflow, job, permissions.'],
      [10, 23, '`rules.scopes/workflow-disallowed-write.options.allow.1.permissions.id-token` must be one of: read, write, none, not "wirte".', 'Did you mean `write`? Use one of: read, write, none.'],
      [
        14,
        9,
        'Unknown key `clasic-pat` in `rules.rotation/rotation-period-too-long.options.maxRotationDays`.',
        'Did you mean `classic-pat`? Allowed keys: classic-pat, fine-grained-pat, github-app, oauth-app, deploy-key, ssh-key, cloud-access-key, service-account-key, api-key, webhook-secret, signing-key, password, certificate, other, default.',
      ],
      [15, 18, '`rules.rotation/rotation-period-too-long.options.maxRotationDays.default` must be a number greater than 0, not "90".', 'Use a number greater than 0.'],
    ]);
  });

  it('options of an unknown rule: the unknown rule', () => {
    const errs = errorsOf('rules:\n  scopes/k8s-rbac-wildcards:\n    options: { allowRoles: [a] }\n');
    expect(errs.map((e) => [e.line, e.column, e.message])).toEqual([[2, 3, 'Unknown rule `scopes/k8s-rbac-wildcards`.']]);
  });

  it('accepts every option at its default, and the options the packs set', () => {
    const rules = Object.fromEntries(
      withOptions.map((r) => [r.meta.id, { options: Object.fromEntries(Object.entries(r.meta.options!).flatMap(([n, o]) => ('default' in o ? [[n, o.default]] : []))) }]),
    );
    expect(validatePolicyShape({ rules })).toEqual([]);
  });
});

describe('policies/default.yml documents options as the rules declare them', () => {
  const text = readFileSync(join(policiesDir(), 'default.yml'), 'utf8');
  /** The commented-out `#  <id>:` blocks of default.yml, parsed. */
  const documented = (): Map<string, Record<string, unknown>> => {
    const out = new Map<string, Record<string, unknown>>();
    const lines = text.split('\n');
    lines.forEach((l, i) => {
      const m = /^# {2}([a-z]+\/[a-z0-9-]+):/.exec(l);
      if (!m) return;
      const body: string[] = [];
      for (let j = i + 1; j < lines.length && /^# {4}/.test(lines[j]!); j++) body.push(lines[j]!.slice(3));
      const parsed = parse(body.join('\n') || '{}') as { options?: Record<string, unknown> } | null;
      if (parsed?.options) out.set(m[1]!, parsed.options);
    });
    return out;
  };

  it('names only declared options, each with its default', () => {
    const blocks = documented();
    expect(blocks.size).toBeGreaterThan(15);
    for (const [id, options] of blocks) {
      const declared = ruleById(id)?.meta.options ?? {};
      for (const [name, value] of Object.entries(options)) {
        expect(declared[name], `policies/default.yml documents \`${name}\` for ${id}, which it does not declare`).toBeDefined();
        const option = declared[name]!;
        if ('default' in option && !(id === 'scopes/workflow-disallowed-write' && name === 'allow')) expect(value, `${id} ${name}: the default in policies/default.yml`).toEqual(option.default);
      }
    }
  });
});
