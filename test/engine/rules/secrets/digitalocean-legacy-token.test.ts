import rule from '../../../../src/engine/rules/secrets/digitalocean-legacy-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, B64URL, HEX } from '../../../helpers/tokens.js';

const t1 = rand(64, HEX, 'do-legacy-1');
const t2 = rand(64, B64URL, 'do-legacy-2');

ruleTester(rule, {
  valid: [
    'digitalocean_token = DigitalOceanKubernetesNodePoolAutoscaleConfigurationSettingsValu', // an identifier (64 characters, no digit)
    `provider "digitalocean" {\n  token = var.token\n}\nvariable "other" {\n  default = "${t1}"\n}`, // a variable, and the value outside the block
    `token = "${t1}"`, // no DigitalOcean name
    `DIGITALOCEAN_TOKEN=${rand(63, HEX, 'short')}`,
    `DIGITALOCEAN_TOKEN=${'f'.repeat(64)}`,
    'DIGITALOCEAN_ACCESS_TOKEN=${{ secrets.DIGITALOCEAN_ACCESS_TOKEN }}',
    `digitalocean_region: nyc3`,
    `digitalocean:\n  region: ${t1}`, // nested, not a credential key
    `digitalocean:\n  client_id: ${t1}`, // nested, an id
    `digitalocean:\n  token: ${'a'.repeat(64)}`, // nested placeholder
  ],
  invalid: [
    { code: `provider "digitalocean" {\n  region = "eu-1"\n  token = "${t1}"\n}`, path: 'providers.tf', secret: t1, line: 3, count: 1 },
    { code: `DIGITALOCEAN_ACCESS_TOKEN=${t1}`, path: '.env', secret: t1, count: 1 },
    { code: `api:\n  digitalocean_secret: "${t2}"\n`, path: 'config.yaml', secret: t2, line: 2 },
    { code: `export DIGITALOCEAN_TOKEN='${t1}'`, path: 'deploy.sh', secret: t1 },
    { code: `client = Client(digital_ocean_token="${t2}")`, path: 'app.py', secret: t2 },
    { code: `digitalocean:\n  token: ${t1}\n`, path: 'config.yml', secret: t1, count: 1 },
    { code: `[digitalocean]\ntoken = "${t1}"\n`, path: 'settings.toml', secret: t1 },
    { code: `services:\n  - digitalocean:\n      token: ${t1}\n`, path: 'config.yml', secret: t1 },
  ],
});
