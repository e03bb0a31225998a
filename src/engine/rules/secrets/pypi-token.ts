import { defineSecretRule } from './define.js';

// `pypi-` + base64url of a macaroon whose location is "pypi.org" (or "test.pypi.org").
const PYPI = 'pypi-AgEIcHlwaS5vcmc';
const TEST_PYPI = 'pypi-AgENdGVzdC5weXBpLm9yZw';

export default defineSecretRule({
  id: 'secrets/pypi-token',
  description: 'PyPI (or TestPyPI) API token',
  severity: 'critical',
  keywords: [PYPI.toLowerCase(), TEST_PYPI.toLowerCase()],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>pypi-Ag(?:EIcHlwaS5vcmc|ENdGVzdC5weXBpLm9yZw)[\w-]{50,1000})(?![\w-])/g,
  minEntropy: 3.5,
  // A real token's identifier caveat (`CJ…`, a UUID) is followed by more caveats and a 32-byte
  // signature, so one that starts that way yet stops short is a truncated copy, not a credential.
  validate: (s) => {
    const body = s.slice(s.startsWith(PYPI) ? PYPI.length : TEST_PYPI.length);
    return !body.startsWith('CJ') || body.length >= 100;
  },
  revoke: {
    provider: 'PyPI',
    url: 'https://pypi.org/manage/account/token/',
    steps: [
      'Remove the token under Account settings → API tokens on pypi.org (or test.pypi.org).',
      'Check the security history of the account and the release history of the projects in its scope for uploads you did not make.',
      'Prefer Trusted Publishing from CI; otherwise create a project-scoped token and store it as a CI secret.',
    ],
  },
});
