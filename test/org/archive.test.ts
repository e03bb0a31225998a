/**
 * A repository of many files is read as one archive of its commit (GET …/tarball/{sha}: pax headers,
 * long paths, binary and oversized entries skipped as they stream by) instead of a request per file;
 * the judgement is the same either way, and an archive GitHub will not serve falls back to blobs.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initEngine } from '../../src/engine/init.js';
import { createOrgClient } from '../../src/org/client.js';
import { runOrgScan } from '../../src/org/run.js';
import type { RepoResult } from '../../src/org/types.js';
import { fakeGithubToken, startOrgStandIn, type OrgStandIn, type StandRepo } from './helpers/org-stand-in.js';

let api: OrgStandIn | undefined;
beforeAll(async () => {
  await initEngine();
});
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const longDir = `deploy/${'nested-directory/'.repeat(8)}`;

function bigRepo(): StandRepo {
  const files: Record<string, string | Uint8Array> = { '.github/tokenwarden.yml': 'extends: default\nsettings:\n  max_file_size: 64KB\n' };
  for (let i = 0; i < 25; i++) files[`src/m${i}.js`] = `export const v${i} = ${i};\n`;
  files[`${longDir}prod.env`] = `GITHUB_TOKEN=${fakeGithubToken()}\n`;
  files['assets/logo.png'] = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]);
  files['data/dump.sql'] = 'x'.repeat(70 * 1024);
  return { name: 'big', files };
}

const shape = (r: RepoResult) => ({
  verdict: r.verdict,
  files: r.files,
  findings: r.findings.map((f) => `${f.ruleId} ${f.path}:${f.line} ${f.fingerprint}`).sort(),
  notJudged: r.notJudged.map((n) => `${n.path} ${n.reason}`).sort(),
});

async function scan(archive: boolean): Promise<RepoResult> {
  const gh = createOrgClient({ token: 'tok', apiUrl: api!.url, retryBaseMs: 1 });
  const report = await runOrgScan({ org: 'acme', gh, apiUrl: api!.url, today: new Date('2026-06-15T12:00:00Z'), archive });
  return report.repositories[0]!;
}

describe('repositories read as one archive', () => {
  it('one archive request instead of a request per file; the same findings and files not judged as blob by blob', async () => {
    api = await startOrgStandIn('acme', [bigRepo()], { token: 'tok' });
    const viaArchive = await scan(true);
    expect(api.archives().get('acme/big')).toBe(1);
    // The archive, and the policy's blob (read before the scan, to judge by it).
    expect(api.requests.filter((r) => r.includes('/git/blobs/')).length).toBe(1);
    expect(shape(viaArchive).findings).toEqual([expect.stringMatching(new RegExp(`^secrets/github-token ${longDir.replace(/[/-]/g, '\\$&')}prod\\.env:1 [0-9a-f]{16}$`))]);
    expect(shape(viaArchive).notJudged).toEqual(['assets/logo.png binary', 'data/dump.sql too-large']);

    const before = api.requests.length;
    const oneByOne = await scan(false);
    expect(api.requests.slice(before).filter((r) => r.includes('/git/blobs/')).length).toBe(28);
    expect(shape(oneByOne)).toEqual(shape(viaArchive));
  });

  it('an archive GitHub will not serve: the files are fetched one by one', async () => {
    api = await startOrgStandIn('acme', [bigRepo()], { token: 'tok' });
    api.archiveStatus = 404;
    const r = await scan(true);
    expect(api.requests.filter((q) => q.includes('/tarball/')).length).toBe(1);
    expect(api.requests.filter((q) => q.includes('/git/blobs/')).length).toBe(28);
    expect(r.findings.map((f) => f.ruleId)).toEqual(['secrets/github-token']);
  });
});
