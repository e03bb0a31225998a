import rule from '../../../../src/engine/rules/secrets/portainer-access-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, B64, ALNUM } from '../../../helpers/tokens.js';

const unpadded = cat('ptr', '_', rand(44, ALNUM, 'portainer-raw'));
const key = cat('ptr', '_', rand(43, B64, 'portainer'), '=');

ruleTester(rule, {
  valid: [`ptr_next = ptr_${rand(10, ALNUM, 'a')};`, `static void *ptr_lookup_table_for_the_allocator_entries_123;`, `PORTAINER_API_KEY=\${PORTAINER_API_KEY}`, `X-API-Key: ptr_${rand(40, B64, 'b')}`],
  invalid: [
    { code: `PORTAINER_TOKEN=${unpadded}`, path: '.env', secret: unpadded },
    { code: `PORTAINER_API_KEY=${key}`, path: '.env', secret: key, count: 1 },
    { code: `curl -H "X-API-Key: ${key}" https://portainer.example.com/api/endpoints`, path: 'deploy.sh', secret: key },
    { code: `portainer:\n  api_key: "${key}"`, path: 'ansible/vars.yml', secret: key },
    { code: `provider "portainer" {\n  api_key = "${key}"\n}`, path: 'main.tf', secret: key },
  ],
});
