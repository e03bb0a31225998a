import rule from '../../../../src/engine/rules/secrets/kubernetes-secret.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { cat, rand } from '../../../helpers/tokens.js';

const b64 = (s: string): string => Buffer.from(s).toString('base64');
const dbPass = b64(rand(20, undefined, 'k8s-db'));
const apiKey = b64(rand(32, undefined, 'k8s-api'));
const plain = rand(24, undefined, 'k8s-plain');
const SECRET = cat('kind: ', 'Secret');

const manifest = (body: string, kind = SECRET): string =>
  `apiVersion: v1\n${kind}\nmetadata:\n  name: app-credentials\n  namespace: prod\ntype: Opaque\n${body}`;

ruleTester(rule, {
  valid: [
    // Empty, templated, short and non-secret entries.
    { code: manifest('data:\n  password: ""\n  token: \'\'\n'), path: 'secret.yaml' },
    { code: manifest('data:\n  password: {{ .Values.password | b64enc }}\n'), path: 'templates/secret.yaml' },
    { code: manifest('data:\n  extra: YmFyCg==\n'), path: 'secret.yaml' },
    { code: manifest(`data:\n  username: ${b64('app-service-account')}\n  host: ${b64('db.prod.internal')}\n`), path: 'secret.yaml' },
    { code: manifest(`data:\n  ca.crt: ${b64(cat('-----BEGIN ', 'CERTIFICATE-----\nMIIB', rand(60, undefined, 'ca')))}\n`), path: 'secret.yaml' },
    { code: manifest('stringData:\n  password: changeme\n  token: ${API_TOKEN}\n'), path: 'secret.yaml' },
    // Other kinds.
    { code: manifest(`data:\n  password: ${dbPass}\n`, 'kind: ConfigMap'), path: 'cm.yaml' },
    { code: manifest(`spec:\n  encryptedData:\n    password: ${dbPass}\n`, 'kind: SealedSecret'), path: 'sealed.yaml' },
    {
      code: `apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nspec:\n  secretStoreRef:\n    kind: SecretStore\n  data:\n    - secretKey: api-key\n      remoteRef:\n        key: prod/api\n`,
      path: 'es.yaml',
    },
    // The Secret and the data are in different documents.
    { code: `${SECRET}\nmetadata:\n  name: a\n---\nkind: ConfigMap\ndata:\n  key: ${dbPass}\n`, path: 'multi.yaml' },
  ],
  invalid: [
    { code: manifest(`data:\n  password: ${dbPass}\n`), secret: dbPass, count: 1, line: 8, path: 'k8s/secret.yaml' },
    {
      name: 'several keys, each reported on its line',
      code: manifest(`data:\n  # base64 encoded\n  username: ${b64('admin')}\n  password: ${dbPass}\n  api-key: "${apiKey}"\n`),
      count: 2,
      line: 10,
      path: 'secret.yml',
    },
    { name: 'stringData', code: manifest(`stringData:\n  DATABASE_PASSWORD: ${plain}\n`), secret: plain, line: 8, path: 'secret.yaml' },
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
