/**
 * One repository's default branch, judged whole over the API with the CLI's engine: the tree at the
 * branch's head, each blob fetched (a few at a time) and scanned, the policy of the org's `.github`
 * repository merged with the repository's own `.github/tokenwarden.yml` (at the same commit), the token
 * inventory's credentials judged on `today`. Files over the policy's `max_file_size` are listed as
 * not judged without being downloaded; binary files are listed (as `tokenwarden scan` lists them).
 */
import { Scanner, type ScanResult } from '../engine/scan.js';
import { decodeFile } from '../engine/decode.js';
import type { Rule } from '../engine/rule.js';
import type { Finding } from '../engine/finding.js';
import type { PolicyLayer } from '../engine/policy/load.js';
import type { ResolvedPolicy } from '../engine/policy/types.js';
import { credentialStatuses, INVENTORY_PATHS, isWorkflowFile, parseInventory, referencedSecrets, statusOptionsFromPolicy } from '../engine/inventory/index.js';
import { explainVerdict } from '../report/verdict.js';
import { redactPath, scrubText } from '../report/scrub.js';
import { BlobTooLarge, getBlob, listTree, status, type RepoRef } from '../app/github/api.js';
import type { GitHubClient } from '../app/github/octokit.js';
import { mapLimit } from '../app/limit.js';
import { describeError } from '../app/errors.js';
import { ORG_POLICY_REPO, POLICY_PATH, resolveSources, type PolicySources, orgLayerSource } from '../app/pipeline/policy-source.js';
import { readTarGz, TarError, type TarEntry } from './tar.js';
import type { OrgRepo, ReportCredential, ReportFinding, ReportNotJudged, RepoResult } from './types.js';

export interface RepoScanOptions {
  rules: readonly Rule[];
  today: Date;
  /** The org's `.github/tokenwarden.yml` (read once per run), if any. */
  orgPolicy: string | undefined;
  /** Blob downloads in flight for this repository. */
  concurrency: number;
  /** Stops fetching (the run was interrupted): the repository is then not done. */
  signal?: AbortSignal;
  /** Read many files as one archive of the commit (default true); false: a request per file. */
  archive?: boolean;
  /** The archive could not be read (the files are then fetched one by one). */
  onArchiveError?: (e: unknown) => void;
}

/** From this many files to judge, the commit's archive is read instead of a request per file. */
export const ARCHIVE_MIN_FILES = 20;
/** …unless files not judged (over the size limit) would add more than this to the download. */
export const ARCHIVE_MAX_SKIPPED_BYTES = 64 * 1024 * 1024;

/** `GET /repos/{owner}/{repo}/tarball/{ref}`, streamed (GitHub redirects to its archive host). */
export async function readArchive(gh: GitHubClient, r: RepoRef, sha: string, want: (e: TarEntry) => boolean, onFile: (path: string, bytes: Uint8Array) => void, signal?: AbortSignal): Promise<void> {
  const res = await gh.request('GET /repos/{owner}/{repo}/tarball/{ref}', { ...r, ref: sha, request: { parseSuccessResponseBody: false } });
  const body = res.data as ReadableStream<Uint8Array> | null;
  if (!body) throw new TarError('GitHub sent no archive');
  await readTarGz(body, want, onFile, signal);
}

/** The default branch's head commit, or null when the repository has none (empty, or no such branch). */
export async function headOf(gh: GitHubClient, r: RepoRef, branch: string): Promise<string | null> {
  try {
    const res = await gh.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { ...r, ref: `heads/${branch}` });
    const sha = (res.data as { object?: { sha?: unknown } })?.object?.sha;
    if (typeof sha !== 'string') throw new Error(`GitHub's answer for ${r.owner}/${r.repo}'s ${branch} could not be read`);
    return sha;
  } catch (e) {
    // 409: "Git Repository is empty"; 404: no such branch.
    if (status(e) === 409 || status(e) === 404) return null;
    throw e;
  }
}

/** A policy is a few KB; the App reads it up to this size too. */
const MAX_POLICY_BYTES = 1024 * 1024;

const toFinding = (f: Finding): ReportFinding => ({
  fingerprint: f.fingerprint,
  ruleId: f.ruleId,
  family: f.family,
  severity: f.severity,
  confidence: f.confidence,
  level: f.level,
  path: redactPath(f.path),
  line: f.startLine,
  ...(f.endLine !== undefined && f.endLine !== f.startLine ? { endLine: f.endLine } : {}),
  ...(f.redacted ? { redacted: f.redacted } : {}),
});

function emptyResult(repo: OrgRepo, started: number): RepoResult {
  return {
    repository: repo.fullName,
    defaultBranch: repo.defaultBranch,
    headSha: null,
    status: 'empty',
    archived: repo.archived,
    fork: repo.fork,
    private: repo.private,
    verdict: 'pass',
    policy: null,
    files: { listed: 0, scanned: 0, bytes: 0 },
    counts: { fail: 0, warn: 0, excepted: 0, suppressed: 0, notJudged: 0, credentials: 0 },
    findings: [],
    notJudged: [],
    inventory: null,
    inventoryErrors: 0,
    credentials: [],
    scannedAt: new Date().toISOString(),
    ms: Date.now() - started,
  };
}

