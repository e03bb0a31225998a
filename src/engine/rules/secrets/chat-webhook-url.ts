import { defineSecretRuleSet } from './lib/rule-set.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** Query parameters before the one that carries the credential (`?foo=1&key=…`), `&` also as `&amp;`. */
const BEFORE = String.raw`(?:[^\s"'<>&#]{1,200}&(?:amp;)?){0,8}`;

/**
 * Incoming-webhook URLs of group chats, whose credential is part of the URL: whoever holds one posts to
 * the group as its bot (phishing links inside the company's chat, alert spoofing). Google Chat (the
 * `token` parameter; the `key` is the same public API key in every Chat webhook), Feishu/Lark custom
 * bots (the hook's UUID), DingTalk robots (`access_token`, 64 hex) and WeCom group robots (`key`, a UUID).
 */
export default defineSecretRuleSet({
  id: 'secrets/chat-webhook-url',
  description: 'Group chat bot webhook URL (Google Chat, Feishu/Lark, DingTalk, WeCom)',
  severity: 'high',
  confidence: 'high',
  variants: [
    {
      keywords: ['chat.googleapis.com'],
      pattern: new RegExp(String.raw`https:\/\/chat\.googleapis\.com\/v1\/spaces\/[A-Za-z0-9_-]{4,40}\/messages\?${BEFORE}token=(?<secret>[A-Za-z0-9_-]{40,48}(?:%3D|=)?)(?![A-Za-z0-9_%=-])`, 'g'),
      minEntropy: 3.5,
      message: 'Google Chat incoming webhook URL committed: its token lets anyone post to the space.',
    },
    {
      keywords: ['open-apis/bot/'],
      pattern: new RegExp(String.raw`https:\/\/open\.(?:feishu\.cn|larksuite\.com|larkoffice\.com)\/open-apis\/bot\/v2\/hook\/(?<secret>${UUID})(?![0-9a-f-])`, 'g'),
      minEntropy: 3,
      message: 'Feishu/Lark custom bot webhook URL committed: anyone holding it posts to the group as the bot.',
    },
    {
      keywords: ['oapi.dingtalk.com'],
      pattern: new RegExp(String.raw`https:\/\/oapi\.dingtalk\.com\/robot\/send\?${BEFORE}access_token=(?<secret>[0-9a-f]{64})(?![0-9a-f])`, 'g'),
      minEntropy: 3,
      message: 'DingTalk robot webhook URL committed: anyone holding its access_token posts to the group as the robot.',
    },
    {
      keywords: ['qyapi.weixin.qq.com'],
      pattern: new RegExp(String.raw`https:\/\/qyapi\.weixin\.qq\.com\/cgi-bin\/webhook\/send\?${BEFORE}key=(?<secret>${UUID})(?![0-9a-f-])`, 'g'),
      minEntropy: 3,
      message: 'WeCom group robot webhook URL committed: anyone holding its key posts to the group as the robot.',
    },
  ],
  revoke: {
    provider: 'Google Chat, Feishu/Lark, DingTalk or WeCom (the host in the URL)',
    steps: [
      'Remove the bot or webhook from the group or space (Google Chat: Apps & integrations → Webhooks → delete; Feishu/Lark and DingTalk: group settings → Bots → remove; WeCom: group → Message push → delete), then add a new one, which issues a new URL.',
      'Turn on the signature or keyword check the platform offers (Feishu/Lark and DingTalk signing secrets) and check the group for messages you did not send.',
      'Store the new URL as a secret and load it at run time.',
    ],
  },
});
