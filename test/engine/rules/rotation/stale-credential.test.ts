import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/rotation/stale-credential.js';
import { INV, brief, scanRepo, y } from './helpers.js';

const WF = '.github/workflows/ci.yml';
const workflow = (body: string): string => `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${body}`;
const uses = (name: string): string => `      - run: ./go\n        env:\n          T: \${{ secrets.${name} }}\n`;
const inventory = y`
  version: 1
  credentials:
    - name: USED_TOKEN
      kind: api-key
      provider: x
    - name: OLD_TOKEN
      kind: api-key
      provider: x
      used_in: [.github/workflows/ci.yml]
    - name: VAULT_TOKEN
      kind: api-key
      provider: vault
      used_in: [services/api]
    - name: AWS_ACCESS_KEY_ID
      secrets: [AWS_SECRET_ACCESS_KEY]
      kind: cloud-access-key
      provider: aws
`;
const run = (files: Record<string, string>) => scanRepo(files, { rules: [rule] });

describe('rotation/stale-credential', () => {
  it('flags workflow secrets no workflow uses, at the entry', () => {
    const found = run({ [INV]: inventory, [WF]: workflow(uses('USED_TOKEN') + uses('aws_secret_access_key')) });
    expect(brief(found)).toEqual([`rotation/stale-credential ${INV}:6`]);
    expect(found[0]!.message).toBe(
      'Credential `OLD_TOKEN` (api-key, x) is not used by any workflow (1 checked), although `used_in` names .github/workflows/ci.yml: an unused credential can still leak.',
    );
  });

  it('counts every workflow of the repository, in any order', () => {
    const found = scanRepo(
      [
        { path: '.github/workflows/b.yml', text: workflow(uses('OLD_TOKEN')) },
        { path: INV, text: inventory },
        { path: '.github/workflows/a.yml', text: workflow(uses('USED_TOKEN') + uses('AWS_ACCESS_KEY_ID')) },
      ],
      { rules: [rule] },
    );
    expect(found).toEqual([]);
  });

  it('says nothing when the scan saw no workflow, or some workflow hands every secret on', () => {
    expect(run({ [INV]: inventory })).toEqual([]);
    const inherit = `on: push\njobs:\n  call:\n    uses: acme/shared/.github/workflows/deploy.yml@v1\n    secrets: inherit\n`;
    expect(run({ [INV]: inventory, [WF]: inherit })).toEqual([]);
    const all = workflow(`      - run: ./go\n        env:\n          ALL: \${{ toJSON(secrets) }}\n`);
    expect(run({ [INV]: inventory, [WF]: all })).toEqual([]);
  });

  it('follows `secrets: inherit` into a local reusable workflow', () => {
    const caller = `on: push\njobs:\n  call:\n    uses: ./.github/workflows/reuse.yml\n    secrets: inherit\n`;
    const callee = `on:\n  workflow_call:\n    secrets:\n      OLD_TOKEN:\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n${uses('OLD_TOKEN')}${uses('USED_TOKEN')}${uses('AWS_ACCESS_KEY_ID')}`;
    expect(run({ [INV]: inventory, [WF]: caller, '.github/workflows/reuse.yml': callee })).toEqual([]);
  });

  it('is off for a scan of the inventory alone in a diff without the repository', () => {
    expect(
      scanRepo(
        [
          { path: INV, text: '  - name: OLD_TOKEN\n', lineNumbers: [6] },
          { path: WF, text: workflow(uses('USED_TOKEN')) },
        ],
        { rules: [rule] },
      ),
    ).toEqual([]);
  });
});
