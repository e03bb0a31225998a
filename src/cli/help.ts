/** Usage lines and per-command help. */

export const USAGE = {
  scan: 'Usage: tokenwarden scan [PATH...] [--diff BASE..HEAD | --staged | --history [RANGE]] [--format text|json|sarif] [--output FILE] [--config FILE] [--baseline FILE] [--jobs N] [--no-color] [--quiet]',
  baseline: 'Usage: tokenwarden baseline [PATH...] [--output FILE] [--config FILE]',
  rules: 'Usage: tokenwarden rules [ID] [--format text|json] [--config FILE]',
  inventory: 'Usage: tokenwarden inventory init [PATH] [--force] | tokenwarden inventory check [PATH] [--format text|json] [--today YYYY-MM-DD] [--config FILE]',
  report:
    'Usage: tokenwarden report [PATH] [--since TIME] [--until TIME] [--pack sox|finra|ffiec|pci-dss|soc2|default] [--format html|md|json] [--output FILE] [--repo OWNER/NAME] [--config FILE] [--data-dir DIR | --database-url URL]',
  audit:
    'Usage: tokenwarden audit verify [--pin SEQ:DIGEST] [--from SEQ] [--format text|json] [STORE] | tokenwarden audit export [--since TIME] [--until TIME] [--repo OWNER/NAME] [--kind KIND] [--format jsonl|csv] [--output FILE] [STORE]',
  org: 'Usage: tokenwarden org scan ORG [--token TOKEN] [--api-url URL] [--out FILE] [--format text|json] [--repos A,B] [--state FILE] [--include-archived] [--include-forks] [--concurrency N]',
} as const;

export type Command = keyof typeof USAGE;

export const MAIN_HELP = `tokenwarden: find committed secrets and token-hygiene problems

Usage:
  tokenwarden scan [PATH...] [options]      scan files (default: .), or only the lines a change adds
  tokenwarden baseline [PATH...] [options]  record current findings so later scans report only new ones
  tokenwarden rules                         list the rules
  tokenwarden inventory init|check [PATH]   draft the token inventory; show every credential's rotation status
  tokenwarden audit verify|export           check the App's hash-chained audit trail; export it for a SIEM
  tokenwarden report [PATH]                 the evidence report for an auditor (HTML, Markdown or JSON)
  tokenwarden org scan ORG [options]        scan every repository's default branch of an org over the API
  tokenwarden --version | --help

Run 'tokenwarden <command> --help' for a command's options.
Exit codes: 0 clean or warnings only, 1 a finding at level fail, 2 usage or configuration error.
`;

