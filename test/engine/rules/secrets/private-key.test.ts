import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/secrets/private-key.js';
import { generateKeyPairSync } from 'node:crypto';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { scanFiles } from '../../../../src/engine/scan.js';
import { basePolicy } from '../../../../src/engine/policy/builtin.js';
import { allRules } from '../../../../src/engine/registry.js';
import { B64, cat, rand } from '../../../helpers/tokens.js';

// Armour and bodies are assembled at run time: the repository must pass its own scan.
const begin = (kind: string): string => cat('-----BEGIN ', kind, 'PRIVATE KEY', '-----');
const end = (kind: string): string => cat('-----END ', kind, 'PRIVATE KEY', '-----');
const wrap = (s: string): string => s.match(/.{1,64}/g)!.join('\n');
const der = (n: number, seed: string): string => 'MII' + rand(n, B64, seed);
const pem = (kind: string, body: string): string => `${begin(kind)}\n${wrap(body)}\n${end(kind)}\n`;

const rsa = der(1600, 'rsa');
/** A real key whose base64 ends in padding: the case a stray `+` after the last line spoils. */
const realRsa = ((): string => {
  for (;;) {
    const b = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs1', format: 'der' }).toString('base64');
    if (b.endsWith('=')) return b;
  }
})();
const pkcs8 = der(1200, 'p8');
const ec = der(160, 'ec');

function openssh(cipher: string, seed: string): string {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(cipher.length);
  const buf = Buffer.concat([Buffer.from('openssh-key-v1\0', 'latin1'), head, Buffer.from(cipher), Buffer.from(rand(300, B64, seed))]);
  return buf.toString('base64');
}

