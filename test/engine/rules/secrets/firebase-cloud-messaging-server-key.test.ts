import rule from '../../../../src/engine/rules/secrets/firebase-cloud-messaging-server-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, B64URL } from '../../../helpers/tokens.js';

const key = cat('AAAA', rand(7, B64URL, 'fcm-a'), ':', 'APA91b', rand(134, B64URL, 'fcm-b'));
const key2 = cat('AAAA', rand(7, B64URL, 'fcm-c'), ':', 'APA91b', rand(134, B64URL, 'fcm-d'));

ruleTester(rule, {
  valid: [
    `token = "${rand(22, B64URL, 'dev')}:APA91b${rand(134, B64URL, 'dev')}"`, // a device registration token
    `key = "${cat('AAAA', rand(7, B64URL, 'fcm-a'), ':', 'APA91b', rand(60, B64URL, 'short'))}"`,
    `key = "${cat('AAAA', rand(7, B64URL, 'fcm-a'), ':', 'APA91b', 'x'.repeat(134))}"`,
    'FCM_SERVER_KEY=${FCM_SERVER_KEY}',
  ],
  invalid: [
    { code: `FCM_SERVER_KEY=${key}`, path: '.env', secret: key, count: 1 },
    { code: `headers: { Authorization: 'key=${key2}' }`, path: 'push.js', secret: key2 },
    { code: `curl -H "Authorization: key=${key}" https://fcm.googleapis.com/fcm/send`, secret: key },
    { code: `firebase:\n  server_key: "${key2}"\n`, path: 'config.yml', secret: key2, line: 2 },
  ],
});
