import { describe, expect, it } from 'vitest';
import { tempRepo, tw, write } from './harness.js';

interface JsonFinding {
  ruleId: string;
  path: string;
  startLine: number;
}
const found = (stdout: string): string[] => JSON.parse(stdout).findings.map((f: JsonFinding) => `${f.ruleId} ${f.path}:${f.startLine}`);

const CI = '.github/workflows/ci.yml';
const RELEASE = '.github/workflows/release.yml';
const INVENTORY = '.github/token-inventory.yml';

const ciBefore = `name: ci
on: pull_request
jobs:
  build:
    runs-on: ubuntu-latest
    permissions:
      contents: write
    steps:
      - uses: actions/checkout@v4
      - run: make
`;
const ciAfter = ciBefore.replace('on: pull_request\n', 'on: pull_request\npermissions: write-all\n');

const entry = (name: string, rotated: string, expires: string): string => `  - name: ${name}
    kind: fine-grained-pat
    provider: github
    owner: "@alice"
    rotation_days: 90
    last_rotated: ${rotated}
    expires: ${expires}
    used_in: [${RELEASE}]
`;
const inventory = `version: 1\ncredentials:\n${entry('NPM_TOKEN', '2026-02-01', '2026-12-31')}${entry('DEPLOY_TOKEN', '2026-04-01', '2026-06-20')}${entry('CODECOV_TOKEN', '2026-05-01', '2026-10-01')}`;
const release = (extra: string[] = []): string => `name: release
on: push
permissions:
  contents: read
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - run: npm publish
        env:
          NODE_AUTH_TOKEN: \${{ secrets.NPM_TOKEN }}
          TOKEN: \${{ secrets.DEPLOY_TOKEN }}
          CODECOV: \${{ secrets.CODECOV_TOKEN }}
${extra.map((l) => `          ${l}\n`).join('')}`;

describe('scan --diff / --staged: structural rules judge whole files, new findings only', () => {
  it('--diff reports the added `permissions: write-all`, not the problems the workflow already had', async () => {
    const repo = tempRepo();
    write(repo.dir, { [CI]: ciBefore });
    repo.commit('base');
    const whole = await tw(['scan', '--format', 'json'], { cwd: repo.dir });
    expect(found(whole.stdout).length).toBeGreaterThan(0); // the base has findings of its own
    write(repo.dir, { [CI]: ciAfter });
    repo.commit('write-all');
    const r = await tw(['scan', '--diff', 'HEAD~1..HEAD', '--format', 'json'], { cwd: repo.dir });
    const ids = found(r.stdout);
    expect(ids).toContain(`scopes/workflow-write-all ${CI}:3`);
    expect(ids.every((id) => id.endsWith(`${CI}:3`))).toBe(true);
  });

  it('--staged: the judged rotation scenario gives exactly the four rotation findings', async () => {
    const repo = tempRepo();
    write(repo.dir, { [RELEASE]: release() });
    repo.commit('base');
    write(repo.dir, { [RELEASE]: release(['SLACK: ${{ secrets.SLACK_WEBHOOK_URL }}', 'SENTRY: ${{ secrets.SENTRY_AUTH_TOKEN }}']), [INVENTORY]: inventory });
    repo.git('add', '-A');
    const r = await tw(['scan', '--staged', '--format', 'json'], { cwd: repo.dir });
    expect(found(r.stdout).sort()).toEqual(
      [`rotation/credential-overdue ${INVENTORY}:8`, `rotation/credential-expiring ${INVENTORY}:17`, `rotation/inventory-missing ${RELEASE}:14`, `rotation/inventory-missing ${RELEASE}:15`].sort(),
    );
    // The same inventory edit, judged against the workflows: dropping a declared secret makes it
    // undeclared; a change to the inventory shows the credentials' whole state (the rest as before).
    repo.commit('inventory');
    write(repo.dir, { [INVENTORY]: inventory.replace(/ {2}- name: CODECOV_TOKEN[\s\S]*$/, '') });
    repo.git('add', '-A');
    const drop = await tw(['scan', '--staged', '--format', 'json'], { cwd: repo.dir });
    expect(found(drop.stdout).sort()).toEqual(
      [
        `rotation/credential-overdue ${INVENTORY}:8`,
        `rotation/credential-expiring ${INVENTORY}:17`,
        `rotation/inventory-missing ${RELEASE}:13`,
        `rotation/inventory-missing ${RELEASE}:14`,
        `rotation/inventory-missing ${RELEASE}:15`,
      ].sort(),
    );
  });
});

