/**
 * Secrets under an encoding: the decoder on its own (pieces and their spans), then the scanner with the
 * real rules, which reports what the decoded text holds at the encoded span, never the value itself.
 * Every encoded form is built here at run time from a token assembled at run time.
 */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodedPieces } from '../../src/engine/encoded.js';
import { concatenatedPieces } from '../../src/engine/concatenated.js';
import { scanFiles } from '../../src/engine/scan.js';
import { basePolicy } from '../../src/engine/policy/builtin.js';
import { allRules } from '../../src/engine/registry.js';
import { ALNUM, B64, cat, githubToken, rand } from '../helpers/tokens.js';

const TODAY = new Date('2026-06-15T12:00:00Z');
const b64 = (s: string): string => Buffer.from(s).toString('base64');
const pct = (s: string): string => [...s].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`).join('');
const uesc = (s: string): string => [...s].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');

const GH = githubToken('ghp', 'encoded');
const STRIPE = cat('sk_', 'live_', rand(24, ALNUM, 'enc-stripe'));

function scan(path: string, text: string, decode?: boolean) {
  return scanFiles([{ path, text }], { policy: basePolicy(), rules: allRules, today: TODAY, ...(decode === undefined ? {} : { decode }) });
}

describe('decodedPieces', () => {
  it('decodes a base64 run of text and maps a decoded span back inside the run', () => {
    const inner = `GITHUB_TOKEN=${GH}\n`;
    const enc = b64(inner);
    const text = `blob: ${enc}\n`;
    const pieces = [...decodedPieces(text)];
    expect(pieces.map((p) => p.encoding)).toEqual(['base64']);
    const p = pieces[0]!;
    expect(p.text).toBe(inner);
    const from = inner.indexOf(GH);
    const [s, e] = p.span(from, from + GH.length);
    const at = text.indexOf(enc);
    expect(s).toBeGreaterThanOrEqual(at);
    expect(e).toBeLessThanOrEqual(at + enc.length);
    // The span covers every base64 group that carries a byte of the token.
    expect(Buffer.from(text.slice(s, e), 'base64').toString()).toContain(GH);
  });

  it('decodes base64 wrapped over lines as one piece, and maps a span to the lines it covers', () => {
    const inner = `# generated\nAPI_HOST=api.internal.example\nGITHUB_TOKEN=${GH}\nRETRIES=3\n`;
    const enc = b64(inner);
    const wrapped = enc.match(/.{1,76}/g)!;
    expect(wrapped.length).toBeGreaterThan(1);
    const text = `data:\n  env: |\n${wrapped.map((l) => `    ${l}`).join('\n')}\n  other: 1\n`;
    const pieces = [...decodedPieces(text)];
    expect(pieces.map((p) => p.text)).toEqual([inner]);
    const from = inner.indexOf(GH);
    const [s, e] = pieces[0]!.span(from, from + GH.length);
    const covered = text.slice(s, e).replace(/\s+/g, '');
    expect(Buffer.from(covered, 'base64').toString()).toContain(GH);
  });

  it('decodes a wrapped block of binary with text in it as one piece (a protobuf span carrying JSON attributes)', () => {
    const json = `{"agent_key": "${rand(32, '0123456789abcdef', 'pb-key')}", "github_token": "${GH}", "tools_names": []}`;
    const proto = Buffer.concat([
      Buffer.from([0x0a, 0x8e, 0x02, 0x12, 0x0f]),
      Buffer.from('crew_agents\x12'),
      Buffer.from([0xe2, 0x03, 0x0a, 0xdf, 0x03]),
      Buffer.from(json),
      Buffer.from([0x4a, 0x0c, 0x08, 0x01]),
    ]);
    const wrapped = proto.toString('base64').match(/.{1,76}/g)!;
    const text = `      string: !!binary |\n${wrapped.map((l) => `        ${l}`).join('\n')}\n`;
    const pieces = [...decodedPieces(text)];
    expect(pieces).toHaveLength(1);
    expect(pieces[0]!.text).toContain(json);
    const found = scan('tests/cassettes/test_crew.yaml', text).findings.filter((f) => f.ruleId === 'secrets/github-token');
    expect(found).toHaveLength(1);
  });

  it('decodes URL-safe base64 and base64 without padding', () => {
    const inner = `{"token":"${GH}","note":"?>?>"}`;
    for (const enc of [Buffer.from(inner).toString('base64url'), b64(inner).replace(/=+$/, '')]) {
      expect([...decodedPieces(`x = "${enc}"`)].map((p) => p.text)).toContain(inner);
    }
  });

  it('decodes hex that spells text, and leaves digests and ids', () => {
    const inner = `token=${GH}`;
    const hex = Buffer.from(inner).toString('hex');
    const text = `a: ${hex}\nsha256: ${'3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b'}\nid: 0123456789abcdef0123456789abcdef\n`;
    const pieces = [...decodedPieces(text)];
    expect(pieces.map((p) => [p.encoding, p.text])).toEqual([['hex', inner]]);
    const from = inner.indexOf(GH);
    const [s, e] = pieces[0]!.span(from, from + GH.length);
    expect(Buffer.from(text.slice(s, e), 'hex').toString()).toBe(GH);
  });

  it('leaves runs that decode to binary, and runs in one case (hex, constants, paths)', () => {
    const text = [
      `integrity: sha512-${Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 151 + 7) & 255)).toString('base64')}`,
      `"mappings": "AAAA,SAASA,gBAAgB,CAACC,MAAM;AACvB,OAAOC,KAAK,CAACD,MAAM,CAAC"`,
      `sha: ${rand(64, '0123456789abcdef', 'hex')}`,
      `const SOME_VERY_LONG_CONSTANT_NAME_FOR_A_TEST = 1;`,
      `import x from '../../node_modules/some-package/dist/index.js';`,
    ].join('\n');
    expect([...decodedPieces(text)].filter((p) => p.encoding === 'base64')).toEqual([]);
  });

  it('decodes percent-encoding and escapes to ASCII, and says where an encoded character is', () => {
    const text = `q=token%3D${GH}&x=1\nk = "${uesc('sk_')}live_abc"\n<a href="a?b=1&amp;c=2">x</a>\n`;
    const pieces = [...decodedPieces(text)];
    const percent = pieces.find((p) => p.encoding === 'percent-encoded')!;
    expect(percent.text).toBe(`q=token=${GH}&x=1`);
    const at = percent.text.indexOf(GH);
    // `=` decoded just before the token: the finding is the decoding's doing.
    expect(percent.encodedAt(at, at + GH.length)).toBe(true);
    expect(percent.span(at, at + GH.length)).toEqual([text.indexOf(GH), text.indexOf(GH) + GH.length]);
    expect(percent.encodedAt(0, 1)).toBe(false);
    const escaped = pieces.filter((p) => p.encoding === 'escaped').map((p) => p.text);
    expect(escaped).toContain('k = "sk_live_abc"');
    expect(escaped).toContain('<a href="a?b=1&c=2">x</a>');
  });

  it('keeps non-ASCII escapes and unknown entities as they are', () => {
    const pieces = [...decodedPieces('a \\u00e9 &nbsp; \\x00 b')];
    expect(pieces).toEqual([]);
  });

  it('is linear on long lines: a window around escapes, not the whole line per escape', () => {
    const line = `var s="${'a\\u0041'.repeat(200_000)}";`;
    const t = [...decodedPieces(line)];
    const decoded = t.reduce((n, p) => n + p.text.length, 0);
    expect(decoded).toBeLessThanOrEqual(line.length);
  });
});

