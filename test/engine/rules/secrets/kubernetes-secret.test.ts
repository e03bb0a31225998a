import rule from '../../../../src/engine/rules/secrets/kubernetes-secret.js';
import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { B64, cat, rand } from '../../../helpers/tokens.js';

const b64 = (s: string): string => Buffer.from(s).toString('base64');
const dbPass = b64(rand(20, undefined, 'k8s-db'));
const apiKey = b64(rand(32, undefined, 'k8s-api'));
const plain = rand(24, undefined, 'k8s-plain');
const SECRET = cat('kind: ', 'Secret');

const manifest = (body: string, kind = SECRET): string => `apiVersion: v1\n${kind}\nmetadata:\n  name: app-credentials\n  namespace: prod\ntype: Opaque\n${body}`;

ruleTester(rule, {
  valid: [
    // Configuration kept beside the credentials: restic's repository address (its secret is RESTIC_PASSWORD, a
    // reference here), a value derived one way from a password, and a value that says what goes there.
    {
      code: manifest('stringData:\n  RESTIC_REPOSITORY: s3:http://minio.storage.svc.cluster.local:9000/volsync/gitea\n  RESTIC_PASSWORD: ${SECRET_RESTIC_PASSWORD}\n'),
      path: 'kubernetes/apps/gitea/volsync-backup.yaml',
    },
    { code: manifest(`stringData:\n  ed25519Hash: ${rand(43, B64, 'k8s-ed-hash')}\n`), path: 'examples/manifests/config/mariadb-auth.yaml' },
    { code: manifest('stringData:\n  customApiKey: my-custom-api-key-at-least-32-chars\n'), path: 'examples/usecase/custom-api-key-secret.yml' },
    // A short URL whose password is a stand-in (a generator's template beside `API_KEY: "your-api-key"`).
    { code: manifest('stringData:\n  DATABASE_URL: "postgresql://user:pass@host:5432/db"\n'), path: 'k8s/secrets.yaml' },
    // A BIND key file whose secret is a stand-in, in a guide's example.
    {
      code: manifest('stringData:\n  rndc.key: |\n    key "bindy-operator" {\n        algorithm hmac-sha256;\n        secret "base64EncodedSecretKeyMaterial==";\n    };\n'),
      path: 'charts/bindy/crds/bind9clusters.crd.yaml',
    },
    // A SQL script shipped as a file under a key that says secret: its lines are other rules' to judge.
    {
      code: manifest(`stringData:\n  secret.sql: |\n    create table secrets (i integer);\n    insert into secrets (select generate_series(1,10000));\n`),
      path: 'samples/cluster-example-initdb-sql-refs.yaml',
    },
    // An htpasswd file of several entries: password hashes, one per user.
    {
      code: `apiVersion: v1\nkind: Secret\nmetadata:\n  name: cafe-passwd\ntype: nginx.org/htpasswd\nstringData:\n  htpasswd: |\n    foo:${cat('$2y$10$', 'e4CiBWaLq9JW93jV8r9CW.RE6fbsT3szmIsUhwqYuPfVlggXiBY76')}\n    qux:${cat('$apr1$', 'st218vzc$A3H7I83N9vLmczj73Byi3/')}\n`,
      path: 'examples/basic-auth/cafe-passwd.yaml',
    },
    // A private key's PEM in base64 on one line is private-key's finding (one leak, one finding).
    {
      code: manifest(
        `data:\n  tls.crt: ${b64(cat('-----BEGIN ', 'CERTIFICATE-----\nMIIB', rand(60, undefined, 'crt')))}\n  tls.key: ${b64(cat('-----BEGIN ', 'PRIVATE KEY-----\nMIIE', rand(200, undefined, 'tlskey')))}\n`,
      ),
      path: 'tls.yaml',
    },
    // Empty, templated, short and non-secret entries.
    { code: manifest('data:\n  password: ""\n  token: \'\'\n'), path: 'secret.yaml' },
    { code: manifest('data:\n  password: {{ .Values.password | b64enc }}\n'), path: 'templates/secret.yaml' },
    { code: manifest('data:\n  extra: YmFyCg==\n'), path: 'secret.yaml' },
    { code: manifest(`data:\n  username: ${b64('app-service-account')}\n  host: ${b64('db.prod.internal')}\n`), path: 'secret.yaml' },
    { code: manifest(`data:\n  ca.crt: ${b64(cat('-----BEGIN ', 'CERTIFICATE-----\nMIIB', rand(60, undefined, 'ca')))}\n`), path: 'secret.yaml' },
    { code: manifest('stringData:\n  password: changeme\n  token: ${API_TOKEN}\n'), path: 'secret.yaml' },
    // A comment in place of the value; stand-ins longer than a short value.
    { code: manifest("stringData:\n  secret-key: ## output of openssl rand -base64 32 | tr -d '/+=' | head -c 32\n"), path: 'docs/helmChart.md' },
    {
      code: manifest("stringData:\n  NEXT_PRIVATE_ENCRYPTION_KEY: 'your-encryption-key-min-32-chars'\n  DATABASE_URL: 'postgresql://user:password@postgres-host:5432/documenso'\n"),
      path: 'docs/kubernetes.mdx',
    },
    // Other kinds.
    { code: manifest(`data:\n  password: ${dbPass}\n`, 'kind: ConfigMap'), path: 'cm.yaml' },
    { code: manifest(`spec:\n  encryptedData:\n    password: ${dbPass}\n`, 'kind: SealedSecret'), path: 'sealed.yaml' },
    {
      code: `apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nspec:\n  secretStoreRef:\n    kind: SecretStore\n  data:\n    - secretKey: api-key\n      remoteRef:\n        key: prod/api\n`,
      path: 'es.yaml',
    },
    // A bootstrap token Secret's groups and usages, beside its templated secret.
    {
      code: `apiVersion: v1\n${SECRET}\nmetadata:\n  name: bootstrap-token-abcdef\ntype: bootstrap.kubernetes.io/token\nstringData:\n  token-id: "{{ token_id }}"\n  token-secret: "{{ token_secret }}"\n  usage-bootstrap-authentication: "true"\n  auth-extra-groups: "system:bootstrappers:default-node-token"\n`,
      path: 'templates/kubelet-bootstrap-secret.yml',
    },
    // A container image reference kept in a generated Secret (a plugin's sidecar image), base64 over two lines.
    { code: manifest(`data:\n  SIDECAR_IMAGE: |\n    ${b64('ghcr.io/cloudnative-pg/plugin-barman-cloud-sidecar:v0.12.0').replace(/(.{70})/, '$1\n    ')}\n`), path: 'barman-cloud.gen.yaml' },
    // The Secret and the data are in different documents.
    { code: `${SECRET}\nmetadata:\n  name: a\n---\nkind: ConfigMap\ndata:\n  key: ${dbPass}\n`, path: 'multi.yaml' },
  ],
  invalid: [
    // The same key file with a real secret is one.
    { code: manifest(`stringData:\n  rndc.key: |\n    key "rndc-key" {\n        algorithm hmac-sha256;\n        secret "${rand(43, B64, 'rndc-real')}=";\n    };\n`), path: 'k8s/bind.yaml', count: 1 },
    // The short URL with a generated password is one.
    { code: manifest(`stringData:\n  DATABASE_URL: "postgresql://app:${rand(12, undefined, 'k8s-url-pw')}@db:5432/app"\n`), path: 'k8s/secrets.yaml', count: 1 },
    // A random value under a neutral name is still a credential, also beside an address.
    { code: manifest(`stringData:\n  RESTIC_REPOSITORY: s3:http://minio:9000/volsync\n  UPSTREAM: ${plain}\n`), path: 'k8s/backup.yaml', count: 1 },
    {
      name: "a configuration file that is a credential (1Password Connect's credentials)",
      code: manifest(
        `data:\n  1password-credentials.json: ${b64(JSON.stringify({ verifier: { salt: rand(22, undefined, 'op-salt'), localHash: rand(43, undefined, 'op-hash') }, encCredentials: { kid: 'localauthv2keykid', enc: 'A256GCM', iv: rand(16, undefined, 'op-iv'), data: rand(300, undefined, 'op-data') }, uniqueKey: { alg: 'A256GCM', k: rand(43, undefined, 'op-k'), kty: 'oct' } }, null, 2))}\n`,
      ),
      count: 1,
      path: 'docs/snippets/1password-connect-server-secret.yaml',
    },
    {
      name: 'a credentials file, whatever its lines',
      code: manifest(`stringData:\n  .pgpass: |\n    db.prod.internal:5432:app:app:${plain}\n    db.replica.internal:5432:app:app:${plain}\n`),
      count: 1,
      path: 'secret.yaml',
    },
    { code: manifest(`data:\n  password: ${dbPass}\n`), secret: dbPass, count: 1, line: 8, path: 'k8s/secret.yaml' },
    {
      name: 'several keys, each reported on its line',
      code: manifest(`data:\n  # base64 encoded\n  username: ${b64('admin')}\n  password: ${dbPass}\n  api-key: "${apiKey}"\n`),
      count: 2,
      line: 10,
      path: 'secret.yml',
    },
    { name: 'stringData', code: manifest(`stringData:\n  DATABASE_PASSWORD: ${plain}\n`), secret: plain, line: 8, path: 'secret.yaml' },
    { name: 'a connection string with a real password', code: manifest(`stringData:\n  DATABASE_URL: 'postgresql://app:${plain}@db.prod.internal:5432/app'\n`), count: 1, path: 'secret.yaml' },
    { name: 'a value and its comment', code: manifest(`stringData:\n  api-token: ${plain} # rotated quarterly\n`), secret: plain, path: 'secret.yaml' },
    { name: 'data before kind, tab indented', code: `apiVersion: v1\ndata:\n\tpassword: ${dbPass}\nkind: secret\nmetadata:\n\tname: x\n`, secret: dbPass, line: 3 },
    {
      name: 'block scalar',
      code: manifest(`data:\n  .dockerconfigjson: |\n    ${b64(JSON.stringify({ auths: { 'registry.corp.test': { auth: b64(`ci:${plain}`) } } }))}\n`),
      count: 1,
      path: 'pull-secret.yaml',
    },
    {
      name: 'second document of a multi-document file',
      code: `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n---\n${manifest(`data:\n  password: ${dbPass}\n`)}`,
      line: 13,
      path: 'all.yaml',
    },
  ],
});

