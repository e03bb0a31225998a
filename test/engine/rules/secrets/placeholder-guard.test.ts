/**
 * The registry's floor (lib/placeholder-guard.ts), through the real scanner with every secret rule:
 * provider-prefixed placeholders never above low confidence, and one secret repeated in a file reported once.
 */
import { describe, expect, it } from 'vitest';
import { secretRules } from '../../../../src/engine/rules/secrets/index.js';
import { scanFiles } from '../../../../src/engine/scan.js';
import { basePolicy } from '../../../../src/engine/policy/builtin.js';
import { ALNUM, HEX, cat, githubToken, rand } from '../../../helpers/tokens.js';

const scan = (text: string, path = 'src/config.ts') => scanFiles([{ path, text }], { policy: basePolicy(), rules: secretRules, today: new Date('2026-06-15T12:00:00Z') }).findings;

describe('every secret rule: provider-prefixed placeholders', () => {
  // Prefixes of rules of every kind; bodies shaped like the real format, filled with runs and masks.
  const prefixes: Array<[string, number, string?]> = [
    ['ghp_', 36],
    ['github_pat_', 82],
    ['glpat-', 20],
    ['sk_live_', 24],
    ['rk_live_', 24],
    ['xoxb-', 0],
    ['npm_', 36],
    ['AKIA', 16],
    ['sk-proj-', 48],
    ['sk-ant-api03-', 93],
    ['hf_', 34],
    ['dop_v1_', 64, HEX],
    ['SG.', 0],
    ['lin_api_', 40],
    ['dckr_pat_', 27],
    ['shpat_', 32, HEX],
    ['pscale_tkn_', 43],
    ['sk-or-v1-', 64, HEX],
    ['nvapi-', 64],
    ['rdme_', 70],
    ['tskey-auth-', 0],
  ];
  const bodies = (n: number, hex?: string): string[] => {
    const cycle = (alphabet: string) => Array.from({ length: n }, (_, i) => alphabet[i % alphabet.length]).join('');
    return [
      cycle(hex ?? 'abcdefghijklmnopqrstuvwxyz0123456789'),
      cycle(hex ?? 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'),
      cycle('0123456789'),
      'x'.repeat(n),
      'X'.repeat(n),
      cycle('xX'),
      cycle(hex ? '0f' : 'a1B2'),
    ];
  };
  const specials = [
    cat('xoxb-', '1234567890-', '1234567890123-', 'abcdefghijklmnopqrstuvwx'),
    cat('SG.', 'xxxxxxxxxxxxxxxxxxxxxx', '.', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'),
    cat('tskey-auth-', 'kABCDEFG', 'CNTRL-', 'abcdefghijklmnopqrstuvwxyz0123456'),
  ];
  it.each(prefixes.filter(([, n]) => n > 0))('%s…: none reported above low confidence', (prefix, n, hex) => {
    for (const body of bodies(n, hex)) {
      const token = prefix + body;
      const loud = scan(`API_TOKEN=${token}\nconst key = "${token}";\n`, '.env').filter((f) => f.confidence !== 'low');
      expect(loud.map((f) => `${f.ruleId}: ${token}`)).toEqual([]);
    }
  });
  it('multi-part formats too', () => {
    for (const token of specials)
      expect(
        scan(`token = "${token}"`)
          .filter((f) => f.confidence !== 'low')
          .map((f) => f.ruleId),
      ).toEqual([]);
  });
  it('while real-looking tokens of the same prefixes are reported', () => {
    expect(scan(`API_TOKEN=${githubToken('ghp', 'guard')}`, '.env').map((f) => f.ruleId)).toContain('secrets/github-token');
    expect(scan(`OPENROUTER_API_KEY=${cat('sk-or', '-v1-', rand(64, HEX, 'g'))}`, '.env').map((f) => f.ruleId)).toContain('secrets/openrouter-api-key');
    expect(scan(`k = "${cat('dop', '_v1_', rand(64, HEX, 'g2'))}"`).map((f) => f.ruleId)).toContain('secrets/digitalocean-token');
  });
});

describe('one secret repeated in one file', () => {
  const t = githubToken('ghp', 'repeat');
  it('is one finding, at its first line, naming the other lines', () => {
    const text = Array.from({ length: 171 }, (_, i) => `  {"id": ${i}, "token": "${t}"},`).join('\n');
    const found = scan(`[\n${text}\n]`, 'fixtures/users.json').filter((f) => f.ruleId === 'secrets/github-token');
    expect(found).toHaveLength(1);
    expect(found[0]!.startLine).toBe(2);
    expect(found[0]!.message).toMatch(/occurs 171 times in this file \(also lines 3, 4, 5, .*\(150 more\)\)/);
    expect(found[0]!.message).not.toContain(t);
  });
  it('keeps different secrets apart, and an occurrence on a suppressed line out of the count', () => {
    const u = githubToken('ghp', 'other');
    const found = scan(`a = "${t}"\nb = "${u}"\nc = "${t}" # tokenwarden:allow\nd = "${t}"\n`).filter((f) => f.ruleId === 'secrets/github-token');
    expect(found.map((f) => f.startLine)).toEqual([1, 2]);
    expect(found[0]!.message).toMatch(/occurs 2 times in this file \(also line 4\)/);
    expect(found[1]!.message).not.toMatch(/occurs/);
  });
  it('the same secret in two files is a finding in each', () => {
    const r = scanFiles(
      [
        { path: 'a.env', text: `T=${t}\nU=${t}\n` },
        { path: 'b.env', text: `T=${t}\n` },
      ],
      { policy: basePolicy(), rules: secretRules, today: new Date('2026-06-15T12:00:00Z') },
    ).findings.filter((f) => f.ruleId === 'secrets/github-token');
    expect(r.map((f) => f.path)).toEqual(['a.env', 'b.env']);
  });
});
void ALNUM;

describe('every secret rule: identifiers taken for values', () => {
  it('drops a value made of camelCase words, keeps a random one of the same length', () => {
    expect(scan('// GetUserInfo use LinkedInAccessToken gotten before return LinkedInUserInfo', 'idp/linkedin.go')).toEqual([]);
    // Two words will do: a class the declaration extends, after a class name that names the provider and a key.
    expect(scan('public class VonageUnableToReadPrivateKeyException extends RuntimeException {', 'src/main/java/com/vonage/client/VonageUnableToReadPrivateKeyException.java')).toEqual([]);
    // Words that stand in for a key, with base64's padding and a word's own number (`randomBase64Key==`).
    const rndc = (v: string) => `apiVersion: v1\n${cat('kind: ', 'Secret')}\nmetadata:\n  name: bind9-instance-rndc\ntype: Opaque\nstringData:\n  secret: "${v}"\n`;
    expect(scan(rndc('randomBase64Key=='), 'charts/bindy/crds/cluster.yaml')).toEqual([]);
    expect(scan(rndc('base64EncodedSecretKeyMaterial=='), 'charts/bindy/crds/cluster.yaml')).toEqual([]);
    expect(scan(rndc(`${rand(22, ALNUM, 'rndc')}==`), 'charts/bindy/crds/cluster.yaml').length).toBeGreaterThan(0);
    const key = cat('Kq7vL2pZ', rand(8, ALNUM, 'li'));
    expect(scan(`LINKEDIN_CLIENT_SECRET=${key}`, '.env').length).toBeGreaterThan(0);
  });
});

describe('every secret rule: values in an example block of a YAML or JSON document', () => {
  const token = rand(24, ALNUM, 'openapi');
  const stripe = cat('sk_live_', rand(24, ALNUM, 'openapi-sk'));
  const openapi = (v: string): string =>
    [
      'paths:',
      '  /login:',
      '    post:',
      '      responses:',
      "        '200':",
      '          content:',
      '            application/json:',
      '              examples:',
      '                Example:',
      '                  value:',
      '                    data:',
      "                    - id: '1'",
      '                      attributes:',
      `                        token: ${token}`,
      `                        stripe_key: ${v}`,
      '',
    ].join('\n');
  it('are graded low, whatever rule reports them', () => {
    const found = scan(openapi(stripe), 'docs/api-reference/store.yaml');
    expect(found.length).toBeGreaterThanOrEqual(2);
    expect(found.every((f) => f.confidence === 'low')).toBe(true);
  });
  it('in pretty-printed JSON too', () => {
    const json = JSON.stringify({ responses: { 200: { content: { 'application/json': { example: { access_token: token } } } } } }, null, 2);
    const [f] = scan(json, 'spec/api.json');
    expect(f?.confidence).toBe('low');
  });
  it('the same values outside an example keep their confidence', () => {
    const found = scan(`auth:\n  token: ${token}\n  stripe_key: ${stripe}\n`, 'config/app.yaml');
    expect(found.length).toBeGreaterThanOrEqual(2);
    expect(found.some((f) => f.confidence === 'low')).toBe(false);
  });
  it('a sibling key named example does not make its neighbours examples', () => {
    const found = scan(`service:\n  example: true\n  token: ${token}\n`, 'config/app.yaml');
    expect(found[0]?.confidence).not.toBe('low');
  });
});

describe('every secret rule: values on a comment line that lists examples', () => {
  // A key id of AWS's shape (AKIA and 16 base-32 characters) and a 40-character secret, as an upstream config template lists them.
  const id = cat('AKIA', rand(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 'ex-akid'));
  const secret = rand(40, ALNUM + '/+', 'ex-aws-secret');
  const template = (lead: string) =>
    [
      '# String. Access key part of the S3 credentials.',
      `${lead} ["${id}","miniouser"]`,
      'storage-s3-access-key: ""',
      '# String. Secret key part of the S3 credentials.',
      `${lead} ["${secret}","miniopassword"]`,
      'storage-s3-secret-key: ""',
      '',
    ].join('\n');
  it('are graded low, the key pair too', () => {
    const found = scan(template('# Examples:'), 'roles/gotosocial/templates/config.yaml');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.confidence === 'low')).toBe(true);
  });
  it('help text that shows the format inline (`Ex: api_secret=…`) is graded low too', () => {
    const v = rand(24, ALNUM, 'inline-ex');
    const found = scan(`  'desc' => 'Your API secret (can be found in account settings). Ex: api_secret=${v}',\n`, 'includes/gateways/class-gateway.php');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.confidence === 'low')).toBe(true);
  });
  it('a comment that says something else keeps its confidence', () => {
    const found = scan(template('# Current:'), 'roles/gotosocial/templates/config.yaml');
    expect(found.some((f) => f.confidence !== 'low')).toBe(true);
  });
});