ruleTester(rule, {
  valid: [
    // Doc samples: truncated, masked or invented bodies.
    `${begin('RSA ')}\nMIIEpAIBAAKCAQEA...\n${end('RSA ')}`,
    // A test's "wrong PEM type" sample: a certificate's first bytes under a key label, 42 of 865 bytes.
    `${begin('')}\n${cat('MIIDXTCCAkWgAwIBAgIJAKZ7cGiV', 'gJqRMA0GCSqGSIb3DQEBCwUAMEU=')}\n${end('')}`,
    `${begin('')}\n***\n${end('')}`,
    `${begin('')}\nxxx\n${end('')}`,
    `${begin('')}\nanything\n${end('')}`,
    `${begin('')}\n${Buffer.from('abcdefghijklmnopqrstuvwxyz').toString('base64')}\n${end('')}`,
    `${begin('OPENSSH ')}${end('OPENSSH ')}`,
    `${begin('')}\n<your private key here>\n${end('')}`,
    `{"private_key":"${begin('')}\\n...\\n${end('')}\\n","client_email":"svc@project.iam.gserviceaccount.com"}`,
    // Header only, no END, or the END of another kind.
    `${begin('RSA ')}\n${wrap(rsa)}\n`,
    `${begin('RSA ')}\n${wrap(rsa)}\n${end('EC ')}`,
    // Public material is not secret.
    `${cat('-----BEGIN ', 'PUBLIC KEY-----')}\n${wrap(der(300, 'pub'))}\n${cat('-----END ', 'PUBLIC KEY-----')}`,
    `${cat('-----BEGIN ', 'CERTIFICATE-----')}\n${wrap(der(900, 'crt'))}\n${cat('-----END ', 'CERTIFICATE-----')}`,
    'const header = "BEGIN RSA PRIVATE KEY"; // parser constant',
  ],
  invalid: [
    { code: pem('RSA ', rsa), secret: rsa, count: 1, line: 1, path: 'deploy/id_rsa' },
    { code: `# test fixture\n\n${pem('', pkcs8)}`, secret: pkcs8, line: 3 },
    { code: pem('EC ', ec), secret: ec },
    // The smallest real key, whole: Ed25519 in PKCS#8 (48 bytes, 64 characters).
    { name: 'Ed25519 PKCS#8', code: pem('', generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64')), count: 1 },
    { code: pem('DSA ', der(600, 'dsa')) },
    { name: 'OpenSSH, unencrypted', code: pem('OPENSSH ', openssh('none', 'o1')), count: 1 },
    { name: 'OpenSSH, passphrase-protected', code: pem('OPENSSH ', openssh('aes256-ctr', 'o2')), count: 1 },
    { name: 'encrypted PKCS#8', code: pem('ENCRYPTED ', der(1200, 'enc')) },
    {
      name: 'legacy encrypted PEM headers',
      code: `${begin('RSA ')}\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,${rand(32, '0123456789ABCDEF', 'iv')}\n\n${wrap(rsa)}\n${end('RSA ')}`,
    },
    {
      name: 'JSON string with \\n escapes (service-account file)',
      code: `{\n  "type": "service_account",\n  "private_key": "${begin('')}\\n${wrap(pkcs8).replace(/\n/g, '\\n')}\\n${end('')}\\n"\n}`,
      line: 3,
      path: 'sa.json',
    },
    {
      name: 'YAML block scalar',
      code: `tls:\n  key: |\n    ${begin('RSA ')}\n    ${wrap(rsa).replace(/\n/g, '\n    ')}\n    ${end('RSA ')}\n`,
      line: 3,
      path: 'values.yaml',
    },
    {
      name: 'string concatenation in code',
      code: `const KEY =\n  "${begin('EC ')}\\n" +\n  "${wrap(ec).replace(/\n/g, '\\n" +\n  "')}\\n" +\n  "${end('EC ')}";`,
    },
    {
      name: 'string concatenation in Java, each line indented under the declaration',
      // A real key: its DER is parsed, so a stray `+` from each line's operator would spoil it.
      code: `class K {\n  static final String KEY =\n      "${begin('RSA ')}\\n" +\n      "${wrap(realRsa).replace(/\n/g, '\\n" +\n      "')}\\n" +\n      "${end('RSA ')}\\n";\n}\n`,
      line: 3,
      path: 'src/main/java/K.java',
    },
    {
      name: 'string concatenation in C#, the first line on the declaration',
      code: `var key = "${begin('')}\\n" +\n  "${wrap(pkcs8).replace(/\n/g, '\\n" +\n  "')}\\n" +\n  "${end('')}";\n`,
      path: 'Keys.cs',
    },
    {
      name: 'SSH2 armour',
      code: `${cat('---- BEGIN SSH2 ENCRYPTED ', 'PRIVATE KEY ----')}\nComment: "rsa-key"\n${wrap(rand(900, B64, 'ssh2'))}\n${cat('---- END SSH2 ENCRYPTED ', 'PRIVATE KEY ----')}`,
    },
    { name: 'two keys in one file', code: pem('RSA ', rsa) + '\n' + pem('EC ', ec), count: 2 },
    { name: 'a real key after a bare header in the docs', code: `Paste it after the line ${begin('RSA ')}:\n\n${pem('RSA ', rsa)}`, count: 1, line: 3 },
  ],
});

describe('secrets/private-key through the scanner: keys concatenated line by line in code', () => {
  const concatenated = (indent: string, kind: string, body: string, last: string): string =>
    `${indent}"${begin(kind)}\\n" +\n${indent}"${wrap(body).replace(/\n/g, `\\n" +\n${indent}"`)}\\n" +\n${indent}"${end(kind)}${last}`;
  it.each([
    ['src/main/java/K.java', `class K {\n  static final String KEY =\n${concatenated('      ', 'RSA ', realRsa, '\\n";')}\n}\n`, 3],
    ['Keys.cs', `var key =\n${concatenated('  ', 'RSA ', realRsa, '";')}\n`, 2],
    ['keys.js', `const key = [\n].join('') +\n${concatenated('  ', 'RSA ', realRsa, '\\n";')}\n`, 3],
  ])('%s', (path, text, line) => {
    const r = scanFiles([{ path, text }], { policy: basePolicy(), rules: allRules, today: new Date('2026-06-15') });
    const f = r.findings.filter((x) => x.ruleId === 'secrets/private-key');
    expect(f.map((x) => x.startLine)).toEqual([line]);
  });
});

describe('secrets/private-key severity', () => {
  it('reports passphrase-protected keys below unencrypted ones', () => {
    const plain = runRule(rule, { code: pem('OPENSSH ', openssh('none', 'o1')) });
    const enc = runRule(rule, { code: pem('OPENSSH ', openssh('aes256-ctr', 'o2')) });
    expect(plain[0]!.severity).toBe('critical');
    expect(enc[0]!.severity).toBe('medium');
    expect(enc[0]!.message).toMatch(/Passphrase-protected/);
  });
});

// Keys printed through a logger, or quoted in a reply: every line carries a prefix.
const prefixed = (prefix: (i: number) => string, kind: string, body: string): string =>
  pem(kind, body)
    .trimEnd()
    .split('\n')
    .map((l, i) => prefix(i) + l)
    .join('\n');
const stamp = (i: number): string => `2024-03-07T10:15:${String(10 + (i % 50)).padStart(2, '0')}.${String(100 + i * 7).slice(-3)}Z `;

ruleTester(rule, {
  valid: [
    { name: 'log lines with a truncated body', code: prefixed(stamp, 'RSA ', 'MIIEpAIBAAKCAQEA...'), path: 'app.log' },
    { name: 'quoted prose between the markers', code: prefixed(() => '> ', '', 'paste your key here'), path: 'README.md' },
  ],
  invalid: [
    { name: 'timestamped log lines', code: prefixed(stamp, 'RSA ', rsa), count: 1, line: 1, path: 'logs/deploy.log' },
    { name: 'timestamp and level', code: prefixed((i) => `2024-03-07 10:15:${String(10 + i).padStart(2, '0')} INFO `, '', pkcs8), count: 1, path: 'app.log' },
    { name: 'quoted in a Markdown or mail reply', code: prefixed(() => '> ', 'EC ', ec), count: 1, path: 'notes.md' },
    { name: 'container log with a pod name', code: prefixed(() => '[api-7f9c] ', 'OPENSSH ', 'b3BlbnNzaC1rZXktdjE' + rand(600, B64, 'osshlog')), count: 1, path: 'kubectl-logs.txt' },
  ],
});

// Keys written as base64 of their PEM text, and private JSON Web Keys.
const encoded = (text: string): string => Buffer.from(text).toString('base64');
const b64url = (n: number, seed: string): string => rand(n, B64.replace('+', '-').replace('/', '_'), seed);
const publicJwk = { kty: 'EC', crv: 'P-256', x: b64url(43, 'jx'), y: b64url(43, 'jy') };
describe('encoded keys and JWKs', () => {
  ruleTester(rule, {
    valid: [
      `tls.crt: ${encoded(cat('-----BEGIN ', 'CERTIFICATE-----\n', wrap(der(800, 'crt')), '\n-----END ', 'CERTIFICATE-----\n'))}`,
      `PUBLIC_KEY_B64=${encoded(cat('-----BEGIN ', 'PUBLIC KEY-----\n', wrap(der(300, 'pub')), '\n-----END ', 'PUBLIC KEY-----\n'))}`,
      `KEY_B64=${encoded(pem('RSA ', 'MIIxxxx'))}`, // a sample body
      `KEY_B64=${encoded(pem('RSA ', rsa)).slice(0, 40)}`, // cut before the body
      JSON.stringify({ keys: [publicJwk] }),
      JSON.stringify({ kty: 'EC', d: 'A'.repeat(43) }),
      JSON.stringify({ name: 'x', d: b64url(43, 'notjwk') }),
      // A symmetric JWK's `k` is its key; elsewhere `k` is any member.
      JSON.stringify({ kty: 'oct', k: 'A'.repeat(43) }),
      JSON.stringify({ kty: 'RSA', n: b64url(342, 'rn'), e: 'AQAB', k: b64url(43, 'notoct') }),
      JSON.stringify({ name: 'x', k: b64url(43, 'notjwk-k') }),
      JSON.stringify({ kty: 'oct', k: b64url(12, 'tooshort') }),
    ],
    invalid: [
      { name: 'a Secret tls.key', code: `data:\n  tls.key: ${encoded(pem('RSA ', rsa))}\n`, count: 1, line: 2, path: 'tls.yaml' },
      { name: 'a kubeconfig client-key-data', code: `users:\n- name: a\n  user:\n    client-key-data: ${encoded(pem('EC ', ec))}\n`, count: 1, line: 4, path: 'kubeconfig' },
      { name: 'a *_B64 variable', code: `SIGNING_KEY_B64="${encoded(pem('', pkcs8))}"`, count: 1, path: '.env' },
      { name: 'a private EC JWK', code: JSON.stringify({ keys: [{ ...publicJwk, d: b64url(43, 'jd') }] }), count: 1, path: 'jwks.json' },
      { name: 'a symmetric (oct) JWK', code: JSON.stringify({ kty: 'oct', alg: 'HS256', kid: 'k1', k: b64url(43, 'hk') }), count: 1, path: 'jwk_test.go' },
      { name: 'symmetric JWKs in an env line', code: `GOTRUE_JWT_KEYS=${JSON.stringify([{ kty: 'oct', k: b64url(43, 'hk2'), key_ops: ['sign', 'verify'] }])}`, count: 1, path: 'test.env' },
      { name: 'a private OKP JWK, pretty-printed', code: JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: b64url(43, 'ox'), d: b64url(43, 'od') }, null, 2), count: 1, line: 5, path: 'key.jwk' },
    ],
  });

  it('grades an encoded passphrase-protected key medium', () => {
    const [f] = runRule(rule, { code: `KEY=${encoded(pem('ENCRYPTED ', pkcs8))}` });
    expect(f!.severity).toBe('medium');
  });
});

