import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/workflow-dynamic-secrets.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';
import { wf, y } from './helpers.js';

const steps = y`
  on: push
  permissions: {}
  jobs:
    test:
      runs-on: ubuntu-latest
      steps:
        - run: echo "$A $B $C"
          env:
            A: \${{ format('{0}', toJSON(secrets)) }}
            B: \${{ secrets.otherstuff }}
            C: \${{ toJSON(secrets.morestuff) }}
        - run: |
            some-command <<< "\${{ toJSON( SECRETS ) }}"
        - run: deploy
          env:
            TOKEN: \${{ secrets[format('GH_PAT_{0}', matrix.env)] }}
            FIXED: \${{ secrets['LITERAL'] }}
`;

ruleTester(rule, {
  valid: [
    wf("on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo ${{ secrets.TOKEN }} ${{ toJSON(secrets.X) }} ${{ secrets['Y'] }}\n"),
    // comments and plain text are not expressions
    wf('on: push\n# toJSON(secrets) is bad\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo "toJSON(secrets)"\n'),
    // peer triage honoured
    wf('on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: cmd\n        env:\n          S: ${{ toJSON(secrets) }} # zizmor: ignore[overprovisioned-secrets]\n'),
  ],
  invalid: [
    { ...wf(steps), count: 3, line: 9 },
    { ...wf('on: push\njobs:\n  a:\n    uses: ./.github/workflows/x.yml\n    with:\n      all: ${{ toJson(secrets) }}\n'), count: 1, line: 6 },
  ],
});

describe('scopes/workflow-dynamic-secrets', () => {
  it('points at the expression', () => {
    const found = runRule(rule, wf(steps));
    expect(found.map((f) => [f.startLine, f.startColumn])).toEqual([
      [9, 14],
      [13, 29],
      [16, 18],
    ]);
    expect(found[2]!.message).toMatch(/computed name/);
  });
});
