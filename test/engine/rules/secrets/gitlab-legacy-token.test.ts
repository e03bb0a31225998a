import rule from '../../../../src/engine/rules/secrets/gitlab-legacy-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM } from '../../../helpers/tokens.js';

// Legacy tokens: 20 random alphanumerics (seeded until it mixes upper, lower and digits).
const legacy = rand(20, ALNUM, 'gitlab-legacy');

ruleTester(rule, {
  valid: [
    `GITLAB_TOKEN=${legacy}`.replace('GITLAB', 'GITHUB'), // not GitLab
    `gitlab_project_path: infrastructure-team1`, // not a credential name, and a word
    `gitlab_token: ${legacy.toLowerCase().replace(/[0-9]/g, 'a')}`, // one case, no digits: not random
    `GITLAB_TOKEN=${legacy}${rand(5, ALNUM, 'more')}`, // wrong length
    `GITLAB_TOKEN=${cat('glpat', '-')}${rand(14, ALNUM, 'p')}`, // a prefixed token: the other rule's
    'GITLAB_TOKEN=${GITLAB_TOKEN}',
    'gitlab_token: {{ .Values.gitlab.token }}',
    `gitlab_url: https://gitlab.example.com/${legacy}`,
    `gitlab:\n  region: ${legacy}`, // nested, not a credential key
    `gitlab:\n  client_id: ${legacy}`, // nested, an id
    `gitlab:\n  private_token: ${'a'.repeat(20)}`, // nested placeholder
  ],
  invalid: [
    { code: `GITLAB_TOKEN=${legacy}`, path: '.env', secret: legacy, count: 1 },
    { code: `{\n  "gitlab_secret": "${legacy}"\n}`, path: 'config.json', secret: legacy, line: 2 },
    { code: `gitlab:\n  private_token: x\ngitlab_private_token: '${legacy}'`, path: 'config.yml', secret: legacy, line: 3 },
    { code: `gitlabToken := "${legacy}"`, path: 'main.go', secret: legacy },
    { code: `<gitlabToken>\n    ${legacy}\n</gitlabToken>`, path: 'pom.xml', secret: legacy, line: 2 },
    { code: `gitlab:\n  private_token: ${legacy}\n`, path: 'config.yml', secret: legacy, count: 1 },
    { code: `[gitlab]\nprivate_token = "${legacy}"\n`, path: 'settings.toml', secret: legacy },
    { code: `services:\n  - gitlab:\n      private_token: ${legacy}\n`, path: 'config.yml', secret: legacy },
  ],
});
