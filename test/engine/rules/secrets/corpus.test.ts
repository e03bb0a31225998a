/**
 * A broad corpus of our own (not tuned to any held-out set): lines a scanner must flag and lines it must
 * not, across formats, file kinds and the shapes of issue #13 (items 5 and 6), run through the real
 * scanner with every secret rule. Each case is its own test; the summary prints recall and the
 * false-positive rate. Secret-shaped values are assembled at run time.
 */
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { secretRules } from '../../../../src/engine/rules/secrets/index.js';
import { scanFiles } from '../../../../src/engine/scan.js';
import { basePolicy } from '../../../../src/engine/policy/builtin.js';
import { decodeFile } from '../../../../src/engine/decode.js';
import { ALNUM, B64, B64URL, HEX, LOWER_ALNUM, UPPER_ALNUM, b64url, cat, githubToken, npmToken, rand } from '../../../helpers/tokens.js';

interface Case {
  name: string;
  path: string;
  text: string;
  /** For must-flag cases: a rule id expected among the findings (else any secret finding counts). */
  rule?: string;
}

const r = (n: number, cs = ALNUM, seed = 'c'): string => rand(n, cs, seed);
const uuid = (s: string): string => [r(8, HEX, s + 1), r(4, HEX, s + 2), r(4, HEX, s + 3), r(4, HEX, s + 4), r(12, HEX, s + 5)].join('-');
const b64 = (s: string): string => Buffer.from(s).toString('base64');
const jwt = (h: object, p: object, sig: string): string => `${b64url(h)}.${b64url(p)}.${sig}`;
const begin = (k: string): string => cat('-----BEGIN ', k, 'PRIVATE KEY-----');
const end = (k: string): string => cat('-----END ', k, 'PRIVATE KEY-----');
const pemBody = (seed: string): string[] => ('MII' + r(1100, B64, seed)).match(/.{1,64}/g)!;
const pem = (seed: string, k = 'RSA '): string => [begin(k), ...pemBody(seed), end(k)].join('\n');
const p12 = (seed: string): string => {
  const bytes = Uint8Array.from([
    0x30,
    0x82,
    0x09,
    0xcf,
    0x02,
    0x01,
    0x03,
    0x30,
    0x82,
    0x09,
    0x85,
    0x06,
    0x09,
    0x2a,
    0x86,
    0x48,
    0x86,
    0xf7,
    0x0d,
    0x01,
    0x07,
    0x01,
    0xa0,
    ...Buffer.from(r(3000, HEX, seed), 'hex'),
  ]);
  const d = decodeFile('x.p12', bytes, 1 << 20);
  return d.ok ? d.text : '';
};
const utf16 = (s: string): string => {
  const d = decodeFile('x.txt', Uint8Array.from([0xff, 0xfe, ...Buffer.from(s, 'utf16le')]), 1 << 20);
  return d.ok ? d.text : '';
};
const sha = (b: Uint8Array): Buffer => createHash('sha256').update(b).digest();
const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const base58check = (payload: Buffer): string => {
  const buf = Buffer.concat([payload, sha(sha(payload)).subarray(0, 4)]);
  let n = BigInt('0x' + buf.toString('hex'));
  let s = '';
  while (n > 0n) {
    s = B58[Number(n % 58n)] + s;
    n /= 58n;
  }
  return s;
};
const wif = base58check(Buffer.concat([Buffer.from([0x80]), Buffer.from(r(64, HEX, 'wif'), 'hex'), Buffer.from([1])]));
const slackBot = cat('xox', 'b-', r(12, '0123456789', 's1'), '-', r(13, '0123456789', 's2'), '-', r(24, ALNUM, 's3'));
const awsId = cat('AK', 'IA', r(16, UPPER_ALNUM.replace(/[01]/g, ''), 'aws'));
const awsSecret = r(40, B64, 'awss');
const gh = githubToken('ghp', 'corpus');
const ghs = cat('ghs_', '987654', '_', jwt({ alg: 'RS256', typ: 'JWT' }, { iss: 'github.com', aid: 987654, iid: 1234, exp: 1790000000 }, r(342, B64URL, 'ghs')));

