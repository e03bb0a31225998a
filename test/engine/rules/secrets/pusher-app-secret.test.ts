import rule from '../../../../src/engine/rules/secrets/pusher-app-secret.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, HEX } from '../../../helpers/tokens.js';

const secret = rand(20, HEX, 'pusher-secret');
const appKey = rand(20, HEX, 'pusher-key');

ruleTester(rule, {
  valid: [
    // The app key is public: every client gets it.
    `PUSHER_APP_KEY=${appKey}`,
    `pusher:\n  key: ${appKey}`,
    `const pusher = new Pusher('${appKey}', { cluster: 'eu' });`,
    `PUSHER_APP_SECRET=${rand(19, HEX, 'p')}`,
    `PUSHER_APP_SECRET=${rand(20, 'ghijklmnopqrstuvwxyz', 'p')}`,
    `PUSHER_APP_SECRET=\${PUSHER_APP_SECRET}`,
    `PUSHER_APP_SECRET=00000000000000000000`,
    `pusher_channel = "${secret}"`,
    'The Pusher app secret signs private channel authorisations: keep PUSHER_APP_SECRET on the server.',
  ],
  invalid: [
    { code: `PUSHER_APP_ID=1234567\nPUSHER_APP_KEY=${appKey}\nPUSHER_APP_SECRET=${secret}`, path: '.env', secret, count: 1 },
    { code: `pusher:\n  secret: ${secret}\n  key: ${appKey}\n  app_id: "1234567"`, path: 'config.yml', secret, count: 1 },
    { code: `pusher:\n  secret: "${secret}"`, path: 'config.yml', secret },
    { code: `{"pusherSecret": "${secret}"}`, path: 'config.json', secret },
    { code: `Pusher.app_id = '1234567'\nPusher.secret = '${secret}'`, path: 'config/initializers/pusher.rb', secret },
  ],
});
