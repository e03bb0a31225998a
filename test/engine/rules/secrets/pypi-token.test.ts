import rule from '../../../../src/engine/rules/secrets/pypi-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, B64URL, HEX } from '../../../helpers/tokens.js';

// `pypi-` + base64url of a macaroon located at pypi.org: the fixed head, then an identifier caveat (`CJ…`).
const HEAD = cat('pypi-', 'AgEIcHlwaS5v', 'cmc');
const TEST_HEAD = cat('pypi-', 'AgENdGVzdC5weXBpLm9y', 'Zw');
const token = cat(HEAD, 'CJ', rand(160, B64URL, 'pypi'));
const testToken = cat(TEST_HEAD, 'CJ', rand(150, B64URL, 'testpypi'));
const hexBody = cat(HEAD, rand(64, HEX, 'pypi-hex')); // the shape other scanners' fixtures use

ruleTester(rule, {
  valid: [
    `password = ${HEAD}${rand(30, B64URL, 'short')}`, // too short
    `password = ${HEAD}CJ${rand(67, B64URL, 'trunc')}`, // a real token's start, cut off: unusable
    `password = ${HEAD}${'x'.repeat(80)}`,
    `password = ${cat('pypi-', 'AgEIcHlwaS5')}${rand(90, B64URL, 'other')}`, // not the pypi.org location
    'password = ${{ secrets.PYPI_API_TOKEN }}',
    'TWINE_PASSWORD=${PYPI_TOKEN}',
  ],
  invalid: [
    { code: `[pypi]\nusername = __token__\npassword = ${token}\n`, path: '.pypirc', secret: token, line: 3, count: 1 },
    { code: `TWINE_PASSWORD=${token}`, path: '.env', secret: token },
    { code: `twine upload -u __token__ -p ${testToken} --repository testpypi dist/*`, path: 'release.sh', secret: testToken },
    { code: `pypi_token = '${hexBody}'`, path: 'publish.py', secret: hexBody },
    { code: `env:\n  UV_PUBLISH_TOKEN: "${token}"\n`, path: 'ci.yml', secret: token, line: 2 },
  ],
});
