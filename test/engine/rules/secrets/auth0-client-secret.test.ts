import rule from '../../../../src/engine/rules/secrets/auth0-client-secret.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, ALNUM, B64URL, HEX } from '../../../helpers/tokens.js';

const secret = rand(64, B64URL, 'auth0');
const clientId = rand(32, ALNUM, 'auth0-client');
const session = rand(64, HEX, 'auth0-session');

ruleTester(rule, {
  valid: [
    // The domain and client id are public: SPAs and native apps ship them.
    `AUTH0_CLIENT_ID=${clientId}`,
    `AUTH0_DOMAIN=example.eu.auth0.com`,
    `auth0:\n  client_id: ${clientId}`,
    `AUTH0_CLIENT_SECRET=${rand(63, B64URL, 'a')}`,
    `AUTH0_CLIENT_SECRET=${rand(64, 'abcdefghijklmnopqrstuvwxyz', 'a')}`,
    `AUTH0_CLIENT_SECRET=\${AUTH0_CLIENT_SECRET}`,
    `AUTH0_CLIENT_SECRET=${'x'.repeat(64)}`,
    `auth0_audience = "${secret}"`,
    `client_secret = "${secret}"`,
    "AUTH0_SECRET='use [openssl rand -hex 32] to generate a 32 bytes value'",
    'In the Auth0 Dashboard, open Applications → Credentials and copy the client secret into AUTH0_CLIENT_SECRET.',
  ],
  invalid: [
    { code: `AUTH0_DOMAIN=example.eu.auth0.com\nAUTH0_CLIENT_ID=${clientId}\nAUTH0_CLIENT_SECRET=${secret}`, path: '.env', secret, count: 1 },
    { code: `AUTH0_SECRET='${session}'`, path: '.env.local', secret: session },
    { code: `auth0:\n  clientSecret: "${secret}"\n  clientId: ${clientId}`, path: 'config.yml', secret, count: 1 },
    { code: `{"auth0ClientSecret": "${secret}"}`, path: 'config.json', secret },
    { code: `auth0_client_secret = "${secret}"`, path: 'settings.py', secret },
  ],
});
