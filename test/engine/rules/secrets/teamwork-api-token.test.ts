import rule from '../../../../src/engine/rules/secrets/teamwork-api-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { B64, HEX, cat, rand } from '../../../helpers/tokens.js';

const uuid = (seed: string): string => {
  const h = rand(32, HEX, seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
};
const b64 = (s: string): string => Buffer.from(s).toString('base64');
const token = cat('tkn', '.v1_', b64(`${uuid('tw1')}-${rand(6, '0123456789', 'inst')}.${rand(6, '0123456789', 'user')}.EU`));
const us = cat('tkn', '.v1_', b64(`${uuid('tw2')}-${rand(6, '0123456789', 'inst2')}.${rand(7, '0123456789', 'user2')}`));

ruleTester(rule, {
  valid: [
    'export TOKEN="tkn.v1_abc123..."',
    'TEAMWORK_API_KEY=tkn.v1_XXXXXXXX',
    `TEAMWORK_API_KEY=${cat('tkn', '.v1_', rand(72, B64, 'random'))}`, // not base64 of the token's claims
    `TEAMWORK_API_KEY=${cat('tkn', '.v1_', b64('not-a-uuid-but-long-enough-to-look-like-a-token-683658.580703.EU'))}`,
    'Newer Desk tokens prefixed with `tkn.v1_` require Bearer; older opaque tokens still use Basic.',
  ],
  invalid: [
    { code: `client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "${token}");`, secret: token, path: 'StageController.cs' },
    { code: `TEAMWORK_API_TOKEN=${us}`, secret: us, path: '.env' },
    { code: `headers: { 'Authorization': 'Bearer ${token}' }`, secret: token, path: 'deals.js' },
  ],
});
