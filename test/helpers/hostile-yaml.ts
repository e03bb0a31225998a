/** Hostile YAML for the limit and fuzz tests: small texts that expand to billions of nodes. */

/** Billion laughs: nine levels of nine aliases each (9^9 ≈ 387 million scalars when expanded). */
export function aliasBomb(levels = 9, width = 9): string {
  const lines = [`l0: &l0 [${Array(width).fill('"lol"').join(', ')}]`];
  for (let i = 1; i < levels; i++)
    lines.push(
      `l${i}: &l${i} [${Array(width)
        .fill(`*l${i - 1}`)
        .join(', ')}]`,
    );
  return lines.join('\n') + '\n';
}

/** Merge keys that each merge the previous mapping ten times: the walk helpers would expand 10^levels entries. */
export function mergeBomb(levels = 7): string {
  const lines = ['on: push', 'a0: &a0 { k: v }'];
  for (let i = 1; i < levels; i++)
    lines.push(
      `a${i}: &a${i} { <<: [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}] }`,
    );
  lines.push(`jobs: { build: { <<: *a${levels - 1}, runs-on: ubuntu-latest } }`);
  return lines.join('\n') + '\n';
}
