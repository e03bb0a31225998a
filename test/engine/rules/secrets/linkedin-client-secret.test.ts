import rule from '../../../../src/engine/rules/secrets/linkedin-client-secret.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM, B64, LOWER_ALNUM } from '../../../helpers/tokens.js';

const key = rand(16, ALNUM, 'linkedin');
const wpl = cat('WPL_', 'AP1.', rand(16, ALNUM, 'wpl'), '.', rand(6, B64, 'wpl2'), '==');
const id = rand(14, LOWER_ALNUM, 'linkedin-id');

ruleTester(rule, {
  valid: [
    `client_secret = "${key}"`,
    `LINKEDIN_CLIENT_SECRET=${rand(15, ALNUM, 'l')}`,
    `LINKEDIN_CLIENT_SECRET=\${LINKEDIN_CLIENT_SECRET}`,
    `linkedin_company_page = "${key}"`,
    `LINKEDIN_CLIENT_SECRET=WPL_AP1.xxxxxxxxxxxxxxxx.xxxxxx==`,
    `LINKEDIN_CLIENT_SECRET=abcdefghijklmnop`,
  ],
  invalid: [
    { code: `LINKEDIN_CLIENT_SECRET=${key}`, path: '.env', secret: key, count: 1 },
    { code: `LINKEDIN_CLIENT_SECRET=${wpl}`, path: '.env', secret: wpl, count: 1 },
    { code: `client_secret: "${wpl}"`, path: 'auth.yml', secret: wpl },
    { code: `linkedin:\n  client_secret: ${key}`, path: 'config/oauth.yml', secret: key },
    { code: `LINKEDIN_CLIENT_ID=${id}`, path: '.env', secret: id },
    { code: `const linkedInSecret = "${key}";`, path: 'auth.ts', secret: key },
    { code: `{"linkedin_secret": "${key}"}`, path: 'oauth.json', secret: key },
  ],
});
