import rule from '../../../../src/engine/rules/secrets/openvpn-inline-credentials.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { cat, rand } from '../../../helpers/tokens.js';

const pw = cat(rand(14, undefined, 'ovpninline'), '^8');
const profile = (block: string): string => `client\ndev tun\nproto udp\nremote vpn.example.org 1194\n${block}\n<ca>\n-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----\n</ca>\n`;
const block = (...lines: string[]): string => ['<auth-user-pass>', ...lines, '</auth-user-pass>'].join('\n');

ruleTester(rule, {
  valid: [
    // The user name alone: OpenVPN asks for the password.
    { code: profile(block('vpnuser')), path: 'client.ovpn' },
    { code: profile(block('vpnuser', 'changeme')), path: 'client.ovpn' },
    { code: profile(block('{{ vpn_user }}', '{{ vpn_password }}')), path: 'client.ovpn' },
    { code: profile(block('vpnuser', '${VPN_PASSWORD}')), path: 'client.ovpn' },
    { code: profile(block('vpnuser', 'vpnuser')), path: 'client.ovpn' },
    // Documentation of the block.
    { code: `Inline:\n\n${block('vpnuser', pw)}\n`, path: 'README.md' },
  ],
  invalid: [
    { name: 'an .ovpn profile', code: profile(block('vpnuser', pw)), path: 'profiles/office.ovpn', secret: pw, line: 7, count: 1 },
    { name: 'a service .conf, indented, CRLF', code: profile(`<auth-user-pass>\r\n  vpnuser\r\n  ${pw}\r\n</auth-user-pass>`), path: 'etc/openvpn/client/office.conf', secret: pw },
  ],
});