describe('concatenatedPieces', () => {
  const pieces = (t: string) => [...concatenatedPieces(t, 0, t.length)];

  it('joins literals across + (one line, or a line per part with the operator at either end) and PHP .', () => {
    expect(pieces(`const k = "sk_" + 'live_' + \`abc\`;`).map((p) => p.text)).toEqual(['const k = "sk_live_abc`;']);
    expect(pieces(`String k =\n    "abc" +\n    "def"\n  + "ghi";\nint x = 1;`).map((p) => p.text)).toEqual(['String k =    "abcdefghi";']);
    expect(pieces(`<?php\n$k = 'abc' . 'def';`).map((p) => p.text)).toEqual([`$k = 'abcdef';`]);
    expect(pieces(`k = 'abc' . 'def'`)).toEqual([]); // not PHP: `.` is member access
  });

  it('maps a span across a join back to the source, and says whether it crosses a join', () => {
    const t = `k = "ab" + "cd";`;
    const [p] = pieces(t);
    const at = p!.text.indexOf('abcd');
    expect(p!.span(at, at + 4)).toEqual([t.indexOf('ab'), t.indexOf('cd') + 2]);
    expect(p!.encodedAt(at, at + 4)).toBe(true);
    expect(p!.encodedAt(at, at + 2)).toBe(false);
  });

  it('leaves what is not two literals joined', () => {
    for (const t of [`a = "x" + b + "y";`, `n = 'abc'.length + 'de'.length;`, `s.split('.').join("+")`, `x = "a" // + "b"`, `msg = f(a, "x") + g("y", b)`, `t = "it's" + name`]) {
      expect(pieces(t), t).toEqual([]);
    }
  });

  it('joins literals side by side where the language does (implicit), and puts a wrapping `KEY = (` line in front', () => {
    const implicit = (t: string) => [...concatenatedPieces(t, 0, t.length, true)].map((p) => p.text);
    expect(implicit(`const char *k = "abc" "def";`)).toEqual(['const char *k = "abcdef";']);
    expect(implicit(`API_KEY = (\n    "abc"\n    "def"\n)\n`)).toEqual(['API_KEY = (    "abcdef"']);
    expect(implicit(`k = ("abc"\r\n     f"def")`)).toEqual(['k = ("abcdef")']);
    expect(implicit(`k = 'abc' + "def" 'ghi'`)).toEqual([`k = 'abcdefghi'`]);
    // Not two literals side by side: an argument list, a triple quote, a one-blank string, two statements.
    for (const t of [`print("a", "b")`, `x = ""`, `d = """doc"""`, `s = " "`, `x = "a"\ny = "b"`, `x = "a"  # "b"`, `w = '%s' % x`]) {
      expect(implicit(t), t).toEqual([]);
    }
    // Elsewhere adjacent literals are two values (shell words, JSON after a missing comma): not joined.
    expect(pieces(`const char *k = "abc" "def";`)).toEqual([]);
  });

  it('maps a span across an implicit join back to both literals', () => {
    const t = `k = ("ab"\n     "cd")`;
    const [p] = [...concatenatedPieces(t, 0, t.length, true)];
    const at = p!.text.indexOf('abcd');
    expect(p!.span(at, at + 4)).toEqual([t.indexOf('ab'), t.indexOf('cd') + 2]);
    expect(p!.encodedAt(at, at + 4)).toBe(true);
  });

  it('is linear on a long run of joins and on lines of operators', () => {
    const t = `x = ${Array.from({ length: 50_000 }, (_, i) => `"${i}"`).join(' + ')};\n${'a + b . c + '.repeat(100_000)}\n`;
    const decoded = pieces(t).reduce((n, p) => n + p.text.length, 0);
    expect(decoded).toBeLessThan(t.length);
  });
});

