import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/rotation/workflow-publish-token.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';

const WF = '.github/workflows/release.yml';
/** A release workflow whose one job runs `body` (steps, indented 6) with optional job-level extras. */
const job = (body: string, extra = '', top = ''): string =>
  `name: release\non:\n  push:\n    tags: ['v*']\n${top}jobs:\n  publish:\n    runs-on: ubuntu-latest\n${extra}    steps:\n      - uses: actions/checkout@v4\n${body}`;
const S = (name: string): string => '${{ secrets.' + name + ' }}';

ruleTester(rule, {
  valid: [
    // pkg.pr.new publishes preview builds through its GitHub App, run by pnpm dlx / bun x: not npm's publish
    { code: job('      - run: pnpm dlx pkg-pr-new publish --compact ./packages/*\n        env:\n          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}\n'), path: '.github/workflows/pkg-pr-new.yml' },
    // npm trusted publishing: id-token and no token
    {
      code: job(
        '      - uses: actions/setup-node@v4\n        with:\n          node-version: 24\n          registry-url: https://registry.npmjs.org\n      - run: npm publish --provenance --access public\n',
        '    permissions:\n      id-token: write\n      contents: read\n',
      ),
      path: WF,
    },
    // PyPI trusted publishing
    { code: job('      - uses: pypa/gh-action-pypi-publish@release/v1\n', '    environment: pypi\n    permissions:\n      id-token: write\n'), path: WF },
    // crates.io through the auth action's short-lived token
    {
      code: job(
        `      - uses: rust-lang/crates-io-auth-action@v1\n        id: auth\n      - run: cargo publish\n        env:\n          CARGO_REGISTRY_TOKEN: \${{ steps.auth.outputs.token }}\n`,
        '    permissions:\n      id-token: write\n',
      ),
      path: WF,
    },
    // RubyGems' own action (OIDC)
    { code: job('      - uses: rubygems/release-gem@v1\n', '    permissions:\n      id-token: write\n      contents: write\n'), path: WF },
    // NuGet/login output
    {
      code: job(
        `      - uses: NuGet/login@v1\n        id: login\n        with:\n          user: someone\n      - run: dotnet nuget push "*.nupkg" --api-key \${{ steps.login.outputs.NUGET_API_KEY }} --source https://api.nuget.org/v3/index.json\n`,
      ),
      path: WF,
    },
    // GitHub Packages takes the job's GITHUB_TOKEN: no trusted publishing to move to
    {
      code: job(
        `      - uses: actions/setup-node@v4\n        with:\n          registry-url: https://npm.pkg.github.com\n      - run: npm publish\n        env:\n          NODE_AUTH_TOKEN: \${{ secrets.GITHUB_TOKEN }}\n`,
      ),
      path: WF,
    },
    {
      code: job(
        `      - uses: actions/setup-node@v4\n        with:\n          registry-url: https://npm.pkg.github.com\n      - run: npm publish\n        env:\n          NODE_AUTH_TOKEN: ${S('GH_PACKAGES_PAT')}\n`,
      ),
      path: WF,
    },
    { code: job(`      - run: dotnet nuget push "*.nupkg" --api-key ${S('GITHUB_TOKEN')} --source https://nuget.pkg.github.com/acme/index.json\n`), path: WF },
    // a private index
    {
      code: job(`      - run: twine upload --repository-url https://acme.jfrog.io/artifactory/api/pypi/pypi-local dist/*\n        env:\n          TWINE_PASSWORD: ${S('ARTIFACTORY_TOKEN')}\n`),
      path: WF,
    },
    { code: job(`      - run: npm publish --registry https://npm.acme.example/\n        env:\n          NODE_AUTH_TOKEN: ${S('ACME_NPM')}\n`), path: WF },
    {
      code: job(
        `      - uses: actions/setup-node@v4\n        with:\n          registry-url: https://npm.acme.example\n      - run: npm publish\n        env:\n          NODE_AUTH_TOKEN: ${S('ACME_NPM')}\n`,
      ),
      path: WF,
    },
    { code: job(`      - run: gem push --host https://gems.acme.example pkg/x.gem\n        env:\n          GEM_HOST_API_KEY: ${S('ACME_GEMS')}\n`), path: WF },
    { code: job(`      - run: twine upload -r internal dist/*\n        env:\n          TWINE_PASSWORD: ${S('INTERNAL')}\n`), path: WF },
    // a dry run publishes nothing
    { code: job(`      - run: npm publish --dry-run\n        env:\n          NODE_AUTH_TOKEN: ${S('NPM_TOKEN')}\n`), path: WF },
    // a token in another job of the workflow is not this job's
    {
      code: `on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    env:\n      NPM_TOKEN: ${S('NPM_TOKEN')}\n    steps:\n      - run: npm ci\n  publish:\n    runs-on: ubuntu-latest\n    permissions:\n      id-token: write\n    steps:\n      - run: npm publish\n`,
      path: WF,
    },
    // a build that only mentions publishing in an echo
    { code: job(`      - run: echo "run npm publish by hand"\n        env:\n          NPM_TOKEN: ${S('NPM_TOKEN')}\n`), path: WF },
    // Maven Central has no trusted publishing
    { code: job(`      - run: mvn deploy\n        env:\n          MAVEN_PASSWORD: ${S('OSSRH_TOKEN')}\n`), path: WF },
    // maturin's action only building wheels
    { code: job(`      - uses: PyO3/maturin-action@v1\n        with:\n          command: build\n        env:\n          MATURIN_PYPI_TOKEN: ${S('PYPI')}\n`), path: WF },
    // pub.dev automated publishing: setup-dart exchanges the OIDC token
    { code: job('      - uses: dart-lang/setup-dart@v1\n      - run: dart pub publish --force\n', '    permissions:\n      id-token: write\n'), path: WF },
    // no token in sight and id-token granted (job, workflow, write-all): trusted publishing
    { code: job('      - run: uv publish\n', '    permissions:\n      id-token: write\n'), path: WF },
    { code: job('      - run: cargo publish\n', '', 'permissions:\n  id-token: write\n  contents: read\n'), path: WF, name: 'id-token granted at the workflow level' },
    { code: job('      - run: twine upload dist/*\n', '', 'permissions: write-all\n'), path: WF, name: 'write-all grants id-token' },
    // without id-token, but not a direct publish, a dry run, a build, or handed a token of another origin
    { code: job('      - run: pnpm publish --dry-run\n      - run: poetry build\n      - run: twine check dist/*\n      - run: npx semantic-release\n'), path: WF },
    { code: job('      - run: cargo publish -p ${{ matrix.crate }}\n'), path: WF, name: 'an expression in the command: not judged' },
    { code: job('      - run: npm publish\n        env:\n          NODE_AUTH_TOKEN: ${{ steps.token.outputs.token }}\n'), path: WF, name: 'a token from an earlier step' },
    { code: job('      - run: npm publish\n        env:\n          GITHUB_TOKEN: ${{ github.token }}\n'), path: WF, name: 'a GitHub token handed over (GitHub Packages)' },
    {
      code: job('      - uses: rubygems/configure-rubygems-credentials@v1.0.0\n        with:\n          role-to-assume: rg_oidc_akr_example\n      - run: gem push pkg/*.gem\n'),
      path: WF,
      name: 'an OIDC exchange step in the job',
    },
    { code: job('      - uses: rubygems/release-gem@v1\n'), path: WF, name: 'release-gem with trusted publishing on (its default)' },
    {
      code: job(
        '      - id: mint\n        run: ./mint-pypi-token.sh\n      - uses: pypa/gh-action-pypi-publish@release/v1\n        with:\n          password: ${{ steps.mint.outputs.token }}\n',
        '    permissions:\n      id-token: write\n',
      ),
      path: WF,
      name: 'a token minted in the job from its OIDC token',
    },
    {
      code: job('      - uses: actions/setup-node@v4\n        with:\n          registry-url: ${{ inputs.registry }}\n      - run: npm publish\n'),
      path: WF,
      name: 'a registry chosen by an expression',
    },
    {
      code: job('      - run: npx verdaccio &\n      - run: npm config set registry http://localhost:4873/\n      - run: npm publish\n'),
      path: WF,
      name: 'publishing to a local registry set up by an earlier step',
    },
    { code: job('      - run: uv publish\n        env:\n          UV_PUBLISH_URL: https://pypi.internal.example/legacy/\n'), path: WF, name: 'publishing to an index a variable names' },
    {
      code: `on:\n  workflow_call:\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - run: uv publish\n`,
      path: '.github/workflows/reusable-publish.yml',
      name: 'a reusable workflow: the caller grants permissions',
    },
    {
      code: `name: publish\nruns:\n  using: composite\n  steps:\n    - run: npm publish\n      shell: bash\n`,
      path: '.github/actions/publish/action.yml',
      name: 'a composite action: permissions unknown',
    },
    // a PyPI action pointed at a private index
    {
      code: job(
        `      - uses: pypa/gh-action-pypi-publish@release/v1\n        with:\n          repository-url: https://pypi.internal.example.com/legacy/\n          password: ${S('INTERNAL_TOKEN')}\n`,
      ),
      path: WF,
    },
    // always-auth with id-token granted, and for another registry
    {
      code: job('      - uses: actions/setup-node@v4\n        with:\n          registry-url: https://registry.npmjs.org\n          always-auth: true\n', '    permissions:\n      id-token: write\n'),
      path: WF,
    },
    { code: job('      - uses: actions/setup-node@v4\n        with:\n          registry-url: https://npm.pkg.github.com\n          always-auth: true\n'), path: WF },
    // not a workflow (a fixture elsewhere)
    { code: job(`      - run: npm publish\n        env:\n          NODE_AUTH_TOKEN: ${S('NPM_TOKEN')}\n`), path: 'tests/fixtures/release.yml' },
  ],
  invalid: [
    // npm, token in the step env (the setup-node pattern)
    {
      code: job(
        `      - uses: actions/setup-node@v4\n        with:\n          registry-url: https://registry.npmjs.org\n      - run: npm publish --access public\n        env:\n          NODE_AUTH_TOKEN: ${S('NPM_TOKEN')}\n`,
      ),
      path: WF,
      count: 1,
      line: 15,
    },
    // yarn berry, pnpm, bun; token at the job level
    { code: job('      - run: yarn npm publish\n', `    env:\n      YARN_NPM_AUTH_TOKEN: ${S('NPM_TOKEN')}\n`), path: WF, count: 1 },
    { code: job('      - run: pnpm -r publish --no-git-checks\n', `    env:\n      NPM_TOKEN: ${S('NPM_TOKEN')}\n`), path: WF, count: 1 },
    { code: job(`      - run: bun publish\n        env:\n          NPM_CONFIG_TOKEN: x\n          NPM_TOKEN: ${S('NPM')}\n`), path: WF, count: 1 },
    // token written to .npmrc by an earlier step
    { code: job(`      - run: echo "//registry.npmjs.org/:_authToken=${S('NPM_TOKEN')}" > ~/.npmrc\n      - run: npm publish\n`), path: WF, count: 1 },
    // workflow-level env, even with id-token: write (the token is still there)
    { code: job('      - run: npm publish --provenance\n', '    permissions:\n      id-token: write\n', `env:\n  NODE_AUTH_TOKEN: ${S('NPM_TOKEN')}\n`), path: WF, count: 1 },
    // JS-DevTools/npm-publish with token
    { code: job(`      - uses: JS-DevTools/npm-publish@v3\n        with:\n          token: ${S('NPM_TOKEN')}\n`), path: WF, count: 1, line: 12 },
    // changesets
    {
      code: job(
        `      - uses: changesets/action@v1\n        with:\n          publish: pnpm release\n        env:\n          GITHUB_TOKEN: ${S('GITHUB_TOKEN')}\n          NPM_TOKEN: ${S('NPM_TOKEN')}\n`,
      ),
      path: WF,
      count: 1,
    },
    // PyPI: the action with a password, twine, poetry, uv
    { code: job(`      - uses: pypa/gh-action-pypi-publish@release/v1\n        with:\n          user: __token__\n          password: ${S('PYPI_API_TOKEN')}\n`), path: WF, count: 1, line: 13 },
    {
      code: job(`      - run: |\n          python -m build\n          twine upload dist/*\n        env:\n          TWINE_USERNAME: __token__\n          TWINE_PASSWORD: ${S('PYPI_TOKEN')}\n`),
      path: WF,
      count: 1,
    },
    { code: job(`      - run: poetry publish --build -u __token__ -p ${S('PYPI_TOKEN')}\n`), path: WF, count: 1 },
    { code: job(`      - run: poetry config pypi-token.pypi ${S('PYPI_TOKEN')}\n      - run: poetry publish --build\n`), path: WF, count: 1 },
    { code: job(`      - run: uv publish\n        env:\n          UV_PUBLISH_TOKEN: ${S('PYPI_TOKEN')}\n`), path: WF, count: 1 },
    // RubyGems
    { code: job(`      - run: |\n          gem build *.gemspec\n          gem push *.gem\n        env:\n          GEM_HOST_API_KEY: ${S('RUBYGEMS_API_KEY')}\n`), path: WF, count: 1 },
    {
      code: job(`      - run: |\n          mkdir -p ~/.gem\n          printf -- "---\\n:rubygems_api_key: ${S('RUBYGEMS_KEY')}\\n" > ~/.gem/credentials\n      - run: gem push pkg/*.gem\n`),
      path: WF,
      count: 1,
    },
    // crates.io
    { code: job(`      - run: cargo publish\n        env:\n          CARGO_REGISTRY_TOKEN: ${S('CRATES_IO_TOKEN')}\n`), path: WF, count: 1 },
    { code: job(`      - run: cargo publish --token ${S('CARGO_TOKEN')}\n`), path: WF, count: 1 },
    { code: job(`      - run: cargo login ${S('CRATES')}\n      - run: cargo publish -p mycrate\n`), path: WF, count: 1 },
    // NuGet: --api-key inline, and a variable the command names
    { code: job(`      - run: dotnet nuget push "bin/Release/*.nupkg" --api-key ${S('NUGET_API_KEY')} --source https://api.nuget.org/v3/index.json\n`), path: WF, count: 1 },
    { code: job(`      - run: dotnet nuget push "*.nupkg" -k $KEY -s https://api.nuget.org/v3/index.json\n        env:\n          KEY: ${S('NUGET')}\n`), path: WF, count: 1 },
    { code: job(`      - run: >-\n          dotnet nuget push out/*.nupkg\n          --api-key ${S('NUGET_KEY')}\n`), path: WF, count: 1 },
    // the public registry named explicitly
    { code: job(`      - run: npm publish --registry=https://registry.npmjs.org/\n        env:\n          NODE_AUTH_TOKEN: ${S('NPM_TOKEN')}\n`), path: WF, count: 1 },
    { code: job(`      - run: twine upload -r testpypi dist/*\n        env:\n          TWINE_PASSWORD: ${S('TEST_PYPI')}\n`), path: WF, count: 1 },
    // JSR with a token
    { code: job(`      - run: npx jsr publish --token ${S('JSR_TOKEN')}\n`), path: WF, count: 1 },
    // maturin publishing to PyPI, by its action and by its command
    {
      code: job(
        `      - uses: PyO3/maturin-action@v1\n        env:\n          MATURIN_PYPI_TOKEN: ${S('PYPI_API_TOKEN')}\n        with:\n          command: upload\n          args: --skip-existing wheels-*/*\n`,
      ),
      path: WF,
      count: 1,
    },
    { code: job(`      - run: maturin publish --skip-existing\n        env:\n          MATURIN_PASSWORD: ${S('PYPI')}\n`), path: WF, count: 1 },
    // pub.dev with stored Google OAuth credentials
    { code: job(`      - uses: k-paxian/dart-package-publisher@v1.6\n        with:\n          credentialJson: ${S('CREDENTIAL_JSON')}\n`), path: WF, count: 1 },
    {
      code: job(`      - run: |\n          mkdir -p ~/.config/dart\n          echo '${S('PUB_CREDENTIALS')}' > ~/.config/dart/pub-credentials.json\n      - run: flutter pub publish --force\n`),
      path: WF,
      count: 1,
    },
    // no token in sight and no id-token: the credential is kept elsewhere
    { code: job('      - run: uv publish\n'), path: WF, count: 1, line: 10, name: 'uv publish without id-token' },
    { code: job('      - run: cargo publish -p mycrate\n'), path: WF, count: 1 },
    { code: job('      - run: python3 -m twine upload dist/*\n'), path: WF, count: 1 },
    { code: job('      - run: bundle exec gem push pkg/x-1.0.gem\n'), path: WF, count: 1 },
    { code: job('      - run: bunx npm@11 publish\n'), path: WF, count: 1 },
    { code: job('      - run: nuget push MyPackage.nupkg\n'), path: WF, count: 1 },
    {
      code: job('      - run: uv publish\n', '    permissions:\n      contents: read\n', 'permissions:\n  id-token: write\n'),
      path: WF,
      count: 1,
      name: 'job permissions replace the workflow grant',
    },
    // RubyGems' actions set up for an API key
    {
      code: job(`      - uses: rubygems/release-gem@v1\n        with:\n          setup-trusted-publisher: false\n`),
      path: WF,
      count: 1,
      line: 12,
      name: 'release-gem with trusted publishing turned off',
    },
    { code: job(`      - uses: rubygems/configure-rubygems-credentials@v1.0.0\n        with:\n          api-token: ${S('RUBYGEMS_API_KEY')}\n      - run: gem push *.gem\n`), path: WF, count: 1 },
    // a token input fed from a composite action's input
    {
      code: `name: publish\ninputs:\n  pypi-token:\n    required: true\nruns:\n  using: composite\n  steps:\n    - uses: pypa/gh-action-pypi-publish@release/v1\n      with:\n        password: \${{ inputs.pypi-token }}\n`,
      path: 'action.yml',
      count: 1,
      name: 'a composite action passing a password input through',
    },
    // setup-node for npmjs with always-auth, no id-token
    { code: job('      - uses: actions/setup-node@v4\n        with:\n          registry-url: https://registry.npmjs.org\n          always-auth: true\n      - run: npm ci\n'), path: WF, count: 1 },
    // two registries in one job: two findings
    {
      code: job(`      - run: npm publish\n        env:\n          NODE_AUTH_TOKEN: ${S('NPM_TOKEN')}\n      - run: twine upload dist/*\n        env:\n          TWINE_PASSWORD: ${S('PYPI')}\n`),
      path: WF,
      count: 2,
    },
    // a composite action
    {
      code: `name: publish\nruns:\n  using: composite\n  steps:\n    - run: npm publish\n      shell: bash\n      env:\n        NODE_AUTH_TOKEN: \${{ inputs.token }}\n    - run: cargo publish --token ${S('X')}\n      shell: bash\n`,
      path: '.github/actions/publish/action.yml',
      count: 1,
    },
  ],
});