describe("every secret rule: values in an Ansible module's documentation strings", () => {
  const key = rand(32, ALNUM, 'ansible-doc');
  const module = (body: string): string =>
    [
      '#!/usr/bin/python',
      "DOCUMENTATION = r'''",
      'module: memset_zone',
      "'''",
      '',
      "EXAMPLES = r'''",
      '- name: Create the zone',
      '  community.general.memset_zone:',
      '    name: test',
      `    api_key: ${key}`,
      "'''",
      '',
      body,
    ].join('\n');
  it('are graded low', () => {
    const found = scan(module(''), 'plugins/modules/memset_zone.py');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.confidence === 'low')).toBe(true);
  });
  it('the module code after the strings keeps its confidence', () => {
    const found = scan(module(`API_KEY = "${rand(32, ALNUM, 'ansible-code')}"\n`), 'plugins/modules/memset_zone.py');
    expect(found.filter((f) => f.confidence !== 'low')).toHaveLength(1);
  });
});

describe('every secret rule: a comment that says the key is public', () => {
  it('grades the key low, and a key without such a comment stays as it was', () => {
    const key = rand(32, HEX, 'algolia-search');
    const said = scan(`algolia:\n  application_id: U0RXNGRK45\n  api_key: ${key} # search-only API Key; safe for front-end code\n`, 'jekyll/_config.yml');
    expect(said.length).toBeGreaterThan(0);
    expect(said.every((f) => f.confidence === 'low')).toBe(true);
    const plain = scan(`algolia:\n  application_id: U0RXNGRK45\n  api_key: ${key}\n`, 'jekyll/_config.yml');
    expect(plain.some((f) => f.confidence !== 'low')).toBe(true);
  });

  it("grades low a key its comment says was taken from a vendor's public page or player", () => {
    const web = rand(31, ALNUM, 'wsc-key');
    for (const comment of ['# hard coded in the middle of https://player.vendorcdn.net/app.js', '// extracted from the public web player', '# copied from their website']) {
      const found = scan(`    WSC_API_KEY = "${web}"  ${comment}\n`, 'src/plugins/vendor.py');
      expect(found.length, comment).toBeGreaterThan(0);
      expect(
        found.every((f) => f.confidence === 'low'),
        comment,
      ).toBe(true);
    }
    expect(scan(`    WSC_API_KEY = "${web}"  # rotate every 90 days\n`, 'src/plugins/vendor.py').some((f) => f.confidence !== 'low')).toBe(true);
  });
});

