import rule from '../../../../src/engine/rules/secrets/vercel-legacy-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, ALNUM } from '../../../helpers/tokens.js';

const t = rand(24, ALNUM, 'vercel-1');
const t2 = rand(24, ALNUM, 'vercel-2');

ruleTester(rule, {
  valid: [
    `provider "vercel" {\n  api_token = var.api_token\n}\nvariable "other" {\n  default = "${t}"\n}`, // a variable, and the value outside the block
    `TOKEN=${t}`, // no Vercel name
    `vercel token = '${t.slice(0, 12)}?${t.slice(13)}'`,
    `VERCEL_TOKEN=${t}x`,
    `VERCEL_PROJECT_NAME=${'abcdefghijklmnopqrstuvwx'}`,
    'VERCEL_TOKEN=${{ secrets.VERCEL_TOKEN }}',
    `vercel:\n  region: ${t}`, // nested, not a credential key
    `vercel:\n  client_id: ${t}`, // nested, an id
    `vercel:\n  token: ${'a'.repeat(24)}`, // nested placeholder
  ],
  invalid: [
    { code: `provider "vercel" {\n  region = "eu-1"\n  api_token = "${t}"\n}`, path: 'providers.tf', secret: t, line: 3, count: 1 },
    { code: `VERCEL_TOKEN=${t}`, path: '.env', secret: t, count: 1 },
    { code: `vercel token = '${t2}'`, secret: t2 },
    { code: `env:\n  VERCEL_TOKEN: ${t}\n`, path: '.github/workflows/deploy.yml', secret: t, line: 2 },
    { code: `vercel:\n  token: ${t}\n`, path: 'config.yml', secret: t, count: 1 },
    { code: `[vercel]\ntoken = "${t}"\n`, path: 'settings.toml', secret: t },
    { code: `services:\n  - vercel:\n      token: ${t}\n`, path: 'config.yml', secret: t },
  ],
});