// Secret-bearing keys only: identifiers and connection details under a Secret are not credentials.
ruleTester(rule, {
  valid: [
    {
      name: 'identifiers and connection details only',
      code: manifest(
        `data:\n  DB_HOST: ${b64('postgres.prod.svc.cluster.local')}\n  DB_PORT: ${b64('5432')}\n  DB_USERNAME: ${b64('app_service_user')}\n  AWS_REGION: ${b64('eu-west-1')}\n  client-id: ${b64('3f9a0c6d-2b71-4e84-9c1d-5a6b7c8d9e0f')}\n  namespace: ${b64('production-eu')}\n`,
      ),
      path: 'secret.yaml',
    },
    { name: 'stringData connection details', code: manifest('stringData:\n  host: db.prod.internal\n  port: "5432"\n  database: orders_production\n  sslmode: require\n'), path: 'secret.yaml' },
    { name: 'neutral key holding a plain word', code: manifest(`data:\n  mode: ${b64('production-readonly-mode')}\n`), path: 'secret.yaml' },
  ],
  invalid: [
    {
      name: 'only the password among connection details',
      code: manifest(`data:\n  DB_HOST: ${b64('postgres.prod.svc.cluster.local')}\n  DB_USERNAME: ${b64('app_service_user')}\n  DB_PASSWORD: ${dbPass}\n`),
      count: 1,
      line: 10,
      secret: dbPass,
      path: 'secret.yaml',
    },
    {
      name: 'tls.key of a TLS Secret, folded in a block scalar',
      code: manifest(`data:\n  tls.key: |\n    ${b64(cat('-----BEGIN ', 'PRIVATE KEY-----\nMIIE', rand(200, undefined, 'tlskey'))).replace(/.{64}/g, '$&\n    ')}\n`),
      count: 1,
      line: 9,
      path: 'tls.yaml',
    },
    { name: 'neutral key holding a random token', code: manifest(`stringData:\n  upstream: ${plain}\n`), secret: plain, path: 'secret.yaml' },
    { name: 'database URL with a password', code: manifest(`stringData:\n  DATABASE_URL: postgres://app:${plain}@db:5432/app\n`), count: 1, path: 'secret.yaml' },
  ],
});

