import rule from '../../../../src/engine/rules/secrets/curl-basic-auth.js';
import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { cat, rand } from '../../../helpers/tokens.js';

const pw = cat(rand(12, undefined, 'curlpw'), '~2');
const key = cat('sk_', 'live_', rand(24, undefined, 'curlkey'));

ruleTester(rule, {
  valid: [
    // An angle-bracketed stand-in with blanks in it, cut at the first blank by the shell's word splitting.
    'curl -XPOST http://localhost:9200/_security/user/elastic/_password \\\n    -u elastic:<your current elastic password> \\\n    -d \'{"password" : "<new password>"}\'',
    // A user name with no password (the tool prompts), and another program's `-u` after the curl command.
    'curl -sSf https://cd.example.test/auth \\\n  --user argo-cd-cli: \\\n  -d @body.json',
    `RESP=$(curl -s https://api.test/x) && AT=$(date -u +"%Y-%m-%dT%H:%M:%S.%3Nz") || code=$?`,
    `curl -s https://api.test/x | jq . ; date -u +%s:${'x1'.repeat(6)}`,
    "{ name: 'curl -u', path: 'deploy.sh', text: `curl -u deploy:${token} https://x.test` },",
    "curl -i -u 'test:test'",
    '   curl -sL --user "$1:$2" "$3" > "$4"',
    'curl -u <user:password> https://test.com/endpoint',
    'curl --user neo4j:[PASSWORD] http://[IP]:7474/db/data/',
    'curl -u "myusername" http://localhost:15130/api/check_user/',
    'curl -u username:token',
    'curl -u "${_username}:${_password}"',
    'curl -u "${username}":"${password}"',
    'curl -k -X POST -I -u "SRVC_JENKINS:${APPID}"',
    'curl -u ":" https://localhost:9200',
    "curl -sw '%{http_code}' -X POST --user '$USERNAME:$PASSWORD' $API_URL --data",
    'curl --user "xxx:yyy"',
    'curl --silent --fail --user "{{ $.Values.username }}:{{ $.Values.password }}"',
    'curl -XGET -i -u "${{ env.ELK_ID }}:${{ build.env.ELK_PASS }}"',
    'curl -X POST --user "$(cat ./login.txt):$(cat ./password.txt)"',
    'curl http://127.0.0.1:5000/file --user user:pass --digest',
    '   curl -X GET --insecure --user "username:password" \\',
    'curl --silent --insecure --user ${f5user}:${f5pass} \\',
    'curl --insecure --ssl-reqd "smtps://smtp.test" --mail-from "a@b.test" --user "src@gmail.com" --upload-file out.txt',
    // -u of another command.
    `ssh -u deploy:${pw} host`,
    // A URL where the user goes (a docs slip), not user:password.
    { code: "curl -u 'http://localhost:9000/api/public/subscription' \\", path: 'docs/apis/subscribers.md' },
  ],
  invalid: [
    { code: `curl --cacert ca.crt -u elastic:${pw} https://localhost:9200`, secret: pw, count: 1, line: 1 },
    { name: 'continued on a later line', code: `curl -k -X POST https://svc.test/rest \\\n  -H 'Content-type: text/plain' \\\n  -u developer:${pw}`, secret: pw, line: 3 },
    { code: `curl -u ":${pw}" https://localhost:9200`, secret: pw },
    { name: 'API key as user, empty password', code: `curl https://api.stripe.test/v1/charges -u ${key}:`, secret: key },
    { code: `curl -s --user 'api:${pw}' https://api.mailgun.net/v3/messages`, secret: pw },
    { code: `curl --user roger23@mail.test:${pw} https://www.dropbox.com/cli_link -v`, secret: pw },
    { code: `curl --user kevin:'${pw}' -iX PATCH -H "Content-Type: application/json"`, secret: pw },
    { code: `curl --user=ci:${pw} https://nexus.corp.test/service/rest`, secret: pw },
  ],
});

describe('secrets/curl-basic-auth: a demo login', () => {
  const conf = (code: string): string[] => runRule(rule, { code, path: '.github/workflows/e2e.yml' }).map((f) => f.confidence);
  it('is low for one plain word or a short password sent to localhost, medium for a generated one', () => {
    expect(conf(`status=$(curl -s -o /dev/null -w '%{http_code}' -u 'alice:${cat('pic', 'kle')}' http://127.0.0.1:8001/)`)).toEqual(['low']);
    expect(conf(`curl -u 'alice:${cat('Al1ce', '#9')}' http://localhost:8001/`)).toEqual(['low']);
    // A password made to be refused is no credential at all.
    expect(conf(`curl -s -o /dev/null -w '%{http_code}' -u 'alice:${cat('wr', 'ong')}' http://127.0.0.1:8001/`)).toEqual([]);
    const key = rand(40, '0123456789abcdef', 'curl-demo');
    expect(conf(`curl -u api:${key} http://localhost:8080/api/v1/runs`)).toEqual(['medium']);
    expect(conf(`curl -u 'alice:${cat('Al1ce', '#9')}' https://api.internal.example.net/`)).toEqual(['medium']);
  });
});
