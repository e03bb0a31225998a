import rule from '../../../../src/engine/rules/secrets/pypirc-password.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { B64URL, cat, rand } from '../../../helpers/tokens.js';

const token = cat('pypi-', rand(60, B64URL, 'pypi'));
const pw = cat(rand(14, undefined, 'pypipw'), '#7');
const pypirc = (password: string): string => `[distutils]\nindex-servers =\n    pypi\n    internal\n\n[pypi]\nusername = __token__\npassword = ${password}\n`;

ruleTester(rule, {
  valid: [
    { code: pypirc('${PYPI_TOKEN}'), path: '.pypirc' },
    { code: pypirc('<your token>'), path: '.pypirc' },
    { code: pypirc('password'), path: '.pypirc' },
    { code: '[pypi]\nusername = __token__\n', path: '.pypirc' },
    // Not a .pypirc: the generic rules decide.
    { code: pypirc(token), path: 'docs/publishing.md' },
  ],
  invalid: [
    { code: pypirc(token), secret: token, count: 1, line: 8, path: '.pypirc' },
    { code: `[internal]\nrepository = https://pypi.corp.test/\nusername = release\npassword: ${pw}\n`, secret: pw, line: 4, path: 'home/.pypirc' },
  ],
});
