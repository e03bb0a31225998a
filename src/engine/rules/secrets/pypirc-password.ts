import type { FileView, RawFinding, Rule } from '../../rule.js';
import { DEFAULT_SECRET_REMEDIATION, SECRET_CONTROLS } from './define.js';
import { isPlaceholderPassword } from './lib/credential-values.js';
import { isPypirc } from './lib/file-names.js';

const PASSWORD = /^[ \t]*password[ \t]*[=:][ \t]*(?<secret>\S(?:[^\r\n]{0,1022}\S)?)[ \t]*$/gm;

/** `password = …` in a `.pypirc` (an upload password or a `pypi-…` API token for twine / setuptools). */
const rule: Rule = {
  meta: {
    id: 'secrets/pypirc-password',
    family: 'secrets',
    severity: 'critical',
    confidence: 'high',
    description: 'PyPI upload password or API token in a .pypirc file',
    controls: SECRET_CONTROLS,
    remediation: DEFAULT_SECRET_REMEDIATION,
    revoke: {
      provider: 'PyPI (or the private index named in the section)',
      url: 'https://pypi.org/manage/account/token/',
      steps: [
        'Delete the API token in PyPI account settings → API tokens (or change the account password and review 2FA).',
        "Check the project's release history for uploads since the commit and yank anything unexpected.",
        'Use Trusted Publishing from CI, or a project-scoped token supplied as TWINE_PASSWORD from a CI secret.',
      ],
    },
  },
  keywords: ['password'],
  scope: 'line',
  appliesTo: isPypirc,
  check(file: FileView): RawFinding[] {
    const out: RawFinding[] = [];
    for (const seg of file.segments) {
      PASSWORD.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = PASSWORD.exec(seg.text)) !== null) {
        const secret = m.groups!.secret!.replace(/^["']|["']$/g, '');
        if (isPlaceholderPassword(secret)) continue;
        const start = seg.offset + m.index + m[0].indexOf(secret);
        out.push({ start, end: start + secret.length, secret, message: 'Package-index password or token committed in .pypirc.' });
      }
    }
    return out;
  },
};

export default rule;