describe('every secret rule: a comment that says the value is encrypted', () => {
  const blob = Buffer.from(rand(40, ALNUM, 'kms-blob')).toString('base64');
  const grades = (text: string, path = 'config/settings.env') => scan(text, path).map((f) => f.confidence);
  it('grades the value low when the comment above or after it says so', () => {
    for (const text of [
      `# This is encrypted\nAWS_SECRET_ACCESS_KEY = ${blob}\n`,
      `// encrypted with KMS\nDB_PASSWORD=${blob}\n`,
      `API_TOKEN=${blob} # ciphertext, decrypted at start-up\n`,
      `# SOPS encrypted\nclient_secret: ${blob}\n`,
    ]) {
      const g = grades(text);
      expect(g.length, text).toBeGreaterThan(0);
      expect(
        g.every((c) => c === 'low'),
        text,
      ).toBe(true);
    }
  });
  it('grades the value low when a sibling field marks it encrypted (`encrypted: true`)', () => {
    const v = rand(24, ALNUM, 'gravitee-enc');
    expect(grades(`properties:\n  - key: my_api_key\n    value: "${v}"\n    encrypted: true\n`, 'examples/apim/api.yml')).toEqual(['low']);
    expect(grades(`properties:\n  - key: my_api_key\n    value: "${v}"\n    encrypted: false\n`, 'examples/apim/api.yml')).not.toEqual(['low']);
  });

  it('not when it says the value is not, or is yet to be, encrypted, or when the comment is further up', () => {
    for (const text of [
      `# This is not encrypted\nAWS_SECRET_ACCESS_KEY = ${blob}\n`,
      `# isn't encrypted yet\nDB_PASSWORD=${blob}\n`,
      `# will be encrypted later\nDB_PASSWORD=${blob}\n`,
      `# stored in plain text, not encrypted\nAPI_TOKEN=${blob}\n`,
      `# This is encrypted\nOTHER=1\nAPI_TOKEN=${blob}\n`,
      `DB_PASSWORD=${blob}\n`,
    ])
      expect(
        grades(text).some((c) => c !== 'low'),
        text,
      ).toBe(true);
  });
});