const mustFlag: Case[] = [
  // Code hosting and registries.
  { name: 'GitHub PAT in .env', path: '.env', text: `GITHUB_TOKEN=${gh}`, rule: 'secrets/github-token' },
  { name: 'GitHub stateless installation token', path: 'ci.log', text: `token: ${ghs}`, rule: 'secrets/github-token' },
  { name: 'GitHub fine-grained PAT', path: 'a.sh', text: `export GH_TOKEN=${cat('github_pat_', r(22, ALNUM, 'f1'), '_', r(59, ALNUM, 'f2'))}` },
  { name: 'GitLab PAT', path: 'a.yml', text: `token: ${cat('glpat-', r(20, B64URL.replace(/[-_]/g, ''), 'gl'))}` },
  { name: 'npm token in .npmrc', path: '.npmrc', text: `//registry.npmjs.org/:_authToken=${npmToken('corpus')}` },
  { name: 'PyPI token', path: '.pypirc', text: `password = ${cat('pypi-', 'AgEIcHlwaS5vcmc', r(60, B64URL, 'py'))}` },
  { name: 'lockfile git URL with a token', path: 'package-lock.json', text: `      "resolved": "git+https://ci:${r(40, HEX, 'lk')}@github.com/acme/lib.git#${r(40, HEX, 'sha')}",` },
  { name: 'manifest x-access-token URL', path: 'package.json', text: `    "lib": "git+https://x-access-token:${r(36, ALNUM, 'xat')}@github.com/acme/lib.git"` },
  { name: 'requirements git URL (GitLab oauth2)', path: 'requirements.txt', text: `git+https://oauth2:${cat('glpat-', r(20, ALNUM, 'rq'))}@gitlab.com/acme/pkg.git` },
  { name: 'Gemfile.lock Sidekiq source', path: 'Gemfile.lock', text: `  remote: https://${r(8, HEX, 'sq1')}:${r(8, HEX, 'sq2')}@enterprise.contribsys.com/`, rule: 'secrets/sidekiq-credentials' },
  { name: 'Sidekiq env var', path: '.env', text: `BUNDLE_GEMS__CONTRIBSYS__COM=${r(8, HEX, 'sq3')}:${r(8, HEX, 'sq4')}`, rule: 'secrets/sidekiq-credentials' },
  // Cloud.
  { name: 'AWS key pair', path: 'credentials', text: `[default]\naws_access_key_id = ${awsId}\naws_secret_access_key = ${awsSecret}` },
  { name: 'GCP API key', path: 'app.js', text: `const key = "${cat('AI', 'za', r(35, B64URL, 'gcp'))}";` },
  {
    name: 'Azure storage connection string',
    path: 'appsettings.json',
    text: `"Storage": "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${r(86, B64, 'az')}==;EndpointSuffix=core.windows.net"`,
  },
  { name: 'DigitalOcean token', path: 'main.tf', text: `token = "${cat('dop_v1_', r(64, HEX, 'do'))}"` },
  { name: 'ClickHouse Cloud key', path: 'settings.py', text: `CLICKHOUSE_KEY_SECRET = "${cat('4b1d', r(38, ALNUM, 'ch'))}"` },
  { name: 'PlanetScale password', path: '.env', text: `DATABASE_PASSWORD=${cat('pscale_pw_', r(43, ALNUM, 'ps'))}` },
  { name: 'Tailscale auth key', path: 'cloud-init.yaml', text: `  - tailscale up --authkey=${cat('tskey-auth-', r(11, ALNUM, 'ts'), 'CNTRL-', r(33, ALNUM, 'ts2'))}` },
  { name: 'Sumo Logic access key', path: 'ci.yml', text: `SUMO_ACCESS_KEY: ${r(64, ALNUM, 'sumo')}` },
  { name: 'Sumo Logic access id', path: 'app.properties', text: `sumologic.accessId = "su${r(12, ALNUM, 'sumoid')}"`, rule: 'secrets/sumo-logic-access-key' },
  // SaaS and AI.
  { name: 'Slack bot token', path: 'bot.py', text: `client = WebClient(token="${slackBot}")` },
  { name: 'Stripe live secret key', path: 'pay.rb', text: `Stripe.api_key = "${cat('sk_', 'live_', r(24, ALNUM, 'st'))}"` },
  { name: 'OpenAI project key', path: 'a.py', text: `openai.api_key = "${cat('sk-', 'proj-', r(74, B64URL, 'oa1'), 'T3Blbk', 'FJ', r(74, B64URL, 'oa2'))}"` },
  { name: 'Anthropic key', path: '.env', text: `ANTHROPIC_API_KEY=${cat('sk-ant-', 'api03-', r(93, B64URL, 'an'), 'AA')}` },
  { name: 'OpenRouter key', path: '.env', text: `OPENROUTER_API_KEY=${cat('sk-or', '-v1-', r(64, HEX, 'or'))}` },
  { name: 'NVIDIA key', path: 'run.sh', text: `export NVIDIA_API_KEY=${cat('nv', 'api-', r(64, B64URL, 'nv'))}` },
  { name: 'LangSmith key', path: '.env', text: `LANGCHAIN_API_KEY=${cat('lsv2', '_pt_', r(32, HEX, 'ls'), '_', r(10, HEX, 'ls2'))}` },
  { name: 'Hugging Face token', path: 'a.ipynb', text: `"login(token=\\"${cat('hf_', r(34, ALNUM, 'hf'))}\\")"` },
  { name: 'SendGrid key', path: 'mail.js', text: `sgMail.setApiKey('${cat('SG.', r(22, B64URL, 'sg1'), '.', r(43, B64URL, 'sg2'))}');` },
  {
    name: 'Zapier catch hook',
    path: 'notify.ts',
    text: `await fetch('${cat('https://hooks.zap', 'ier.com/hooks/catch/', r(7, '0123456789', 'zp'), '/', r(7, LOWER_ALNUM, 'zp2'))}/', { method: 'POST' });`,
  },
  {
    name: 'Salesforce session id',
    path: 'sf.sh',
    text: `curl -H "Authorization: Bearer ${cat('00', 'D', r(12, ALNUM, 'sf'), '!', r(96, ALNUM, 'sf2'))}" https://acme.my.salesforce.com/services/data`,
  },
  { name: 'PostHog personal key', path: 'export.py', text: `POSTHOG_PERSONAL_API_KEY = "${cat('ph', 'x_', r(43, ALNUM, 'ph'))}"` },
  { name: 'MaxMind license key', path: 'GeoIP.conf', text: `LicenseKey ${cat(r(6, ALNUM, 'mm'), '_', r(29, ALNUM, 'mm2'), '_', 'mmk')}` },
  { name: 'Adafruit IO key', path: 'secrets.h', text: `#define IO_KEY "${cat('aio', '_', r(28, ALNUM, 'aio'))}"` },
  { name: 'ngrok authtoken', path: 'ngrok.yml', text: `version: "2"\nauthtoken: ${cat('2', r(26, ALNUM, 'ng'), '_', '5', r(20, ALNUM, 'ng2'))}\n` },
  { name: 'Trello token', path: '.env', text: `TRELLO_TOKEN=${r(64, HEX, 'tr')}` },
  { name: 'ElevenLabs key in a header', path: 'tts.py', text: `headers = {"xi-api-key": "${cat('sk', '_', r(48, HEX, 'el'))}"}` },
  { name: 'DeepSeek key', path: '.env', text: `DEEPSEEK_API_KEY=${cat('sk', '-', r(32, HEX, 'dsk'))}` },
  { name: 'Google key used from a server', path: '.env', text: `GEMINI_API_KEY=${cat('AI', 'za', r(35, B64URL, 'gem'))}` },
  // Structure.
  { name: 'private key', path: 'deploy/id_rsa', text: pem('k1') },
  {
    name: 'private key in timestamped log lines',
    path: 'deploy.log',
    text: pem('k2')
      .split('\n')
      .map((l, i) => `2024-05-01T10:00:${String(10 + i).padStart(2, '0')}Z ${l}`)
      .join('\n'),
  },
  {
    name: 'private key quoted in Markdown',
    path: 'notes.md',
    text: pem('k3', '')
      .split('\n')
      .map((l) => `> ${l}`)
      .join('\n'),
  },
  { name: 'PKCS#12 store', path: 'certs/client.p12', text: p12('p12'), rule: 'secrets/key-store-file' },
  { name: 'UTF-16 file with a token', path: 'out.txt', text: utf16(`$env:GH_TOKEN = "${githubToken('ghp', 'u16')}"\r\n`), rule: 'secrets/github-token' },
  { name: 'signed JWT', path: 'a.http', text: `Authorization: Bearer ${jwt({ alg: 'HS256', typ: 'JWT' }, { sub: '42', iat: 1750000000 }, r(43, B64URL, 'jw'))}` },
  { name: 'unsigned JWT (alg none)', path: 'auth.test.ts', text: `const forged = "${jwt({ alg: 'none', typ: 'JWT' }, { sub: 'admin', role: 'admin' }, '')}";`, rule: 'secrets/jwt' },
  { name: 'curl -u', path: 'deploy.sh', text: `curl -u deploy:${r(16, ALNUM, 'cu')} https://artifacts.acme.io/upload` },
  { name: 'curl Basic header', path: 'deploy.sh', text: `curl -H "Authorization: Basic ${b64(`ci:${r(16, ALNUM, 'cb')}`)}" https://artifacts.acme.io/` },
  { name: 'YAML block scalar password', path: 'values.yaml', text: `smtp:\n  password: |\n    ${r(24, ALNUM, 'yb')}\n` },
  { name: 'YAML folded secret', path: 'config.yml', text: `client_secret: >-\n  ${r(40, B64URL, 'yf')}\n` },
  {
    name: 'Kubernetes Secret password',
    path: 'k8s/secret.yaml',
    text: `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  host: ${b64('db.prod')}\n  password: ${b64(r(20, ALNUM, 'k8'))}\n`,
  },
  { name: 'ADO connection string', path: 'web.config', text: `<add name="db" connectionString="Server=sql.acme.io;Database=app;User ID=app;Password=${r(16, ALNUM, 'ado')};" />` },
  { name: 'Bitcoin WIF', path: '.env', text: `BTC_PRIVATE_KEY=${wif}`, rule: 'secrets/crypto-wallet-key' },
  { name: 'Hardhat deployer key', path: 'hardhat.config.ts', text: `const DEPLOYER_PRIVATE_KEY = "0x${r(64, HEX, 'eth')}";`, rule: 'secrets/crypto-wallet-key' },
  { name: 'generic high-entropy secret', path: 'settings.py', text: `SECRET_KEY = "${r(64, B64URL, 'dj')}"` },
  { name: 'generic client secret in XML', path: 'App.config', text: `<add key="ClientSecret" value="${r(40, B64, 'xml')}" />` },
  { name: 'generic password', path: 'docker-compose.yml', text: `      POSTGRES_PASSWORD: ${cat('Tr0ub4', 'dor&3x')}` },
];

