import rule from '../../../../src/engine/rules/secrets/cisco-meraki-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, HEX } from '../../../helpers/tokens.js';

const key = rand(40, HEX, 'meraki');

ruleTester(rule, {
  valid: [
    `api_key = "${key}"`,
    `MERAKI_DASHBOARD_API_KEY=${rand(39, HEX, 'm')}`,
    `MERAKI_DASHBOARD_API_KEY=\${MERAKI_DASHBOARD_API_KEY}`,
    `meraki_network_id = "${key}"`,
    `meraki_commit = "${key}"`,
    `MERAKI_API_KEY: "<your meraki api key>"`,
  ],
  invalid: [
    { code: `MERAKI_DASHBOARD_API_KEY=${key}`, path: '.env', secret: key, count: 1 },
    { code: `curl -L -H "X-Cisco-Meraki-API-Key: ${key}" https://api.meraki.com/api/v1/organizations`, path: 'get.sh', secret: key },
    { code: `dashboard = meraki.DashboardAPI(api_key="x")\nMERAKI_API_KEY = "${key}"`, path: 'app.py', secret: key },
    { code: `provider "meraki" {\n  meraki_dashboard_api_key = "${key}"\n}`, path: 'main.tf', secret: key },
    { code: `meraki:\n  api_key: ${key}`, path: 'vars.yml', secret: key },
  ],
});
