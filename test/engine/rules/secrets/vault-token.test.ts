import rule from '../../../../src/engine/rules/secrets/vault-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, B64URL } from '../../../helpers/tokens.js';

const service = cat('hv', 's.') + rand(95, B64URL, 'hvs');
const batch = cat('hv', 'b.') + rand(150, B64URL, 'hvb');
const recovery = cat('hv', 'r.') + rand(92, B64URL, 'hvr');

ruleTester(rule, {
  valid: [
    `token: ${cat('hv', 's.')}abc`,
    `VAULT_BATCH_TOKEN=${cat('hv', 'b.')}${rand(100, B64URL, 'short')}`, // batch tokens are 138+
    `VAULT_TOKEN=${cat('hv', 's.')}${'x'.repeat(95)}`,
    `VAULT_TOKEN=x${service}`, // glued to a word
    `VAULT_TOKEN=${cat('hv', 'x.')}${rand(95, B64URL, 'hvs')}`, // no such prefix
    'VAULT_TOKEN=${VAULT_TOKEN}',
    'export const VAULT_ADDR = "https://vault.example.com";',
  ],
  invalid: [
    { code: `VAULT_TOKEN=${service}`, path: '.env', secret: service, count: 1 },
    { code: `vault_service_token = '${service}'`, path: 'config.py', secret: service },
    { code: `curl -H "X-Vault-Token: ${batch}" https://vault.acme.io/v1/secret/data/app`, path: 'ci.sh', secret: batch },
    { code: `provider "vault" {\n  token = "${recovery}"\n}`, path: 'main.tf', secret: recovery, line: 2 },
    { code: `env:\n  - name: VAULT_TOKEN\n    value: ${service}\n`, path: 'deployment.yaml', secret: service, line: 3 },
  ],
});
