/**
 * Identifier shapes for keyword-assigned rules: the provider's name followed, within the identifier, by
 * a word that says "credential" (`CIRCLE_TOKEN`, `sonar.login`, `droneci_secret`). Requiring that word
 * keeps `CIRCLE_SHA1=<40 hex>` and `gitlab_project: …` out.
 */
import { names } from './assignment.js';

/** Words that make an identifier a credential's name. */
export const CREDENTIAL_WORDS = ['token', 'secret', 'key', 'password', 'passwd', 'pass', 'pwd', 'auth', 'credential', 'pat', 'login'];

/**
 * Regex source: one of `providers`, up to `gap` identifier characters, then one of `words`
 * (all case-insensitive). `providers` and `words` are literals.
 */
export function credentialName(providers: string[], words: string[] = CREDENTIAL_WORDS, gap = 20): string {
  return `${names(...providers)}[\\w.\\- \\t]{0,${gap}}?${names(...words)}`;
}
