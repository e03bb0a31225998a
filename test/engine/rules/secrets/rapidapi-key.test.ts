import rule from '../../../../src/engine/rules/secrets/rapidapi-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, HEX, B64URL } from '../../../helpers/tokens.js';

const key = cat(rand(10, HEX, 'ra1'), 'msh', rand(15, HEX, 'ra2'), 'p', rand(6, HEX, 'ra3'), 'jsn', rand(12, HEX, 'ra4'));
const other = rand(50, B64URL, 'rapidapi');

ruleTester(rule, {
  valid: [
    `api_key = "${other}"`,
    `hash = "${rand(10, HEX, 'a')}msh${rand(14, HEX, 'b')}p${rand(6, HEX, 'c')}jsn${rand(12, HEX, 'd')}"`,
    `RAPIDAPI_KEY=\${RAPIDAPI_KEY}`,
    `rapidapi_host = "${other}"`,
    `X-RapidAPI-Key: SIGN-UP-FOR-KEY`,
  ],
  invalid: [
    { code: `headers: { 'X-RapidAPI-Key': '${key}', 'X-RapidAPI-Host': 'weatherapi-com.p.rapidapi.com' }`, path: 'weather.js', secret: key, count: 1 },
    { code: `headers = {"x-rapidapi-key": "${key}"}`, path: 'api.py', secret: key },
    { code: `RAPIDAPI_KEY=${key}`, path: '.env', secret: key },
    { code: `curl --request GET --url https://api.example.p.rapidapi.com/ --header 'x-rapidapi-key: ${key}'`, path: 'call.sh', secret: key },
    { code: `RAPIDAPI_KEY=${other}`, path: '.env', secret: other },
  ],
});
