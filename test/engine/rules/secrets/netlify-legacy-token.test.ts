import rule from '../../../../src/engine/rules/secrets/netlify-legacy-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, B64URL, HEX, ALNUM, LOWER_ALNUM } from '../../../helpers/tokens.js';

const t = rand(43, B64URL, 'netlify-1');
const t2 = rand(45, LOWER_ALNUM + '=_-', 'netlify-2');

ruleTester(rule, {
  valid: [
    'netlify_token = NetlifyDeployPreviewContextEnvironmentSettings', // an identifier (46 characters, no digit)
    `provider "netlify" {\n  token = var.token\n}\nvariable "other" {\n  default = "${t}"\n}`, // a variable, and the value outside the block
    `TOKEN=${t}`, // no Netlify name
    `netlify token = '${t.slice(0, 3)}?${t.slice(4)}'`,
    `NETLIFY_DEPLOY_ID=${rand(40, HEX, 'deploy')}`, // hex: a deploy ID / SHA
    `NETLIFY_AUTH_TOKEN=${cat('nf', 'p_', rand(36, ALNUM, 'nfp'))}`, // prefixed: its own rule
    `NETLIFY_AUTH_TOKEN=${rand(39, B64URL, 'short')}`,
    'NETLIFY_AUTH_TOKEN=${NETLIFY_AUTH_TOKEN}',
    "netlify keyword is not close to the real key in the data\n = 'x'",
    `netlify:\n  region: ${t}`, // nested, not a credential key
    `netlify:\n  client_id: ${t}`, // nested, an id
    `netlify:\n  auth_token: ${'a'.repeat(43)}`, // nested placeholder
  ],
  invalid: [
    { code: `provider "netlify" {\n  region = "eu-1"\n  token = "${t}"\n}`, path: 'providers.tf', secret: t, line: 3, count: 1 },
    { code: `netlify token = '${t}'`, secret: t, count: 1 },
    { code: `NETLIFY_AUTH_TOKEN=${t2}`, path: '.env', secret: t2 },
    { code: `<netlifyToken>\n    ${t}\n</netlifyToken>`, path: 'config.xml', secret: t, line: 2 },
    { code: `System.setProperty("NETLIFY_TOKEN", "${t2}")`, path: 'App.java', secret: t2 },
    { code: `netlify:\n  auth_token: ${t}\n`, path: 'config.yml', secret: t, count: 1 },
    { code: `[netlify]\nauth_token = "${t}"\n`, path: 'settings.toml', secret: t },
    { code: `services:\n  - netlify:\n      auth_token: ${t}\n`, path: 'config.yml', secret: t },
  ],
});
