import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/secrets/jwt.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { createHmac } from 'node:crypto';
import { B64URL, b64url, cat, rand } from '../../../helpers/tokens.js';

const sig = (n = 43, seed = 's'): string => rand(n, B64URL, seed);
const jwt = (header: unknown, payload: unknown, signature = sig()): string => `${b64url(header)}.${b64url(payload)}.${signature}`;
const claims = { sub: 'svc-deploy', iss: 'https://auth.internal.test', iat: 1750000000, exp: 1900000000 };
const hs = jwt({ alg: 'HS256', typ: 'JWT' }, claims);
const rs = jwt({ alg: 'RS256', kid: 'k1' }, { sub: '42', scope: 'admin' }, sig(342, 'rs'));
const expired = jwt({ alg: 'HS256' }, { sub: 'a', exp: 1600000000 });

ruleTester(rule, {
  valid: [
    // A NATS operator JWT: a public claims document (the nkey seed is the secret).
    `operator: "${jwt({ typ: 'JWT', alg: 'ed25519-nkey' }, { jti: 'OPJTI', iat: 1700000000, iss: 'OAJ6', name: 'ops', sub: 'OAJ6', nats: { type: 'operator', version: 2 } })}"`,
    // Version 1 of NATS's JWTs: `ed25519`, the claims under `nats` (nats-server's tests).
    `\toperator: ${jwt({ typ: 'jwt', alg: 'ed25519' }, { jti: 'KE6Q', iat: 1589911111, iss: 'ODWZ', name: 'O', sub: 'ODWZ', type: 'operator', nats: { signing_keys: ['OBZ4'] } })}`,
    // A Supabase project's anon key: public (the service_role key below is not).
    `SUPABASE_PUBLIC_API_KEY = "${jwt({ alg: 'HS256', typ: 'JWT' }, { iss: 'supabase', ref: 'abcdefghijklmnopqrst', role: 'anon', iat: 1700000000, exp: 2000000000 })}"`,
    // No signature segment; alg none without identity claims (arbitrary base64 JSON).
    `const t = "${jwt({ alg: 'none' }, { page: 2, sort: 'asc' }, '')}";`,
    `const t = "${b64url({ alg: 'HS256' })}.${b64url(claims)}";`,
    `token = "${b64url({ alg: 'HS256' })}.${b64url(claims)}.";`,
    // Signature too short to be real, or a placeholder.
    `token: ${jwt({ alg: 'HS256' }, claims, 'abc')}`,
    `token: ${jwt({ alg: 'HS256' }, claims, 'x'.repeat(43))}`,
    // Not JSON underneath.
    `value = ${b64url('not json at all, sorry')}.${b64url('still not json')}.${sig()}`,
    `value = ${b64url({ alg: 'HS256' })}.${b64url('plain text')}.${sig()}`,
    'eyJAAAA.eyJBBB',
    'eyJBB.eyJCC.eyJDDDD',
    'Authorization: Bearer ${JWT}',
    // Part of a longer base64 blob.
    `blob=${rand(40, B64URL, 'pre')}${hs}`,
  ],
  invalid: [
    {
      name: "a Supabase project's service_role key",
      code: `SUPABASE_SERVICE_ROLE_KEY=${jwt({ alg: 'HS256', typ: 'JWT' }, { iss: 'supabase', ref: 'abcdefghijklmnopqrst', role: 'service_role', iat: 1700000000, exp: 2000000000 })}`,
      count: 1,
    },
    { code: `const token = "${hs}";`, secret: hs, count: 1, line: 1 },
    { code: `Authorization: Bearer ${rs}`, secret: rs },
    { code: `curl -H "Authorization: Bearer ${hs}" https://api.internal.test/v1/me`, secret: hs },
    { code: `SUPABASE_SERVICE_ROLE_KEY=${hs}`, path: '.env' },
    { code: `{"id_token":"${rs}","token_type":"Bearer"}`, path: 'fixture.json' },
    { code: `https://app.internal.test/sso?access_token=${hs}&next=/`, secret: hs },
    { name: 'expired token (still reported)', code: `token: ${expired}`, secret: expired },
    { name: 'unsigned (alg none), empty signature', code: `const forged = "${jwt({ alg: 'none' }, { sub: 'x' }, '')}";`, count: 1 },
    { name: 'unsigned (alg None) with a signature segment', code: `const t = "${jwt({ alg: 'None', typ: 'JWT' }, claims, sig())}";`, count: 1 },
    { name: 'two tokens', code: `a="${hs}" b="${rs}"`, count: 2 },
    { name: 'JWT at the end of a sentence', code: `Use this token: ${hs}.`, secret: hs },
  ],
});

