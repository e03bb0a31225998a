import { createDecipheriv } from 'node:crypto';
import { defineSecretRuleSet } from './lib/rule-set.js';
import { isNonSecretDatum, isPlaceholderPassword, isTemplated } from './lib/credential-values.js';

/**
 * Navicat 12 and later encrypt saved passwords with AES-128-CBC under a key and IV fixed in the program
 * (`libcckeylibcckey`, `libcciv libcciv `), written as upper-case hex in its exported connections (.ncx)
 * and in the registry: any of the public decoders reads them. (Navicat 11 used Blowfish under another
 * fixed key; node:crypto has no Blowfish, so those values are not judged here.)
 */
const NAVICAT_KEY = Buffer.from('libcckeylibcckey', 'latin1');
const NAVICAT_IV = Buffer.from('libcciv libcciv ', 'latin1');

/** The password a Navicat 12+ value decrypts to, or undefined when it is no such value. */
export function decryptNavicat(hex: string): string | undefined {
  if (!/^(?:[0-9A-F]{32}){1,64}$/i.test(hex)) return undefined;
  try {
    const d = createDecipheriv('aes-128-cbc', NAVICAT_KEY, NAVICAT_IV);
    const text = Buffer.concat([d.update(Buffer.from(hex, 'hex')), d.final()]).toString('utf8');
    // No tag: a wrong value passes the padding check now and then; its text is not text.
    return text.length > 0 && !/[\p{Cc}\ufffd]/u.test(text) ? text : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A saved password in a Navicat connections export (.ncx): the connection's `Password`, and its SSH
 * tunnel's and HTTP tunnel's, judged by decrypting them (Navicat 12+). An empty attribute is what
 * Navicat writes when the password is not saved.
 */
export default defineSecretRuleSet({
  id: 'secrets/navicat-password',
  description: 'Navicat saved connection password (connections .ncx export, encrypted under a published key)',
  severity: 'high',
  confidence: 'high',
  appliesTo: (path) => /\.ncx$/i.test(path),
  variants: [
    {
      keywords: ['password="'],
      pattern: /(?<![\w-])(?:Password|SSH_Password|SSH_Passphrase|HTTP_Password|HTTP_PA_Password|HTTP_ProxyPassword)="(?<secret>[0-9A-Fa-f]{32,2048})"/g,
      placeholders: 'off',
      validate: (s, m) => {
        const plain = decryptNavicat(s);
        const user = /(?<![\w-])UserName="([^"]*)"/.exec(m.input)?.[1];
        return plain !== undefined && !isTemplated(plain) && !isNonSecretDatum(plain) && !isPlaceholderPassword(plain, user);
      },
      message: 'Navicat saved password committed (connections export): Navicat encrypts it under a key published with every copy of the program, so the database password is exposed.',
    },
  ],
  revoke: {
    provider: 'The databases (and SSH hosts) of the exported connections',
    url: 'https://www.navicat.com/en/support/online-manual',
    steps: [
      'Change the password of each account the export holds (its UserName on the Host of the connection, and the SSH tunnel’s user).',
      'Remove the .ncx file from the repository and its history.',
      'Export connections without “Export Password”, and share them without credentials.',
    ],
  },
});
