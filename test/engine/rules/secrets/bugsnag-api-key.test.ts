import rule from '../../../../src/engine/rules/secrets/bugsnag-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, HEX } from '../../../helpers/tokens.js';

const key = rand(32, HEX, 'bugsnag');

ruleTester(rule, {
  valid: [
    `BUGSNAG_API_KEY=${rand(31, HEX, 'b')}`,
    `BUGSNAG_API_KEY=${rand(32, 'ghijklmnopqrstuvwxyz', 'b')}`,
    `BUGSNAG_API_KEY=\${BUGSNAG_API_KEY}`,
    `BUGSNAG_API_KEY=YOUR-API-KEY-HERE`,
    `BUGSNAG_API_KEY=00000000000000000000000000000000`,
    `bugsnag_project_id = "${key}"`,
    `api_key = "${key}"`,
    'You can find your API key in Project Settings from your BugSnag dashboard; set it as BUGSNAG_API_KEY.',
  ],
  invalid: [
    { code: `BUGSNAG_API_KEY=${key}`, path: '.env', secret: key, count: 1 },
    { code: `bugsnag:\n  api_key: ${key}\n  release_stage: production`, path: 'config.yml', secret: key },
    { code: `{"bugsnagApiKey": "${key}"}`, path: 'app.json', secret: key },
    { code: `Bugsnag.configure do |config|\n  config.api_key = "x"\nend\nBUGSNAG_KEY = "${key}"`, path: 'config/initializers/bugsnag.rb', secret: key },
    { code: `$bugsnagApiKey = '${key}';`, path: 'bugsnag.php', secret: key },
  ],
});
