import { describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { credentialProblems, pemProblem, startupProblems } from '../../src/app/startup-check.js';

// Keys are made at run time: nothing key-shaped is committed.
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pkcs1 = rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const pkcs8 = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const publicPem = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

const dir = realpathSync(mkdtempSync(join(tmpdir(), 'tw-startup-')));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const empty = (): string => {
  const d = join(dir, `cwd-${Math.random().toString(36).slice(2)}`);
  mkdirSync(d);
  return d;
};

describe('start-up credential checks', () => {
  it('accepts what registration writes (PRIVATE_KEY with newlines or \\n escapes, base64) and a key file', () => {
    const cwd = empty();
    expect(credentialProblems({ APP_ID: '123', PRIVATE_KEY: pkcs1 }, cwd)).toEqual([]);
    expect(credentialProblems({ APP_ID: '123', PRIVATE_KEY: pkcs1.replace(/\n/g, '\\n') }, cwd)).toEqual([]);
    expect(credentialProblems({ APP_ID: '123', PRIVATE_KEY: Buffer.from(pkcs8).toString('base64') }, cwd)).toEqual([]);
    expect(credentialProblems({ APP_ID: '123', PRIVATE_KEY: pkcs1.replace(/\n/g, '') }, cwd)).toEqual([]);
    writeFileSync(join(cwd, 'app.pem'), pkcs1);
    expect(credentialProblems({ APP_ID: '123', PRIVATE_KEY_PATH: 'app.pem' }, cwd)).toEqual([]);
    // Probot's fallback: the one .pem in the working directory.
    expect(credentialProblems({ APP_ID: '123' }, cwd)).toEqual([]);
  });

  it('APP_ID: unset, not a number, the Client ID, quotes kept', () => {
    const cwd = empty();
    const id = (APP_ID?: string): string => credentialProblems({ ...(APP_ID !== undefined ? { APP_ID } : {}), PRIVATE_KEY: pkcs1 }, cwd)[0] ?? '';
    expect(id()).toMatch(/^APP_ID is not set: the numeric App ID/);
    expect(id('my-app')).toMatch(/^APP_ID "my-app" is not a number: it must be the numeric App ID/);
    expect(id('Iv23liABCDEF')).toContain('that is the Client ID');
    expect(id('"123"')).toContain('quotes around it');
  });

  it('PRIVATE_KEY_PATH: missing file, a directory, unreadable, not a PEM', () => {
    const cwd = empty();
    expect(credentialProblems({ APP_ID: '1', PRIVATE_KEY_PATH: 'nope.pem' }, cwd)).toEqual([
      expect.stringMatching(/^PRIVATE_KEY_PATH nope\.pem \(.*nope\.pem\) does not exist \(relative paths are from /),
    ]);
    mkdirSync(join(cwd, 'keys'));
    writeFileSync(join(cwd, 'keys', 'app.2026-01-01.private-key.pem'), pkcs1);
    expect(credentialProblems({ APP_ID: '1', PRIVATE_KEY_PATH: 'keys' }, cwd)).toEqual([expect.stringMatching(/is a directory: point it at the key file in it \(app\.2026-01-01\.private-key\.pem\)/)]);
    writeFileSync(join(cwd, 'notes.txt'), 'hello\n');
    expect(credentialProblems({ APP_ID: '1', PRIVATE_KEY_PATH: 'notes.txt' }, cwd)).toEqual([expect.stringContaining('is not a PEM private key')]);
    writeFileSync(join(cwd, 'pub.pem'), publicPem);
    expect(credentialProblems({ APP_ID: '1', PRIVATE_KEY_PATH: 'pub.pem' }, cwd)).toEqual([expect.stringContaining('a public key or a certificate')]);
    if (process.getuid?.() !== 0) {
      writeFileSync(join(cwd, 'locked.pem'), pkcs1);
      chmodSync(join(cwd, 'locked.pem'), 0o000);
      expect(credentialProblems({ APP_ID: '1', PRIVATE_KEY_PATH: 'locked.pem' }, cwd)).toEqual([expect.stringContaining('cannot be read by this user')]);
    }
  });

  it('PRIVATE_KEY: a file name, a first line only, a truncated key, an EC key, nothing at all', () => {
    const cwd = empty();
    const key = (PRIVATE_KEY: string): string[] => credentialProblems({ APP_ID: '1', PRIVATE_KEY }, cwd);
    expect(key('./tokenwarden.2026-01-01.private-key.pem')).toEqual([expect.stringContaining('holds a file name')]);
    expect(key('"-----BEGIN RSA PRIVATE KEY-----')).toEqual([expect.stringContaining('only the first line')]);
    const lines = pkcs1.split('\n');
    const truncated = [...lines.slice(0, 5), ...lines.slice(-2)].join('\n');
    expect(key(truncated)).toEqual([expect.stringContaining('cannot be read')]);
    expect(pemProblem(ec, 'PRIVATE_KEY')).toContain('is a ec key');
    expect(credentialProblems({ APP_ID: '1' }, cwd)).toEqual([expect.stringContaining('PRIVATE_KEY or PRIVATE_KEY_PATH is not set')]);
  });

  it("replaces the server's generic lines and keeps its other problems", () => {
    const cwd = empty();
    const server = ['WEBHOOK_SECRET is not set: …', 'APP_ID is not set (the numeric App ID from the App settings page).'];
    expect(startupProblems(server, { APP_ID: 'x', PRIVATE_KEY: pkcs1 }, cwd)).toEqual([expect.stringContaining('APP_ID "x" is not a number'), 'WEBHOOK_SECRET is not set: …']);
  });
});
