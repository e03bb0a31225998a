import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/rotation/inventory-incomplete.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { INV, y } from './helpers.js';

const entry = (fields: string): string => `version: 1\ncredentials:\n  - name: RELEASE_TOKEN\n${fields.replace(/^/gm, '    ')}\n`;
const full = 'kind: fine-grained-pat\nowner: "@acme/release"\nrotation_days: 90\nlast_rotated: 2026-05-01\nexpires: 2026-08-01';

ruleTester(rule, {
  valid: [
    { code: entry(full), path: INV },
    // issuers without an expiry
    { code: entry('kind: deploy-key\nowner: "@alice"\nrotation_days: 365\nlast_rotated: 2026-01-10\nexpires: never'), path: INV },
    { code: entry('kind: github-app\nowner: "@acme/platform"\nrotation_days: 365\nlast_rotated: 2026-01-10\nexpires: never'), path: INV },
    {
      code: entry('kind: cloud-access-key\nprovider: aws\nowner: "@acme/platform"\nrotation_days: 90\nlast_rotated: 2026-05-10\nexpires: never'),
      path: INV,
      options: { allowNeverExpires: ['cloud-access-key'] },
    },
    // a malformed owner is rotation/inventory-invalid's, not "missing"
    { code: entry(full.replace('"@acme/release"', 'release-team')), path: INV },
  ],
  invalid: [
    { code: entry('kind: fine-grained-pat\nrotation_days: 90\nlast_rotated: 2026-05-01\nexpires: 2026-08-01'), path: INV, count: 1, line: 3, name: 'no owner' },
    { code: entry('kind:\nowner:\nrotation_days:\nlast_rotated:\nexpires:'), path: INV, count: 1, line: 3, name: 'blanks' },
    { code: entry(full.replace('expires: 2026-08-01', 'expires: never')), path: INV, count: 1, line: 8, name: 'a PAT that never expires' },
    {
      code: entry('kind: cloud-access-key\nprovider: aws\nowner: "@acme/platform"\nrotation_days: 90\nlast_rotated: 2026-05-10\nexpires: never'),
      path: INV,
      count: 1,
      name: 'an access key that never expires',
    },
    { code: entry(full.replace('2026-05-01', '2026-07-01')), path: INV, count: 1, line: 7, name: 'rotated in the future' },
  ],
});

describe('rotation/inventory-incomplete', () => {
  it('names what is missing', () => {
    const [f] = runRule(rule, { code: entry('kind: api-key\nprovider: npm\nlast_rotated: 2026-05-01'), path: INV });
    expect(f!.message).toBe(
      'Credential `RELEASE_TOKEN` (api-key, npm) has no owner, rotation period (`rotation_days`), expiry (`expires`): nobody can tell who rotates it or when it must be rotated.',
    );
    expect(f!.remediation).toMatch(/Add `owner`, `rotation_days`, `expires`/);
  });

  it('reports each entry on its own line', () => {
    const code = y`
      credentials:
        - name: A
          kind: other
        - name: B
          kind: other
          owner: "@b"
          rotation_days: 30
          last_rotated: 2026-06-01
          expires: 2026-07-01
        - name: C
    `;
    expect(runRule(rule, { code, path: INV }).map((f) => f.startLine)).toEqual([2, 10]);
  });
});