describe('secrets/jwt severity', () => {
  it('lowers severity for expired tokens and names the issuer', () => {
    expect(runRule(rule, { code: `t=${expired}` })[0]!.severity).toBe('medium');
    const live = runRule(rule, { code: `t=${hs}` })[0]!;
    expect(live.severity).toBe('high');
    expect(live.message).toContain('auth.internal.test');
  });
});

describe('secrets/jwt unsigned tokens', () => {
  it('reports alg none at lower severity than a signed token', () => {
    const [f] = runRule(rule, { code: `t=${jwt({ alg: 'none', typ: 'JWT' }, { sub: 'admin', role: 'admin' }, '')}` });
    expect([f!.severity, f!.confidence]).toEqual(['low', 'low']);
    expect(f!.message).toMatch(/Unsigned/);
  });
});

// Precision on real code (#13 item 6): the introduction's sample token, copied into tutorials in every
// language, is documentation: left out when it is jwt.io's example exactly, else reported at low confidence.
describe('secrets/jwt sample tokens', () => {
  const grade = (payload: unknown): string | undefined => runRule(rule, { code: `token = "${jwt({ alg: 'HS256', typ: 'JWT' }, payload)}"`, path: 'docs/oauth2-jwt.md' })[0]?.confidence;
  it("leaves out jwt.io's own example and grades other sample claims low", () => {
    expect(grade({ sub: '1234567890', name: 'John Doe', iat: 1516239022 })).toBeUndefined();
    expect(grade({ sub: '1234567890', name: 'John Doe', admin: true, iat: 1516239022 })).toBeUndefined();
    expect(grade({ sub: '1234567890', name: 'John Doe', iat: 1516239022, role: 'admin' })).toBe('low');
    expect(grade({ sub: '1234567890', name: 'John Doe', iat: 1716239022 })).toBe('low');
    expect(grade({ sub: 'user-1', name: 'Jane Doe' })).toBe('low');
    // A signature test's payload: sample data, no claim a server checks.
    expect(grade({ hello: 'World', iat: 1633001800 })).toBe('low');
    expect(grade({ foo: 'bar' })).toBe('low');
    expect(grade({ data: 'test' })).toBe('low');
  });
  it('keeps real-looking claims at high confidence', () => {
    expect(grade(claims)).toBe('high');
    expect(grade({ sub: '4815162342', name: 'Ada Lovelace', iat: 1750000000 })).toBe('high');
    expect(grade({ sub: '42', scope: 'admin' })).toBe('high');
    expect(grade({ hello: 'World', sub: 'svc-hub', iat: 1750000000 })).toBe('high');
    // APISIX's jwt-auth names its consumer by `key`: a claim a server checks.
    expect(grade({ key: 'user-key', exp: 1879318541 })).toBe('high');
    expect(grade({ data: { user: 'ada', role: 'admin' } })).toBe('high');
  });
});

describe('secrets/jwt signed with a published default key', () => {
  const signed = (alg: 'HS256' | 'HS512', key: string): string => {
    const head = `${b64url({ alg, typ: 'JWT' })}.${b64url({ mercure: { publish: ['*'] }, sub: 'svc-hub', iat: 1750000000 })}`;
    return `${head}.${createHmac(alg === 'HS256' ? 'sha256' : 'sha512', key)
      .update(head)
      .digest('base64url')}`;
  };
  it("grades a token that verifies with a docs' default key low, and names the key", () => {
    for (const [alg, key] of [
      ['HS256', cat('!Change', 'Me!')],
      ['HS512', cat('your-512-', 'bit-secret')],
      // Supabase's local and self-hosting default, which signs the `supabase-demo` keys of every `.env.example`.
      ['HS256', cat('super-secret-jwt-token-', 'with-at-least-32-characters-long')],
    ] as const) {
      const [f] = runRule(rule, { code: `MERCURE_JWT="${signed(alg, key)}"`, path: 'docs/mercure.md' });
      expect(f!.confidence, key).toBe('low');
      expect(f!.message).toContain(key);
    }
  });
  it('keeps a token signed with any other key as it was', () => {
    const [f] = runRule(rule, { code: `MERCURE_JWT="${signed('HS256', rand(32, undefined, 'hub-key'))}"`, path: 'docs/mercure.md' });
    expect(f!.confidence ?? 'high').toBe('high');
  });
});