const mustNot: Case[] = [
  // Placeholders, in every provider's shape.
  { name: 'ghp_ alphabet run', path: '.env', text: `GITHUB_TOKEN=${cat('ghp_', 'abcdefghijklmnopqrstuvwxyz0123456789')}` },
  { name: 'glpat xxxx', path: 'a.yml', text: `token: ${cat('glpat-', 'xxxxxxxxxxxxxxxxxxxx')}` },
  { name: 'sk_live_ digits', path: 'pay.rb', text: `Stripe.api_key = "${cat('sk_', 'live_', '1234567890', '1234567890', '1234')}"` },
  { name: 'OpenRouter mask', path: '.env', text: `OPENROUTER_API_KEY=${cat('sk-or', '-v1-', 'X'.repeat(64))}` },
  { name: 'NVIDIA repeated unit', path: '.env', text: `NVIDIA_API_KEY=${cat('nv', 'api-', 'aBc1'.repeat(16))}` },
  { name: 'Slack doc sample', path: 'README.md', text: `SLACK_BOT_TOKEN=${cat('xox', 'b-', '1234567890-1234567890123-', 'abcdefghijklmnopqrstuvwx')}` },
  { name: 'AWS documentation key', path: 'README.md', text: `aws_access_key_id = ${cat('AKIA', 'IOSFODNN7', 'EXAMPLE')}` },
  { name: 'your_api_key', path: '.env.example', text: 'OPENAI_API_KEY=your_api_key_here' },
  { name: 'env reference', path: 'ci.yml', text: 'GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}' },
  { name: 'Helm template', path: 'templates/secret.yaml', text: 'password: {{ .Values.db.password | quote }}' },
  { name: 'shell variable', path: 'run.sh', text: 'curl -u "$USER:$PASS" https://x.acme.io' },
  { name: 'curl -u user only', path: 'run.sh', text: 'curl -u admin https://x.acme.io' },
  // Hashes, ids, integrity strings.
  { name: 'git commit sha', path: 'a.md', text: `Fixed in ${r(40, HEX, 'commit')}.` },
  { name: 'sha256 checksum', path: 'SHA256SUMS', text: `${r(64, HEX, 'sum')}  tokenwarden-1.0.0.tgz` },
  { name: 'sha256 named', path: 'Dockerfile', text: `ARG NODE_SHA256=${r(64, HEX, 'node')}` },
  { name: 'lockfile integrity', path: 'package-lock.json', text: `      "integrity": "sha512-${r(86, B64, 'int')}=="` },
  { name: 'lockfile git URL without credentials', path: 'package-lock.json', text: `      "resolved": "git+ssh://git@github.com/acme/lib.git#${r(40, HEX, 'ssh')}",` },
  { name: 'UUID request id', path: 'a.log', text: `request_id=${uuid('req')} status=200` },
  { name: 'UUID api_token (a prior precision choice)', path: 'a.ts', text: `const api_token = "${uuid('tok')}";` },
  { name: 'data URI image', path: 'a.css', text: `background: url(data:image/png;base64,${r(200, B64, 'img')});` },
  { name: 'SSH public key', path: 'authorized_keys', text: `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${r(43, B64, 'pub')} ci@acme` },
  { name: 'PEM certificate', path: 'ca.pem', text: [cat('-----BEGIN ', 'CERTIFICATE-----'), ...pemBody('crt'), cat('-----END ', 'CERTIFICATE-----')].join('\n') },
  // Public by design.
  { name: 'Stripe publishable key', path: 'checkout.js', text: `Stripe("${cat('pk_', 'live_', r(24, ALNUM, 'pk'))}")` },
  { name: 'Algolia search-only key', path: '.env', text: `NEXT_PUBLIC_ALGOLIA_SEARCH_API_KEY=${r(32, HEX, 'alg')}` },
  { name: 'Discord public key', path: '.env', text: `DISCORD_PUBLIC_KEY=${r(64, HEX, 'disc')}` },
  { name: 'PostHog project key', path: 'app.tsx', text: `posthog.init('${cat('ph', 'c_', r(43, ALNUM, 'phc'))}', { api_host: 'https://eu.i.posthog.com' })` },
  { name: 'Google Maps browser key', path: 'index.html', text: `<script src="https://maps.googleapis.com/maps/api/js?key=${cat('AI', 'za', r(35, B64URL, 'maps'))}&callback=init"></script>` },
  { name: 'ngrok command without a token', path: 'README.md', text: 'ngrok config add-authtoken $NGROK_AUTHTOKEN && ngrok http 8080' },
  // Structures that only look like secrets.
  {
    name: 'ARM template expression',
    path: 'azuredeploy.json',
    text: `"value": "[concat('Server=tcp:', parameters('server'), ';Database=app;User ID=app;Password=', parameters('adminPassword'), ';')]"`,
  },
  {
    name: 'Kubernetes Secret connection details',
    path: 'secret.yaml',
    text: `kind: Secret\nmetadata:\n  name: db\nstringData:\n  host: db.prod.internal\n  port: "5432"\n  username: orders_service\n`,
  },
  { name: 'BIP-39 test vector', path: '.env', text: `MNEMONIC="${Array(11).fill('abandon').join(' ')} about"` },
  { name: 'Ethereum tx hash', path: 'tx.ts', text: `const txHash = "0x${r(64, HEX, 'tx')}";` },
  { name: 'JWT without signature', path: 'a.ts', text: `const t = "${b64url({ alg: 'HS256' })}.${b64url({ sub: '1' })}";` },
  { name: 'regex for tokens', path: 'lint.ts', text: `const GH = /${cat('ghp_', '[A-Za-z0-9]{36}')}/;` },
  { name: 'YAML block of a script', path: 'ci.yml', text: `api_token: |\n  echo start\n  ./deploy.sh\n` },
  { name: 'CSS icon class', path: 'a.html', text: '<i class="ico-arrow-right ico-large"></i>' },
  { name: 'password field label', path: 'form.tsx', text: '<input type="password" name="password" placeholder="Password" />' },
  { name: 'i18n password string', path: 'en.json', text: '"password_hint": "At least 12 characters"' },
];