describe('rotation/workflow-publish-token', () => {
  it('names the registry, the secret and the migration steps', () => {
    const [f] = runRule(rule, { code: job(`      - run: npm publish\n        env:\n          NODE_AUTH_TOKEN: ${S('NPM_TOKEN')}\n`), path: WF });
    expect(f!.message).toContain('publishes to npm with a stored token');
    expect(f!.message).toContain('`NPM_TOKEN`');
    expect(f!.remediation).toMatch(/Trusted publishing/);
    expect(f!.remediation).toMatch(/id-token: write/);
    expect(f!.remediation).toContain('https://docs.npmjs.com/trusted-publishers');
  });
  it('says when no token is in sight, at medium confidence', () => {
    const [f] = runRule(rule, { code: job('      - run: uv publish\n'), path: WF });
    expect(f!.message).toContain('publishes to PyPI without trusted publishing (no OIDC token (the job is not granted `id-token: write`))');
    expect(f!.message).toContain('a stored token kept elsewhere');
    expect(f!.confidence).toBe('medium');
  });
  it('gives each registry its own steps', () => {
    const [f] = runRule(rule, { code: job(`      - run: cargo publish\n        env:\n          CARGO_REGISTRY_TOKEN: ${S('T')}\n`), path: WF });
    expect(f!.remediation).toContain('rust-lang/crates-io-auth-action');
    const [d] = runRule(rule, { code: job(`      - uses: k-paxian/dart-package-publisher@v1\n        with:\n          credentialJson: ${S('C')}\n`), path: WF });
    expect(d!.message).toContain('publishes to pub.dev');
    expect(d!.remediation).toContain('https://dart.dev/tools/pub/automated-publishing');
  });
});

