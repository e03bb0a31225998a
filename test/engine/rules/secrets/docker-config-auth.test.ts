import rule from '../../../../src/engine/rules/secrets/docker-config-auth.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { B64, rand } from '../../../helpers/tokens.js';

const b64 = (s: string): string => Buffer.from(s).toString('base64');
const auth = b64(`deployer:${rand(24, undefined, 'dockerpw')}`);
const config = (a: string): string => `{\n  "auths": {\n    "registry.corp.test": {\n      "auth": "${a}"\n    }\n  }\n}\n`;

ruleTester(rule, {
  valid: [
    config(b64('user:password')),
    config(b64('deployer:')),
    config(b64('no-colon-at-all')),
    config('${DOCKER_AUTH}'),
    config(''),
    '{"auths": {"https://index.docker.io/v1/": {}}, "credsStore": "desktop"}',
    '{"auth": "opensesame"}',
    '{"identitytoken": "${ACR_TOKEN}"}',
  ],
  invalid: [
    { code: config(auth), secret: auth, count: 1, line: 4, path: '.docker/config.json' },
    { code: `{"https://index.docker.io/v1/":{"auth":"${auth}","email":"ci@corp.test"}}`, secret: auth, path: '.dockercfg' },
    { name: 'identity token', code: `{"auths":{"acr.corp.test":{"auth":"","identitytoken":"${rand(120, B64, 'idt')}"}}}` },
    {
      name: 'escaped JSON in a GitLab runner config',
      code: `[[runners]]\n  environment = ["DOCKER_AUTH_CONFIG={\\"auths\\":{\\"docker.corp.test:8083\\":{\\"auth\\":\\"${auth}\\"}}}"]`,
      secret: auth,
      line: 2,
      path: 'config.toml',
    },
    { name: 'inside a CI variable', code: `DOCKER_AUTH_CONFIG: '{"auths":{"registry.gitlab.com":{"auth":"${auth}"}}}'`, secret: auth, path: '.gitlab-ci.yml' },
  ],
});