export async function scanRepository(gh: GitHubClient, repo: OrgRepo, opts: RepoScanOptions): Promise<RepoResult> {
  const started = Date.now();
  const [owner, name] = repo.fullName.split('/') as [string, string];
  const r: RepoRef = { owner, repo: name };
  const head = await headOf(gh, r, repo.defaultBranch);
  if (!head) return emptyResult(repo, started);
  const tree = await listTree(gh, r, head);
  const byPath = new Map(tree.files.map((f) => [f.path, f]));
  /** Blobs read before the scan (the policy): judged from here, not fetched again. */
  const early = new Map<string, Uint8Array>();
  const fetchText = async (path: string, maxBytes: number): Promise<string | undefined> => {
    const f = byPath.get(path);
    if (!f) return undefined;
    const bytes = await getBlob(gh, r, f.sha, maxBytes, path);
    early.set(path, bytes);
    const d = decodeFile(path, bytes, maxBytes);
    return d.ok ? d.text : undefined;
  };

  // The policy: the org's, then the repository's own at the same commit (in the org's `.github`
  // repository its file is the org policy). Read from the tree: no extra request.
  const sources: PolicySources = {};
  let tooLarge = false;
  const own = await fetchText(POLICY_PATH, MAX_POLICY_BYTES).catch((e: unknown) => {
    if (!(e instanceof BlobTooLarge)) throw e;
    tooLarge = true;
    return undefined;
  });
  if (name === ORG_POLICY_REPO) {
    if (own !== undefined) sources.org = { source: orgLayerSource(owner), text: own };
  } else {
    if (opts.orgPolicy !== undefined) sources.org = { source: orgLayerSource(owner), text: opts.orgPolicy } satisfies PolicyLayer;
    if (own !== undefined) sources.repo = { source: POLICY_PATH, text: own };
  }
  const resolved = tooLarge
    ? ({ ok: false, errors: [{ source: POLICY_PATH, line: 1, column: 1, message: `the policy file is larger than ${MAX_POLICY_BYTES} bytes`, fix: '' }] } as const)
    : resolveSources(
        sources,
        opts.today,
        opts.rules.map((x) => x.meta.id),
      );
  if (!resolved.ok) {
    return {
      ...emptyResult(repo, started),
      headSha: head,
      status: 'policy-error',
      verdict: 'fail',
      files: { listed: tree.files.length, scanned: 0, bytes: 0 },
      policyErrors: resolved.errors.map((e) => `${e.source}:${e.line}:${e.column}: ${e.message}`),
      scannedAt: new Date().toISOString(),
      ms: Date.now() - started,
    };
  }
  const policy = resolved.policy;
  const max = policy.settings.maxFileBytes;
  const scanner = new Scanner({ policy, rules: opts.rules, today: opts.today });
  if (tree.truncated) scanner.skip({ path: '(tree truncated)', reason: 'unreadable', detail: 'GitHub truncated the tree listing of this commit; scan a clone with tokenwarden scan' });
  // What the inventory's judgement needs besides the scan: the inventory and the workflows.
  const kept = new Map<string, string>();
  const keep = (p: string): boolean => (INVENTORY_PATHS as readonly string[]).includes(p) || isWorkflowFile(p);
  let bytes = 0;
  /** A file's bytes, judged (or listed as not judged). */
  const judge = (path: string, blob: Uint8Array): void => {
    const d = decodeFile(path, blob, max);
    if (!d.ok) {
      scanner.skip(d.skipped);
      return;
    }
    bytes += blob.length;
    if (keep(path)) kept.set(path, d.text);
    try {
      scanner.scanFile({ path, text: d.text });
    } catch (e) {
      scanner.skip({ path, reason: 'error', detail: `internal error while scanning: ${describeError(e)}` });
    }
  };
  const wanted = new Map<string, (typeof tree.files)[number]>();
  for (const f of tree.files) {
    if (scanner.isIgnored(f.path)) continue;
    // Too large: listed, never downloaded.
    if (f.size !== undefined && f.size > max) scanner.skip({ path: f.path, reason: 'too-large', detail: `${f.size} bytes > limit ${max} (settings.max_file_size)` });
    else wanted.set(f.path, f);
  }
  const judged = new Set<string>();
  for (const [path, blob] of early) {
    if (!wanted.has(path) || blob.length > max) continue;
    judged.add(path);
    judge(path, blob);
  }
  // Many files: one archive of the commit instead of a request per file — unless it would mostly carry
  // bytes that are not judged (files over the limit travel in the archive too).
  const skippedBytes = tree.files.reduce((n, f) => n + (!wanted.has(f.path) && f.size ? f.size : 0), 0);
  if (opts.archive !== false && wanted.size >= ARCHIVE_MIN_FILES && skippedBytes <= ARCHIVE_MAX_SKIPPED_BYTES) {
    try {
      await readArchive(
        gh,
        r,
        head,
        (e) => wanted.has(e.path) && !judged.has(e.path) && e.size <= max,
        (path, blob) => {
          judged.add(path);
          judge(path, blob);
        },
        opts.signal,
      );
    } catch (e) {
      if (opts.signal?.aborted) throw e;
      // What the archive did not bring is fetched blob by blob below.
      opts.onArchiveError?.(e);
    }
  }
  await mapLimit(
    [...wanted.values()].filter((f) => !judged.has(f.path)),
    opts.concurrency,
    async (f) => {
      if (opts.signal?.aborted) throw opts.signal.reason ?? new Error('interrupted');
      let blob: Uint8Array;
      try {
        blob = await getBlob(gh, r, f.sha, max, f.path);
      } catch (e) {
        if (e instanceof BlobTooLarge) {
          scanner.skip({ path: f.path, reason: 'too-large', detail: `over ${max} bytes (settings.max_file_size)` });
          return;
        }
        const s = status(e);
        // A blob GitHub will not serve costs that file; a rate limit or an outage the client could not
        // wait out costs the repository (it is scanned again by the next run).
        if (s === 403 || s === 404 || s === 422) {
          scanner.skip({ path: f.path, reason: 'unreadable', detail: `GitHub would not serve the blob (${s})` });
          return;
        }
        throw e;
      }
      judge(f.path, blob);
    },
  );
  const result = scanner.result();
  const inventory = INVENTORY_PATHS.find((p) => kept.has(p)) ?? null;
  const credentials = inventory ? judgeInventory(inventory, kept, policy, opts.today) : { list: [], errors: 0 };
  return toResult(repo, head, tree.files.length, bytes, policy, result, inventory, credentials, started);
}

