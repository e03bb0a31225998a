import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedSecret, nestedSecret } from './lib/keyed-secret.js';
import { charClasses } from '../../entropy.js';

// `SUMO_ACCESS_KEY`, `SUMOLOGIC_ACCESSKEY`, `sumologic.accessKey`, `sumo_access_id`: the product's name
// as a word (not `sumOfExposures`, `consumo`), then the credential's.
const sumo = (words: string): string => String.raw`(?<![A-Za-z])(?:[Ss]umo|SUMO)(?:[_. -]?(?:[Ll]ogic|LOGIC))?[\w.\- ]{0,16}?${words}`;

/**
 * Sumo Logic access keys are a pair: an access id (`su` + 12 alphanumerics) and an access key (64
 * alphanumerics). Neither has a distinctive prefix beyond that, so both are recognised by the variable
 * names the Sumo Logic CLI, Terraform provider and collectors read (`SUMO_ACCESS_ID`/`SUMO_ACCESS_KEY`,
 * `SUMOLOGIC_ACCESSID`/`SUMOLOGIC_ACCESSKEY`).
 */
export default defineSecretRuleSet({
  id: 'secrets/sumo-logic-access-key',
  description: 'Sumo Logic access key (access id and access key pair)',
  severity: 'high',
  variants: [
    {
      keywords: ['sumo'],
      pattern: keyedSecret(sumo('(?:[Aa]ccess[_.-]?(?:[Kk]ey|KEY)|ACCESS[_.-]?KEY|[Aa]ccess[Kk]ey|ACCESSKEY|[Kk]ey|KEY|[Ss]ecret|SECRET|[Tt]oken|TOKEN)'), '[A-Za-z0-9]{64}'),
      nextLine: true,
      minEntropy: 4,
      validate: (s) => charClasses(s) >= 2,
    },
    {
      // `sumologic:\n  access_key: …`, `[sumo]\naccess_key = …`: the provider as the parent key.
      // The parent spelled as in `sumo()` (`Sumo`, `sumo`, `SUMO`): not `sumOfExposures:`.
      keywords: ['sumo'],
      pattern: nestedSecret(['sumo'], '[A-Za-z0-9]{64}'),
      nextLine: true,
      minEntropy: 4,
      validate: (s, m) => charClasses(s) >= 2 && /^(?:[Ss]umo|SUMO)/.test(m[0]),
    },
    {
      keywords: ['sumo'],
      pattern: keyedSecret(sumo('(?:[Aa]ccess[_.-]?(?:[Ii]d|ID)|ACCESS[_.-]?ID|[Aa]ccess[Ii]d|ACCESSID)'), 'su[A-Za-z0-9]{12}'),
      nextLine: true,
      minEntropy: 3,
      confidence: 'medium',
      message: 'Sumo Logic access id committed: half of an access key pair; the access key is usually next to it.',
      validate: (s) => /[0-9]/.test(s) || charClasses(s) >= 3,
    },
  ],
  revoke: {
    provider: 'Sumo Logic',
    url: 'https://help.sumologic.com/docs/manage/security/access-keys/',
    steps: [
      'In Administration → Security → Access Keys (or Preferences → My Access Keys), delete the access key pair.',
      'Review the audit index for API calls made with the access id since it was committed.',
      'Create a replacement with the narrowest role (a service account where possible) and store both halves as secrets.',
    ],
  },
});
