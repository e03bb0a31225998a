import { describe, expect, it } from 'vitest';
import { fileNameFindings, pathHoldsSecret, redactPath, scrubCached, scrubText, scrubTexts, warmScrub } from '../../src/report/scrub.js';
import { fitBytes, fitChars, shortenMiddle, utf8Length } from '../../src/report/limits.js';
import { redact } from '../../src/engine/redact.js';
import { isSuppressed } from '../../src/engine/suppress.js';
import { basePolicy } from '../../src/engine/policy/builtin.js';
import { allRules } from '../../src/engine/registry.js';
import { B64, UPPER_ALNUM, cat, githubToken, rand } from '../helpers/tokens.js';

const token = githubToken('ghp', 'scrub-path');
const awsKey = cat('AKIA', rand(16, UPPER_ALNUM, 'scrub-aws'));
const begin = cat('-----BEGIN ', 'RSA ', 'PRIVATE KEY', '-----');
const end = cat('-----END ', 'RSA ', 'PRIVATE KEY', '-----');
const keyBody = 'MII' + rand(1600, B64, 'scrub-pem');
const pem = `${begin}\n${keyBody.match(/.{1,64}/g)!.join('\n')}\n${end}`;

describe('redactPath', () => {
  it('redacts a token in a file name and an access key in a directory name', () => {
    expect(redactPath(`config/${token}.txt`)).toBe(`config/${redact(token)}.txt`);
    expect(redactPath(`keys/${awsKey}/creds.json`)).toBe(`keys/${redact(awsKey)}/creds.json`);
    expect(pathHoldsSecret(`config/${token}.txt`)).toBe(true);
  });

  it('leaves ordinary paths alone, hashed asset names and secret-sounding names included', () => {
    for (const p of ['src/app.ts', 'dist/assets/index-4f3a9b2c.js', 'src/secrets/password.ts', `src/${rand(40, '0123456789abcdef', 'sha')}.json`, 'docs/setup notes#1 é.md']) {
      expect(redactPath(p)).toBe(p);
      expect(pathHoldsSecret(p)).toBe(false);
    }
  });

  it('is not opted out by a suppression marker in the name itself', () => {
    for (const p of [`nosec ${token}.txt`, `tokenwarden:allow/${token}`, `gitleaks:allow-${token}.env`]) {
      expect(isSuppressed(p, undefined)).toBe(true); // the engine would skip such a line…
      expect(redactPath(p)).not.toContain(token); // …the redactor does not
    }
  });

  it('is idempotent', () => {
    const once = redactPath(`a/${token}/b/${awsKey}`);
    expect(redactPath(once)).toBe(once);
  });
});

describe('scrubText', () => {
  it('redacts a secret that spans lines (a private key in an error message or issue body)', () => {
    const out = scrubText(`could not parse:\n${pem}\nat line 3`);
    expect(out).not.toContain(keyBody.slice(3, 67));
    expect(out).toContain('could not parse:');
    expect(out).toContain('at line 3');
  });

  it('redacts every occurrence of a secret repeated in one text (the engine reports it once)', () => {
    const text = `first ${token}\nsecond line\nagain ${token} and ${token}`;
    const clean = scrubText(text);
    expect(clean).not.toContain(token);
    expect(clean.split(token.slice(0, 4)).length - 1).toBe(3);
  });

  it('scrubs a batch with one scanner, each text on its own', () => {
    const texts = ['clean', `x ${token}`, '', `y ${awsKey}`, 'also clean'];
    expect(scrubTexts(texts)).toEqual(texts.map((t) => scrubText(t)));
    expect(scrubTexts(texts).join('\n')).not.toMatch(new RegExp(`${token}|${awsKey}`));
  });

  it('caches short texts: a warmed path costs a lookup', () => {
    const paths = Array.from({ length: 2000 }, (_, i) => `src/module-${i}/index.ts`);
    warmScrub(paths);
    const t0 = performance.now();
    for (const p of paths) expect(scrubCached(p)).toBe(p);
    // A scan per path would take seconds (building the scanner alone takes milliseconds).
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('fileNameFindings', () => {
  it('reports a secret in a file name as a finding on line 1 that says so, with the path redacted in what it prints', () => {
    const policy = basePolicy();
    const result = fileNameFindings([`config/${token}.txt`, 'src/app.ts', `config/${token}.txt`], { policy, rules: allRules, today: new Date('2026-06-15') });
    expect(result.findings).toHaveLength(1);
    const [f] = result.findings;
    expect(f).toMatchObject({ ruleId: 'secrets/github-token', path: `config/${token}.txt`, startLine: 1, endLine: 1, redacted: redact(token) });
    expect(f!.message).toContain(`The file name config/${redact(token)}.txt holds a secret`);
    expect(f!.remediation).toContain('Rename the file');
    const { path: _path, ...printed } = f!;
    expect(JSON.stringify(printed)).not.toContain(token);
    expect(result.stats).toEqual({ files: 0, bytes: 0 });
  });

  it('honours the policy: an ignored path gives nothing', () => {
    const policy = basePolicy();
    policy.ignore = ['config/**'];
    expect(fileNameFindings([`config/${token}.txt`], { policy, rules: allRules, today: new Date('2026-06-15') }).findings).toEqual([]);
  });
});

describe('limits', () => {
  it('cuts characters without splitting a surrogate pair', () => {
    const s = 'ab' + '😀'.repeat(10);
    for (let max = 1; max < s.length; max++) {
      const out = fitChars(s, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    }
    expect(fitChars('short', 10)).toBe('short');
  });

  it('cuts bytes of UTF-8, with the tail inside the limit', () => {
    const s = 'é€😀x'.repeat(30_000);
    const out = fitBytes(s, 65_535, '… (cut)');
    expect(utf8Length(out)).toBeLessThanOrEqual(65_535);
    expect(out.endsWith('… (cut)')).toBe(true);
    expect(Buffer.from(out, 'utf8').toString('utf8')).toBe(out); // no broken character
  });

  it('shortens from the middle, keeping the file name', () => {
    const p = `${'deep/'.repeat(1000)}file.ts`;
    const out = shortenMiddle(p, 100);
    expect(out.length).toBeLessThanOrEqual(100);
    expect(out.endsWith('/file.ts')).toBe(true);
    expect(out).toContain('…');
  });
});