describe('rotation/workflow-publish-token: a script that publishes out of sight', () => {
  it('reports an upload-only registry token handed to a build script, at medium confidence', () => {
    const ps = job(`      - name: Build and Publish\n        shell: pwsh\n        run: ./Build.ps1\n        env:\n          NUGET_API_KEY: ${S('NUGET_API_KEY')}\n`);
    const [f] = runRule(rule, { code: ps, path: WF });
    expect(f!.confidence).toBe('medium');
    expect(f!.message).toMatch(/publishes to NuGet/);
    expect(f!.message).toMatch(/`NUGET_API_KEY` handed to `\.\/Build\.ps1`/);
    const cargo = job(`      - run: make release\n        env:\n          CARGO_REGISTRY_TOKEN: ${S('CRATES')}\n`);
    expect(runRule(rule, { code: cargo, path: WF })).toHaveLength(1);
  });
  it('not a feed token that also installs packages, nor a token beside no script', () => {
    expect(runRule(rule, { code: job(`      - run: ./scripts/test.sh\n        env:\n          NODE_AUTH_TOKEN: ${S('NPM_TOKEN')}\n`), path: WF })).toEqual([]);
    expect(runRule(rule, { code: job(`      - run: dotnet test\n        env:\n          NUGET_API_KEY: ${S('NUGET_API_KEY')}\n`), path: WF })).toEqual([]);
  });
});
