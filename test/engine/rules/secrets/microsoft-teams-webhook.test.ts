import rule from '../../../../src/engine/rules/secrets/microsoft-teams-webhook.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, HEX } from '../../../helpers/tokens.js';

const uuid = (s: string): string => [8, 4, 4, 4, 12].map((n, i) => rand(n, HEX, s + i)).join('-');
const path = cat(uuid('g'), '@', uuid('t'), '/IncomingWebhook/', rand(32, HEX, 'h'), '/', uuid('o'));
const host = cat('https://contoso.', 'webhook.office.com/webhookb2/');

ruleTester(rule, {
  valid: [
    `url: ${host}<group>@<tenant>/IncomingWebhook/<id>/<owner>`,
    'TEAMS_WEBHOOK=${TEAMS_WEBHOOK}',
    `url: ${host}${uuid('a')}@${uuid('b')}/IncomingWebhook/${rand(20, HEX, 'c')}/${uuid('d')}`, // id too short
  ],
  invalid: [
    { code: `TEAMS_WEBHOOK_URL=${host}${path}`, path: '.env', secret: path, count: 1 },
    { code: `teams:\n  webhook: "${host}${path}/V2${rand(40, HEX, 'v2')}"\n`, path: 'values.yaml', line: 2 },
    { code: `Invoke-RestMethod -Uri "https://outlook.office.com/webhook/${path}" -Method Post`, path: 'a.ps1', secret: path },
  ],
});
