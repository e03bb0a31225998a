import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/secrets/rollbar-access-token.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { HEX, rand } from '../../../helpers/tokens.js';

const token = rand(32, HEX, 'rollbar');

ruleTester(rule, {
  valid: [
    `access_token = "${token}"`, // no provider named
    `rollbar.init(os.environ['ROLLBAR_TOKEN'], 'production')`,
    `ROLLBAR_ACCESS_TOKEN=${rand(31, HEX, 'rb31')}`,
    'ROLLBAR_ACCESS_TOKEN=${ROLLBAR_ACCESS_TOKEN}',
    `ROLLBAR_ACCESS_TOKEN=${'0'.repeat(32)}`,
    `rollbar_environment = "${token}"`, // not a credential's name
    `ROLLBAR_ACCESS_TOKEN=${rand(32, HEX, 'rb').toUpperCase()}Z`,
  ],
  invalid: [
    { code: `ROLLBAR_ACCESS_TOKEN=${token}`, path: '.env', secret: token, count: 1 },
    { code: `rollbar.init('${token}', 'production')`, path: 'app.py', secret: token },
    { code: `rollbar:\n  environment: production\n  access_token: ${token}\n`, path: 'config.yml', secret: token, line: 3 },
    { code: `const rollbarToken = "${token}";`, path: 'client.js', secret: token },
    { code: `{"rollbar_server_token": "${token}"}`, path: 'settings.json', secret: token },
  ],
});

describe('secrets/rollbar-access-token in the browser snippet', () => {
  it('is low there, where a post_client_item token belongs, and as it was elsewhere', () => {
    const snippet = `<script>\n  var _rollbarConfig = {\n    accessToken: "${token}",\n    captureUncaught: true\n  };\n</script>\n`;
    expect(runRule(rule, { code: snippet, path: 'layouts/rollbar.html' }).map((f) => f.confidence)).toEqual(['low']);
    expect(runRule(rule, { code: `ROLLBAR_ACCESS_TOKEN=${token}`, path: '.env' }).map((f) => f.confidence ?? 'high')).not.toContain('low');
  });
});
