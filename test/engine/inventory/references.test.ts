import { describe, expect, it } from 'vitest';
import { referencedSecrets } from '../../../src/engine/inventory/index.js';
import { y } from '../rules/scopes/helpers.js';

const ci = {
  path: '.github/workflows/ci.yml',
  text: y`
    on: [push, pull_request]
    env:
      GLOBAL: \${{ secrets.GLOBAL_TOKEN }}
    jobs:
      test:
        runs-on: ubuntu-latest
        steps:
          - run: echo "\${{ secrets.A }} \${{secrets['B']}} \${{ secrets.GITHUB_TOKEN }} \${{ github.token }}"
            if: secrets.C != ''
          # \${{ secrets.COMMENTED }}
          - run: echo secrets.NOT_AN_EXPRESSION
      deploy:
        environment:
          name: production
        runs-on: ubuntu-latest
        steps:
          - uses: some/action@v1
            with:
              token: \${{ secrets.A }}
  `,
};

describe('referencedSecrets', () => {
  it('finds names with positions, jobs and environments; not GITHUB_TOKEN, comments or plain text', () => {
    const refs = referencedSecrets([ci, { path: 'src/app.yml', text: 'x: ${{ secrets.NOT_A_WORKFLOW }}' }]);
    expect(refs.files).toEqual(['.github/workflows/ci.yml']);
    expect([...refs.byName.keys()]).toEqual(['GLOBAL_TOKEN', 'A', 'B', 'C']);
    expect(refs.byName.get('A')).toEqual([
      { name: 'A', path: ci.path, job: 'test', line: 8, column: 24, via: 'expression' },
      { name: 'A', path: ci.path, job: 'deploy', environment: 'production', line: 19, column: 22, via: 'expression' },
    ]);
    expect(refs.byName.get('GLOBAL_TOKEN')![0]).toMatchObject({ line: 3, column: 15 });
    expect(refs.byName.get('GLOBAL_TOKEN')![0]!.job).toBeUndefined();
    expect(refs.byName.get('B')![0]).toMatchObject({ line: 8, column: 40 });
    expect(refs.byName.get('C')![0]).toMatchObject({ line: 9, column: 13 });
    expect(refs.open).toEqual([]);
  });

  it('treats reusable-workflow secrets as inputs unless a caller inherits them', () => {
    const callee = {
      path: '.github/workflows/reuse.yml',
      text: 'on:\n  workflow_call:\n    secrets:\n      token:\njobs:\n  a:\n    steps:\n      - run: echo ${{ secrets.token }} ${{ secrets.OWN }}\n',
    };
    const mapped = { path: '.github/workflows/main.yml', text: 'on: push\njobs:\n  c:\n    uses: ./.github/workflows/reuse.yml\n    secrets:\n      token: ${{ secrets.DEPLOY }}\n' };
    expect([...referencedSecrets([callee, mapped]).byName.keys()]).toEqual(['OWN', 'DEPLOY']);
    const inherit = { path: '.github/workflows/main.yml', text: 'on: push\njobs:\n  c:\n    uses: ./.github/workflows/reuse.yml\n    secrets: inherit\n' };
    const refs = referencedSecrets([callee, inherit]);
    expect([...refs.byName.keys()]).toEqual(['TOKEN', 'OWN']);
    expect(refs.byName.get('TOKEN')!.map((r) => [r.path, r.line, r.via])).toEqual([
      ['.github/workflows/reuse.yml', 8, 'expression'],
      ['.github/workflows/main.yml', 5, 'inherited'],
    ]);
    // A workflow that is also triggered on its own resolves its declared names as repository secrets.
    const both = { ...callee, text: callee.text.replace('on:\n', 'on:\n  push:\n') };
    expect([...referencedSecrets([both]).byName.keys()]).toEqual(['TOKEN', 'OWN']);
  });

  it('records where any secret may be used', () => {
    const refs = referencedSecrets([
      {
        path: '.github/workflows/a.yml',
        text: 'on: push\njobs:\n  c:\n    uses: acme/x/.github/workflows/y.yml@v1\n    secrets: inherit\n  d:\n    uses: ./.github/workflows/missing.yml\n    secrets: inherit\n',
      },
      { path: '.github/workflows/b.yml', text: "on: push\njobs:\n  j:\n    steps:\n      - run: echo '${{ toJSON(secrets) }}' ${{ secrets[format('T_{0}', matrix.env)] }}\n" },
    ]);
    expect(refs.open.map((o) => [o.path, o.line, o.what])).toEqual([
      ['.github/workflows/a.yml', 8, 'inherit'],
      ['.github/workflows/a.yml', 5, 'inherit'],
      ['.github/workflows/b.yml', 5, 'tojson'],
      ['.github/workflows/b.yml', 5, 'dynamic'],
    ]);
  });

  it('skips workflows that do not parse', () => {
    expect(referencedSecrets([{ path: '.github/workflows/x.yml', text: 'on: [\n  ${{ secrets.X }}' }]).byName.size).toBe(0);
  });
});
