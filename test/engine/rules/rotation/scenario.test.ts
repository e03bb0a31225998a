/**
 * The scenario the rotation family is judged on: five workflow secrets — two undeclared, one overdue,
 * one expiring in 5 days (14-day window), one healthy — give exactly four findings on a scan: two
 * undeclared, one overdue, one expiring. Run with the whole registry and the built-in default policy.
 */
import { describe, expect, it } from 'vitest';
import { scanFiles } from '../../../../src/engine/scan.js';
import { allRules } from '../../../../src/engine/registry.js';
import { resolvePolicy } from '../../../../src/engine/policy/load.js';
import { credentialStatuses, parseInventory, referencedSecrets } from '../../../../src/engine/inventory/index.js';
import { y } from './helpers.js';

const TODAY = new Date('2026-06-15T12:00:00Z');

const files = [
  {
    path: '.github/workflows/release.yml',
    text: y`
      name: release
      on:
        push:
          tags: ["v*"]
      permissions:
        contents: read
      jobs:
        publish:
          runs-on: ubuntu-latest
          environment: production
          steps:
            - uses: actions/checkout@v4
              with:
                persist-credentials: false
            - run: npm publish --registry https://npm.acme.example/   # private: no trusted publishing there
              env:
                NODE_AUTH_TOKEN: \${{ secrets.NPM_TOKEN }}
            - run: ./notify.sh
              env:
                SLACK_WEBHOOK: \${{ secrets.SLACK_WEBHOOK_URL }}
                SENTRY_AUTH_TOKEN: \${{ secrets.SENTRY_AUTH_TOKEN }}
    `,
  },
  {
    path: '.github/workflows/docs.yml',
    text: y`
      name: docs
      on:
        push:
          branches: [main]
      permissions: { contents: read }
      jobs:
        deploy:
          runs-on: ubuntu-latest
          environment: docs
          steps:
            - uses: actions/checkout@v4
              with:
                persist-credentials: false
            - run: ./deploy-docs.sh
              env:
                DOCS_TOKEN: \${{ secrets.DOCS_DEPLOY_TOKEN }}
                CDN_KEY: \${{ secrets['CDN_PURGE_KEY'] }}
                GH: \${{ secrets.GITHUB_TOKEN }}
    `,
  },
  {
    path: '.github/token-inventory.yml',
    text: y`
      version: 1
      credentials:
        - name: NPM_TOKEN                 # healthy
          kind: fine-grained-pat
          owner: "@acme/release"
          scopes: [packages:write]
          rotation_days: 90
          last_rotated: 2026-05-01
          expires: 2026-10-01
          used_in: [.github/workflows/release.yml]
          environment: production
        - name: SENTRY_AUTH_TOKEN         # rotation overdue (due 2026-05-01)
          kind: api-key
          provider: sentry
          owner: "@acme/observability"
          scopes: [project:releases]
          rotation_days: 90
          last_rotated: 2026-01-31
          expires: 2027-01-31
          used_in: [.github/workflows/release.yml]
        - name: DOCS_DEPLOY_TOKEN         # expires in 5 days
          kind: fine-grained-pat
          owner: "@alice"
          scopes: [contents:write]
          rotation_days: 60
          last_rotated: 2026-06-01
          expires: 2026-06-20
          used_in: [.github/workflows/docs.yml]
    `,
  },
  // Something else in the repository, so the scan is not only the rotation files.
  { path: 'src/index.ts', text: 'export const answer = 42;\n' },
];

describe('scenario: five workflow secrets, two undeclared, one overdue, one expiring, one healthy', () => {
  const resolved = resolvePolicy([], { today: TODAY });
  if (!resolved.ok) throw new Error('default policy does not resolve');

  it('gives exactly those four findings on a full scan with the default policy', () => {
    const { findings } = scanFiles(files, { policy: resolved.policy, rules: allRules, today: TODAY });
    const rotation = findings.filter((f) => f.family === 'rotation');
    expect(rotation.map((f) => [f.ruleId, f.path, f.startLine, f.level])).toEqual([
      ['rotation/credential-overdue', '.github/token-inventory.yml', 18, 'fail'],
      ['rotation/credential-expiring', '.github/token-inventory.yml', 27, 'warn'],
      ['rotation/inventory-missing', '.github/workflows/docs.yml', 17, 'warn'],
      ['rotation/inventory-missing', '.github/workflows/release.yml', 20, 'warn'],
    ]);
    expect(rotation[0]!.message).toMatch(/SENTRY_AUTH_TOKEN.*due for rotation on 2026-05-01.*45 days overdue.*@acme\/observability/);
    expect(rotation[1]!.message).toMatch(/DOCS_DEPLOY_TOKEN.*expires in 5 days \(2026-06-20\)/);
    expect(rotation[2]!.message).toMatch(/`CDN_PURGE_KEY`/);
    expect(rotation[3]!.message).toMatch(/`SLACK_WEBHOOK_URL`.*environment `production`/);
    // Nothing else of the registry fires on this repository either.
    expect(findings.filter((f) => f.family !== 'rotation')).toEqual([]);
  });

  it('gives the same answer whatever order the files come in', () => {
    const { findings } = scanFiles([...files].reverse(), { policy: resolved.policy, rules: allRules, today: TODAY });
    expect(findings.filter((f) => f.family === 'rotation')).toHaveLength(4);
  });

  it('and the sweep API agrees: one ok, one overdue, one due-soon, two undeclared', () => {
    const inv = parseInventory('.github/token-inventory.yml', files[2]!.text);
    expect(inv.errors).toEqual([]);
    const statuses = credentialStatuses(inv.entries, { today: TODAY, warnDays: 14, referenced: referencedSecrets(files) });
    expect(statuses.map((s) => [s.name, s.status, s.daysLeft ?? null])).toEqual([
      ['NPM_TOKEN', 'ok', 45],
      ['SENTRY_AUTH_TOKEN', 'overdue', -45],
      ['DOCS_DEPLOY_TOKEN', 'due-soon', 5],
      ['CDN_PURGE_KEY', 'undeclared', null],
      ['SLACK_WEBHOOK_URL', 'undeclared', null],
    ]);
  });
});
