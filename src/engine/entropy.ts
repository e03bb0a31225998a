/** Shannon entropy in bits per character. */
export function shannonEntropy(s: string): number {
  const n = s.length;
  if (n === 0) return 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let h = 0;
  for (const k of counts.values()) {
    const p = k / n;
    h -= p * Math.log2(p);
  }
  return h;
}

/** Character classes present: lower, upper, digit, other. Real keys mix at least two. */
export function charClasses(s: string): number {
  let lower = 0,
    upper = 0,
    digit = 0,
    other = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = 1;
    else if (c >= 65 && c <= 90) upper = 1;
    else if (c >= 48 && c <= 57) digit = 1;
    else other = 1;
  }
  return lower + upper + digit + other;
}

/** Longest run of one repeated character, or of an ascending/descending sequence (abcd, 1234). */
export function longestTrivialRun(s: string): number {
  let best = s.length ? 1 : 0,
    rep = 1,
    seqUp = 1,
    seqDown = 1;
  for (let i = 1; i < s.length; i++) {
    const d = s.charCodeAt(i) - s.charCodeAt(i - 1);
    rep = d === 0 ? rep + 1 : 1;
    seqUp = d === 1 ? seqUp + 1 : 1;
    seqDown = d === -1 ? seqDown + 1 : 1;
    best = Math.max(best, rep, seqUp, seqDown);
  }
  return best;
}
