import rule from '../../../../src/engine/rules/secrets/trello-api-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, HEX } from '../../../helpers/tokens.js';

const key = rand(32, HEX, 'tr-key');
const token = rand(64, HEX, 'tr-tok');
const atta = cat('AT', 'TA', rand(64, HEX, 'tr-atta'), rand(8, HEX, 'tr-sum').toUpperCase());

ruleTester(rule, {
  valid: [
    `api_token = "${token}"`, // no Trello name
    'TRELLO_TOKEN=${TRELLO_TOKEN}',
    `trello_board_id = "${rand(24, HEX, 'board')}"`,
    `https://api.trello.com/1/boards/abc?key=${key}&token={token}`,
    `trello:\n  region: ${token}`, // nested, not a credential key
    `trello:\n  client_id: ${token}`, // nested, an id
    `trello:\n  token: ${'a'.repeat(64)}`, // nested placeholder
  ],
  invalid: [
    { code: `TRELLO_API_KEY=${key}\nTRELLO_TOKEN=${token}`, path: '.env', count: 2 },
    { code: `trello_token: ${atta}\n`, path: 'config.yml', secret: atta, line: 1 },
    { code: `headers:\n  token: ${atta}\n`, path: 'config.yml', secret: atta, line: 2 },
    { code: `fetch("https://api.trello.com/1/members/me/boards?key=k&token=${atta}")`, path: 'a.js', secret: atta, count: 1 },
    { code: `const trelloToken = "${token}";`, path: 'a.ts', secret: token },
    { code: `trello:\n  token: ${token}\n`, path: 'config.yml', secret: token, count: 1 },
    { code: `[trello]\ntoken = "${token}"\n`, path: 'settings.toml', secret: token },
    { code: `services:\n  - trello:\n      token: ${token}\n`, path: 'config.yml', secret: token },
  ],
});
