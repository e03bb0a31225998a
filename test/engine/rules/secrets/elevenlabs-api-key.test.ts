import rule from '../../../../src/engine/rules/secrets/elevenlabs-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, HEX } from '../../../helpers/tokens.js';

const key = cat('sk', '_', rand(48, HEX, 'el'));
const old = rand(32, HEX, 'el-old');

ruleTester(rule, {
  valid: [
    `api_key = "${key}"`, // no ElevenLabs name
    'ELEVENLABS_API_KEY=${ELEVENLABS_API_KEY}',
    `elevenlabs_voice_id = "${rand(20, HEX, 'voice')}"`,
    `ELEVENLABS_API_KEY=${cat('sk', '_', rand(30, HEX, 'short'))}`,
    `elevenlabs:\n  region: ${key}`, // nested, not a credential key
    `elevenlabs:\n  client_id: ${key}`, // nested, an id
    `elevenlabs:\n  api_key: ${cat('sk', '_', '0'.repeat(48))}`, // nested placeholder
  ],
  invalid: [
    { code: `ELEVENLABS_API_KEY=${key}`, path: '.env', secret: key, count: 1 },
    { code: `headers = {"xi-api-key": "${old}"}`, path: 'tts.py', secret: old },
    { code: `const elevenLabsKey = '${key}';`, path: 'tts.ts', secret: key },
    { code: `elevenlabs:\n  api_key: ${key}\n`, path: 'config.yml', secret: key, count: 1 },
    { code: `[elevenlabs]\napi_key = "${key}"\n`, path: 'settings.toml', secret: key },
    { code: `services:\n  - elevenlabs:\n      api_key: ${key}\n`, path: 'config.yml', secret: key },
  ],
});
