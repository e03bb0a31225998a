import rule from '../../../../src/engine/rules/secrets/telegram-bot-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, B64URL } from '../../../helpers/tokens.js';

const D = '0123456789';
const token = cat(rand(10, D, 'tgid'), ':AA', rand(33, B64URL, 'tgs'));
const odd = cat(rand(8, D, 'tgid2'), ':A', rand(34, B64URL, 'tgs2')); // older shape: named only

ruleTester(rule, {
  valid: [
    `bot${token}`, // glued to a word
    `foo:AA${rand(33, B64URL, 'f')}`, // no bot id
    `telegram_token = "${rand(4, D, 'a')}:A${rand(34, B64URL, 'b')}"`, // id too short
    `telegram_api_token = "${rand(8, D, 'c')}:A_${rand(34, B64URL, 'd')}"`, // 36 characters
    `<xsd:element name="AgencyIdentificationCode" type="clm${rand(5, D, 'e')}:AgencyIdentificationCodeContentType"/>`,
    `arn:aws:sns:us-east-1:${rand(12, D, 'g')}:${'a'.repeat(19)}${'s'.repeat(18)}`,
    `token = "${odd}"`, // older shape without the name
    'TELEGRAM_BOT_TOKEN=${TELEGRAM_BOT_TOKEN}',
  ],
  invalid: [
    { code: `const bot = new Telegraf("${token}");`, secret: token, count: 1 },
    { code: `TELEGRAM_BOT_TOKEN=${token}`, path: '.env', secret: token },
    { code: `telegram bot: ${odd}`, path: 'config.yaml', secret: odd },
    { code: `curl https://api.telegram.org/bot${odd}/getMe`, path: 'a.sh', secret: odd },
    { code: `notify:\n  url: tgram://${odd}/12345\n`, path: 'apprise.yml', secret: odd, line: 2 },
    { code: `<telegramToken>\n  ${odd}\n</telegramToken>`, path: 'a.xml', secret: odd, line: 2 },
  ],
});
