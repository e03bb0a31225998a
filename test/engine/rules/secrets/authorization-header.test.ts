import rule from '../../../../src/engine/rules/secrets/authorization-header.js';
import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { B64, HEX, cat, rand } from '../../../helpers/tokens.js';

const b64 = (s: string): string => Buffer.from(s).toString('base64');
const basic = b64(`api:${rand(24, undefined, 'basic')}`);
const bearer = rand(40, undefined, 'bearer');
const hex = rand(32, HEX, 'hex');
const lookalike = `${cat('ey', 'J')}${rand(60, HEX, 'jl1')}.${cat('ey', 'J')}${rand(90, HEX, 'jl2')}.${rand(43, HEX, 'jl3')}`;
const uuid = [rand(8, HEX, 'a'), rand(4, HEX, 'b'), rand(4, HEX, 'c'), rand(4, HEX, 'd'), rand(12, HEX, 'e')].join('-');

ruleTester(rule, {
  valid: [
    // A payment's authorization code in a gateway's reply, under a JSON key of that name.
    { code: '        "authorization": "7Hq2X9kLm4Pz",', path: 'test/unit/gateways/versa_pay_test.rb' },
    // Labels for a key: short words and a number.
    { code: '          return "Bearer ak_test123";', path: 'apps/api/src/middleware/__test__/auth.test.ts' },
    { code: '    assert gesehen["auth"] == "Bearer wlo2.person-x"', path: 'backend/tests/test_chat_endpoint.py' },
    { code: 'ws.send_header("Authorization", "Bearer sk_ws_atomic");', path: 'tests/openai/responses/websocket.rs' },
    { code: 'curl -H "X-API-Key: sk-prod-key-1" https://api.example.com/v1/tasks', path: 'docs/guides/api-security.md' },
    // A test's pattern for the header: a scheme and a wildcard.
    { code: '\t\t\tWithRegexp("Authorization", `AuroraDNSv1 .+`).', path: 'providers/dns/auroradns/auroradns_test.go' },
    // A prefix word and a few characters: a test's stand-in, far shorter than an issued token.
    { code: `testHeader(t, r, AuthHeader, "Bearer access_${rand(11, undefined, 'mollie-short')}")`, path: 'mollie/permissions_test.go' },
    // Basic credentials made to be refused or typed along the keyboard.
    { code: `req.Header.Set("Authorization", "Basic ${b64('test:invalid')}")`, path: 'Setup_test.go' },
    { code: `Authorization: Basic ${b64(cat('bob:', 'azerty123'))}`, path: 'docs/api/accounts.rst' },
    { code: `assert auth.create_basic_auth_string() == 'Basic ${b64(cat('abcd1234:', '1234qwerasdfzxcv'))}'`, path: 'tests/test_auth.py' },
    // An element's `authorization` attribute naming a permission (Angular), not a header.
    { code: '<storage-class-switch value="sc.Selected" authorization="K8sResourcePoolDetailsW"></storage-class-switch>', path: 'app/views/resourcePool.html' },
    'curl -H "Authorization: Bearer $API_KEY" https://api.test/v1',
    // An OAuth provider's authorization endpoint, a prefix stripped in code, a docstring's short stand-in.
    { code: '    authorization: "https://account.box.com/api/oauth2/authorize",', path: 'packages/core/src/providers/box.ts' },
    { code: '\t\trawjwt, ok = strings.CutPrefix(authz, "Bearer Pomerium-")', path: 'pkg/grpcutil/grpcutil.go' },
    { code: "        headers={'Authorization': 'Bearer xoxb-1234-1243'}", path: 'slack_sdk/web/internal_utils.py' },
    'curl -H "Authorization: Bearer ${API_TOKEN}" https://api.test/v1',
    'curl -H "Authorization: Bearer $(gcloud auth print-access-token)" https://x.test',
    'curl -H "Authorization: Bearer <Openverse API token>" https://api.openverse.org',
    'curl -H "Authorization: Bearer XXXXXXXXXXXX" https://example.com/micropub',
    'curl --header "Authorization: Basic ..." https://accounts.test/api/token',
    'curl -H "Authorization: Token **********" https://domain.test/api',
    `curl -H 'Authorization: Basic ${b64('browser:')}' https://x.test`,
    `curl -H 'Authorization: Basic ${b64('username:password')}' https://x.test`,
    'curl -XPOST http://localhost:8080/api/token -H "Authorization: basic {base64(email:password[\\n])}"',
    "headers: { Authorization: 'Bearer ' + token }",
    'headers["Authorization"] = f"Bearer {token}"',
    'req.setRequestHeader("Authorization", `Bearer ${jwt}`);',
    'authorization: required',
    'Authorization = request.headers.get("Authorization")',
    "authorization: 'token secret123'",
    'curl -H "apikey: $API_KEY" -H "Accept: application/json"',
    'grant_type: authorization_code',
    { code: '      headers: { "Authorization" => "Bearer sk_test_123" }', path: 'spec/services/cancel_service_spec.rb' },
    // A JWT is the jwt rule's (it knows jwt.io's sample and unsigned tokens).
    `curl -H "Authorization: Bearer ${cat('eyJhbGciOiJIUzI1NiJ9', '.', 'eyJzdWIiOiJzdmMifQ', '.', rand(43, undefined, 'jwtsig'))}" https://api.test`,
    // A challenge names the scheme and its parameters (a realm), whatever the literal holds.
    { code: " * $response->addHeader('WWW-Authenticate', 'Bearer realm=SabreDAV');", path: 'app/Auth/AuthBackend.php' },
    { code: `    "WWW-Authenticate": "'Basic ${b64(`aladdin:${rand(10, undefined, 'chal')}`)}'",`, path: 'tests/test_integrations.py' },
  ],
  invalid: [
    { code: `curl -H 'Authorization: Basic ${basic}' https://api.mailgun.net/v3`, secret: basic, count: 1, line: 1 },
    { code: `curl -X GET https://api.test/v1 -H "Authorization: Bearer ${bearer}"`, secret: bearer },
    { code: `Authorization: Token ${hex}`, secret: hex, path: 'requests.http' },
    { code: `curl --header 'Authorization:  ${uuid}' https://api.test`, secret: uuid },
    { code: `const headers = { "Authorization": "Bearer ${bearer}" };`, secret: bearer, path: 'client.js' },
    { code: `client.DefaultRequestHeaders.Add("Authorization", "Bearer ${bearer}");`, secret: bearer, path: 'Client.cs' },
    { name: 'Postman export', code: `{"key": "Authorization", "value": "Bearer ${bearer}", "type": "text"}`, secret: bearer, path: 'api.postman_collection.json' },
    { name: 'custom API-key header in curl', code: `curl -X GET https://api.test -H "X-API-Key: ${uuid}"`, secret: uuid },
    { name: 'apikey header', code: `curl -H "apikey: ${rand(36, B64, 'ak')}" https://x.supabase.co/rest/v1/`, count: 1 },
    { name: 'Token header', code: `curl -XPOST http://localhost:8080/api/tasks -H "Token: ${rand(16, HEX, 'tk')}"`, count: 1 },
    { name: 'GitHub style', code: `curl -H "Authorization: token ${cat('ghp_', rand(36, undefined, 'gh'))}" https://api.github.com/user`, count: 1 },
  ],
});

