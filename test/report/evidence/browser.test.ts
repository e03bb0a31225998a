/**
 * The HTML evidence report in a real headless Chromium (Debian's `chromium`, installed by .ci/run):
 * built from a store filled by the App's record functions, it renders without a console error, makes
 * no request besides its own file, and every number it shows is the JSON's. A screenshot is written to
 * the test's temporary directory (and to TOKENWARDEN_SCREENSHOT_DIR when set, to look at).
 *
 * Skipped, with the reason, when no Chromium is installed — except under CI (CI=true), where a missing
 * browser fails the test: the check must run there.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRules } from '../../../src/engine/registry.js';
import { buildEvidence, renderEvidenceHtml, renderEvidenceJson, shown, valueAt, type EvidenceReport } from '../../../src/report/evidence/index.js';
import type { Store } from '../../../src/store/index.js';
import { Chromium, findChromium } from './chromium.js';
import { DAY, END, filledStore, INSTALLATION } from './fixture.js';

const binary = findChromium();
const REASON = 'no Chromium binary (chromium, chromium-browser, google-chrome, or CHROMIUM_PATH): apt-get install -y chromium — .ci/run installs it';
if (!binary) {
  if (process.env.CI) throw new Error(`the browser test must run in CI, but there is ${REASON}`);
  console.warn(`test/report/evidence/browser.test.ts skipped: ${REASON}`);
}

interface Seen {
  metrics: Array<{ path: string; text: string }>;
  counts: Array<{ path: string; rows: number }>;
  chain: string | null;
  svgs: number;
  title: string;
}

const READ_PAGE = `(() => ({
  metrics: [...document.querySelectorAll('[data-metric]')].map((e) => ({ path: e.getAttribute('data-metric'), text: e.textContent.trim() })),
  counts: [...document.querySelectorAll('[data-count]')].map((e) => ({ path: e.getAttribute('data-count'), rows: Number(e.getAttribute('data-rows')), shown: e.tagName === 'TABLE' ? e.tBodies[0].rows.length : 0 }))
    .map((c) => ({ path: c.path, rows: c.rows === c.shown || c.rows === 0 ? c.rows : -1 })),
  chain: document.querySelector('[data-chain]')?.getAttribute('data-chain') ?? null,
  svgs: document.querySelectorAll('svg').length,
  title: document.title,
}))()`;

describe.skipIf(!binary)('evidence report in headless Chromium', () => {
  let store: Store;
  let dir: string;
  let browser: Chromium;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tw-evidence-'));
    store = await filledStore();
    browser = Chromium.launch(binary!);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function render(name: string, report: EvidenceReport): Promise<{ seen: Seen; errors: string[]; requests: string[]; page: string; json: EvidenceReport }> {
    const page = join(dir, `${name}.html`);
    writeFileSync(page, renderEvidenceHtml(report));
    // The JSON as a reader would get it: the numbers are checked against this, not the object in memory.
    const json = JSON.parse(renderEvidenceJson(report)) as EvidenceReport;
    writeFileSync(join(dir, `${name}.json`), JSON.stringify(json));
    const { events, value } = await browser.open(pathToFileURL(page).href, 1200, async (p) => {
      const seen = await p.evaluate<Seen>(READ_PAGE);
      const png = await p.screenshot();
      writeFileSync(join(dir, `${name}.png`), png);
      const keep = process.env.TOKENWARDEN_SCREENSHOT_DIR;
      if (keep) {
        mkdirSync(keep, { recursive: true });
        copyFileSync(join(dir, `${name}.png`), join(keep, `${name}.png`));
        copyFileSync(page, join(keep, `${name}.html`));
      }
      return seen;
    });
    return { seen: value, errors: events.errors, requests: events.requests, page, json };
  }

  function expectSameNumbers(seen: Seen, json: EvidenceReport): void {
    expect(seen.metrics.length).toBeGreaterThan(20);
    for (const m of seen.metrics) {
      const value = valueAt(json, m.path);
      expect(value, m.path).not.toBeUndefined();
      expect(m.text, m.path).toBe(shown(value, m.path.endsWith('passRate') ? '%' : undefined));
    }
    for (const c of seen.counts) {
      const list = valueAt(json, c.path);
      expect(Array.isArray(list) || list === null, c.path).toBe(true);
      expect(c.rows, c.path).toBe(Array.isArray(list) ? list.length : 0);
    }
  }

  it("an installation report: no console error, no request, the JSON's numbers, three charts", async () => {
    const report = await buildEvidence({
      since: new Date(END.getTime() - 31 * DAY),
      until: new Date(END.getTime() + DAY),
      pack: 'pci-dss',
      now: new Date(END.getTime() + DAY),
      scope: { kind: 'installation', installation: INSTALLATION, repository: null },
      store,
      rules: allRules,
      tool: '0.1.0',
    });
    const { seen, errors, requests, page, json } = await render('installation', report);
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(page).href]);
    expect(seen.chain).toBe('intact');
    expect(seen.svgs).toBe(3);
    expect(seen.title).toBe(json.title);
    expectSameNumbers(seen, json);
    // … and the JSON's check counts are the store's, counted here straight from its records.
    const evals = (await store.audit.find({ kinds: ['evaluation'] }, 0, 10_000)).filter((r) => r.body.installation === INSTALLATION);
    const verdicts = evals.map((r) => r.body.verdict);
    expect(json.summary.checks).toMatchObject({
      evaluations: evals.length,
      pass: verdicts.filter((v) => v === 'pass').length,
      warn: verdicts.filter((v) => v === 'warn').length,
      fail: verdicts.filter((v) => v === 'fail').length,
    });
    expect(json.chain!.head.seq).toBe((await store.audit.head()).seq);
    // The figures an auditor reads first are among them.
    const paths = seen.metrics.map((m) => m.path);
    for (const p of ['summary.checks.passRate', 'summary.findings.open', 'summary.credentials.total', 'summary.controls.failing', 'chain.head.seq']) expect(paths).toContain(p);
    expect(seen.counts.map((c) => c.path)).toContain('repositories.1.findings');
  }, 120_000);

  it('a broken chain is shown as broken, with the same numbers', async () => {
    const { tamper } = await import('../../audit/helpers.js');
    await tamper(store, async (tx) => {
      await tx.query(`UPDATE tokenwarden.audit_record SET body = body || '{"edited": true}'::jsonb WHERE seq = 30`);
    });
    const report = await buildEvidence({
      since: new Date(END.getTime() - 31 * DAY),
      until: new Date(END.getTime() + DAY),
      pack: 'sox',
      now: new Date(END.getTime() + DAY),
      scope: { kind: 'installation', installation: null, repository: null },
      store,
      rules: allRules,
      tool: '0.1.0',
    });
    const { seen, errors, requests, page, json } = await render('broken', report);
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(page).href]);
    expect(seen.chain).toBe('broken');
    expectSameNumbers(seen, json);
  }, 120_000);

  it('the harness does see console errors and requests (a page that makes both)', async () => {
    const page = join(dir, 'noisy.html');
    writeFileSync(page, `<!DOCTYPE html><html><head><title>noisy</title></head><body><img src="http://127.0.0.1:9/x.png"><script>console.error('boom')</script></body></html>`);
    const { events } = await browser.open(pathToFileURL(page).href, 800, async () => undefined);
    expect(events.errors.some((e) => e.includes('boom'))).toBe(true);
    expect(events.requests).toContain('http://127.0.0.1:9/x.png');
  }, 60_000);
});
