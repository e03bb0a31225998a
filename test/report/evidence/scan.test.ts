/**
 * The report from a scan (no store): hostile free text is redacted and escaped in every rendering — a
 * token quoted in a justification, in a file name and in an owner; markup and table pipes in text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initEngine } from '../../../src/engine/init.js';
import { scanFiles } from '../../../src/engine/scan.js';
import { basePolicy } from '../../../src/engine/policy/builtin.js';
import { allRules } from '../../../src/engine/registry.js';
import { ruleSetVersion } from '../../../src/audit/records.js';
import { buildEvidence, renderEvidenceHtml, renderEvidenceJson, renderEvidenceMarkdown, type EvidenceReport, type ScanFacts } from '../../../src/report/evidence/index.js';
import { githubToken } from '../../helpers/tokens.js';

const TODAY = new Date('2026-06-15T12:00:00Z');

describe('evidence report from a scan', () => {
  const token = githubToken('ghp', 'evidence-scan');
  const quoted = githubToken('ghp', 'evidence-quoted');
  const inName = githubToken('ghp', 'evidence-name');
  let report: EvidenceReport;

  beforeAll(async () => {
    await initEngine();
    const policy = basePolicy();
    policy.exceptions = [
      {
        rule: 'secrets/generic-password',
        justification: `<img src=x onerror=alert(1)> | pipes | and the old token ${quoted}`,
        approvedBy: '@acme/<b>security</b>',
        expires: '2026-06-01',
        source: '.github/tokenwarden.yml',
      },
    ];
    const files = [
      { path: 'deploy/.env', text: `GITHUB_TOKEN=${token}\n` },
      { path: `keys/${inName}.txt`, text: 'nothing\n' },
    ];
    const result = scanFiles(files, { policy, rules: allRules, today: TODAY });
    // A finding whose path holds a token (the App finds those by file name): the report must redact it.
    result.findings.push({ ...result.findings[0]!, path: `keys/${inName}.txt`, fingerprint: 'f'.repeat(16) });
    const scan: ScanFacts = {
      repository: 'acme/api',
      today: TODAY,
      policy,
      result,
      ruleSet: ruleSetVersion(),
      inventory: {
        path: '.github/token-inventory.yml',
        entries: [],
        credentials: [
          {
            name: 'DEPLOY_KEY',
            status: 'expired',
            conditions: ['expired'],
            key: 'credential:DEPLOY_KEY',
            owner: `@alice ${quoted}`,
            expires: '2026-06-01',
            dueDate: '2026-06-01',
            dueReason: 'expiry',
            daysLeft: -14,
            missing: [],
            problems: [],
            references: [],
            message: '',
          },
        ],
        errors: 0,
      },
    };
    report = await buildEvidence({
      since: new Date('2026-06-01T00:00:00Z'),
      until: new Date('2026-06-16T00:00:00Z'),
      pack: 'soc2',
      now: TODAY,
      scope: { kind: 'repository', installation: null, repository: 'acme/api' },
      scan,
      rules: allRules,
      tool: '0.1.0',
    });
  }, 60_000);

  it('holds the scan: findings, the expired exception, credentials, controls; no history', () => {
    const repo = report.repositories[0]!;
    expect(repo.name).toBe('acme/api');
    expect(repo.findings.some((f) => f.rule === 'secrets/github-token' && f.path === 'deploy/.env' && f.level === 'fail')).toBe(true);
    expect(repo.exceptions).toEqual([expect.objectContaining({ status: 'expired', daysLeft: -14, approvedBy: '@acme/<b>security</b>', expires: '2026-06-01' })]);
    expect(repo.credentials).toEqual([expect.objectContaining({ name: 'DEPLOY_KEY', status: 'expired', daysLeft: -14, source: 'inventory' })]);
    expect(report.summary.exceptions).toEqual({ active: 0, expired: 1 });
    expect(report.chain).toBeNull();
    expect(report.summary.checks.passRate).toBeNull();
    expect(report.controls.map((c) => c.id)).toEqual(['SOC2-CC6.1', 'SOC2-CC6.2', 'SOC2-CC6.3', 'SOC2-CC8.1']);
    expect(report.controls[0]!.state).toBe('failing');
  });

  it('never prints a token, and escapes markup in every rendering', () => {
    const outputs = { json: renderEvidenceJson(report), html: renderEvidenceHtml(report), md: renderEvidenceMarkdown(report) };
    for (const [name, text] of Object.entries(outputs)) {
      for (const t of [token, quoted, inName]) expect(text, name).not.toContain(t);
    }
    expect(outputs.json).toContain('ghp_');
    expect(outputs.html).not.toContain('<img src=x');
    expect(outputs.html).not.toContain('<b>security</b>');
    expect(outputs.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // A pipe in a cell does not break the Markdown table.
    const row = outputs.md.split('\n').find((l) => l.includes('onerror'))!;
    expect(row).toContain('\\| pipes \\|');
    expect(row.split(/(?<!\\)\|/).length).toBe(10);
  });
});
