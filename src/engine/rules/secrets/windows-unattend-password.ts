import { defineSecretRuleSet } from './lib/rule-set.js';
import { isPlaceholderPassword } from './lib/credential-values.js';

/**
 * With `<PlainText>false</PlainText>`, Windows Setup's answer files hold base64 of the UTF-16LE password
 * followed by the element's name (`AdministratorPassword`, `Password`): an encoding, not encryption.
 */
export function decodeUnattendPassword(value: string, element: string): string | undefined {
  if (!/^[A-Za-z0-9+/]{8,1400}={0,2}$/.test(value) || value.length % 4 !== 0) return undefined;
  const bytes = Buffer.from(value, 'base64');
  if (bytes.length % 2 !== 0) return undefined;
  const text = bytes.toString('utf16le');
  if (!text.endsWith(element)) return undefined;
  const plain = text.slice(0, -element.length);
  return /^[\x20-\x7e\u00a0-\u024f]{1,256}$/.test(plain) ? plain : undefined;
}

// `<AdministratorPassword>`, `<Password>` (LocalAccount, AutoLogon, DomainAccount credentials) with its `<Value>`
// and `<PlainText>` children, in either order (a variant each), over several lines.
const ELEMENT = String.raw`<(?<el>AdministratorPassword|Password)>\s{0,200}`;
const VALUE = String.raw`<Value>(?<secret>[^<>\r\n]{1,600})<\/Value>`;
const PLAIN = String.raw`<PlainText>(?<plain>true|false)<\/PlainText>`;

const MESSAGE = 'Password in a Windows answer file committed: `PlainText` false only base64-encodes it, so the account password is readable either way.';

/** In clear, or decoded when `PlainText` is false; not a sample. */
function isAnswerPassword(s: string, m: RegExpExecArray): boolean {
  const g = m.groups!;
  const plain = g.plain === 'false' ? decodeUnattendPassword(s, g.el!) : s;
  return plain !== undefined && !isPlaceholderPassword(plain);
}

/**
 * A password in a Windows Setup answer file (unattend.xml, autounattend.xml, sysprep's Panther copies):
 * in clear (`<PlainText>true`) or base64-encoded (`false`), which decodes as readily. Sysprep's
 * `*SENSITIVE*DATA*DELETED*` (a placeholder: credential-values.ts) and empty values are not reported.
 */
export default defineSecretRuleSet({
  id: 'secrets/windows-unattend-password',
  description: 'Password in a Windows Setup answer file (unattend.xml)',
  severity: 'high',
  confidence: 'high',
  appliesTo: (path) => /\.xml$/i.test(path),
  variants: [
    {
      keywords: ['password>'],
      nextLine: 3,
      pattern: new RegExp(`${ELEMENT}${VALUE}\\s{0,200}${PLAIN}`, 'g'),
      placeholders: 'off',
      validate: isAnswerPassword,
      message: MESSAGE,
    },
    {
      keywords: ['password>'],
      nextLine: 3,
      pattern: new RegExp(`${ELEMENT}${PLAIN}\\s{0,200}${VALUE}`, 'g'),
      placeholders: 'off',
      validate: isAnswerPassword,
      message: MESSAGE,
    },
  ],
  revoke: {
    provider: 'The Windows accounts the answer file creates or logs on with (local Administrator, AutoLogon, domain join account)',
    url: 'https://learn.microsoft.com/en-us/windows-hardware/customize/desktop/unattend/microsoft-windows-shell-setup-useraccounts-administratorpassword',
    steps: [
      'Change the password of each account the file sets on every machine built from it (and of a domain-join account, in the domain).',
      'Remove the password from the answer file kept in the repository; inject it at build time from a secret store, or set it after deployment (Windows LAPS for local Administrator).',
      'Delete leftover copies (C:\\Windows\\Panther\\unattend.xml, sysprep folders) from images.',
    ],
  },
});
