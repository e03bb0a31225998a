import rule from '../../../../src/engine/rules/secrets/ngrok-authtoken.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM } from '../../../helpers/tokens.js';

const tok = cat('2', rand(26, ALNUM, 'ng1'), '_', '7', rand(20, ALNUM, 'ng2'));

ruleTester(rule, {
  valid: [
    `auth_token = "${tok}"`, // no ngrok name
    'NGROK_AUTHTOKEN=${NGROK_AUTHTOKEN}',
    'ngrok config add-authtoken <token>',
    `NGROK_AUTHTOKEN=${cat('2', rand(20, ALNUM, 'short'))}`,
    'ngrok http 8080 --domain=acme.ngrok.app',
    `ngrok:\n  region: ${tok}`, // nested, not a credential key
    `ngrok:\n  client_id: ${tok}`, // nested, an id
    `ngrok:\n  authtoken: ${'a'.repeat(48)}`, // nested placeholder
  ],
  invalid: [
    { code: `NGROK_AUTHTOKEN=${tok}`, path: '.env', secret: tok, count: 1 },
    { code: `ngrok config add-authtoken ${tok}`, path: 'README.md', secret: tok, count: 1 },
    { code: `./ngrok authtoken ${tok}`, path: 'setup.sh', secret: tok },
    { code: `version: "2"\nauthtoken: ${tok}\ntunnels: {}\n`, path: 'ngrok.yml', secret: tok, line: 2 },
    { code: `listener = ngrok.forward(8080, authtoken="${tok}")`, path: 'app.py', secret: tok },
    { code: `ngrok:\n  authtoken: ${tok}\n`, path: 'config.yml', secret: tok, count: 1 },
    { code: `[ngrok]\nauthtoken = "${tok}"\n`, path: 'settings.toml', secret: tok },
    { code: `services:\n  - ngrok:\n      authtoken: ${tok}\n`, path: 'config.yml', secret: tok },
  ],
});
