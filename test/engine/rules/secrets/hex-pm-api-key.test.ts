import rule from '../../../../src/engine/rules/secrets/hex-pm-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, ALNUM, HEX } from '../../../helpers/tokens.js';

const key = rand(32, HEX, 'hexpm');

ruleTester(rule, {
  valid: [
    `CROSSCHEX_API_KEY=${key}`, // another product whose name ends in "hex"
    `HEX_API_KEY=${rand(32, ALNUM, 'alnum')}`.replace(/[g-zG-Z]/, 'q'), // not hex
    `HEX_API_KEY=${rand(24, HEX, 'short')}`,
    'HEX_API_KEY: ${{ secrets.HEX_API_KEY }}',
    `color_hex = "${key}"`,
  ],
  invalid: [
    { code: `HEX_API_KEY=${key}`, path: '.env', secret: key, count: 1 },
    { code: `env:\n  HEX_API_KEY: "${key}"\n`, path: '.github/workflows/publish.yml', secret: key, line: 2 },
    { code: `config :hex, hexpm_api_key: "${key}"`, path: 'config/config.exs', secret: key },
    { code: `export HEX_API_KEY='${key}'\nmix hex.publish --yes`, path: 'release.sh', secret: key },
  ],
});
