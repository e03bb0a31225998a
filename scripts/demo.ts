/**
 * `npm run demo`: build a small sample repository in a temporary directory — a config with a committed
 * GitHub token and an AWS key pair, a .env, a Kubernetes Secret, a Terraform file, and clean files that
 * only reference secrets or show placeholders — then scan it with the CLI in-process and print the
 * report. Every fake secret is assembled at run time (nothing token-shaped is committed) and exists
 * nowhere else. Exits 0 even though the findings fail the check: it is a demo.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE62, base62, crc32 } from '../src/engine/checksum.js';
import { run } from '../src/cli/run.js';
import { processIo } from '../src/cli/io.js';

// ---------------------------------------------------------------------------------------------------
// Fake credentials: deterministic (seeded) so the demo output is the same every time.

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const r = prng(20260615);
const pick = (n: number, charset: string): string => Array.from({ length: n }, () => charset[Math.floor(r() * charset.length)]).join('');
const UPPER32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

const ghBody = pick(30, BASE62);
const fake = {
  /** A classic PAT with a valid CRC-32 checksum, as GitHub issues them. */
  githubToken: ['gh', 'p_', ghBody, base62(crc32(ghBody), 6)].join(''),
  awsKeyId: ['AK', 'IA', pick(16, UPPER32)].join(''),
  awsSecret: pick(40, `${BASE62}+/`),
  dbPassword: `${pick(6, BASE62)}-${pick(8, BASE62)}!${pick(4, BASE62)}`,
  stripeKey: ['sk', '_', 'live', '_', pick(24, BASE62)].join(''),
  slackToken: ['xo', 'xb-', pick(12, '0123456789'), '-', pick(13, '0123456789'), '-', pick(24, BASE62)].join(''),
  k8sPassword: `${pick(10, BASE62)}_${pick(10, BASE62)}`,
};
/** AWS's documented example key id, spelled in pieces: scanners must not flag it. */
const AWS_DOC_EXAMPLE = ['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('');

// ---------------------------------------------------------------------------------------------------
// The sample repository

const clean: Record<string, string> = {
  'README.md': `# payments-service

Set the credentials before running locally:

\`\`\`sh
export STRIPE_SECRET_KEY=your_api_key
export AWS_ACCESS_KEY_ID=${AWS_DOC_EXAMPLE}   # the example from the AWS docs
export GITHUB_TOKEN=<your-token>
\`\`\`
`,
  '.github/workflows/ci.yml': `name: ci
on: [pull_request]
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          persist-credentials: false
      - run: npm ci && npm test
        env:
          STRIPE_SECRET_KEY: \${{ secrets.STRIPE_SECRET_KEY }}
          GITHUB_TOKEN: \${{ secrets.GITHUB_TOKEN }}
`,
  'src/client.ts': `import Stripe from 'stripe';

// Credentials come from the environment, never from the code.
const apiKey = process.env.STRIPE_SECRET_KEY ?? '';
export const stripe = new Stripe(apiKey);
export const githubToken = process.env.GITHUB_TOKEN;
`,
  'config/example.env': `# Copy to .env and fill in
DATABASE_URL=postgres://app:changeme@localhost:5432/app
STRIPE_SECRET_KEY=\${STRIPE_SECRET_KEY}
`,
};

const leaky: Record<string, string> = {
  'config/deploy.yml': `# Deployment settings for the release job
github:
  owner: acme
  repo: payments-service
  token: ${fake.githubToken}
aws:
  region: eu-west-1
  aws_access_key_id: ${fake.awsKeyId}
  aws_secret_access_key: ${fake.awsSecret}
`,
  '.env': `NODE_ENV=production
DATABASE_URL=postgres://payments:${fake.dbPassword}@db.internal.acme.example:5432/payments
STRIPE_SECRET_KEY=${fake.stripeKey}
SLACK_BOT_TOKEN=${fake.slackToken}
`,
  'k8s/secret.yaml': `apiVersion: v1
kind: Secret
metadata:
  name: payments-db
  namespace: payments
type: Opaque
data:
  username: ${Buffer.from('payments').toString('base64')}
  password: ${Buffer.from(fake.k8sPassword).toString('base64')}
`,
  'infra/main.tf': `provider "aws" {
  region     = "eu-west-1"
  access_key = "${fake.awsKeyId}"
  secret_key = "${fake.awsSecret}"
}

resource "aws_db_instance" "payments" {
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  username            = "payments"
  password            = "${fake.dbPassword}"
  skip_final_snapshot = true
}

resource "aws_secretsmanager_secret" "stripe" {
  name = "payments/stripe"
}
`,
};

function write(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
}

/** Two commits (clean, then the leak) so `scan --diff HEAD~1..HEAD` has something to show. */
function gitCommit(dir: string, message: string): boolean {
  const git = (...args: string[]): boolean =>
    spawnSync('git', ['-c', 'user.name=Demo', '-c', 'user.email=demo@example.invalid', '-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null', ...args], {
      cwd: dir,
      stdio: 'ignore',
    }).status === 0;
  return git('add', '-A') && git('commit', '-q', '-m', message);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tokenwarden-demo-'));
  const hasGit = spawnSync('git', ['init', '-q', '-b', 'main'], { cwd: dir, stdio: 'ignore' }).status === 0;
  write(dir, clean);
  const committed = hasGit && gitCommit(dir, 'Initial commit: service skeleton');
  write(dir, leaky);
  const committed2 = committed && gitCommit(dir, 'Add deployment config');

  const out = process.stdout;
  out.write(`Token Warden demo — a sample repository with committed (fake) credentials\n`);
  out.write(`sample: ${dir}${committed2 ? ' (a git repository: 2 commits, the second adds the leaks)' : ''}\n`);
  out.write(`  leaky: ${Object.keys(leaky).join(', ')}\n`);
  out.write(`  clean: ${Object.keys(clean).join(', ')} (placeholders, \${{ secrets.X }}, the AWS documented example key)\n\n`);
  out.write(`$ tokenwarden scan ${dir}\n\n`);

  const io = processIo();
  const code = await run(['scan', dir], { ...io, cwd: dir });

  const cli = relative(process.cwd(), join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'cli', 'main.js')) || 'dist/src/cli/main.js';
  const next: Array<[string, string]> = [
    [`node ${cli} scan ${dir} --format json`, 'the same report as JSON'],
    [`node ${cli} scan ${dir} --format sarif --output demo.sarif`, 'SARIF 2.1.0 for GitHub code scanning'],
    ...(committed2 ? ([[`(cd ${dir} && node ${join(process.cwd(), cli)} scan --diff HEAD~1..HEAD)`, 'only the lines the last commit added']] as Array<[string, string]>) : []),
    [`node ${cli} baseline ${dir}`, "accept today's findings, report only new ones"],
    [`node ${cli} rules`, 'every rule, its severity and what it finds'],
    ['npm run scan -- .', 'scan this repository'],
    ['npm run bench', 'throughput with every rule on'],
  ];
  const width = Math.max(...next.map(([c]) => c.length));
  out.write(
    `\nexit code ${code}${code === 1 ? ' (findings at level fail: a CI job or pre-commit hook would stop here)' : code === 0 ? '' : ' (usage or configuration error)'}` +
      ` — the demo itself exits 0.\n\nWhat to run next:\n` +
      next.map(([c, why]) => `  ${c.padEnd(width)}  # ${why}\n`).join('') +
      `Remove the sample when done: rm -rf ${dir}\n`,
  );
}

main().then(
  () => {
    process.exitCode = 0;
  },
  (e: unknown) => {
    console.error(`demo: ${(e as Error).stack ?? String(e)}`);
    process.exitCode = 1;
  },
);