describe("every secret rule: a form field's placeholder text", () => {
  it('grades the value low, in JSX, HTML and object literals', () => {
    const secret = cat('gloas-', rand(64, HEX, 'gitlab-app-secret'));
    for (const [text, path] of [
      [`const fields = [{\n  key: "GITLAB_CLIENT_SECRET",\n  placeholder: "${secret}",\n  required: true,\n}];\n`, 'apps/admin/gitlab/form.tsx'],
      [`<input name="secret" placeholder="${secret}">\n`, 'templates/settings.html'],
      [`<TextInput placeholder={"${secret}"} />\n`, 'src/Settings.jsx'],
    ]) {
      const found = scan(text!, path);
      expect(found.length, text).toBeGreaterThan(0);
      expect(
        found.every((f) => f.confidence === 'low'),
        text,
      ).toBe(true);
    }
    expect(scan(`const clientSecret = "${secret}";\n`, 'src/gitlab.ts').some((f) => f.confidence !== 'low')).toBe(true);
  });
});

describe('every secret rule: base64 of a placeholder', () => {
  const b64 = (s: string): string => Buffer.from(s).toString('base64');
  const secret = (data: Record<string, string>): string =>
    ['apiVersion: v1', 'kind: Secret', 'metadata:', '  name: backup', 'type: Opaque', 'data:', ...Object.entries(data).map(([k, v]) => `  ${k}: ${v}`), ''].join('\n');
  it('is dropped, whatever rule reads it (a Kubernetes Secret filled with `echo -n REPLACE-WITH-… | base64`)', () => {
    const text = secret({
      AZURE_STORAGE_ACCOUNT_NAME: b64('REPLACE-WITH-AZURE-STORAGE-ACCOUNT-NAME'),
      AZURE_STORAGE_ACCOUNT_KEY: b64('REPLACE-WITH-AZURE-STORAGE-ACCOUNT-KEY'),
      AWS_SECRET_ACCESS_KEY: b64('your-secret-access-key-here'),
      GITHUB_TOKEN: b64('JSON_GCP_SERVICE_ACCOUNT_KEY'),
    });
    expect(scan(text, 'deploy/backup/backup-secret-azure.yaml')).toEqual([]);
  });
  it('so is base64 of a plain query string, but not of one that carries a credential', () => {
    expect(scan(`https://court.example/view?auth=${b64('jgetid=27&pageno=3&sort=asc&lang=en')}`, 'evals/problems.csv')).toEqual([]);
    expect(scan(`AUTH_TOKEN=${b64(`user=ci&api_key=${rand(32, ALNUM, 'q-key')}`)}`, '.env').length).toBeGreaterThan(0);
  });
  it('while base64 of a real-looking key, or a random key that happens to be base64, is reported', () => {
    const key = rand(86, ALNUM, 'azure-b64') + '==';
    const found = scan(secret({ AZURE_STORAGE_ACCOUNT_KEY: b64(rand(40, ALNUM, 'azure-inner')), AZURE_CLIENT_SECRET: key }), 'deploy/secret.yaml');
    expect(found.map((f) => f.startLine).sort()).toEqual([7, 8]);
  });
});