describe('scan --staged: the repository view of a change', () => {
  it('a workflow the policy ignores is not read for the inventory rules, as a scan of the whole tree does not read it', async () => {
    const repo = tempRepo();
    const legacy = '.github/workflows/legacy.yml';
    const job = (secret: string): string =>
      `name: w\non: push\npermissions:\n  contents: read\njobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n        env:\n          T: \${{ secrets.${secret} }}\n`;
    const declared = (...names: string[]): string =>
      `version: 1\ncredentials:\n${names.map((n) => `  - name: ${n}\n    kind: fine-grained-pat\n    owner: "@alice"\n    rotation_days: 90\n    last_rotated: 2026-05-01\n`).join('')}`;
    write(repo.dir, { '.github/tokenwarden.yml': `ignore:\n  - "${legacy}"\n`, [RELEASE]: job('NPM_TOKEN'), [legacy]: job('LEGACY_TOKEN'), [INVENTORY]: declared('NPM_TOKEN') });
    repo.commit('base');
    // The change declares the secret only the ignored workflow uses.
    write(repo.dir, { [INVENTORY]: declared('NPM_TOKEN', 'LEGACY_TOKEN') });
    repo.git('add', '-A');
    const stale = (stdout: string): string[] => found(stdout).filter((f) => f.startsWith('rotation/stale-credential'));
    const tree = stale((await tw(['scan', '--format', 'json'], { cwd: repo.dir })).stdout);
    expect(tree).toEqual([`rotation/stale-credential ${INVENTORY}:8`]);
    expect(stale((await tw(['scan', '--staged', '--format', 'json'], { cwd: repo.dir })).stdout)).toEqual(tree);
  });
});

