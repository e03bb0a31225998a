import rule from '../../../../src/engine/rules/secrets/octopus-deploy-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, UPPER_ALNUM, LOWER_ALNUM } from '../../../helpers/tokens.js';

const P = cat('AP', 'I-');
const key = P + rand(26, UPPER_ALNUM, 'octopus');
const longer = P + rand(32, UPPER_ALNUM, 'octopus-32');

ruleTester(rule, {
  valid: [
    'msgstr "GSSAPI-VIRHEKAPSELOINTIMERKKIJONO."',
    `https://sonarcloud.io/api/project_badges/measure?project=Garden-Coin_${P}CalculadoraDeInvestimentos`,
    `https://fog-ringer-f42.notion.site/${P}${rand(32, '0123456789ABCDEF', 'notion')}`,
    `<img src="./gifs/api-${rand(26, LOWER_ALNUM, 'gif')}.gif">`, // lower case
    `apiKey := "${P}ABCDEFGHIJKLMNOPQRSTUVWXYZ"`, // letters only: a word run, not a key
    `apiKey := "${P}${rand(40, UPPER_ALNUM, 'long')}"`, // too long
    `apiKey := "${P}1234"`,
    'OCTOPUS_API_KEY=${OCTOPUS_API_KEY}',
  ],
  invalid: [
    { code: `req.Header.Set("X-Octopus-ApiKey", "${key}")`, path: 'client.go', secret: key, count: 1 },
    { code: `OCTOPUS_URL=https://acme.octopus.app\nOCTOPUS_API_KEY=${longer}`, path: '.env', secret: longer, line: 2 },
    { code: `set apikey="${key}"`, path: 'deploy.cmd', secret: key },
    { code: `octo create-release --project App --server https://acme.octopus.app --apiKey ${key}`, path: 'release.sh', secret: key },
  ],
});