describe('every secret rule: a comment above that says to put your own values in', () => {
  const secret = cat('E-xqXU83Y', rand(24, ALNUM, 'certbot-azure'));
  const token = rand(32, ALNUM, 'certbot-hetzner');
  it('grades a shipped template low (certbot DNS-plugin .ini files carry the plugin README values)', () => {
    const azure = [
      '# Instructions: https://github.com/terrycain/certbot-dns-azure',
      '# Replace with your values',
      '# Service Principal with Client Secret',
      'dns_azure_sp_client_id = 912ce44a-0156-4669-ae22-c16a17d34ca5',
      `dns_azure_sp_client_secret = ${secret}`,
      'dns_azure_tenant_id = ed1090f3-ab18-4b12-816c-599af8a88cf7',
      '',
    ].join('\n');
    const hetzner = `# Instructions: https://github.com/ctrlaltcoop/certbot-dns-hetzner\n# Replace with your values\ndns_hetzner_api_token = ${token}\n`;
    for (const [text, path] of [
      [azure, 'root/defaults/dns-conf/azure.ini'],
      [hetzner, 'root/defaults/dns-conf/hetzner.ini'],
      [`// fill in your own credentials below\nconst config = {\n  apiToken: "${token}",\n};\n`, 'src/config.js'],
      [`  ## WARNING:\n  ## - you MUST customise this value, otherwise the encryption will be somewhat pointless\n  ##\n  fernetKey: "${token}="\n`, 'stable/airflow/values.yaml'],
    ] as const) {
      const found = scan(text, path);
      expect(found.length, path).toBeGreaterThan(0);
      expect(found.every((f) => f.confidence === 'low')).toBe(true);
    }
  });
  it('the same values without such a comment, or with one far above or that says something else, keep their confidence', () => {
    const loud = (text: string, path: string) => scan(text, path).filter((f) => f.confidence !== 'low');
    expect(loud(`dns_hetzner_api_token = ${token}\n`, 'conf/hetzner.ini')).toHaveLength(1);
    expect(loud(`# Replace with your values\n${'a = 1\n'.repeat(14)}dns_hetzner_api_token = ${token}\n`, 'conf/hetzner.ini')).toHaveLength(1);
    expect(loud(`# Token for the staging zone\ndns_hetzner_api_token = ${token}\n`, 'conf/hetzner.ini')).toHaveLength(1);
  });
});

describe('every secret rule: a sample response in Markdown documentation', () => {
  const token = rand(14, ALNUM, 'md-token');
  const secret = rand(40, ALNUM, 'md-secret');
  const page = (lead: string, info = 'json') =>
    [
      '### Fetch tokens',
      '```php',
      '$api->customer->fetch($customerId)->tokens()->all();',
      '```',
      '',
      lead,
      '```' + info,
      '{',
      '  "entity": "token",',
      `  "token": "${token}",`,
      `  "client_secret": "${secret}"`,
      '}',
      '```',
      '',
    ].join('\n');
  it('is graded low, after **Response:**, Example response, Sample output or a fence that says so', () => {
    for (const [lead, info] of [['**Response:**'], ['Example response'], ['#### Sample output:'], ['', 'json title="Response"']] as const) {
      const found = scan(page(lead, info), 'documents/token.md');
      expect(found.length, lead).toBeGreaterThan(0);
      expect(found.every((f) => f.confidence === 'low')).toBe(true);
    }
  });
  it('a code block led by something else, or a value outside any block, keeps its confidence', () => {
    for (const lead of ['Configure the client with your key:', '**Request:**'])
      expect(
        scan(page(lead), 'docs/setup.md').some((f) => f.confidence !== 'low'),
        lead,
      ).toBe(true);
    const after = `**Response:**\n\`\`\`json\n{}\n\`\`\`\n\nclient_secret: ${secret}\n`;
    expect(scan(after, 'README.md').some((f) => f.confidence !== 'low')).toBe(true);
  });
});

describe('every secret rule: a token prefix inside a PEM body', () => {
  const body = (line: string): string[] => [rand(64, ALNUM, 'pem1'), line, rand(64, ALNUM, 'pem2')];
  const square = cat('EAAA', rand(60, ALNUM, 'pem-square'));
  it('is not a token (a certificate or key body is random base64), while the same token outside the block is', () => {
    const cert = ['-----BEGIN CERTIFICATE-----', ...body(square), '-----END CERTIFICATE-----', ''].join('\n');
    expect(scan(cert, 'tests/pems/cert.pem').filter((f) => f.ruleId === 'secrets/square-access-token')).toEqual([]);
    const escaped = `{"cert": "-----BEGIN CERTIFICATE-----\\n${body(square).join('\\n')}\\n-----END CERTIFICATE-----\\n"}`;
    expect(scan(escaped, 'fixtures/cert.json').filter((f) => f.ruleId === 'secrets/square-access-token')).toEqual([]);
    expect(scan(`${cert}SQUARE_ACCESS_TOKEN=${square}\n`, 'tests/pems/cert.pem').map((f) => f.ruleId)).toContain('secrets/square-access-token');
  });
});

describe('every secret rule: a SOPS-encrypted value', () => {
  const b64 = (n: number, seed: string): string => rand(n, ALNUM + '+/', seed);
  const enc = (data: string): string => `ENC[AES256_GCM,data:${data},iv:${b64(43, 'iv')}=,tag:${b64(22, 'tag')}==,type:str]`;
  it('is ciphertext whatever its length (88 characters read as an Azure storage key), while the same value in clear is a finding', () => {
    const data = b64(86, 'sops-data') + '==';
    const file = `storage_account_key: ${enc(data)}\naws_secret_access_key: ${enc(b64(40, 'sops-aws'))}\nsops:\n    version: 3.8.1\n`;
    expect(scan(file, 'secrets.yaml')).toEqual([]);
    expect(scan(`storage_account_key: ${data}\n`, 'secrets.yaml').map((f) => f.ruleId)).toContain('secrets/azure-storage-account-key');
  });
});

