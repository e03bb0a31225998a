import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested } from './lib/keyed-secret.js';

/**
 * A BugSnag project's notifier API key is 32 lower-case hex characters with no prefix, found in Project
 * Settings; the notifiers read `BUGSNAG_API_KEY` or `apiKey`. It only lets its holder send events,
 * sessions and builds to the project, and the browser and mobile notifiers ship it in every client by
 * design, so it is graded medium: a leak lets anyone flood the project with fake errors and spend its
 * event quota, not read its data. It counts next to BugSnag's name and a credential word, on the same
 * line or under a `bugsnag` parent.
 */
export default defineSecretRuleSet({
  id: 'secrets/bugsnag-api-key',
  description: 'BugSnag notifier API key',
  severity: 'medium',
  confidence: 'medium',
  variants: [
    ...keyedAndNested(['bugsnag'], {
      keywords: ['bugsnag'],
      value: String.raw`[a-f0-9]{32}`,
      minEntropy: 3,
    }),
  ],
  revoke: {
    provider: 'BugSnag',
    url: 'https://app.bugsnag.com/',
    steps: [
      'In BugSnag → Project Settings → Notifier API key, regenerate the key.',
      'Deploy the new key to every notifier (servers, build uploads, and client apps in their next release).',
      'Discard events received in the meantime that did not come from your applications.',
    ],
  },
});
