import { defineSecretRuleSet } from './lib/rule-set.js';
import { isNonSecretDatum, isPlaceholderPassword, isTemplated } from './lib/credential-values.js';

/**
 * OpenVPN 2.6 reads `auth-user-pass` inline in a profile: `<auth-user-pass>`, the user name on one line,
 * the password on the next, `</auth-user-pass>`. A block with the user name alone (OpenVPN then asks
 * for the password) holds no secret. Only profiles (.ovpn, and .conf/.cfg as OpenVPN's service reads
 * them) are read: the tag is OpenVPN's own.
 */
export default defineSecretRuleSet({
  id: 'secrets/openvpn-inline-credentials',
  description: 'OpenVPN user name and password inline in a profile (<auth-user-pass> block)',
  severity: 'high',
  confidence: 'high',
  appliesTo: (path) => /\.(?:ovpn|conf|cfg)$/i.test(path),
  variants: [
    {
      keywords: ['<auth-user-pass>'],
      nextLine: 3,
      pattern: /<auth-user-pass>[ \t]*\r?\n[ \t]*(?<user>[^\s<>]{1,128})[ \t]*\r?\n[ \t]*(?<secret>[^\s<>]{1,256})[ \t]*\r?\n[ \t]*<\/auth-user-pass>/g,
      placeholders: 'off',
      validate: (s, m) => !isTemplated(s) && !isNonSecretDatum(s) && !isPlaceholderPassword(s, m.groups?.user),
      message: 'OpenVPN password committed inline in a profile (<auth-user-pass>): whoever has the profile connects to the VPN as that user.',
    },
  ],
  revoke: {
    provider: 'The VPN service or OpenVPN server (its user database, LDAP/RADIUS, or the VPN provider’s account)',
    url: 'https://openvpn.net/community-resources/reference-manual-for-openvpn-2-6/',
    steps: [
      'Change the VPN account’s password (at the VPN provider, or in the directory the server authenticates against).',
      'Remove the <auth-user-pass> block from the profile and its history; let the client prompt for the password, or use a credentials file kept out of the repository.',
      'Review the VPN server’s connection log for that user since the commit.',
    ],
  },
});
