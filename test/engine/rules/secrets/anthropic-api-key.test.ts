import rule from '../../../../src/engine/rules/secrets/anthropic-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, B64URL } from '../../../helpers/tokens.js';

const key = cat('sk-ant-', 'api03-', rand(93, B64URL, 'an'), 'AA');
const oauth = cat('sk-ant-', 'oat01-', rand(93, B64URL, 'ano'), 'AA');

ruleTester(rule, {
  valid: [
    `key = "${cat('sk-ant-', 'api03-')}${rand(93, B64URL, 'a')}BB"`, // no AA terminator
    `key = "${cat('sk-ant-', 'api03-')}${rand(40, B64URL, 'b')}AA"`, // too short
    `key = "s${key}"`, // glued
    `key = "${cat('sk-ant-', 'admin01-')}${rand(93, B64URL, 'c')}AA"`, // admin key: its own rule
    'export const EXAMPLE_MODEL = "claude-3-opus-20240229";',
    'ANTHROPIC_API_KEY=${ANTHROPIC_API_KEY}',
  ],
  invalid: [
    { code: `ANTHROPIC_API_KEY=${key}`, path: '.env', secret: key, count: 1 },
    { code: `claude_api_key = '${key}'`, path: 'a.py', secret: key },
    { code: `client = anthropic.Anthropic(api_key="${key}")`, path: 'a.py', secret: key },
    { code: `CLAUDE_CODE_OAUTH_TOKEN: ${oauth}`, path: 'ci.yml', secret: oauth },
  ],
});
