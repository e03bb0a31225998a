import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/secrets/basic-auth-url.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { B64URL, cat, githubToken, rand } from '../../../helpers/tokens.js';

const pw = rand(18, undefined, 'basic');
const token = githubToken('ghp', 'url');
const glpat = cat('glpat-', rand(20, B64URL, 'gl'));

ruleTester(rule, {
  valid: [
    // A host and its port before an `@` (a URL parser's or an SSRF test), and a backslash, which userinfo never holds.
    'Request `http://INTERNAL:8888\\@PUBLIC/` resolves to the public host in some parsers.',
    "assert is_safe('http://localhost:8080@evil.example.net/') is False",
    "fetch('http://metadata.internal:80@attacker.example.org/')",
    // A host, a port and a path holding an `@`: the authority ends at the first `/`.
    `resp, err := http.Get("http://127.0.0.1:8080/api/http/routers/router1@file")`,
    // An IPv6 host and a port before an `@` (an SSRF test of a URL parser): brackets are no user or password.
    '    assertFalse(isSafe("http://[::1]:9003@evil.com/x"));',
    `curl "https://api.internal.test:8443/v1/users/${'jane'}@corp?x=1"`,
    'https://username:password@example.com/api',
    // A URL parser's escaping tests: the password decodes to control characters or to punctuation alone.
    '.isEqualTo("http://user:%3D%5B%5D%3A%3B%22~%7C%3F%23%40%5E%2F$%25*@host.example.net/")',
    '"http://a%0D%0A%0C%09%20b:c%0D%0A%0C%09%20d@host.example.net"',
    'https://user:pass@example.com',
    'https://${username}:${password}@api.example.com/v1',
    'https://{{user}}:{{pass}}@config.example.com',
    'https://{USER}:{PASS}@template.example.com',
    'https://YOUR_USERNAME:YOUR_PASSWORD@api.service.com',
    'https://username:REPLACE_WITH_PASSWORD@example.org',
    'https://user:abc@api.com/v1',
    'https://user:1111@service.com/api',
    'https://testuser:xxxx@demo.com',
    'https://url:8000 @something else',
    '"https://url:8000";@something else',
    'https://url:8000/ @something else',
    // A URL parser's test of a confused authority: host, port and escaped backslashes before the `@`.
    { code: 'val url = Url("https://google.com:80\\\\\\\\@yahoo.com/")', path: 'UrlTest.kt' },
    { code: 'val url2 = Url("https://google.com:80\\\\@yahoo.com/")', path: 'UrlTest.kt' },
    'http://localhost:5000/<%= @variable %>',
    'https://example.com/path@v2/file',
    'see https://kaNyd.example.com:1234@mirror',
    'git clone https://x-access-token:${{ secrets.GITHUB_TOKEN }}@github.com/org/repo.git',
    // postgres:// and friends belong to connection-string.
    `postgres://app:${pw}@db.internal/app`,
    { code: `https://deploy:${pw}@github.com`, path: '.git-credentials' },
  ],
  invalid: [
    { code: `const API_URL = "https://apiuser:${pw}@api.production.test/v2";`, secret: pw, count: 1, line: 1 },
    // Percent-encoded symbols inside a password with letters and digits are a password still.
    { code: `API_URL=https://app:${encodeURIComponent(pw + '#!')}@api.internal.test/v1`, path: '.env', count: 1 },
    { code: `pip install --index-url https://build:${pw}@pypi.corp.test/simple pkg`, secret: pw },
    { code: `git remote add origin https://x-access-token:${token}@github.com/org/repo.git`, secret: token },
    { code: `git clone https://oauth2:${glpat}@gitlab.com/group/project.git`, secret: glpat },
    { name: 'token as the user', code: `https://${token}@github.com/org/private.git`, secret: token },
    { name: 'token:x-oauth-basic', code: `"dep": "git+https://${token}:x-oauth-basic@github.com/org/pkg.git#v1.0.0"`, secret: token, path: 'package.json' },
    { name: 'markdown link', code: `[dashboard](https://admin:${pw}@grafana.corp.test/)`, secret: pw },
    { name: 'local host kept', code: `http://admin:${pw}@127.0.0.1:8080/manage`, secret: pw },
  ],
});

// Precision on real code (#13 item 6): a constant's name in the password's place is a placeholder.
ruleTester(rule, {
  valid: ['Use a personal access token in the URL: `https://USERNAME:PERSONAL_ACCESS_TOKEN@github.com/USERNAME/REPOSITORY`.', 'git clone https://oauth2:GITLAB_API_TOKEN@gitlab.com/group/project.git'],
  invalid: [
    { name: 'an all-caps random password', code: `git clone https://deploy:${cat('QXTRVZ', 'KWMPLD')}@git.corp.test/app.git`, count: 1 },
    { code: `https://USERNAME:${pw}@github.com/USERNAME/REPOSITORY`, secret: pw },
  ],
});

describe('a local host, whatever its port is written as', () => {
  const pw = rand(14, undefined, 'port-expr');
  for (const port of ['8080', '${start_port}', '$((start_port + 1))', '{{ port }}', '$PORT']) {
    it(`http://minio:…@127.0.0.1:${port} is low confidence`, () => {
      const [f] = runRule(rule, { code: `export MC_HOST_minio="http://minio:${pw}@127.0.0.1:${port}/"`, path: 'buildscripts/test.sh' });
      expect(f?.confidence).toBe('low');
    });
  }
  it('an address of a documentation range (RFC 3849, RFC 5737) is low confidence too', () => {
    for (const host of ['[2001:db8:85a3::8a2e:370:7334]:8443', '192.0.2.10', '203.0.113.7:9000']) {
      const [f] = runRule(rule, { code: `let u = "https://ops:${pw}@${host}/path"`, path: 'UnitTests/URLTests.swift' });
      expect(f?.confidence, host).toBe('low');
    }
  });
  it("a host a test fills in (curl's %HOSTIP, a batch file's %SERVER%) is low confidence too", () => {
    for (const host of ['%HOSTIP:%HTTPPORT', '%HOST6IP', '%SERVER%:21']) {
      const [f] = runRule(rule, { code: `url = "http://u22u:${pw}@${host}/423"`, path: 'tests/data/test423' });
      expect(f?.confidence, host).toBe('low');
    }
  });
  it('a real host stays high', () => {
    const [f] = runRule(rule, { code: `export MC_HOST_prod="https://admin:${pw}@s3.corp-prod.net:\${PORT}/"`, path: 'deploy.sh' });
    expect(f?.confidence).toBe('high');
  });
});
