/**
 * Junos `$9$` secrets are a reversible encoding with a published table (the same one every Junos device
 * uses): a salt character picks how many filler characters follow, then each plaintext byte is spelt
 * as gaps between successive characters of a 65-letter alphabet, weighted by a repeating pattern.
 * Decoding tells a real `$9$` value (it decodes to printable text) from a look-alike.
 */
/** The published table: four families of the alphabet, and the weights each plaintext byte is spelt with. */
export const FAMILIES = ['QzF3n6/9CAtpu0O', 'B1IREhcSyrleKvMW8LXx', '7N-dVbwsY2g4oaJZGUDj', 'iHkq.mPf5T'];
const ALPHABET = FAMILIES.join('');
const INDEX = new Map<string, number>([...ALPHABET].map((c, i) => [c, i]));
/** Filler characters after the salt: 3 for the first family, 0 for the last. */
const EXTRA = new Map<string, number>(FAMILIES.flatMap((f, i) => [...f].map((c) => [c, 3 - i] as [string, number])));
export const WEIGHTS = [
  [1, 4, 32],
  [1, 16, 32],
  [1, 8, 32],
  [1, 64],
  [1, 32],
  [1, 4, 16, 128],
  [1, 32, 64],
];

/** The plaintext of a `$9$…` value, or undefined when it is not one (a character off the table, a cut). */
export function decodeJunos9(value: string): string | undefined {
  if (!value.startsWith('$9$')) return undefined;
  const chars = value.slice(3);
  const salt = chars[0];
  if (salt === undefined || !EXTRA.has(salt)) return undefined;
  let at = 1 + EXTRA.get(salt)!;
  let prev = salt;
  let out = '';
  while (at < chars.length) {
    const weights = WEIGHTS[out.length % WEIGHTS.length]!;
    if (at + weights.length > chars.length) return undefined;
    let n = 0;
    for (let k = 0; k < weights.length; k++) {
      const c = chars[at + k]!;
      const i = INDEX.get(c);
      if (i === undefined) return undefined;
      const gap = ((((i - INDEX.get(prev)!) % ALPHABET.length) + ALPHABET.length) % ALPHABET.length) - 1;
      n += gap * weights[k]!;
      prev = c;
    }
    out += String.fromCharCode(n % 256);
    at += weights.length;
  }
  return out;
}