describe('scan --diff: a Kubernetes binding is judged against roles defined in unchanged files', () => {
  const role = (name: string, verbs: string): string => `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: ${name}
rules:
  - apiGroups: [""]
    resources: ["pods"]
    verbs: ${verbs}
`;
  const binding = (roleName: string): string => `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: ci-deployer
subjects:
  - kind: ServiceAccount
    name: deployer
    namespace: ci
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: ${roleName}
`;

  it('a commit adding only a binding to a `*`-verbs ClusterRole of an older file gets the finding; to a read-only role, none', async () => {
    const repo = tempRepo();
    write(repo.dir, { 'deploy/rbac/roles.yaml': `${role('pod-admin', '["*"]')}---\n${role('pod-reader', '["get", "list", "watch"]')}`, 'README.md': 'x\n' });
    repo.commit('roles');
    write(repo.dir, { 'deploy/bindings/admin.yaml': binding('pod-admin') });
    repo.commit('admin binding');
    const r = await tw(['scan', '--diff', 'HEAD~1..HEAD', '--format', 'json'], { cwd: repo.dir });
    expect(found(r.stdout)).toEqual(['scopes/k8s-binding-privileged-role deploy/bindings/admin.yaml:12']);
    expect(JSON.parse(r.stdout).findings[0].message).toContain('deploy/rbac/roles.yaml');

    write(repo.dir, { 'deploy/bindings/reader.yaml': binding('pod-reader') });
    repo.commit('reader binding');
    const ok = await tw(['scan', '--diff', 'HEAD~1..HEAD', '--format', 'json'], { cwd: repo.dir });
    expect(found(ok.stdout)).toEqual([]);

    // A change to the binding's file that leaves the binding alone does not report it again.
    write(repo.dir, { 'deploy/bindings/admin.yaml': `# owned by platform\n${binding('pod-admin')}` });
    repo.commit('comment');
    const again = await tw(['scan', '--diff', 'HEAD~1..HEAD', '--format', 'json'], { cwd: repo.dir });
    expect(found(again.stdout)).toEqual([]);

    // --staged sees the same roles (the index).
    write(repo.dir, { 'deploy/bindings/staged.yaml': binding('pod-admin').replace('ci-deployer', 'staged-deployer') });
    repo.git('add', '-A');
    const staged = await tw(['scan', '--staged', '--format', 'json'], { cwd: repo.dir });
    expect(found(staged.stdout)).toEqual(['scopes/k8s-binding-privileged-role deploy/bindings/staged.yaml:12']);
  });

  it('roles defined in JSON manifests (a kubectl List) are found too, for YAML and JSON bindings', async () => {
    const rbacRule = (verbs: string[]) => ({ apiGroups: [''], resources: ['pods'], verbs });
    const clusterRole = (name: string, verbs: string[]) => ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name }, rules: [rbacRule(verbs)] });
    const list = { apiVersion: 'v1', kind: 'List', items: [clusterRole('pod-admin', ['*']), clusterRole('pod-reader', ['get', 'list', 'watch'])] };
    const repo = tempRepo();
    write(repo.dir, { 'deploy/cluster/roles.json': JSON.stringify(list, null, 2), 'package.json': '{ "name": "app", "version": "1.0.0" }\n' });
    repo.commit('roles in JSON');
    write(repo.dir, { 'deploy/bindings/admin.yaml': binding('pod-admin') });
    repo.commit('admin binding');
    const r = await tw(['scan', '--diff', 'HEAD~1..HEAD', '--format', 'json'], { cwd: repo.dir });
    expect(found(r.stdout)).toEqual(['scopes/k8s-binding-privileged-role deploy/bindings/admin.yaml:12']);
    expect(JSON.parse(r.stdout).findings[0].message).toContain('deploy/cluster/roles.json');

    // A JSON binding, to the wide role and to the read-only one.
    const jsonBinding = (name: string, role: string): string =>
      JSON.stringify(
        {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'ClusterRoleBinding',
          metadata: { name },
          subjects: [{ kind: 'ServiceAccount', name: 'deployer', namespace: 'ci' }],
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
        },
        null,
        2,
      );
    const wide = jsonBinding('json-admin', 'pod-admin');
    write(repo.dir, { 'deploy/bindings/admin.json': wide });
    repo.commit('JSON admin binding');
    const j = await tw(['scan', '--diff', 'HEAD~1..HEAD', '--format', 'json'], { cwd: repo.dir });
    const line = wide.split('\n').findIndex((l) => l.includes('"name": "pod-admin"')) + 1;
    expect(found(j.stdout)).toEqual([`scopes/k8s-binding-privileged-role deploy/bindings/admin.json:${line}`]);

    write(repo.dir, { 'deploy/bindings/reader.json': jsonBinding('json-reader', 'pod-reader') });
    repo.commit('JSON reader binding');
    const ok = await tw(['scan', '--diff', 'HEAD~1..HEAD', '--format', 'json'], { cwd: repo.dir });
    expect(found(ok.stdout)).toEqual([]);
  });

  it('past the search limit (100 files read), a changed binding whose role was not among them is not judged; one whose role was found is judged', async () => {
    const repo = tempRepo();
    const configs = Object.fromEntries(
      Array.from({ length: 105 }, (_, i) => [`deploy/apps/app-${String(i).padStart(3, '0')}.yaml`, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-${i}\ndata:\n  replicas: "2"\n`]),
    );
    const jsonRole = JSON.stringify(
      { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'json-admin' }, rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }] },
      null,
      2,
    );
    // Paths naming RBAC are read first, then YAML, then JSON: the JSON role is past the limit.
    write(repo.dir, { ...configs, 'deploy/rbac/roles.yaml': role('pod-admin', '["*"]'), 'deploy/cluster/admin.json': jsonRole });
    repo.commit('107 manifests');
    const diff = async () => {
      const r = await tw(['scan', '--diff', 'HEAD~1..HEAD', '--format', 'json'], { cwd: repo.dir });
      const out = JSON.parse(r.stdout) as { verdict: string; skipped: Array<{ path: string; reason: string; detail: string }>; notes?: string[] };
      return { code: r.code, found: found(r.stdout), verdict: out.verdict, skipped: out.skipped, notes: out.notes };
    };

    write(repo.dir, {
      'deploy/bindings/admin.yaml': binding('pod-admin'),
      'deploy/bindings/json-admin.yaml': binding('json-admin').replace('ci-deployer', 'json-deployer'),
    });
    repo.commit('a binding to a role that was read, one to a role past the limit');
    const cut = await diff();
    expect(cut.found).toEqual(['scopes/k8s-binding-privileged-role deploy/bindings/admin.yaml:12']);
    // 107 candidates: the manifests but not the changed files.
    expect(cut.skipped).toEqual([
      {
        path: 'deploy/bindings/json-admin.yaml',
        reason: 'limit',
        detail: expect.stringMatching(
          /^ClusterRoleBinding `json-deployer` binds the ClusterRole `json-admin`, which is not among the roles read \(the search for Kubernetes roles stops at 100 files read, and 107 were candidates\)/,
        ),
      },
    ]);
    expect(cut.verdict).toBe('fail'); // not judged is never a pass
    expect(cut.code).not.toBe(0);
    // What the search left unread is said in every format, not only through the binding not judged.
    const note = /^Kubernetes bindings were judged against the roles in the first 100 of 107 other manifest files/;
    expect(cut.notes).toEqual([expect.stringMatching(note)]);
    const text = await tw(['scan', '--diff', 'HEAD~1..HEAD', '--no-color'], { cwd: repo.dir });
    expect(text.stdout).toMatch(/\nNotes\n {2}Kubernetes bindings were judged against the roles in the first 100 of 107/);
    const sarif = JSON.parse((await tw(['scan', '--diff', 'HEAD~1..HEAD', '--format', 'sarif'], { cwd: repo.dir })).stdout) as {
      runs: Array<{ invocations: Array<{ toolExecutionNotifications: Array<{ level: string; message: { text: string } }> }> }>;
    };
    expect(sarif.runs[0]!.invocations[0]!.toolExecutionNotifications.filter((n) => n.level === 'note').map((n) => n.message.text)).toEqual([expect.stringMatching(note)]);

    // A binding to a role every cluster defines is not looked for; an edit that leaves the unjudged binding as it was adds nothing to judge.
    write(repo.dir, {
      'deploy/bindings/view.yaml': binding('view').replace('ci-deployer', 'viewer'),
      'deploy/bindings/json-admin.yaml': `# owned by platform\n${binding('json-admin').replace('ci-deployer', 'json-deployer')}`,
    });
    repo.commit('view binding, comment');
    const rest = await diff();
    expect(rest.found).toEqual([]);
    expect(rest.skipped).toEqual([]);
    // The search ran again (a changed file has a roleRef) and was cut again: 108 candidates now.
    expect(rest.notes).toEqual([expect.stringMatching(/^Kubernetes bindings were judged against the roles in the first 100 of 108 /)]);
    expect(rest.code).toBe(0);
  }, 90_000); // two scans, each reading 100 files through a git process apiece: long on a loaded machine

  it("a role in a file the policy's ignore globs exclude does not feed the judgement; the same role in another file does", async () => {
    const repo = tempRepo();
    write(repo.dir, {
      '.github/tokenwarden.yml': 'ignore:\n  - "examples/**"\n',
      'examples/rbac/roles.yaml': role('pod-admin', '["*"]'),
      'README.md': 'x\n',
    });
    repo.commit('roles, ignored');
    // A scan of the whole tree leaves the ignored file out, so the binding it gets is judged without it.
    write(repo.dir, { 'deploy/bindings/admin.yaml': binding('pod-admin') });
    repo.commit('admin binding');
    const tree = await tw(['scan', '--format', 'json'], { cwd: repo.dir });
    expect(found(tree.stdout)).toEqual([]);
    const r = await tw(['scan', '--diff', 'HEAD~1..HEAD', '--format', 'json'], { cwd: repo.dir });
    expect(found(r.stdout)).toEqual([]);
    expect(JSON.parse(r.stdout).skipped).toEqual([]);

    // The same role outside the ignored folder is found.
    write(repo.dir, { 'deploy/rbac/roles.yaml': role('pod-admin', '["*"]') });
    repo.commit('roles, not ignored');
    write(repo.dir, { 'deploy/bindings/other.yaml': binding('pod-admin').replace('ci-deployer', 'other-deployer') });
    repo.commit('another binding');
    const flagged = await tw(['scan', '--diff', 'HEAD~1..HEAD', '--format', 'json'], { cwd: repo.dir });
    expect(found(flagged.stdout)).toEqual(['scopes/k8s-binding-privileged-role deploy/bindings/other.yaml:12']);
    expect(JSON.parse(flagged.stdout).findings[0].message).toContain('deploy/rbac/roles.yaml');
  });
});