// Precision on real code (#13 item 6): placeholders and demo defaults in Secrets of docs and examples.
const human = cat('Hx7', 'qLm2');
ruleTester(rule, {
  valid: [
    { name: 'base64 of a placeholder password', code: manifest(`data:\n  password: ${b64('password')}\n  key: ${b64('mypassword')}\n`), path: 'glusterfs-secret.yaml' },
    { name: 'the service name as its password', code: manifest(`data:\n  postgresql-password: ${b64('postgres\n')}\n`), path: 'README.md' },
    { name: 'stringData demo defaults', code: manifest('stringData:\n  CONSOLE_ACCESS_KEY: console\n  CONSOLE_SECRET_KEY: console123\n  password: "pass"\n'), path: 'README.md' },
  ],
  invalid: [
    { name: 'a short human-chosen password', code: manifest(`data:\n  password: ${b64(human)}\n`), secret: b64(human) },
    { name: 'short stringData password', code: manifest(`stringData:\n  password: ${human}\n`), secret: human },
    { name: 'a 40-character key', code: manifest(`data:\n  key: ${b64(rand(40, undefined, 'ceph'))}\n`), count: 1 },
  ],
});

describe('secrets/kubernetes-secret confidence', () => {
  const confidence = (body: string): string | undefined => runRule(rule, { code: manifest(body), path: 'secret.yaml' })[0]?.confidence;
  it('grades a short human-chosen password low, as generic-password does', () => {
    expect(confidence(`data:\n  password: ${b64(human)}\n`)).toBe('low');
    expect(confidence(`stringData:\n  password: ${human}\n`)).toBe('low');
  });
  it('keeps long and random values at their grade', () => {
    expect(confidence(`data:\n  password: ${dbPass}\n`)).toBe('high');
    expect(confidence(`data:\n  key: ${b64(rand(40, undefined, 'ceph'))}\n`)).toBe('high');
    expect(confidence(`stringData:\n  DATABASE_PASSWORD: ${plain}\n`)).toBe('medium');
  });
});