describe('the scanner on encoded text', () => {
  it('flags a token in a base64 .env blob at the blob, under the token rule, redacted', () => {
    const enc = b64(`GITHUB_TOKEN=${GH}\nDEBUG=1\n`);
    const r = scan('deploy/values.yaml', `env_file_b64: ${enc}\n`);
    const f = r.findings.find((x) => x.ruleId === 'secrets/github-token');
    expect(f, JSON.stringify(r.findings.map((x) => x.ruleId))).toBeDefined();
    expect(f!.message).toMatch(/base64/);
    expect(f!.startLine).toBe(1);
    expect(f!.startColumn).toBeGreaterThan('env_file_b64: '.length);
    // Neither the token nor its encoding survives in the excerpt.
    expect(f!.excerpt).not.toContain(GH);
    const groups = enc.slice(Math.floor(('GITHUB_TOKEN='.length + 4) / 3) * 4, Math.floor(('GITHUB_TOKEN='.length + GH.length - 4) / 3) * 4);
    expect(f!.excerpt).not.toContain(groups.slice(0, 16));
  });

  it('redacts the whole base64 of a token that follows text in another script (offsets are bytes, not characters)', () => {
    const inner = JSON.stringify({
      title: 'Release notes',
      summary: '新しいバージョンでは多くの改善が行われました — Zoë Müller-Ñúñez, Łódź',
      GITHUB_TOKEN: GH,
      description: 'lorem ipsum '.repeat(150),
    });
    const enc = b64(inner);
    const r = scan('notes.yaml', `blob: ${enc}\n`);
    const f = r.findings.find((x) => x.ruleId === 'secrets/github-token');
    expect(f).toBeDefined();
    // No run of the excerpt's base64 decodes to any 8 characters of the token.
    const runs = f!.excerpt.match(/[A-Za-z0-9+/]{8,}/g) ?? [];
    for (let shift = 0; shift < 4; shift++) {
      for (const run of runs) {
        const decoded = Buffer.from(run.slice(shift), 'base64').toString('latin1');
        for (let i = 0; i + 8 <= GH.length; i++) expect(decoded).not.toContain(GH.slice(i, i + 8));
      }
    }
  });

  it('reports a credential nested in base64 once, as the outer rule sees it', () => {
    const text = `x: ${b64(JSON.stringify({ auths: { 'ghcr.io': { auth: b64(`deploy:${GH}`) } } }))}\n`;
    const r = scan('config.yaml', text);
    const secrets = r.findings.filter((x) => x.family === 'secrets');
    expect(secrets, JSON.stringify(secrets.map((x) => x.ruleId))).toHaveLength(1);
  });

  it('finds an escaped token across the cut of a long escaped line, and hex lines of one width', () => {
    for (const n of [10_000, 10_900, 10_920]) {
      const text = `var s = "${'\\u0020'.repeat(n)}${uesc(`token ${GH}`)}";\n`;
      expect(
        scan('bundle.js', text).findings.some((x) => x.ruleId === 'secrets/github-token'),
        String(n),
      ).toBe(true);
    }
    const hexLine = Buffer.from(`token=${GH}`).toString('hex');
    const r = scan('keys.txt', `${hexLine}\n${hexLine}\n`);
    // Both lines are read; the one token is one finding naming its other line, as in plain text.
    const found = r.findings.filter((x) => x.ruleId === 'secrets/github-token');
    expect(found.map((x) => x.startLine)).toEqual([1]);
    expect(found[0]!.message).toMatch(/occurs 2 times in this file \(also line 2\)/);
  });

  it('flags a private key inside a base64 service-account JSON (a CI variable)', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const sa = JSON.stringify(
      { type: 'service_account', project_id: 'demo', private_key_id: rand(40, '0123456789abcdef', 'kid'), private_key: pem, client_email: 'ci@demo.iam.gserviceaccount.com' },
      null,
      2,
    );
    const r = scan('.gitlab-ci.yml', `variables:\n  GOOGLE_CREDENTIALS: ${b64(sa)}\n`);
    const hits = r.findings.filter((x) => x.family === 'secrets' && /base64/.test(x.message));
    expect(hits.length, JSON.stringify(r.findings.map((x) => `${x.ruleId} ${x.message}`))).toBeGreaterThan(0);
    expect(hits.every((x) => x.startLine === 2)).toBe(true);
  });

  it('flags a private key in a service-account JSON whose base64 is wrapped at 76 columns under a YAML |', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const sa = JSON.stringify({ type: 'service_account', project_id: 'demo', private_key: pem, client_email: 'ci@demo.iam.gserviceaccount.com' }, null, 2);
    const lines = b64(sa).match(/.{1,76}/g)!;
    const r = scan('deploy/values.yaml', `gcp:\n  credentials: |\n${lines.map((l) => `    ${l}`).join('\n')}\n`);
    const hits = r.findings.filter((x) => x.family === 'secrets' && /base64/.test(x.message));
    expect(hits.length, JSON.stringify(r.findings.map((x) => `${x.ruleId} ${x.message}`))).toBeGreaterThan(0);
    expect(hits.every((x) => x.startLine >= 3 && x.endLine <= 2 + lines.length)).toBe(true);
    for (const f of r.findings) for (const l of lines.slice(2, -2)) expect(f.excerpt).not.toContain(l);
  });

  it('flags base64 inside base64 (a Kubernetes Secret carrying a Docker config)', () => {
    const auth = b64(`deploy:${GH}`);
    const docker = JSON.stringify({ auths: { 'ghcr.io': { auth } } });
    const text = ['apiVersion: v1', 'kind: Secret', 'type: kubernetes.io/dockerconfigjson', 'data:', `  .dockerconfigjson: ${b64(docker)}`, ''].join('\n');
    const r = scan('k8s/pull-secret.yaml', text);
    expect(
      r.findings.some((x) => x.family === 'secrets' && x.startLine === 5),
      JSON.stringify(r.findings.map((x) => x.ruleId)),
    ).toBe(true);
  });

  it('flags percent-encoded, \\u-escaped, \\/-escaped and entity-escaped tokens', () => {
    const aws = rand(40, B64, 'enc-aws');
    const cases: Array<[string, string, RegExp]> = [
      ['q.txt', `callback?state=1&token%3D${GH}`, /github-token/],
      ['c.txt', uesc(STRIPE), /stripe/],
      ['s.json', `{"aws_access_key_id":"AKIA${rand(16, '234567ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'enc-akid')}","aws_secret_access_key":"${aws.replace(/\//g, '\\/')}"}`, /aws/],
      ['p.html', `<div data-key="${STRIPE.replace(/_/g, '&#95;')}"></div>`, /stripe/],
      ['u.txt', `stripe_key=${pct(STRIPE)}`, /stripe/],
      ['h.rb', `KEY = ["${Buffer.from(STRIPE).toString('hex')}"].pack('H*')`, /stripe/],
    ];
    for (const [path, text, rule] of cases) {
      const r = scan(path, `${text}\n`);
      expect(
        r.findings.some((x) => rule.test(x.ruleId)),
        `${path}: ${JSON.stringify(r.findings.map((x) => x.ruleId))}`,
      ).toBe(true);
      for (const f of r.findings) expect(f.excerpt).not.toContain(STRIPE);
    }
  });

  it('reads JSON inside a string literal, its quotes escaped (\\")', () => {
    const aws = rand(40, B64, 'enc-aws-q');
    const token = rand(32, undefined, 'enc-q-tok');
    const cases: Array<[string, string, RegExp, string]> = [
      ['ApiTest.java', `String body = "{\\"awsSecretKey\\":\\"${aws}\\",\\"region\\":\\"eu-west-1\\"}";`, /aws-secret-access-key/, aws],
      ['client.test.js', `const body = "{\\"api_token\\": \\"${token}\\", \\"user\\": \\"svc\\"}";`, /generic-secret/, token],
    ];
    for (const [path, text, rule, secret] of cases) {
      const f = scan(path, `${text}\n`).findings.filter((x) => x.family === 'secrets');
      expect(
        f.map((x) => x.ruleId),
        path,
      ).toEqual([expect.stringMatching(rule)]);
      expect(f[0]!.message).toMatch(/found escaped/);
      expect(f[0]!.excerpt).not.toContain(secret);
    }
    // An escaped quote alone decodes nothing that matters: a message, not a key and its value.
    expect(scan('err.js', 'throw new Error("Expected \\"token\\" to be a string, got \\"undefined\\"");\n').findings).toEqual([]);
  });

  it('flags a token split over string concatenation, in JS, Java and PHP, at the literals', () => {
    const cases: Array<[string, string, number]> = [
      ['app.js', `const stripe = require('stripe')("${STRIPE.slice(0, 12)}" + "${STRIPE.slice(12)}");\n`, 1],
      ['Config.java', `class C {\n  static final String TOKEN =\n      "${GH.slice(0, 20)}"\n      + "${GH.slice(20)}";\n}\n`, 3],
      ['config.php', `<?php\n$token = '${GH.slice(0, 10)}' . '${GH.slice(10)}';\n`, 2],
    ];
    for (const [path, text, line] of cases) {
      const r = scan(path, text);
      const f = r.findings.filter((x) => x.family === 'secrets');
      expect(
        f.map((x) => [x.startLine, /concatenated/.test(x.message)]),
        path,
      ).toEqual([[line, true]]);
      expect(f[0]!.excerpt).not.toContain(GH.slice(0, 20));
      expect(f[0]!.excerpt).not.toContain(STRIPE.slice(0, 12));
    }
  });

  it('flags a token split over adjacent literals in Python and C, but not in a language that does not join them', () => {
    const py = `STRIPE_API_KEY = (\n    "${STRIPE.slice(0, 14)}"\n    "${STRIPE.slice(14)}"\n)\n`;
    const c = `static const char *token = "${GH.slice(0, 18)}" "${GH.slice(18)}";\n`;
    for (const [path, text, line] of [
      ['settings.py', py, 2],
      ['src/client.c', c, 1],
    ] as const) {
      const f = scan(path, text).findings.filter((x) => x.family === 'secrets');
      expect(
        f.map((x) => [x.startLine, /concatenated/.test(x.message)]),
        path,
      ).toEqual([[line, true]]);
      expect(f[0]!.excerpt).not.toContain(STRIPE.slice(0, 14));
      expect(f[0]!.excerpt).not.toContain(GH.slice(0, 18));
    }
    expect(scan('run.sh', `curl -d "${GH.slice(0, 18)}" "${GH.slice(18)}"\n`).findings.filter((x) => /concatenated/.test(x.message))).toEqual([]);
  });

  it('does not report twice what the plain text already shows, nor what the decoding did not touch', () => {
    // A token in plain text on a line with an unrelated escape: one finding, not a second "escaped" one.
    const r = scan('app.js', `const a = "${GH}"; const b = "caf\\u00e9 \\/ x";\n`);
    expect(r.findings.filter((x) => x.ruleId === 'secrets/github-token')).toHaveLength(1);
    expect(r.findings.some((x) => /escaped|percent/.test(x.message))).toBe(false);
  });

  it('keeps placeholders and non-secrets quiet when encoded', () => {
    const texts = [
      `value: ${b64('password=changeme\nuser=admin\n')}`,
      `value: ${b64('{"apiKey":"<your-api-key-here>","region":"us-east-1"}')}`,
      `readme: ${b64('This is just some documentation text without any secret in it at all.')}`,
      `url: https://example.com/search?q=hello%20world&lang=en%2Dus`,
      `const s = "\\u0048\\u0065\\u006c\\u006c\\u006f, world";`,
    ];
    for (const t of texts) {
      const r = scan('config/sample.yaml', `${t}\n`);
      expect(
        r.findings.filter((x) => x.family === 'secrets'),
        t,
      ).toEqual([]);
    }
  });

  it('can be switched off', () => {
    const text = `blob: ${b64(`GITHUB_TOKEN=${GH}\n`)}\n`;
    expect(scan('a.yaml', text).findings.length).toBeGreaterThan(0);
    expect(scan('a.yaml', text, false).findings).toEqual([]);
  });
});

