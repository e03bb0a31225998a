import { shannonEntropy } from '../../entropy.js';
import { defineSecretRuleSet } from './lib/rule-set.js';

/** 2048 random bits: 16 lines of 32 hex digits, not a sample (repeated or low-entropy digits). */
function isStaticKey(body: string): boolean {
  const hex = body.replace(/\s+/g, '');
  return hex.length === 512 && /^[0-9a-fA-F]+$/.test(hex) && shannonEntropy(hex) >= 3.8 && new Set(hex.match(/.{32}/g)).size === 16;
}

/**
 * An OpenVPN static key (`openvpn --genkey secret ta.key`): the `tls-auth`/`tls-crypt` key, or the whole
 * tunnel's key in static-key mode, in ta.key or inline in a `.ovpn` profile (`<tls-auth>`, `<tls-crypt>`,
 * `<secret>`). With it, anyone can get past the HMAC firewall (tls-auth) or read the control channel
 * (tls-crypt); in static-key mode, decrypt the traffic. A tls-crypt-v2 client key (base64) too.
 */
export default defineSecretRuleSet({
  id: 'secrets/openvpn-static-key',
  description: 'OpenVPN static key (tls-auth / tls-crypt / static-key mode)',
  severity: 'high',
  confidence: 'high',
  variants: [
    {
      keywords: ['begin openvpn static key'],
      nextLine: 17,
      pattern: /-----BEGIN OpenVPN Static key V1-----[ \t]*\r?\n(?<secret>(?:[ \t]*[0-9a-fA-F]{32}[ \t]*\r?\n){15}[ \t]*[0-9a-fA-F]{32})[ \t]*\r?\n[ \t]*-----END OpenVPN Static key V1-----/g,
      placeholders: 'off',
      validate: isStaticKey,
      message: 'OpenVPN static key committed (tls-auth/tls-crypt or static-key mode): whoever holds it passes the HMAC firewall, reads the control channel, or in static-key mode decrypts the tunnel.',
    },
    {
      keywords: ['begin openvpn tls-crypt-v2'],
      nextLine: 12,
      pattern:
        /-----BEGIN OpenVPN tls-crypt-v2 (?:client|server) key-----[ \t]*\r?\n(?<secret>(?:[ \t]*[A-Za-z0-9+/=]{16,80}[ \t]*\r?\n){1,12})[ \t]*-----END OpenVPN tls-crypt-v2 (?:client|server) key-----/g,
      placeholders: 'off',
      validate: (s) => {
        const b64 = s.replace(/\s+/g, '');
        return b64.length >= 100 && shannonEntropy(b64) >= 5;
      },
      message: 'OpenVPN tls-crypt-v2 key committed: it opens the control channel of the VPN to whoever holds it.',
    },
  ],
  revoke: {
    provider: 'The OpenVPN server and every client profile that carries the key',
    url: 'https://openvpn.net/community-resources/hardening-openvpn-security/',
    steps: [
      'Generate a new key (`openvpn --genkey secret ta.key`, or `--genkey tls-crypt-v2-server` / `tls-crypt-v2-client` per client) and roll it out to the server and all clients.',
      'If the key was used in static-key mode (`secret`), move to TLS mode with certificates: static-key mode has no forward secrecy, so recorded traffic can be decrypted.',
      'Distribute .ovpn profiles out of band; keep ta.key and inline profiles out of the repository.',
    ],
  },
});
