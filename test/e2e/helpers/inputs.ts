/**
 * Hostile file contents, built at run time (nothing large or token-shaped is committed). Each structural
 * file also carries a construct a rule reports when the file IS judged (`permissions: write-all`, an
 * inventory entry without an owner), so "judged" shows as an annotation on the file.
 */

/** "Billion laughs": 9 levels of 9 aliases each (9^9 = 387 million leaves if expanded). */
export function aliasAnchors(prefix = 'x-'): string {
  const names = 'abcdefghi';
  const lines = [`${prefix}a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]`];
  for (let i = 1; i < names.length; i++)
    lines.push(
      `${prefix}${names[i]}: &${names[i]} [${Array(9)
        .fill(`*${names[i - 1]}`)
        .join(', ')}]`,
    );
  return lines.join('\n') + '\n';
}

/** Merge keys that double at each level: `<<: *x29` stands for 2^29 merged mappings. */
export function mergeAnchors(levels = 30, prefix = 'x'): string {
  const lines = [`${prefix}0: &${prefix}0 {k0: v}`];
  for (let i = 1; i < levels; i++) lines.push(`${prefix}${i}: &${prefix}${i} {<<: [*${prefix}${i - 1}, *${prefix}${i - 1}], k${i}: v}`);
  return lines.join('\n') + '\n';
}
export const MERGE_TOP = 'x29';

const WORKFLOW_TAIL = (use: string, merge = false): string =>
  [
    'on: push',
    'permissions: write-all',
    'jobs:',
    ...(merge ? [`  <<: ${use}`] : []),
    '  build:',
    '    runs-on: ubuntu-latest',
    merge ? `    env: {<<: ${use}}` : `    env: {LOL: ${use}}`,
    '    steps:',
    '      - run: echo hello',
    merge ? `        with: {<<: ${use}}` : `        with: {lol: ${use}}`,
    '',
  ].join('\n');

export const workflowAliasBomb = (): string => aliasAnchors() + WORKFLOW_TAIL('*i');
export const workflowMergeBomb = (): string => mergeAnchors() + WORKFLOW_TAIL(`*${MERGE_TOP}`, true);

const INVENTORY_ENTRY = (extra: string): string =>
  ['version: 1', 'credentials:', '  - name: DEPLOY_TOKEN', '    kind: classic-pat', '    owner:', '    rotation_days: 90', '    last_rotated: 2026-01-01', extra, ''].join('\n');

export const inventoryAliasBomb = (): string => aliasAnchors() + INVENTORY_ENTRY('    notes: *i\n    scopes: *i');
export const inventoryMergeBomb = (): string => mergeAnchors() + INVENTORY_ENTRY(`    <<: *${MERGE_TOP}`);

export const policyAliasBomb = (): string => `extends: default\n${aliasAnchors()}ignore: *i\n`;
export const policyMergeBomb = (): string => `extends: default\n${mergeAnchors()}settings: {<<: *${MERGE_TOP}}\nrules: {<<: *${MERGE_TOP}}\n`;

/** `[[[[…]]]]`, `depth` deep, on one line. */
export const flowNest = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);
/** `- - - - … x`: block sequences nested `depth` deep (compact notation, 2 bytes per level). */
export const blockNest = (depth: number): string => '- '.repeat(depth) + 'x';

export const policyDeepFlow = (depth = 100_000): string => `extends: default\nignore: ${flowNest(depth)}\n`;
export const policyDeepBlock = (depth = 100_000): string => `extends: default\nignore:\n  ${blockNest(depth)}\n`;
export const workflowDeepFlow = (depth = 100_000): string => `on: push\npermissions: write-all\njobs: ${flowNest(depth)}\n`;
export const workflowDeepBlock = (depth = 200_000): string => `on: push\npermissions: write-all\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      ${blockNest(depth)}\n`;

/** Exponential backtracking in a glob compiled to a regular expression, against a long run of `a`. */
export const PATHOLOGICAL_GLOB = '*a*a*a*a*a*a*a*a*a*a*a*b';
export const policyPathologicalGlob = (): string =>
  ['extends: default', 'ignore:', `  - "${PATHOLOGICAL_GLOB}"`, 'rules:', '  secrets/github-token:', `    ignore: ["${PATHOLOGICAL_GLOB}"]`, ''].join('\n');
/** Brace ranges a glob library expands into a million patterns each. */
export const policyBraceRanges = (): string =>
  ['extends: default', 'ignore:', '  - "{1..1000000}"', '  - "x{1..1000}{1..1000}.txt"', 'rules:', '  secrets/github-token:', '    ignore: ["docs/{1..1000000}/**"]', ''].join('\n');

/** One line of minified-looking JavaScript of `bytes` characters, with `insert` in the middle. */
export function minifiedLine(bytes: number, insert: string): string {
  const unit = 'var a0=function(b,c){return b.map(function(d){return d*c+1})};';
  const half = Math.floor((bytes - insert.length) / 2);
  const pad = (n: number): string => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
  return pad(half) + insert + pad(bytes - insert.length - half);
}

/** A patch of `mb` megabytes of SQL, `token` on its last line. */
export function hugePatch(mb: number, lastLine: string): { patch: string; lines: number } {
  const row = (i: number): string => `INSERT INTO events (id, kind, payload) VALUES (${i}, 'click', '${'x'.repeat(330)}');`;
  const n = Math.ceil((mb * 1024 * 1024) / row(0).length);
  const lines = Array.from({ length: n }, (_, i) => row(i));
  lines.push(lastLine);
  return { patch: `@@ -0,0 +1,${lines.length} @@\n+${lines.join('\n+')}`, lines: lines.length };
}

/** Text of at least `bytes` bytes, `line` at the end. */
export function bigText(bytes: number, line: string): string {
  const para = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt.\n';
  return para.repeat(Math.ceil(bytes / para.length)) + line + '\n';
}

/** Latin-1 (ISO 8859-1) bytes, not valid UTF-8, with `line` among them. */
export const latin1 = (line: string): Buffer => Buffer.from(`# Param\xe8tres de d\xe9ploiement - caf\xe9, cr\xe8me br\xfbl\xe9e\n${line}\n# \xa9 ACME S.\xe0 r.l.\n`, 'latin1');

/** An ELF-like binary (NUL bytes first) with `line` in its data. */
export const binaryWith = (line: string): Buffer => Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(56), Buffer.from(`\n${line}\n`), Buffer.alloc(512)]);

/** A real PNG (1x1) whose tEXt chunk carries `text`. */
export function pngWith(text: string): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    return Buffer.concat([len, Buffer.from(type, 'latin1'), data, Buffer.alloc(4) /* CRC not checked by anyone here */]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('tEXt', Buffer.concat([Buffer.from('Comment\0', 'latin1'), Buffer.from(text, 'latin1')])),
    chunk('IDAT', Buffer.from([0x78, 0x9c, 0x63, 0, 1, 0, 0, 5, 0, 1])),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A workflow whose `permissions:` value is `bytes` long: the unknown-permission rule quotes it. */
export const workflowHugeMessage = (bytes: number): string => `on: push\npermissions: ${'r'.repeat(bytes)}\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hello\n`;
