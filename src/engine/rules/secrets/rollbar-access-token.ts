import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested } from './lib/keyed-secret.js';
import type { Rule } from '../../rule.js';

/**
 * Rollbar project and account access tokens are 32 lower-case hex digits, without a prefix: they count
 * next to Rollbar's name (`ROLLBAR_ACCESS_TOKEN`, `rollbar_token`, `rollbar:\n  access_token: …`,
 * `rollbar.init('…')`). A `post_client_item` token is meant for browsers and
 * mobile apps; server-side (`post_server_item`, `read`, `write`) tokens are the ones that matter, and the
 * value does not say which: all are reported.
 */
const rule = defineSecretRuleSet({
  id: 'secrets/rollbar-access-token',
  description: 'Rollbar access token',
  severity: 'high',
  variants: [
    ...keyedAndNested(['rollbar'], {
      keywords: ['rollbar'],
      value: String.raw`[0-9a-f]{32}`,
      minEntropy: 3.2,
      words: ['token', 'key', 'secret'],
    }),
    {
      // pyrollbar's documented `rollbar.init('<token>', 'production')`: the token by position.
      keywords: ['rollbar.init'],
      pattern: /(?<![\w$])[Rr]ollbar\.init[ \t]*\([ \t]*(?<q>["'])(?<secret>[0-9a-f]{32})\k<q>/g,
      minEntropy: 3.2,
    },
  ],
  revoke: {
    provider: 'Rollbar',
    url: 'https://docs.rollbar.com/docs/access-tokens',
    steps: [
      'In the project (or account) settings under Access Tokens, disable or delete the token and create a replacement with the same scope.',
      'Review the project for items and deploys posted with the token since the commit (a leaked write token can flood or alter it).',
      'Keep server-side tokens in your secret store; only a post_client_item token belongs in client code.',
    ],
  },
});

/** Rollbar's browser snippet (`var _rollbarConfig = { accessToken: … }`): where a post_client_item token belongs. */
const BROWSER_SNIPPET = /_rollbarConfig\b/;

export default {
  ...rule,
  check(file, ctx) {
    return rule.check(file, ctx).map((raw) => {
      if (raw.start === undefined) return raw;
      const from = Math.max(0, file.text.lastIndexOf('\n', Math.max(0, raw.start - 400)));
      if (!BROWSER_SNIPPET.test(file.text.slice(from, raw.start))) return raw;
      return {
        ...raw,
        confidence: 'low',
        message: `${raw.message.replace(/\.$/, '')} (in Rollbar's browser snippet, where a post_client_item token is public by design: check that it is not a server token).`,
      };
    });
  },
} satisfies Rule;