describe("secrets/jwt with jwt.io's example signature under other claims", () => {
  // jwt.io's example token, signed with its debugger's default key: its signature is public.
  const ioSig = createHmac('sha256', cat('your-256-', 'bit-secret'))
    .update(`${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ sub: '1234567890', name: 'John Doe', iat: 1516239022 })}`)
    .digest('base64url');
  it('grades a tutorial token that pastes that signature low, and says why', () => {
    const token = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ sub: 'hong', exp: 1713571200 })}.${ioSig}`;
    const [f] = runRule(rule, { code: `\`\`\`\n${token}\n\`\`\``, path: 'docs/auth_and_session.md' });
    expect(f!.confidence).toBe('low');
    expect(f!.message).toMatch(/jwt\.io's example signature/);
  });
  it('keeps the same claims with a signature of their own', () => {
    const head = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ sub: 'hong', exp: 1913571200 })}`;
    const [f] = runRule(rule, {
      code: `${head}.${createHmac('sha256', rand(32, undefined, 'own-key'))
        .update(head)
        .digest('base64url')}`,
      path: 'docs/auth_and_session.md',
    });
    expect(f!.confidence ?? 'high').toBe('high');
  });
});

describe("secrets/jwt as an OAuth request's state", () => {
  it('is low in `state=` of an authorize URL, and as found in another parameter', () => {
    const head = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ exp: 1760000000, site_url: 'https://chat.acme.io', provider: 'google', flow_state_id: 'a1b2c3' })}`;
    const token = `${head}.${createHmac('sha256', rand(32, undefined, 'state-key'))
      .update(head)
      .digest('base64url')}`;
    const [state] = runRule(rule, { code: `GET https://accounts.google.com/o/oauth2/v2/auth?client_id=x&response_type=code&state=${token}`, path: 'issues/login.md' });
    expect(state!.confidence).toBe('low');
    expect(state!.message).toMatch(/`state` parameter/);
    const [other] = runRule(rule, { code: `GET https://api.acme.io/v1/me?access_token=${token}`, path: 'issues/login.md' });
    expect(other!.confidence ?? 'high').not.toBe('low');
  });
});

describe('secrets/jwt: signed documents about a holder', () => {
  const signed = (header: object, payload: object): string => {
    const head = `${b64url(header)}.${b64url(payload)}`;
    return `${head}.${createHmac('sha256', rand(32, undefined, 'vc-key'))
      .update(head)
      .digest('base64url')}`;
  };
  it('grades an SD-JWT credential or a status attestation low, naming its type, and an access token as found', () => {
    const cnf = { jwk: { kty: 'EC', crv: 'P-256', x: rand(43, B64URL, 'x'), y: rand(43, B64URL, 'y') } };
    for (const typ of ['dc+sd-jwt', 'status-assertion+jwt', 'oauth-client-attestation+jwt']) {
      const [f] = runRule(rule, { code: `"credential": "${signed({ alg: 'ES256', typ }, { iss: 'https://issuer.example.it', cnf, _sd: [rand(43, B64URL, 'sd')] })}"`, path: '__mocks__/pid.json' });
      expect(f!.confidence, typ).toBe('low');
      expect(f!.message).toContain(typ);
    }
    const [access] = runRule(rule, { code: `"token": "${signed({ alg: 'ES256', typ: 'at+jwt' }, { iss: 'https://issuer.example.it', sub: 'u-42', scope: 'openid' })}"`, path: '__mocks__/pid.json' });
    expect(access!.confidence ?? 'high').toBe('high');
  });
});