// Precision on real manifests (argo-cd, traefik docs): data that is not a credential, and keys other rules report.
ruleTester(rule, {
  valid: [
    {
      code: manifest(
        `stringData:\n  admin.password: ${cat('$2a$10$', rand(53, './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 'bcrypt'))}\n  admin.passwordMtime: 2019-03-20T17:54:53Z\n`,
      ),
      path: 'patches.yaml',
    },
    { code: manifest('stringData:\n  forceHttpBasicAuth: "true"\n  proxy: https://proxy-server-url:8888\n  webhook.bitbucket.uuid: your-bitbucket-uuid\n'), path: 'repositories.yaml' },
    { code: manifest('data:\n  googleAuth.json: JSON_FILE_BASE64_ENCODED\n  oidc.auth0.clientSecret: "aGVsbG8td29ybGQ="\n'), path: 'argocd-secret.yaml' },
    { code: manifest(`data:\n  config: ${b64('{"bearerToken":"fake","tlsClientConfig":{"insecure":true},"awsAuthConfig":null}')}\n`), path: 'cluster.yaml' },
    { code: manifest(`data:\n  auth: ${b64(cat('user:', '{SHA}', rand(27, B64, 'sha1'), '='))}\n`), path: 'basic-auth.yml' },
    // A private key in plain text is private-key's finding.
    {
      code: manifest(`stringData:\n  signing.key: |\n    -----BEGIN EC PRIVATE KEY-----\n    ${rand(64, B64, 'ec1')}\n    ${rand(40, B64, 'ec2')}\n    -----END EC PRIVATE KEY-----\n`),
      path: 'jwt.md',
    },
  ],
  invalid: [
    { name: 'JSON with a real token', code: manifest(`data:\n  config: ${b64(`{"bearerToken":"${plain}","tlsClientConfig":{"insecure":false}}`)}\n`), count: 1 },
    { name: 'a password hash beside a real token', code: manifest(`stringData:\n  admin.password: $2a$10$${rand(53, B64, 'h')}\n  api.token: ${plain}\n`), secret: plain, count: 1 },
  ],
});

describe('secrets/kubernetes-secret: entries that hold no credential', () => {
  it('skips a topic path, an LDAP DN under an access-key name, and a config file with none in it', () => {
    expect(runRule(rule, { code: manifest('stringData:\n  SOL_TOPIC: "#share/consumer_group/solace-dm-test/topic-2"\n'), path: 'tests/solace.yaml' })).toEqual([]);
    expect(runRule(rule, { code: manifest(`data:\n  CONSOLE_ACCESS_KEY: ${b64('uid=dillon,ou=people,ou=swengg,dc=min,dc=io')}\n  CONSOLE_SECRET_KEY: ""\n`), path: 'storage-user.yaml' })).toEqual([]);
    const vmauth = 'unauthorized_user:\n  url_map:\n  - src_paths:\n    - /insert/.*\n    url_prefix: http://vlinsert:9481\n  - src_paths:\n    - /select/.*\n    url_prefix: http://vlselect:9471\n';
    expect(runRule(rule, { code: manifest(`data:\n  auth.yml: ${b64(vmauth)}\n`), path: 'tests/__snapshot__/vmauth_test.yaml.snap' })).toEqual([]);
  });
  it('keeps a config file that holds one, and a credential file whatever it holds', () => {
    const withPassword = `users:\n  - username: admin\n    password: ${plain}\n`;
    expect(runRule(rule, { code: manifest(`data:\n  auth.yml: ${b64(withPassword)}\n`), path: 'vmauth.yaml' })).toHaveLength(1);
    expect(runRule(rule, { code: manifest(`stringData:\n  .pgpass: |\n    db.internal:5432:app:app:${plain}\n    db2.internal:5432:app:app:${plain}\n`), path: 'pgpass.yaml' })).toHaveLength(1);
  });
});
