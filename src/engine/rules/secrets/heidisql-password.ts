import { defineSecretRuleSet } from './lib/rule-set.js';
import { isNonSecretDatum, isPlaceholderPassword, isTemplated } from './lib/credential-values.js';

/**
 * HeidiSQL stores session passwords scrambled, not encrypted: each character's code plus a salt of 1–9
 * (wrapping at 255) as two hex digits, then the salt as one decimal digit (apphelpers.pas, encrypt). The
 * value is read back by subtracting the salt.
 */
export function decodeHeidi(value: string): string | undefined {
  if (!/^(?:[0-9A-F]{2}){1,256}[1-9]$/i.test(value)) return undefined;
  const salt = Number(value[value.length - 1]);
  let text = '';
  for (let i = 0; i + 1 < value.length - 1; i += 2) {
    let code = parseInt(value.slice(i, i + 2), 16) - salt;
    if (code < 0) code += 255;
    text += String.fromCharCode(code);
  }
  return /^[\x20-\x7e\u00a0-\u00ff]+$/.test(text) ? text : undefined;
}

const isRealPassword = (p: string | undefined): boolean => p !== undefined && !isTemplated(p) && !isNonSecretDatum(p) && !isPlaceholderPassword(p);

/**
 * A HeidiSQL session password: in a settings export or portable_settings.txt
 * (`Servers\<session>\Password<|||>1<|||><value>`) or a registry export of HeidiSQL's Servers key
 * (`"Password"="<value>"`), judged by unscrambling it.
 */
export default defineSecretRuleSet({
  id: 'secrets/heidisql-password',
  description: 'HeidiSQL saved session password (reversible scrambling)',
  severity: 'high',
  confidence: 'high',
  appliesTo: (path) => /\.(?:txt|reg)$/i.test(path),
  variants: [
    {
      keywords: ['\\password<|||>'],
      pattern: /(?:^|\n)Servers\\[^\r\n<>]{1,200}?\\Password<\|\|\|>\d<\|\|\|>(?<secret>(?:[0-9A-Fa-f]{2}){1,256}[1-9])[ \t]*(?=\r?\n|$)/g,
      placeholders: 'off',
      validate: (s) => isRealPassword(decodeHeidi(s)),
      message: 'HeidiSQL saved password committed (settings export): HeidiSQL only scrambles it with a one-digit shift, so the database password is exposed.',
    },
    {
      keywords: ['"password"="'],
      pattern: /(?:^|\n)"Password"="(?<secret>(?:[0-9A-Fa-f]{2}){1,256}[1-9])"/g,
      placeholders: 'off',
      // Only under HeidiSQL's own registry key: WinSCP and others export "Password" values too.
      validate: (s, _m, file) => /\\Software\\HeidiSQL\\Servers\\/i.test(file.text) && isRealPassword(decodeHeidi(s)),
      message: 'HeidiSQL saved password committed (registry export): HeidiSQL only scrambles it with a one-digit shift, so the database password is exposed.',
    },
  ],
  revoke: {
    provider: 'The database servers of the HeidiSQL sessions',
    url: 'https://www.heidisql.com/help.php',
    steps: [
      'Change the password of each account the export holds (the session’s User on its Hostname).',
      'Remove the settings export (or portable_settings.txt, or the .reg file) from the repository and its history.',
      'Export HeidiSQL settings without saved passwords, or leave "Save password" off for shared sessions.',
    ],
  },
});
