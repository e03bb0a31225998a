/**
 * Identifier shapes for keyword-assigned rules: the provider's name followed, within the identifier, by
 * a word that says "credential" (`CIRCLE_TOKEN`, `sonar.login`, `droneci_secret`). Requiring that word
 * keeps `CIRCLE_SHA1=<40 hex>` and `gitlab_project: …` out.
 */
import { ci, names } from './assignment.js';

/** Words that make an identifier a credential's name. */
export const CREDENTIAL_WORDS = ['token', 'secret', 'key', 'password', 'passwd', 'pass', 'pwd', 'auth', 'credential', 'pat', 'login'];

/**
 * Regex source, placed before the credential word: not right after `public`/`publishable`/`pub`
 * (`DISCORD_PUBLIC_KEY`, `stripePublishableKey`): keys public by design (a Discord application's
 * Ed25519 verification key, a publishable key) are not secrets. `NEXT_PUBLIC_X_SECRET` still counts.
 */
export const NOT_PUBLIC = `(?<!${ci('public')}[_.\\- ]?|${ci('publishable')}[_.\\- ]?|${ci('pub')}[_.\\- ]?)`;

/**
 * Regex source: one of `providers`, up to `gap` identifier characters, then one of `words`
 * (all case-insensitive). `providers` and `words` are literals.
 */
export function credentialName(providers: string[], words: string[] = CREDENTIAL_WORDS, gap = 20): string {
  return `${names(...providers)}[\\w.\\- \\t]{0,${gap}}?${NOT_PUBLIC}${names(...words)}`;
}
