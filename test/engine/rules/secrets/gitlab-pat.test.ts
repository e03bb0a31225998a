import rule from '../../../../src/engine/rules/secrets/gitlab-pat.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, B64URL, LOWER_ALNUM } from '../../../helpers/tokens.js';

const P = cat('gl', 'pat-');
const classic = P + rand(20, B64URL, 'glpat');
// Routable format: payload, `.01.`, 9 lower-case alphanumerics.
const routable = cat(P, rand(36, B64URL, 'glpat-r'), '.01.', rand(9, LOWER_ALNUM, 'glpat-crc'));
// The variant some peers test: payload, `.`, 9 characters.
const routableShort = cat(P, rand(27, B64URL, 'glpat-r2'), '.', rand(9, LOWER_ALNUM, 'glpat-crc2'));

ruleTester(rule, {
  valid: [
    `token = "${P}abc"`, // too short
    `token = "${P}${'x'.repeat(20)}"`,
    `GITLAB_TOKEN=${P}XXXXXXXXXXX-XXXXXXXX`,
    `token: ${P}${rand(20, B64URL, 'glpat')}${'a'.repeat(40)}`, // too long for either format
    `token = "${cat('glpat', '_')}${rand(20, B64URL, 'u')}"`, // underscore, not a hyphen
    `token = "x${classic}"`, // glued to a word
    'GITLAB_TOKEN=${GITLAB_TOKEN}',
    'private_token: {{ .Values.gitlab.token }}',
    `docs: tokens start with ${P} followed by 20 characters`,
  ],
  invalid: [
    { code: `const token = "${classic}";`, secret: classic, count: 1, line: 1 },
    { code: `variables:\n  GITLAB_TOKEN: ${classic}\n`, path: '.gitlab-ci.yml', secret: classic, line: 2 },
    { code: `{"private_token": "${classic}"}`, path: 'config.json', secret: classic },
    { code: `curl --header "PRIVATE-TOKEN: ${classic}" https://gitlab.com/api/v4/projects`, path: 'deploy.sh', secret: classic },
    { code: `git clone https://oauth2:${classic}@gitlab.com/group/repo.git`, secret: classic },
    { code: `GITLAB_TOKEN=${routable}`, path: '.env', secret: routable, count: 1 },
    { code: `gitlab_api_token = "${routableShort}"`, path: 'main.tf', secret: routableShort, count: 1 },
    { code: `<gitlabToken>\n    ${classic}\n</gitlabToken>`, path: 'settings.xml', secret: classic, line: 2 },
  ],
});