describe("every secret rule: the OAuth RFCs' example credentials", () => {
  it('are documentation, wherever they are copied (RFC 6749, 6750, 7617)', () => {
    const text = [
      'GET /resource HTTP/1.1',
      `Authorization: Bearer ${cat('mF_9.B5f', '-4.1JqM')}`,
      `access_token = "${cat('2YotnFZFEjr1', 'zCsicMWpAA')}"`,
      `client_secret: ${cat('7Fjfp0ZBr1Kt', 'DRbnfVdmIw')}`,
      `refresh_token: "${cat('tGzv3JOkF0XG', '5Qx2TlKWIA')}"`,
      `password=${cat('A3ddj', '3w')}`,
      '',
    ].join('\n');
    expect(scan(text, 'docs/oauth.md')).toEqual([]);
    // One character off is not the example.
    expect(scan(`access_token = "${cat('2YotnFZFEjr1', 'zCsicMWpAB')}"`, 'src/a.ts').length).toBe(1);
  });
});

describe('every secret rule: a value cut short with an ellipsis', () => {
  it('is graded low: a sample, or part of one', () => {
    const token = cat('ya29.a0AWY7', rand(20, ALNUM, 'elided'));
    const found = scan(`{"access_token": "${token}...", "expires_in": 3599}`, 'docs/api-reference.mdx');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.confidence === 'low')).toBe(true);
    expect(scan(`{"access_token": "${token}${rand(60, ALNUM, 'elided2')}", "expires_in": 3599}`, 'src/token.json').some((f) => f.confidence !== 'low')).toBe(true);
  });
});

describe("every secret rule: a product's published default", () => {
  it('is graded low and named, with the advice to set your own (LibreChat .env.example CREDS_IV)', () => {
    const iv = cat('e2341419ec3dd3d1', '9b13a1a87fafcbfb');
    const [f] = scan(`services:\n  api:\n    environment:\n      - CREDS_IV=${iv}\n`, 'librechat/docker-compose.yml');
    expect(f?.confidence).toBe('low');
    expect(f?.message).toContain('LibreChat');
    const [other] = scan(`services:\n  api:\n    environment:\n      - CREDS_IV=${rand(32, HEX, 'own-iv')}\n`, 'librechat/docker-compose.yml');
    expect(other?.confidence).not.toBe('low');
  });
});

describe('one secret repeated: the repeats are the first finding’s', () => {
  it('is one finding across JSON-escaped code samples, whatever rules read them', () => {
    const whsec = cat('wh', 'sec_', rand(14, ALNUM, 'rep-a'), '+', rand(17, ALNUM, 'rep-b'));
    const samples = ['js', 'py', 'go'].map((lang) => `{"lang": "${lang}", "source": "create({ secret: \\"${whsec}\\", metadata: {} })"}`).join(',\n');
    const found = scan(`{"x-codeSamples": [\n${samples}\n]}\n`, 'codegen/lib-openapi.json');
    expect(found.map((f) => `${f.ruleId}:${f.startLine}`)).toEqual(['secrets/svix-webhook-secret:2']);
  });
});

describe("one secret repeated: a catch-all's repeats", () => {
  it("do not hide a specific rule's finding on a later line", () => {
    const pw = cat('1q2w', '3e4r');
    const text = `services:\n  db:\n    environment:\n      - SA_PASSWORD=${pw}\n  app:\n    environment:\n      - STORE__SQL__CONNECTIONSTRING=Server=db_sqlserver;Database=squidex;User=sa;Password=${pw};TrustServerCertificate=true\n`;
    const found = scan(text, 'tools/TestSuite/docker-compose-sqlserver.yml').map((f) => `${f.ruleId}:${f.startLine}`);
    expect(found).toContain('secrets/ado-connection-string:7');
  });
});

describe('every secret rule: a test snapshot', () => {
  it('grades what a snapshot recorded low, naming why', () => {
    const key = rand(32, ALNUM, 'snap');
    const found = scan(`exports[\`renders the client 1\`] = \`\nObject {\n  "apiKey": "${key}",\n}\n\`;\n`, 'src/components/__snapshots__/Client.test.tsx.snap');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.confidence === 'low' && /test snapshot/.test(f.message))).toBe(true);
    expect(scan(`const client = {\n  "apiKey": "${key}",\n};\n`, 'src/components/Client.tsx')[0]?.confidence).toBe('medium');
  });
});