// Precision on real code (#13 item 6): the Basic scheme's own example, and a placeholder pair under
// another scheme name.
ruleTester(rule, {
  valid: [
    { code: ` * Authorization: Basic ${b64(cat('Aladdin', ':open sesame'))}`, path: 'BasicAuthenticationFilter.java' },
    { code: `this.request.header(HttpHeaders.AUTHORIZATION, "token ${b64('user:password')}"));`, path: 'ConverterTests.java' },
  ],
  invalid: [
    { name: 'a real pair under another scheme', code: `request.header(HttpHeaders.AUTHORIZATION, "token ${basic}");`, secret: basic, path: 'Client.java' },
    { name: 'a random token that is base64', code: `Authorization: Bearer ${rand(44, B64, 'bb')}`, count: 1, path: 'requests.http' },
  ],
});

// Hex-speak stand-ins in docstrings (`Authorization: Bearer deadbeef12346`).
ruleTester(rule, {
  valid: [{ code: '    Authorization: Bearer deadbeef12346', path: 'fastapi/security/http.py' }],
  invalid: [{ name: 'a hex token', code: `    Authorization: Bearer ${rand(13, HEX, 'dbf')}`, count: 1, path: 'client.py' }],
});

// A whole `Bearer …` / `Basic …` string literal, the header's name elsewhere.
ruleTester(rule, {
  valid: [
    'request.setValue("Bearer \\(token)", forHTTPHeaderField: "Authorization")',
    'const h = "Bearer " + token;',
    'msg = "Basic authentication is required"',
    "label = 'Bearer token'",
    'value = "Bearer ${TOKEN}"',
    'value = "Bearer <your-token>"',
    'expect(headers[0].value).toBe("Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9")',
  ],
  invalid: [
    { code: `request.setValue("Bearer ${bearer}", forHTTPHeaderField: "Authorization")`, secret: bearer, count: 1, path: 'Api.swift' },
    // Random text that only starts like a JWT: a token like any (a real JWT is the jwt rule's).
    { code: `  auth_token: "Bearer ${lookalike}"`, secret: lookalike, count: 1, path: 'config.yaml' },
    { code: `const AUTH = 'Basic ${basic}';`, secret: basic, path: 'client.js' },
    { code: `headers.put(HEADER, "Bearer ${bearer}");`, secret: bearer, path: 'Client.java' },
  ],
});

describe('secrets/authorization-header: a demo login', () => {
  const conf = (code: string, path = 'docs/auth.md'): string[] => runRule(rule, { code, path }).map((f) => f.confidence);
  it('is low when the password is one plain word, or a short one sent to localhost; medium otherwise', () => {
    expect(conf(`Invoke-RestMethod -Uri https://api.internal/users -Headers @{ Authorization = 'Basic ${b64(cat('morty:', 'pickle'))}' }`)).toEqual(['low']);
    expect(conf(`curl -H 'Authorization: Basic ${b64(cat('admin:', 'S3cr3t!x'))}' http://localhost:8080/users`)).toEqual(['low']);
    // A generated password is a credential wherever the request goes.
    expect(conf(`curl -H 'Authorization: Basic ${basic}' http://localhost:8080/users`)).toEqual(['medium']);
    expect(conf(`curl -H 'Authorization: Basic ${basic}' https://api.mailgun.net/v3`)).toEqual(['medium']);
    // A bearer token to localhost is no login of a demo account: as found.
    expect(conf(`curl -H 'Authorization: Bearer ${bearer}' http://localhost:8080/users`)).toEqual(['medium']);
  });
  it('is low for a short lower-case bearer token a page sends to localhost, a line after the request opens', () => {
    const typed = cat('rtikkjhg', 'ffw123tfdd');
    const xhr = (url: string): string => `xhr.open('GET', "${url}", true);\nxhr.setRequestHeader('Authorization', 'Bearer ${typed}');\n`;
    expect(conf(xhr('http://localhost:8000/orders'), 'cors/index.html')).toEqual(['low']);
    expect(conf(xhr('https://api.shop.example.org/orders'), 'cors/index.html')).toEqual(['medium']);
  });
});
