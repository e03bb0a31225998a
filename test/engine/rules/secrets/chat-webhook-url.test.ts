import rule from '../../../../src/engine/rules/secrets/chat-webhook-url.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { B64URL, HEX, cat, rand } from '../../../helpers/tokens.js';

const uuid = (s: string): string => [8, 4, 4, 4, 12].map((n, i) => rand(n, HEX, s + i)).join('-');
const chatKey = cat('AIzaSy', rand(33, B64URL, 'gchat-key'));
const chatToken = rand(43, B64URL, 'gchat-token');
const chat = (token: string): string => cat('https://chat.googleapis.com/v1/spaces/', rand(11, B64URL, 'space'), '/messages?key=', chatKey, '&token=', token);
const feishuHook = uuid('feishu');
const dingToken = rand(64, HEX, 'ding');
const wecomKey = uuid('wecom');

ruleTester(rule, {
  valid: [
    // Placeholders and templates, as the platforms' docs and most repositories write them.
    `FEISHU_WEBHOOK_URL=${cat('https://open.feishu.cn/open-apis/bot/v2/', 'hook/xxx')}`,
    `webhook_url = "${cat('https://open.feishu.cn/open-apis/bot/v2/', 'hook/${feishuToken}')}"`,
    `WEBHOOK="${cat('https://qyapi.weixin.qq.com/cgi-bin/webhook/', 'send?key=YOUR_KEY')}"`,
    `url: ${cat('https://qyapi.weixin.qq.com/cgi-bin/webhook/', 'send?key=xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx')}`,
    `dingtalk: ${cat('https://oapi.dingtalk.com/robot/', 'send?access_token=')}\${DINGTALK_TOKEN}`,
    `GCHAT_WEBHOOK=${cat('https://chat.googleapis.com/v1/spaces/', '.../messages?key=...&token=...')}`,
    `url = "${chat('YOUR_TOKEN')}"`,
    // Not the webhook's credential: another endpoint, a space without a token.
    `${cat('https://chat.googleapis.com/v1/spaces/', rand(11, B64URL, 'sp2'), '/messages')}`,
    `${cat('https://oapi.dingtalk.com/', 'gettoken?appkey=ding', rand(16, HEX, 'appk'))}`,
  ],
  invalid: [
    { code: `CHAT_WEBHOOK = "${chat(chatToken)}"`, path: 'notify.py', secret: chatToken, count: 1 },
    { code: `const hook = '${chat(`${chatToken}%3D`)}';`, path: 'alert.js', secret: `${chatToken}%3D` },
    { code: `FEISHU_WEBHOOK=${cat('https://open.feishu.cn/open-apis/bot/v2/hook/', feishuHook)}`, path: '.env', secret: feishuHook },
    { code: `lark: ${cat('https://open.larksuite.com/open-apis/bot/v2/hook/', feishuHook)}`, path: 'config.yml', secret: feishuHook },
    { code: `curl '${cat('https://oapi.dingtalk.com/robot/send?access_token=', dingToken)}' -H 'Content-Type: application/json'`, path: 'ci/notify.sh', secret: dingToken },
    { code: `private static final String WEB_HOOK = "${cat('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=', wecomKey)}";`, path: 'Alert.java', secret: wecomKey },
    { code: `<a href="${cat('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?debug=1&amp;key=', wecomKey)}">push</a>`, path: 'docs/push.html', secret: wecomKey },
  ],
});