const scan = (c: Case) => scanFiles([{ path: c.path, text: c.text }], { policy: basePolicy(), rules: secretRules, today: new Date('2026-06-15T12:00:00Z') }).findings;

const tally = { flagged: 0, missed: [] as string[], clean: 0, noisy: [] as string[] };

describe('secrets corpus: must flag', () => {
  it.each(mustFlag.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const found = scan(c).filter((f) => (c.rule ? f.ruleId === c.rule : true));
    if (found.length) tally.flagged++;
    else tally.missed.push(c.name);
    expect(found.length, c.name).toBeGreaterThan(0);
    for (const f of found) expect(f.excerpt.length).toBeGreaterThan(0);
  });
});

describe('secrets corpus: must not flag (above low confidence or low severity)', () => {
  it.each(mustNot.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const found = scan(c).filter((f) => f.confidence !== 'low' && f.severity !== 'low' && f.severity !== 'info');
    if (found.length) tally.noisy.push(`${c.name}: ${found.map((f) => f.ruleId).join(', ')}`);
    else tally.clean++;
    expect(found.map((f) => `${f.ruleId} ${f.startLine}: ${f.excerpt}`)).toEqual([]);
  });
});

afterAll(() => {
  const recall = (100 * tally.flagged) / mustFlag.length;
  const fp = (100 * tally.noisy.length) / mustNot.length;
  console.log(`secrets corpus: recall ${tally.flagged}/${mustFlag.length} (${recall.toFixed(1)} %), false positives ${tally.noisy.length}/${mustNot.length} (${fp.toFixed(1)} %)`);
});