describe('the scanner on encoded text: one secret repeated', () => {
  it('is one finding per rule when found decoded in several pieces (escaped JSON code samples)', () => {
    // Escaped so that only the decoded text shows the token: each sample decodes as a piece of its own.
    const sample = (lang: string) => `{"lang": "${lang}", "source": "github.auth(\\"${uesc(GH)}\\");\\n"}`;
    const text = `{"x-codeSamples": [\n${['js', 'py', 'go', 'rb'].map(sample).join(',\n')}\n]}\n`;
    const found = scan('codegen/lib-openapi.json', text).findings.filter((x) => x.ruleId === 'secrets/github-token');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/occurs 4 times in this file \(also lines 3, 4, 5\)/);
  });
});

describe('the scanner on encoded text: a percent-encoded value in plain text', () => {
  it('is one finding, not a second one for the same value decoded', () => {
    const sig = `${rand(20, ALNUM, 'sas-a')}%2F${rand(20, ALNUM, 'sas-b')}%3D`;
    const url = `https://acct.blob.core.windows.net/c/img.jpg?sv=2015-07-08&sr=c&sp=r&se=2117-04-10T11:19:16Z&sig=${sig}`;
    const text = `<img src="${url}">\n<script>{"desktopUrl":"${url.replace(/&/g, '&amp;')}"}</script>\n`;
    const found = scan('tests/data/recipe.html', text).findings.filter((x) => x.ruleId === 'secrets/azure-sas-token');
    expect(found).toHaveLength(1);
  });
});
