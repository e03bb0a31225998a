import rule from '../../../../src/engine/rules/secrets/twilio-auth-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, HEX, ALNUM } from '../../../helpers/tokens.js';

const authToken = rand(32, HEX, 'twat');
const keySecret = rand(32, ALNUM, 'twks');
const accountSid = cat('A', 'C', rand(32, HEX, 'twsid'));

ruleTester(rule, {
  valid: [
    `TWILIO_ACCOUNT_SID=${accountSid}`, // an identifier
    `twilio_auth_token = "${'0'.repeat(32)}"`,
    `auth_token = "${authToken}"`, // no Twilio name
    `twilio_auth_token = "${rand(31, HEX, 'short')}"`,
    'TWILIO_AUTH_TOKEN=${TWILIO_AUTH_TOKEN}',
    'twilio_auth_token: {{ .Values.twilio.authToken }}',
    `twilio_secret = "twilioAuthenticationTokenValueXY"`, // 32 letters: a word, not a token
    `twilio:\n  account_sid: ${accountSid}`, // nested, an identifier
    `twilio:\n  region: ${keySecret}`, // nested, not a credential key
    `twilio:\n  auth_token: ${'0'.repeat(32)}`, // nested placeholder
  ],
  invalid: [
    { code: `TWILIO_AUTH_TOKEN=${authToken}`, path: '.env', secret: authToken, count: 1 },
    { code: `twilioAuthToken := "${authToken}"`, path: 'main.go', secret: authToken },
    { code: `twilio_api_secret: '${keySecret}'`, path: 'config.yml', secret: keySecret },
    { code: `twilio token - '${authToken}'`, secret: authToken },
    { code: `curl -u ${accountSid}:${authToken} https://api.twilio.com/2010-04-01/Accounts`, path: 'a.sh', secret: authToken },
    { code: `<twilioAuthToken>\n  ${authToken}\n</twilioAuthToken>`, path: 'a.xml', secret: authToken, line: 2 },
    { code: `twilio:\n  auth_token: ${authToken}\n`, path: 'config.yml', secret: authToken, count: 1 },
    { code: `[twilio]\nauth_token = "${authToken}"\n`, path: 'settings.toml', secret: authToken },
    { code: `notifiers:\n  - twilio:\n      api_secret: ${keySecret}\n`, path: 'config.yml', secret: keySecret },
    { code: `twilio:\n  - auth_token: ${authToken}\n`, path: 'config.yml', secret: authToken },
  ],
});
