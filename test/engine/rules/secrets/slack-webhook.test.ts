import rule from '../../../../src/engine/rules/secrets/slack-webhook.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM, UPPER_ALNUM } from '../../../helpers/tokens.js';

const H = cat('https://hooks.', 'slack.com/');
const path = cat('T', rand(8, UPPER_ALNUM, 'swt'), '/B', rand(10, UPPER_ALNUM, 'swb'), '/', rand(24, ALNUM, 'sws'));
const flow = cat('T', rand(10, UPPER_ALNUM, 'swft'), '/A', rand(10, UPPER_ALNUM, 'swfa'), '/', rand(18, '0123456789', 'swfn'), '/', rand(24, ALNUM, 'swfs'));

ruleTester(rule, {
  valid: [
    // `/services/` takes a bot id (`B…`) second: an app id there is no incoming webhook (a made-up URL in a test).
    `url = "${H}services/${cat('T', rand(8, UPPER_ALNUM, 'swt2'), '/A', rand(10, UPPER_ALNUM, 'swa2'), '/', rand(24, ALNUM, 'sws2'))}"`,
    `SLACK_WEBHOOK=${H}services/T00000000/B00000000/${'X'.repeat(24)}`,
    `url: ${H}services/TXXXXX/BXXXXX/XXXXXXXXXX`,
    'webhook: ${SLACK_WEBHOOK_URL}',
    `docs: ${H}services/ is where incoming webhooks live`,
    `${H}services/T${rand(8, UPPER_ALNUM, 'a')}/B${rand(8, UPPER_ALNUM, 'b')}/${'a'.repeat(24)}`, // trivial token
  ],
  invalid: [
    { code: `const url = "${H}services/${path}";`, secret: path, count: 1 },
    { code: `slack:\n  webhook_url: ${H}services/${path}\n`, path: 'values.yaml', secret: path, line: 2 },
    { code: `curl -X POST -d '{"text":"hi"}' ${H}workflows/${flow}`, path: 'notify.sh', secret: flow },
    { code: `SLACK_WEBHOOK=http://${H.slice(8)}services/${rand(44, ALNUM, 'swr')}`, path: '.env' },
    { code: `{"hook": "${H}triggers/${rand(56, ALNUM, 'swtr')}"}`, path: 'a.json' },
  ],
});
