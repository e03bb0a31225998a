import rule from '../../../../src/engine/rules/secrets/openvpn-static-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { B64, HEX, rand } from '../../../helpers/tokens.js';

const BEGIN = '-----BEGIN OpenVPN ' + 'Static key V1-----';
const END = '-----END OpenVPN ' + 'Static key V1-----';
const lines = (seed: string): string => Array.from({ length: 16 }, (_, i) => rand(32, HEX, `${seed}${i}`)).join('\n');
const key = (body: string): string => `#\n# 2048 bit OpenVPN static key\n#\n${BEGIN}\n${body}\n${END}\n`;

ruleTester(rule, {
  valid: [
    // A sample's repeated line, and a truncated body.
    { code: key(Array.from({ length: 16 }, () => rand(32, HEX, 'same')).join('\n')), path: 'ta.key' },
    { code: key('...'), path: 'docs/ta.key' },
    { code: key(lines('short').split('\n').slice(0, 8).join('\n')), path: 'ta.key' },
  ],
  invalid: [
    { name: 'ta.key', code: key(lines('ta')), path: 'server/ta.key', line: 5, count: 1 },
    { name: 'inline in a profile', code: `client\nremote vpn.example.com 1194\nkey-direction 1\n<tls-auth>\n${key(lines('inline'))}</tls-auth>\n`, path: 'alice.ovpn', count: 1 },
    {
      name: 'tls-crypt-v2 client key',
      code: `<tls-crypt-v2>\n-----BEGIN OpenVPN tls-crypt-v2 ${'client'} key-----\n${Array.from({ length: 5 }, (_, i) => rand(64, B64, `tc${i}`)).join('\n')}\n-----END OpenVPN tls-crypt-v2 client key-----\n</tls-crypt-v2>\n`,
      path: 'bob.ovpn',
    },
  ],
});
