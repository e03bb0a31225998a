import rule from '../../../../src/engine/rules/secrets/docker-hub-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, B64URL } from '../../../helpers/tokens.js';

const PAT = cat('dckr', '_pat_');
const OAT = cat('dckr', '_oat_');
const pat = PAT + rand(27, B64URL, 'dckr-pat');
const oat = OAT + rand(32, B64URL, 'dckr-oat');

ruleTester(rule, {
  valid: [
    `DOCKER_TOKEN=${PAT}tooshort`,
    `DOCKER_TOKEN=${PAT}`,
    `DOCKER_TOKEN=${PAT}${rand(40, B64URL, 'long')}`, // too long
    `DOCKER_TOKEN=${OAT}${rand(27, B64URL, 'oat-short')}`, // org tokens are 32
    `DOCKER_TOKEN=${PAT}${'x'.repeat(27)}`,
    `DOCKER_TOKEN=${cat('dckr', '_pat_')}Example${rand(20, B64URL, 'ex')}`,
    'DOCKER_TOKEN=not_a_real_token',
    'password: ${{ secrets.DOCKERHUB_TOKEN }}',
  ],
  invalid: [
    { code: `echo "${pat}" | docker login -u acme --password-stdin`, path: 'release.sh', secret: pat, count: 1 },
    { code: `DOCKERHUB_TOKEN=${pat}`, path: '.env', secret: pat },
    { code: `docker:\n  username: acme\n  token: "${oat}"\n`, path: 'config.yml', secret: oat, line: 3 },
    { code: `{"auths": {"https://index.docker.io/v1/": {"identitytoken": "${pat}"}}}`, path: 'config.json', secret: pat },
    { code: `- uses: docker/login-action@v3\n  with:\n    password: ${oat}`, path: '.github/workflows/ci.yml', secret: oat },
  ],
});
