/**
 * The benchmark corpus: ordinary source code, built in memory from the text files of the installed
 * `node_modules` tree (deterministic order), repeated until it reaches the requested size, with a few
 * fake secrets planted. Every secret is assembled at run time: nothing token-shaped is committed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { decodeFile } from '../src/engine/decode.js';
import { BASE62, base62, crc32 } from '../src/engine/checksum.js';
import type { SourceFile } from '../src/engine/scan.js';

export const TEXT_EXTENSIONS = new Set([
  '.js',
  '.mjs',
  '.cjs',
  '.jsx',
  '.ts',
  '.mts',
  '.cts',
  '.tsx',
  '.json',
  '.md',
  '.markdown',
  '.py',
  '.yml',
  '.yaml',
  '.sh',
  '.css',
  '.scss',
  '.html',
  '.toml',
  '.ini',
  '.txt',
  '.rb',
  '.go',
  '.rs',
  '.java',
  '.c',
  '.h',
  '.cc',
  '.proto',
  '.graphql',
]);
/** Minified bundles above this are not "ordinary source code". */
export const MAX_SOURCE_BYTES = 1024 * 1024;
/** A file whose average line is longer than this is minified or generated; left out unless asked. */
const MINIFIED_AVG_LINE = 400;

export interface CorpusSource {
  path: string;
  text: string;
  bytes: number;
}

export interface SourceStats {
  considered: number;
  used: number;
  usedBytes: number;
  skipped: Record<string, number>;
}

function walk(dir: string, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.isDirectory()) walk(full, out);
    else if (e.isFile()) out.push(full);
  }
}

const extOf = (name: string): string => {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
};

/** The real text files under `root/node_modules`, in sorted order. */
export function collectSources(root: string, includeMinified = false): { sources: CorpusSource[]; stats: SourceStats } {
  const files: string[] = [];
  walk(join(root, 'node_modules'), files);
  const stats: SourceStats = { considered: 0, used: 0, usedBytes: 0, skipped: {} };
  const skip = (why: string): void => {
    stats.skipped[why] = (stats.skipped[why] ?? 0) + 1;
  };
  const sources: CorpusSource[] = [];
  for (const full of files) {
    const rel = relative(root, full).split(sep).join('/');
    if (!TEXT_EXTENSIONS.has(extOf(rel))) continue;
    stats.considered++;
    const size = statSync(full).size;
    if (size === 0) {
      skip('empty');
      continue;
    }
    if (size > MAX_SOURCE_BYTES) {
      skip('over 1 MB');
      continue;
    }
    if (!includeMinified && /\.min\.[a-z]+$/i.test(rel)) {
      skip('minified (.min.)');
      continue;
    }
    const d = decodeFile(rel, readFileSync(full), MAX_SOURCE_BYTES);
    if (!d.ok) {
      skip(d.skipped.reason);
      continue;
    }
    const lines = (d.text.match(/\n/g)?.length ?? 0) + 1;
    if (!includeMinified && d.text.length / lines > MINIFIED_AVG_LINE) {
      skip('minified (long lines)');
      continue;
    }
    sources.push({ path: rel, text: d.text, bytes: size });
    stats.used++;
    stats.usedBytes += size;
  }
  return { sources, stats };
}

// ---------------------------------------------------------------------------------------------------
// Fake secrets, assembled at run time from a seeded PRNG.

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const B64 = BASE62 + '+/';

export interface Planted {
  path: string;
  line: number;
  kind: string;
}

/** Lines that each hold one fake credential of a common kind. */
function fakeSecretLines(r: () => number): Array<{ kind: string; lines: string[] }> {
  const pick = (n: number, cs: string): string => Array.from({ length: n }, () => cs[Math.floor(r() * cs.length)]).join('');
  const ghBody = pick(30, BASE62);
  const gh = ['gh', 'p_', ghBody, base62(crc32(ghBody), 6)].join('');
  const akid = ['AK', 'IA', pick(16, UPPER)].join('');
  const secret = pick(40, B64);
  const slack = ['xo', 'xb-', pick(11, '0123456789'), '-', pick(12, '0123456789'), '-', pick(24, BASE62)].join('');
  const stripe = ['sk', '_li', 've_', pick(24, BASE62)].join('');
  const pw = pick(18, BASE62);
  return [
    { kind: 'github-token', lines: [`const GITHUB_TOKEN = "${gh}";`] },
    { kind: 'aws-key-pair', lines: [`aws_access_key_id = ${akid}`, `aws_secret_access_key = ${secret}`] },
    { kind: 'slack-token', lines: [`  slackToken: '${slack}',`] },
    { kind: 'stripe-key', lines: [`STRIPE_SECRET_KEY=${stripe}`] },
    { kind: 'db-url', lines: [`DATABASE_URL="postgres://app:${pw}@db.internal:5432/app"`] },
  ];
}

export interface Corpus {
  files: SourceFile[];
  bytes: number;
  planted: Planted[];
}

/**
 * Repeat the sources (as they are, one output file per source file, under `copy<k>/`) until `targetBytes`
 * is reached; plant one fake secret every `plantEvery` files, in the middle of the file.
 */
export function buildCorpus(sources: CorpusSource[], targetBytes: number, plantEvery = 997, seed = 42): Corpus {
  if (sources.length === 0) throw new Error('no source files found under node_modules: run npm install first');
  const r = prng(seed);
  const files: SourceFile[] = [];
  const planted: Planted[] = [];
  let bytes = 0;
  for (let i = 0; bytes < targetBytes; i++) {
    const src = sources[i % sources.length]!;
    const path = `copy${Math.floor(i / sources.length)}/${src.path}`;
    let text = src.text;
    let size = src.bytes;
    if (i % plantEvery === plantEvery - 1) {
      const kinds = fakeSecretLines(r);
      const k = kinds[Math.floor(i / plantEvery) % kinds.length]!;
      const lines = text.split('\n');
      const at = Math.floor(lines.length / 2);
      lines.splice(at, 0, ...k.lines);
      text = lines.join('\n');
      size = Buffer.byteLength(text);
      planted.push({ path, line: at + 1, kind: k.kind });
    }
    files.push({ path, text });
    bytes += size;
  }
  return { files, bytes, planted };
}

/** A deterministic, spread-out subset of about `targetBytes` (every n-th file). */
export function subset(corpus: Corpus, targetBytes: number): Corpus {
  if (targetBytes >= corpus.bytes) return corpus;
  const stride = Math.max(1, Math.floor(corpus.bytes / targetBytes));
  const files: SourceFile[] = [];
  let bytes = 0;
  for (let i = 0; i < corpus.files.length && bytes < targetBytes; i += stride) {
    const f = corpus.files[i]!;
    files.push(f);
    bytes += Buffer.byteLength(f.text);
  }
  const paths = new Set(files.map((f) => f.path));
  return { files, bytes, planted: corpus.planted.filter((p) => paths.has(p.path)) };
}
