import rule from '../../../../src/engine/rules/secrets/slack-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM, HEX, UPPER_ALNUM } from '../../../helpers/tokens.js';

const D = '0123456789';
const bot = cat('xox', 'b-', rand(12, D, 'sb1'), '-', rand(13, D, 'sb2'), '-', rand(24, ALNUM, 'sb3'));
const user = cat('xox', 'p-', rand(12, D, 'su1'), '-', rand(12, D, 'su2'), '-', rand(12, D, 'su3'), '-', rand(32, HEX, 'su4'));
const legacyBot = cat('xox', 'b-', rand(12, D, 'slb'), '-', rand(24, ALNUM, 'slb2'));
const app = cat('xa', 'pp-1-A', rand(10, UPPER_ALNUM, 'sa1'), '-', rand(13, D, 'sa2'), '-', rand(64, HEX, 'sa3'));
const refresh = cat('xox', 'e-1-', rand(146, ALNUM, 'sr'));
const config = cat('xox', 'e.xox', 'p-1-', rand(163, ALNUM, 'sc'));
const workspace = cat('xox', 'a-2-', rand(12, ALNUM, 'sw'));

ruleTester(rule, {
  valid: [
    `token = "${cat('xox', 'b-')}${'x'.repeat(9)}-${'x'.repeat(10)}-${'x'.repeat(12)}"`, // placeholder
    `"token": "${cat('xox', 'p-')}1234-1234-1234-${rand(32, HEX, 'fp1')}"`, // ids too short
    `token: ${cat('xox', 'b-')}my-bot-token`,
    `SLACK_BOT_TOKEN=${cat('xox', 'b-')}Slack_BOT_TOKEN`,
    `"token": "${cat('xox', 'p-')}1234567890"`, // one group only
    `"token": "${cat('xox', 'b-')}12345-abcd234"`, // too short
    `see https://github.com/${cat('xox', 'a-')}nyc/site`,
    'SLACK_TOKEN=${SLACK_TOKEN}',
    'slack_token: {{ .Values.slack.token }}',
    `token = "${cat('xox', 'b-')}${rand(12, D, 'm1')}?${rand(13, D, 'm2')}u"`, // mangled
    `"${cat('xox', 'p-')}${rand(12, D, 'q1')}-${rand(12, D, 'q2')}-${rand(12, D, 'q3')}-####################"`,
    `x${bot}`, // glued to a word
  ],
  invalid: [
    { code: `const token = "${bot}";`, secret: bot, count: 1, line: 1 },
    { code: `SLACK_USER_TOKEN=${user}\n`, path: '.env', secret: user },
    { code: `slack:\n  bot_token: "${legacyBot}"\n`, path: 'values.yaml', secret: legacyBot, line: 2 },
    { code: `{"app_token": "${app}"}`, path: 'config.json', secret: app },
    { code: `curl -H "Authorization: Bearer ${bot}" https://slack.com/api/auth.test`, path: 'run.sh', secret: bot },
    { code: `refresh_token = "${refresh}"\naccess_token = "${config}"`, path: 'main.tf', count: 2 },
    { code: `slack.workspace.token=${workspace}`, path: 'app.properties', secret: workspace },
    { code: `"url": "https://files.slack.com/files-pri/T1-F2/image.png?t=${user}"`, secret: user },
  ],
});
