import rule from '../../../../src/engine/rules/secrets/microsoft-teams-webhook.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, B64URL, HEX } from '../../../helpers/tokens.js';

const uuid = (s: string): string => [8, 4, 4, 4, 12].map((n, i) => rand(n, HEX, s + i)).join('-');
const path = cat(uuid('g'), '@', uuid('t'), '/IncomingWebhook/', rand(32, HEX, 'h'), '/', uuid('o'));
const host = cat('https://contoso.', 'webhook.office.com/webhookb2/');
const sig = rand(43, B64URL, 'wf-sig');
const flow = rand(32, HEX, 'wf-id');
const automate = cat('https://default', rand(30, HEX, 'env'), '.62.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/', flow, '/triggers/manual/paths/invoke');
const logic = cat('https://prod-27.westeurope.logic.azure.com:443/workflows/', flow, '/triggers/manual/paths/invoke');
const query = '?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=';

ruleTester(rule, {
  valid: [
    `url: ${host}<group>@<tenant>/IncomingWebhook/<id>/<owner>`,
    'TEAMS_WEBHOOK=${TEAMS_WEBHOOK}',
    `url: ${host}${uuid('a')}@${uuid('b')}/IncomingWebhook/${rand(20, HEX, 'c')}/${uuid('d')}`, // id too short
    // A workflow trigger URL without its signature (or with a placeholder) runs nothing.
    `TEAMS_WORKFLOW_URL=${automate}?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0`,
    `url: ${logic}${query}<signature>`,
    `url: ${logic}${query}${'x'.repeat(43)}`,
  ],
  invalid: [
    { code: `TEAMS_WEBHOOK_URL=${host}${path}`, path: '.env', secret: path, count: 1 },
    { code: `teams:\n  webhook: "${host}${path}/V2${rand(40, HEX, 'v2')}"\n`, path: 'values.yaml', line: 2 },
    { code: `Invoke-RestMethod -Uri "https://outlook.office.com/webhook/${path}" -Method Post`, path: 'a.ps1', secret: path },
    // Teams Workflows (Power Automate) and Logic Apps HTTP triggers: the signature is the credential.
    { code: `TEAMS_WEBHOOK_URL="${automate}?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${sig}"`, path: '.env', secret: sig, count: 1 },
    { code: `const url = '${logic}${query}${sig}';`, path: 'notify.ts', secret: sig },
    { code: `<a href="${logic}?api-version=2016-06-01&amp;sv=1.0&amp;sig=${sig}&amp;sp=%2Ftriggers%2Fmanual%2Frun">run</a>`, path: 'docs/flow.html', secret: sig },
    {
      code: `curl -X POST "https://orders-app.azurewebsites.net:443/api/OrderFlow/triggers/When_a_HTTP_request_is_received/invoke?api-version=2022-05-01&sp=%2Ftriggers%2FWhen_a_HTTP_request_is_received%2Frun&sv=1.0&sig=${sig}"`,
      path: 'scripts/notify.sh',
      secret: sig,
    },
  ],
});