// Keys written as bare base64 DER, with no armour: generated at run time, every kind a library exports.
const bare = (type: 'rsa' | 'ec' | 'ed25519', enc: 'pkcs8' | 'pkcs1' | 'sec1', opts: object = {}): string =>
  (generateKeyPairSync as (t: string, o: object) => { privateKey: { export(o: object): Buffer } })(type, { modulusLength: 2048, namedCurve: 'prime256v1', ...opts })
    .privateKey.export({ type: enc, format: 'der' })
    .toString('base64');
const bareRsa8 = bare('rsa', 'pkcs8');
const bareRsa1 = bare('rsa', 'pkcs1', { modulusLength: 1024 });
const bareEc = bare('ec', 'sec1');
const bareEc8 = bare('ec', 'pkcs8', { namedCurve: 'secp384r1' });
const bareEd = bare('ed25519', 'pkcs8');
const publicSpki = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');

ruleTester(rule, {
  valid: [
    // A public key is no secret; a key cut short (a document's sample) decodes to less than it declares.
    { code: `public static final String ALIPAY_PUBLIC_KEY = "${publicSpki}";`, path: 'AlipayConfig.java' },
    { code: `APP_PRIVATE_KEY = "${bareRsa8.slice(0, 120)}"`, path: 'config.py' },
    // The header followed by filler: the structure is there, the key material is not.
    { code: `private_key: ${bareRsa8.slice(0, 40)}${'A'.repeat(bareRsa8.length - 40)}`, path: 'config.yml' },
    // Inside a longer base64 run (a blob): not where a key starts.
    { code: `data: ${rand(40, B64, 'blob')}${bareEc}`, path: 'blob.yml' },
  ],
  invalid: [
    { name: 'PKCS#8 RSA in a Java string', code: `private static final String APP_PRIVATE_KEY = "${bareRsa8}";`, path: 'AlipayConfig.java', secret: bareRsa8, count: 1 },
    { name: 'PKCS#1 RSA in properties', code: `alipay.private-key=${bareRsa1}\n`, path: 'application.properties', secret: bareRsa1, count: 1 },
    { name: 'SEC1 EC in YAML', code: `signing:\n  private_key: ${bareEc}\n`, path: 'config.yml', secret: bareEc, line: 2 },
    { name: 'PKCS#8 EC P-384 in JSON', code: `{"key": "${bareEc8}"}`, path: 'key.json', secret: bareEc8 },
    { name: 'PKCS#8 Ed25519 in an env file', code: `ED25519_KEY=${bareEd}`, path: '.env', secret: bareEd },
  ],
});

