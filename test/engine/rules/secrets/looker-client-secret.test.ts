import rule from '../../../../src/engine/rules/secrets/looker-client-secret.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, ALNUM } from '../../../helpers/tokens.js';

const key = rand(24, ALNUM, 'looker');
const id = rand(20, ALNUM, 'looker-id');

ruleTester(rule, {
  valid: [
    `client_secret = "${key}"`,
    `LOOKERSDK_CLIENT_SECRET=${rand(23, ALNUM, 'l')}`,
    `LOOKERSDK_CLIENT_SECRET=\${LOOKERSDK_CLIENT_SECRET}`,
    `looker_dashboard_slug = "${key}"`,
    `LOOKERSDK_BASE_URL=https://company.looker.com`,
  ],
  invalid: [
    { code: `LOOKERSDK_CLIENT_SECRET=${key}`, path: '.env', secret: key, count: 1 },
    { code: `LOOKERSDK_CLIENT_ID=${id}`, path: '.env', secret: id },
    { code: `provider "looker" {\n  client_secret = "x"\n}\nlooker_client_secret = "${key}"`, path: 'main.tf', secret: key },
    { code: `looker:\n  client_secret: ${key}`, path: 'dbt_project.yml', secret: key },
    { code: `{"lookerClientSecret": "${key}"}`, path: 'bi.json', secret: key },
  ],
});
