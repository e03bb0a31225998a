import rule from '../../../../src/engine/rules/secrets/mattermost-access-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, LOWER_ALNUM } from '../../../helpers/tokens.js';

const key = rand(26, LOWER_ALNUM, 'mattermost');

ruleTester(rule, {
  valid: [`access_token = "${key}"`, `MATTERMOST_TOKEN=${rand(25, LOWER_ALNUM, 'm')}`, `MATTERMOST_TOKEN=\${MATTERMOST_TOKEN}`, `mattermost_channel_id = "${key}"`, `mattermost_team = "${key}"`],
  invalid: [
    { code: `MATTERMOST_TOKEN=${key}`, path: '.env', secret: key, count: 1 },
    { code: `mattermost:\n  token: ${key}`, path: 'notify.yml', secret: key },
    { code: `const mattermostAccessToken = "${key}";`, path: 'bot.ts', secret: key },
    { code: `{"mattermost_bot_token": "${key}"}`, path: 'config.json', secret: key },
    { code: `curl -H "Authorization: Bearer $T" $URL\nMATTERMOST_ACCESS_TOKEN="${key}"`, path: 'post.sh', secret: key },
  ],
});