describe("every secret rule: a development or test environment's section of a YAML file", () => {
  const dev = rand(64, '0123456789abcdef', 'rails-dev');
  const prod = rand(64, '0123456789abcdef', 'rails-prod');
  const secrets = (p: string) => `development:\n  secret_key_base: ${dev}\n\ntest:\n  secret_key_base: ${dev}\n\nproduction:\n  secret_key_base: ${p}\n`;
  it('grades what development: and test: hold low, naming the section, and leaves production: as it was', () => {
    const found = scan(secrets(prod), 'config/secrets.yml');
    const byLine = new Map(found.map((f) => [f.startLine, f]));
    expect(byLine.get(2)?.confidence).toBe('low');
    expect(byLine.get(2)?.message).toMatch(/under `development:`/);
    expect(byLine.get(8)?.confidence).not.toBe('low');
  });
});

describe('every secret rule: where a value is published or allowed', () => {
  const key = cat('AIza', rand(35, ALNUM, 'guard-gcp'));
  const secret = rand(40, ALNUM, 'guard-generic');
  it("grades low what a saved copy of a web page holds (a scraper's fixture), not a private key in it", () => {
    const page = `<!DOCTYPE html>\n<html><head><script>window.BOOMR_API_key="${secret}";var maps="https://maps.example.net/?k=${key}";</script></head></html>\n`;
    const found = scan(page, 'tests/data/html/pizza.html');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.confidence === 'low')).toBe(true);
    // The same page outside a test folder is the project's own: as found.
    expect(scan(page, 'public/index.html').some((f) => f.confidence !== 'low')).toBe(true);
    // What a browser saved beside a page: the site's scripts.
    const script = `var maps="https://maps.example.net/?k=${key}";window.BOOMR_API_key="${secret}";\n`;
    expect(scan(script, 'wordpress/Theme Demo_files/analytics.js').every((f) => f.confidence === 'low')).toBe(true);
    expect(scan(script, 'wordpress/js/analytics.js').some((f) => f.confidence !== 'low')).toBe(true);
  });
  it("grades low a value in a secret scanner's allowlist", () => {
    const toml = `[allowlist]\ndescription = "Firebase debug key, restricted"\nregexes = ['''${key}''']\n`;
    const found = scan(toml, '.gitleaks.toml');
    expect(found.map((f) => f.confidence)).toEqual(['low']);
    expect(found[0]?.message).toMatch(/secret scanner/);
  });
  it("grades low the keys of a mobile SDK's configuration file that the build packs into the app", () => {
    const json = `{\n  "client": {\n    "app_id": "104567321",\n    "api_key": "${Buffer.from(secret + rand(40, ALNUM, 'agc-more')).toString('base64')}"\n  }\n}\n`;
    const found = scan(json, 'app/agconnect-services.json');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.confidence === 'low' && /every copy of the app/.test(f.message))).toBe(true);
    expect(scan(json, 'app/services.json').some((f) => f.confidence !== 'low')).toBe(true);
    // Its OAuth client secret is the app's, not the SDK's: as found.
    const withSecret = `{\n  "client": {\n    "client_secret": "${rand(64, HEX, 'agc-secret')}"\n  }\n}\n`;
    expect(scan(withSecret, 'app/agconnect-services.json').some((f) => f.confidence !== 'low')).toBe(true);
  });
});

describe('every secret rule: base64 of a repeated word', () => {
  it('is a stand-in (a test\'s `Fernet` key that decodes to "testkey" over and over)', () => {
    const fake = Buffer.from(cat('test', 'key').repeat(5).slice(0, 32)).toString('base64url');
    expect(scan(`VALID_FERNET_KEY = "${fake}"\n`, 'tests/api/unit/test_encryption.py')).toEqual([]);
  });
});

describe('every secret rule: an upper-case name taken for a value', () => {
  it("is no key (a stand-in value, and the next line's key read in its place)", () => {
    const code = '    PAGERDUTY_API_TOKEN: "pagerduty-token",\n    PAGERDUTY_FROM_EMAIL: "incident-bot@example.com",\n';
    expect(scan(code, 'test/config.test.ts').filter((f) => f.confidence !== 'low')).toEqual([]);
    const key = rand(20, ALNUM, 'pd-guard');
    expect(scan(`    PAGERDUTY_API_TOKEN: "${key}",\n`, 'test/config.test.ts').map((f) => f.ruleId)).toContain('secrets/pagerduty-api-key');
  });
});

describe('every password rule: a value the guide states in its prose above', () => {
  const pw = cat('p@ss', 'w0rd');
  it('grades the command that uses it low, in any language, and keeps a value the prose never gives', () => {
    const en = `Assuming you have a database user of \`dvwa\` and a password of \`${pw}\`, run the following command:\n\n\`\`\`sh\nmysql -u dvwa -p${pw} -D dvwa\n\`\`\`\n`;
    const pt = `Supondo que você tenha um usuário chamado dvwa e uma senha de ${pw}, execute o seguinte comando:\n\n\`\`\`sh\nmysql -u dvwa -p${pw} -D dvwa\n\`\`\`\n`;
    for (const doc of [en, pt]) {
      const found = scan(doc, 'README.md').filter((f) => f.ruleId === 'secrets/command-line-password');
      expect(found.map((f) => f.confidence)).toEqual(['low']);
      expect(found[0]!.message).toMatch(/prose gives this value/);
    }
    const other = cat('Kq7!vR', '2xLm9');
    const found = scan(en.replace(`-p${pw}`, `-p${other}`), 'README.md').filter((f) => f.ruleId === 'secrets/command-line-password');
    expect(found.map((f) => f.confidence)).toEqual(['medium']);
    // Outside a document (a script), the same lines are a script's: as found.
    expect(
      scan(en, 'setup/notes.txt')
        .filter((f) => f.ruleId === 'secrets/command-line-password')
        .map((f) => f.confidence),
    ).toEqual(['medium']);
  });
});

