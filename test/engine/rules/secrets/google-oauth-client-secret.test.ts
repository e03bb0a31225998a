import rule from '../../../../src/engine/rules/secrets/google-oauth-client-secret.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, B64URL } from '../../../helpers/tokens.js';

const s1 = cat('GOC', 'SPX-', rand(28, B64URL, 'gocspx-1'));
const s2 = cat('GOC', 'SPX-', rand(28, B64URL, 'gocspx-2'));

ruleTester(rule, {
  valid: [
    `client_secret: ${cat('GOC', 'SPX-', 'x'.repeat(28))}`,
    `client_secret: ${cat('GOC', 'SPX-', rand(20, B64URL, 'short'))}`,
    `client_secret: ${cat('GOC', 'SPX-', rand(29, B64URL, 'long'))}`,
    `client_secret: ${cat('goc', 'spx-', rand(28, B64URL, 'gocspx-1'))}`, // lower case
    'GOOGLE_CLIENT_SECRET=${GOOGLE_CLIENT_SECRET}',
    'The secret starts with GOCSPX- followed by random characters.',
  ],
  invalid: [
    { code: `GOOGLE_CLIENT_SECRET=${s1}`, path: '.env', secret: s1, count: 1 },
    { code: `{"web": {"client_id": "1234-abc.apps.googleusercontent.com", "client_secret": "${s2}"}}`, path: 'client_secret.json', secret: s2 },
    { code: `passport.use(new GoogleStrategy({ clientSecret: '${s1}' }))`, path: 'auth.js', secret: s1 },
    { code: `google:\n  client-secret: ${s2}\n`, path: 'application.yml', secret: s2, line: 2 },
  ],
});
