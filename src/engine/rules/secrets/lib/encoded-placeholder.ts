/**
 * Base64 of a placeholder: a Kubernetes Secret's `data:` (or any config that wants base64) filled with
 * `echo -n REPLACE-WITH-AZURE-STORAGE-ACCOUNT-KEY | base64`. Encoded, the stand-in reads as random text to
 * every keyed rule; decoded, it says what it is. The same for base64 of a plain query string, or of a sentence.
 */
import { isPlaceholder, placeholderGrade } from '../../../placeholder.js';
import { decodeBase64 } from './base64.js';

/** A stand-in spelled as words in capitals (`REPLACE-WITH-ACCOUNT-KEY`, `JSON_GCP_SERVICE_ACCOUNT_KEY`). */
const SHOUTED_WORDS = /^[A-Z]{2,}(?:[-_ ][A-Z0-9]{2,}){2,}$/;

export function isEncodedPlaceholder(value: string): boolean {
  // Long enough to hold a word or two, and standard base64 (a URL-safe alphabet is a token's, not `base64`'s).
  if (value.length < 12 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return false;
  const buf = decodeBase64(value);
  if (!buf || buf.length < 8) return false;
  // Printable ASCII only: a real secret's bytes are random and hit this range ~1 time in 10^(n/3).
  for (const b of buf) if (b < 0x20 || b > 0x7e) return false;
  const text = buf.toString('latin1').trim();
  return SHOUTED_WORDS.test(text) || isPlaceholder(text, false) || placeholderGrade(text) === 'drop' || isPlainQuery(text) || isProse(text);
}

/**
 * Base64 of a sentence (a test's mock value that decodes to a joke): words of letters between spaces. A
 * passphrase is words too, but three or more spaces and nothing but letters and punctuation is text.
 */
function isProse(text: string): boolean {
  const words = text.split(/\s+/);
  return words.length >= 4 && words.every((w) => /^[A-Za-z][A-Za-z'\u2019-]*[.,!?:;]?$/.test(w)) && words.filter((w) => w.length >= 3).length >= 3;
}

/**
 * Base64 of a query string of ordinary parameters (`amdldGlk…` is `jgetid=27&pageno=3…`, a site's state in
 * its URL): structure, not a key; one that carries a credential-named parameter is left to be judged.
 */
function isPlainQuery(text: string): boolean {
  if (!/^[\w.[\]-]{1,40}=[^&\s]*(?:&[\w.[\]-]{1,40}=[^&\s]*){1,40}$/.test(text)) return false;
  return !/(?:^|&)[^=&]*(?:pass|pwd|secret|token|key|auth|sig|cred)[^=&]*=/i.test(text);
}