describe('secrets/private-key: bodies cut short, and short keys that are whole', () => {
  it('grades a body shorter than its DER header declares low, saying so (a sample key in a commented default)', () => {
    const cut = cat('MIIJKAIBAAKCAgEA', rand(110, B64, 'cut'));
    const [f] = runRule(rule, { code: `#letsencrypt_key_content: |\n#  ${pem('RSA ', cut).trim().split('\n').join('\n#  ')}\n`, path: 'roles/letsencrypt/defaults/main.yml' });
    expect(f?.confidence).toBe('low');
    expect(f?.message).toMatch(/cut short/);
  });
  it('keeps a whole Ed25519 or P-256 key at high confidence, however short', () => {
    for (const type of ['ed25519', 'ec'] as const) {
      const key = (type === 'ec' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('ed25519')).privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
      const [f] = runRule(rule, { code: pem('', key), path: 'certs/server.key' });
      expect(f?.confidence, type).toBe('high');
    }
  });
});

describe('secrets/private-key: a body masked with runs of one character', () => {
  it('is low, and an unmasked body of the same size is as found', () => {
    const rsa = (generateKeyPairSync as (t: 'rsa', o: object) => { privateKey: { export(o: object): string } })('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' });
    const lines = rsa.trim().split('\n');
    const masked = lines.map((l, i) => (i === 5 || i === 9 ? `${l.slice(0, 4)}${'9'.repeat(52)}${l.slice(56)}` : l)).join('\n');
    const [f] = runRule(rule, { code: `\`\`\`bash\n${masked}\n\`\`\`\n`, path: 'README.md' });
    expect(f!.confidence).toBe('low');
    expect(f!.message).toMatch(/runs of one character/);
    const [g] = runRule(rule, { code: `\`\`\`bash\n${rsa}\`\`\`\n`, path: 'README.md' });
    expect(g!.confidence ?? 'high').toBe('high');
  });
});