describe("every secret rule: a UI component's sample props", () => {
  const token = rand(32, HEX, 'preview-token');
  it('grades a story or an e-mail preview low, and the same value elsewhere as found', () => {
    const email = `ResetPasswordEmail.PreviewProps = {\n  siteUrl: 'http://localhost:3000',\n  passwordResetToken: '${token}',\n};\n`;
    expect(scan(email, 'src/emails/reset-password-email.tsx').map((f) => f.confidence)).toEqual(['low']);
    const story = `export const Default = { args: { apiToken: '${token}' } };\n`;
    expect(scan(story, 'src/components/Login.stories.tsx').map((f) => f.confidence)).toEqual(['low']);
    expect(scan(story, 'src/components/Login.tsx').map((f) => f.confidence)).not.toEqual(['low']);
  });
});

describe('every secret rule: a usage example in a guide', () => {
  const key = rand(28, undefined, 'usage-example');
  it('grades a value beside a stand-in address, or in a command for an example domain, low; the same command for a real domain as found', () => {
    const withAddress = `\`\`\`bash\nCLOUDDNS_EMAIL=you@example.com \\\nCLOUDDNS_PASSWORD=${key} \\\nlego run --dns clouddns\n\`\`\`\n`;
    expect(scan(withAddress, 'docs/dns/clouddns.md').map((f) => f.confidence)).toEqual(['low']);
    const command = (domain: string) => `Example = '''\nSONIC_USER_ID=12345 \\\nSONIC_API_KEY=${key} \\\nlego run --dns sonic -d '*.${domain}' -d ${domain}\n'''\n`;
    expect(scan(command('example.com'), 'providers/dns/sonic/sonic.toml').map((f) => f.confidence)).toEqual(['low']);
    expect(scan(command('acme-corp.io'), 'providers/dns/sonic/sonic.toml').map((f) => f.confidence)).not.toEqual(['low']);
    // A host under the example domain is as often the author's own, renamed for the page: as found.
    const renamed = `\`\`\`sh
docker run -d \\
  -e DOCKHAND_URL="https://dockhand.example.com" \\
  -e DOCKHAND_TOKEN="${key}" \\
  ghcr.io/dockhand/hawser:latest
\`\`\`
`;
    expect(scan(renamed, 'dockhand_notes/README.md').map((f) => f.confidence)).not.toEqual(['low']);
  });
});

describe('every secret rule: base64 of a sentence', () => {
  it("is a mock value, and base64 of random bytes or of a user's pair is not", () => {
    const prose = Buffer.from(cat('why did the ', 'chicken cross the road')).toString('base64');
    expect(scan(`        token = "${prose}"\n`, 'tests/unit/test_cred_provider.py')).toEqual([]);
    const randomBytes = Buffer.from(rand(48, HEX, 'b64-random'), 'hex').toString('base64');
    expect(scan(`        token = "${randomBytes}"\n`, 'tests/unit/test_cred_provider.py').length).toBeGreaterThan(0);
  });
});

describe('every secret rule: known-answer data that names its cipher suite', () => {
  it('grades a test resource of an interop suite low, and the same JSON outside test folders as found', () => {
    const json = `[\n  {\n    "cipher_suite": 1,\n    "epoch_secret": "${rand(64, HEX, 'mls-epoch')}",\n    "signature_priv": "${rand(64, HEX, 'mls-sig')}"\n  }\n]\n`;
    const found = scan(json, 'quartz/src/commonTest/resources/mls/key-schedule.json');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.confidence === 'low')).toBe(true);
    expect(scan(json, 'config/keys.json').some((f) => f.confidence !== 'low')).toBe(true);
  });
  it('grades a test resource that is mostly long hex strings low (serialized protocol messages)', () => {
    const records = Array.from({ length: 12 }, (_, i) => `  {"group_secrets": "${rand(272, HEX, `mls-gs-${i}`)}", "welcome": "${rand(200, HEX, `mls-w-${i}`)}"}`);
    const found = scan(`[\n${records.join(',\n')}\n]\n`, 'quartz/src/commonTest/resources/mls/messages.json');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.confidence === 'low')).toBe(true);
  });
});