function judgeInventory(path: string, texts: Map<string, string>, policy: ResolvedPolicy, today: Date): { list: ReportCredential[]; errors: number } {
  const parsed = parseInventory(path, texts.get(path)!);
  const refs = referencedSecrets([...texts].filter(([p]) => isWorkflowFile(p)).map(([p, text]) => ({ path: p, text })));
  const statuses = credentialStatuses(parsed.entries, { today, ...statusOptionsFromPolicy(policy), ...(refs.files.length ? { referenced: refs } : {}) });
  const list = statuses.map((c): ReportCredential => ({
    name: c.name,
    status: c.status,
    conditions: [...c.conditions],
    ...(c.kind ? { kind: c.kind } : {}),
    ...(c.provider ? { provider: c.provider } : {}),
    ...(c.owner ? { owner: c.owner } : {}),
    ...(c.rotationDays !== undefined ? { rotationDays: c.rotationDays } : {}),
    ...(c.lastRotated ? { lastRotated: c.lastRotated } : {}),
    ...(c.expires ? { expires: c.expires } : {}),
    ...(c.dueDate ? { dueDate: c.dueDate } : {}),
    ...(c.dueReason ? { dueReason: c.dueReason } : {}),
    ...(c.daysLeft !== undefined ? { daysLeft: c.daysLeft } : {}),
    missing: [...c.missing],
    usedBy: [...new Set(c.references.map((x) => x.path))],
  }));
  return { list, errors: parsed.errors.length };
}

function toResult(
  repo: OrgRepo,
  head: string,
  listed: number,
  bytes: number,
  policy: ResolvedPolicy,
  result: ScanResult,
  inventory: string | null,
  credentials: { list: ReportCredential[]; errors: number },
  started: number,
): RepoResult {
  const detail = explainVerdict(result, policy);
  const notJudged: ReportNotJudged[] = result.skipped.map((s) => ({ path: redactPath(s.path), reason: s.reason, ...(s.detail ? { detail: scrubText(s.detail) } : {}) }));
  return {
    repository: repo.fullName,
    defaultBranch: repo.defaultBranch,
    headSha: head,
    status: 'scanned',
    archived: repo.archived,
    fork: repo.fork,
    private: repo.private,
    verdict: detail.verdict,
    policy: { hash: policy.hash, sources: [...policy.sources] },
    files: { listed, scanned: result.stats.files, bytes },
    counts: {
      fail: detail.failing,
      warn: detail.warning,
      excepted: result.excepted.length,
      suppressed: result.suppressed,
      notJudged: notJudged.length,
      credentials: credentials.list.length,
    },
    findings: result.findings.map(toFinding),
    notJudged,
    inventory,
    inventoryErrors: credentials.errors,
    credentials: credentials.list,
    scannedAt: new Date().toISOString(),
    ms: Date.now() - started,
  };
}