export const HELP: Record<Command, string> = {
  scan: `${USAGE.scan}

Scan the files under each PATH (default: the current directory), skipping .git, node_modules,
git-ignored files and the policy's ignore globs — each counted and listed in the text report under
"Left out on purpose", with the setting that changes it; a PATH named here is scanned whatever they
say. Or, with --diff or --staged, only the lines a change adds.

Options:
  --diff BASE..HEAD  only lines added in this git range (BASE...HEAD: since their merge base).
                     The policy and baseline are read from BASE, so a change cannot relax its own check.
                     EMPTY..HEAD (or git's empty tree id as BASE): every line at HEAD, with HEAD's policy.
  --staged           only lines added in the index (for a pre-commit hook)
  --history [RANGE]  every line every commit added (RANGE: e.g. origin/main..HEAD, or --history=REV;
                     default: all of HEAD's history), by the secrets rules; each secret once, with the
                     first commit, author date and path, and whether HEAD still holds it. A secret
                     deleted since is still a leak until it is revoked. Needs the full history (not a
                     shallow clone: git fetch --unshallow).
  --format FORMAT    text (default), json or sarif
  --output FILE      write the report to FILE instead of stdout
  --config FILE      policy file (default: .github/tokenwarden.yml or .yaml in the repository, else built-in)
  --baseline FILE    report only findings whose fingerprint is not in FILE
                     (default: .tokenwarden-baseline.json in the repository, if present)
  --jobs N, -j N     worker threads for a folder scan (default: the number of cores; one thread below
                     400 files, on one core, or on two below 1,000 files); the output is the same, byte
                     for byte, for any N
  --no-color         no colours (also off with NO_COLOR set, or when stdout is not a terminal)
  --quiet            text: findings and the verdict only, nothing when clean
  -h, --help         show this help

Exit codes: 0 clean or warnings only, 1 a finding at level fail, 2 usage or configuration error, or a
folder scan that read no file at all ("NOTHING SCANNED": never a pass).
`,
  baseline: `${USAGE.baseline}

Scan PATHs (default: .) and write the fingerprints of every current finding, so that later scans
report only new ones. The file holds rule ids, paths and redacted excerpts, never a secret.
A baselined secret is still leaked: revoke it, then remove it from the baseline.

Options:
  --output FILE  where to write (default: .tokenwarden-baseline.json in the repository)
  --config FILE  policy file (default: .github/tokenwarden.yml or .yaml, else built-in)
  -h, --help     show this help
`,
  rules: `${USAGE.rules}

List every rule with its id, default severity, confidence and description; with an ID (or a
family: secrets, scopes, rotation), show that rule whole: its level under the policy, controls,
remediation, revoke steps, its options (type, default, what each does: the policy is checked against
them, an unknown option or a wrong value is an error at its line) and the policy's values.

Options:
  --format FORMAT  text (default) or json
  --config FILE    policy file for the levels and options (default: .github/tokenwarden.yml or .yaml)
  -h, --help       show this help
`,
  inventory: `Usage:
  tokenwarden inventory init [PATH] [--force]
  tokenwarden inventory check [PATH] [--format text|json] [--today YYYY-MM-DD] [--config FILE]

The token inventory (.github/token-inventory.yml) says, for every credential the repository uses or
provisions, who owns it, what it may do, how often it is rotated, when it was last rotated and when it
expires. PATH is the repository (default: the current directory). Format: docs/token-inventory.md.

init   Draft the inventory from the secrets the workflows use (\${{ secrets.NAME }}): one entry
       per credential, kinds guessed from unambiguous names, owners and dates left blank as TODO.
       Never replaces an existing inventory unless --force is given.
check  Print every credential with its status — ok, due-soon, overdue, expired, incomplete, stale
       (no workflow uses it) or undeclared (a workflow uses it, the inventory does not list it) —
       its owner, last rotation, due date and days left. The due-soon window and the rotation
       maximums come from the policy (rotation/credential-expiring warnDays, default 14;
       rotation/rotation-period-too-long maxRotationDays).

Options:
  --force          init: replace an existing inventory
  --format FORMAT  check: text (default) or json
  --today DATE     check: judge as of this day (YYYY-MM-DD) instead of today
  --config FILE    policy file (default: .github/tokenwarden.yml or .yaml, else built-in)
  -h, --help       show this help

Exit codes: 0 fine (check: nothing overdue, expired or undeclared), 1 check: a credential is
overdue, expired or undeclared, or the inventory is invalid, 2 usage or configuration error
(init: the inventory exists; check: there is none).
`,
  audit: `Usage:
  tokenwarden audit verify [--pin SEQ:DIGEST] [--from SEQ] [--format text|json] [STORE]
  tokenwarden audit export [--since TIME] [--until TIME] [--repo OWNER/NAME] [--kind KIND]
                           [--format jsonl|csv] [--output FILE] [STORE]

The App keeps an append-only, hash-chained audit trail in its store: one record per evaluation,
exception used or expired, policy change, rotation reminder and revocation, and periodic checkpoints.
Never a secret value. Format and an independent check with jq: docs/audit.md.

verify  Walk the chain from the first record to the head, recompute every digest and link, and
        name the first broken record (edited, deleted, inserted, reordered, a truncated tail).
        Prints one line when intact: records, head SEQ:DIGEST, last checkpoint. Keep a printed
        SEQ:DIGEST somewhere else and pass it to --pin later: a rewrite of everything up to it,
        digests included, is then detected too.
export  The records, in order, as JSON Lines (each line holds everything its digest covers) or CSV.

STORE (as the App finds it):
  --database-url URL   PostgreSQL (default: DATABASE_URL; password from PGPASSWORD or ~/.pgpass)
  --data-dir DIR       the embedded store's directory (default: TOKENWARDEN_DATA_DIR, else
                       ./.tokenwarden); one process at a time: stop the App first

Options:
  --pin SEQ:DIGEST  verify: record SEQ must still have this digest
  --from SEQ        verify: start at record SEQ (trusting the digest of the one before)
  --since TIME      export: records at or after TIME (YYYY-MM-DD = midnight UTC, or 2026-06-15T08:00:00Z)
  --until TIME      export: records before TIME
  --repo OWNER/NAME export: only records about this repository
  --kind KIND       export: evaluation, exception, policy-change, reminder, revocation, checkpoint
                    (repeat, or separate with commas)
  --format FORMAT   verify: text (default) or json; export: jsonl (default) or csv
  --output FILE     export: write to FILE instead of stdout
  -h, --help        show this help

Exit codes: 0 intact (export: written), 1 verify: the chain is broken (the first broken record is
named), 2 usage or configuration error (no store there, the store in use, unreachable database).
`,
  org: `${USAGE.org}

Scan the default branch of every repository of ORG (an organisation, or a user account) over the
GitHub API, without cloning and without installing the App: the tree at the branch's head, each file
judged by the engine 'tokenwarden scan' uses, with the policy of the org's .github repository merged
with the repository's own .github/tokenwarden.yml, and the token inventory's credentials. Archived
repositories and forks are skipped unless asked for. Rate limits (secondary limits included) are
waited out after GitHub's retry-after. Format of --out: docs/org-scan.md.

Options:
  --token TOKEN       a token that can read the repositories (default: GITHUB_TOKEN, then GH_TOKEN;
                      prefer the environment: a command line is visible to other users)
  --api-url URL       REST API root (default https://api.github.com; GitHub Enterprise Server:
                      https://HOST/api/v3)
  --out FILE          write the JSON report (every repository, findings redacted with their
                      fingerprints, credentials, files not judged) to FILE
  --format FORMAT     what goes to stdout: text (default) or json (the report)
  --repos A,B         only these repositories (names, comma-separated; repeatable)
  --state FILE        record each repository as it is done; an interrupted run started again with
                      the same FILE resumes where it stopped, scanning no repository twice
  --include-archived  scan archived repositories too
  --include-forks     scan forks too
  --concurrency N     repositories scanned at once (default 2; blobs: 8 per repository)
  --verbose           a line per repository and per rate-limit wait on stderr
  -h, --help          show this help

Ctrl-C once: finish the repositories in hand, record them, write the report and stop. Twice: stop
at once (those in hand are scanned again by the next run).

Exit codes: 0 every repository scanned, nothing at level fail, 1 a finding at level fail (or a
policy that does not load), 2 usage or configuration error, 3 incomplete (a repository failed or the
run was interrupted: run it again with --state).
`,
  report: `${USAGE.report}

The evidence report an auditor asks for, for one repository: every credential of the token inventory
(owner, scopes, last rotation, due date, status), open findings, exceptions (justification, approver,
expiry), each control of the compliance pack with the rules that evidence it and their state — from a
scan of the working tree now — and, with the App's store, the check history (checks, verdicts, pass
rate over time), finding ages and remediation issues from its audit trail, verified first; the report
names the head SEQ:DIGEST it was built from. Never a secret value. Details: docs/evidence.md.

Options:
  --since TIME      start of the period (YYYY-MM-DD = midnight UTC, or 2026-06-15T08:00:00Z); default 90 days before --until
  --until TIME      end of the period (excluded); default now
  --pack PACK       sox, finra, ffiec, pci-dss, soc2 or default (default: the pack the policy extends)
  --format FORMAT   html (default; self-contained, no external requests), md or json (the source of truth)
  --output FILE     write to FILE instead of stdout (the format follows a .html, .md or .json name)
  --repo OWNER/NAME the repository's name in the audit trail (default: from the origin remote)
  --config FILE     policy file (default: .github/tokenwarden.yml or .yaml, else built-in)
  --data-dir DIR    the App's embedded store (default: TOKENWARDEN_DATA_DIR; stop the App first)
  --database-url URL  the App's PostgreSQL (default: DATABASE_URL)
  -h, --help        show this help

Without a store (no flag, no TOKENWARDEN_DATA_DIR or DATABASE_URL) the report has no history.
For a whole installation, ask the App: GET /api/report?installation=ID (docs/evidence.md).

Exit codes: 0 written, 1 written but the audit trail is broken, 2 usage or configuration error.
`,
};
