import { shannonEntropy } from '../../entropy.js';
import { defineSecretRuleSet } from './lib/rule-set.js';
import { isPlaceholderPassword, isTemplated } from './lib/credential-values.js';

/** Tokens of a known shape are their provider's rule's (github-token, gitlab-pat …). */
const PROVIDER_SHAPE = /^(?:gh[pousr]_|github_pat_|gl[a-z]{1,4}-|ATBB|ATCTT)/;

/** A random token, not a placeholder or a reference. */
function isToken(v: string): boolean {
  return (
    v.length >= 16 && !PROVIDER_SHAPE.test(v) && !isTemplated(v) && !isPlaceholderPassword(v) && shannonEntropy(v) >= 3.3 && /[a-z]/i.test(v) && (/\d/.test(v) || (/[a-z]/.test(v) && /[A-Z]/.test(v)))
  );
}

/**
 * Composer's auth.json keeps tokens under the host they are for: `"github-oauth": {"github.com": "…"}`,
 * `"gitlab-token": {"gitlab.example.com": "…"}`, `"gitlab-oauth"`, `"bearer"`. The key is a host name, so
 * the generic rules (which judge a value by its key) do not see a credential there. `http-basic`
 * passwords are under `password` and left to them.
 */
export default defineSecretRuleSet({
  id: 'secrets/composer-auth-token',
  description: 'Token in a Composer auth.json (github-oauth, gitlab-token, gitlab-oauth, bearer)',
  severity: 'high',
  confidence: 'high',
  appliesTo: (path) => /(?:^|\/)auth\.json$/i.test(path),
  variants: [
    {
      keywords: ['github-oauth', 'gitlab-token', 'gitlab-oauth', 'bearer'],
      // The host's token, found by a look-behind to its section's opening brace a few lines above.
      nextLine: 12,
      // The value first and everything else looked behind from it: searched from every quote (a host name
      // first), this took 1.4 s on a 5 MB minified line.
      pattern:
        /"[^"\s\\]{16,300}"(?<="(?:github-oauth|gitlab-token|gitlab-oauth|bearer)"[ \t]*:[ \t]*\{[^{}]{0,1500}?"[A-Za-z0-9][\w.-]{0,252}(?::\d{1,5})?"[ \t]*:[ \t]*"(?<secret>[^"\s\\]{16,300})")/g,
      placeholders: 'off',
      validate: isToken,
      message: 'Token committed in Composer’s auth.json: it authenticates to the host it is listed under (GitHub, GitLab, a private repository).',
    },
  ],
  revoke: {
    provider: 'The host the token is listed under (GitHub, GitLab, Private Packagist, a private Composer repository)',
    url: 'https://getcomposer.org/doc/articles/authentication-for-private-packages.md',
    steps: [
      'Revoke the token at its host (GitHub: Settings → Developer settings / Applications; GitLab: the user’s or project’s access tokens) and review its use since the commit.',
      'Remove auth.json from the repository and add it to .gitignore; keep tokens in ~/.composer/auth.json on developer machines, or COMPOSER_AUTH from a CI secret.',
    ],
  },
});
