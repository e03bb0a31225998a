import rule from '../../../../src/engine/rules/secrets/gitlab-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, B64URL, HEX, LOWER_ALNUM } from '../../../helpers/tokens.js';

const tok = (prefix: string, len: number, cs = B64URL): string => cat(prefix.slice(0, 2), prefix.slice(2), rand(len, cs, prefix));
const deploy = tok('gldt-', 20);
const trigger = tok('glptt-', 40, HEX);
const job = cat(tok('glcbt-', 2, HEX), '_', rand(20, B64URL, 'job'));
const scim = tok('glsoat-', 20);
const ffct = tok('glffct-', 20);
const feed = tok('glft-', 20);
const mail = tok('glimt-', 25);
const agent = tok('glagent-', 50);
const oauth = tok('gloas-', 64);

ruleTester(rule, {
  valid: [
    `password: ${cat('gl', 'dt-')}${rand(19, B64URL, 'short')}`, // 19: too short
    `trigger = "${cat('gl', 'ptt-')}${rand(20, B64URL, 't')}"`, // trigger tokens are 40
    `mail = "${cat('gl', 'imt-')}${rand(30, B64URL, 'm')}"`, // incoming mail tokens are 25
    `secret: ${cat('gl', 'oas-')}${rand(40, B64URL, 'o')}`, // OAuth secrets are 64
    `agent: ${cat('gl', 'agent-')}${'X'.repeat(50)}`,
    `token: ${cat('gl', 'dt_')}${rand(20, B64URL, 'u')}`, // underscore, not the prefix
    'CI_JOB_TOKEN: ${CI_JOB_TOKEN}',
    `cookie: ${cat('_gitlab', '_session=')}${'0'.repeat(32)}`,
  ],
  invalid: [
    { code: `docker login -u gitlab+deploy-token-1 -p ${deploy} registry.gitlab.com`, secret: deploy, count: 1 },
    { code: `curl -X POST -F token=${trigger} -F ref=main https://gitlab.com/api/v4/projects/1/trigger/pipeline`, secret: trigger },
    { code: `JOB_TOKEN="${job}"`, path: '.env', secret: job },
    { code: `scim:\n  token: "${scim}"\n`, path: 'okta.yml', secret: scim, line: 2 },
    { code: `unleash.instanceId = "${ffct}"`, path: 'app.properties', secret: ffct },
    { code: `https://gitlab.com/dashboard/projects.atom?feed_token=${feed}`, secret: feed },
    { code: `{"incoming_email_token": "${mail}"}`, secret: mail },
    { code: `config:\n  token: ${agent}\n`, path: 'agent.yaml', secret: agent },
    { code: `OAUTH_SECRET = '${oauth}'`, path: 'settings.py', secret: oauth },
    { code: `Cookie: ${cat('_gitlab', '_session=')}${rand(32, LOWER_ALNUM, 'sess')}` },
  ],
});
