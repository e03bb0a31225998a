/**
 * `tokenwarden inventory init|check`: draft the token inventory from the workflows, and print the
 * status of every credential (exit 1 when one is overdue, expired or undeclared, or the file is
 * invalid). Same engine as the scan rules and the App's rotation sweep.
 */
import { readFile, readdir, stat, writeFile, mkdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { DEFAULT_WARN_DAYS, INVENTORY_PATHS, credentialStatuses, isWorkflowFile, isoDay, parseInventory, referencedSecrets, statusOptionsFromPolicy } from '../engine/inventory/index.js';
import { oneOf, parseCommandArgs, todayFrom, usageError } from './args.js';
import { HELP } from './help.js';
import { CliError, EXIT, type Io } from './io.js';
import { loadPolicy } from './config.js';
import { workTreeTop } from './git.js';
import { draftInventory } from './inventory-draft.js';
import { renderInventoryJson, renderInventoryText, verdict, type InventoryReport } from './inventory-report.js';

/** The repository root for PATH (default: the current directory): the git top, else PATH itself. */
async function repoRoot(io: Io, path: string | undefined): Promise<string> {
  const abs = resolve(io.cwd, path ?? '.');
  let isDir = false;
  try {
    isDir = (await stat(abs)).isDirectory();
  } catch {
    throw new CliError(`no such directory: ${path ?? '.'}`, 'pass the repository directory (default: the current directory)');
  }
  if (!isDir) throw new CliError(`${path} is not a directory`, 'pass the repository directory; the inventory is read from its .github/token-inventory.yml');
  return (await workTreeTop(abs)) ?? abs;
}

async function readIfExists(abs: string): Promise<string | undefined> {
  try {
    return await readFile(abs, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CliError(`cannot read ${abs}: ${(e as NodeJS.ErrnoException).code ?? e}`, 'check the file permissions');
  }
}

/** `.github/workflows/*.yml|yaml` of the repository, with their texts. */
async function workflows(root: string): Promise<Array<{ path: string; text: string }>> {
  let names: string[];
  try {
    names = await readdir(join(root, '.github', 'workflows'));
  } catch {
    return [];
  }
  const out: Array<{ path: string; text: string }> = [];
  for (const n of names.sort()) {
    const path = `.github/workflows/${n}`;
    if (!isWorkflowFile(path)) continue;
    const text = await readIfExists(join(root, path));
    if (text !== undefined) out.push({ path, text });
  }
  return out;
}

async function existingInventory(root: string): Promise<{ path: string; text: string } | undefined> {
  for (const p of INVENTORY_PATHS) {
    const text = await readIfExists(join(root, p));
    if (text !== undefined) return { path: p, text };
  }
  return undefined;
}

async function init(argv: string[], io: Io): Promise<number> {
  const { values: v, positionals } = parseCommandArgs('inventory', argv, {
    force: { type: 'boolean' },
    config: { type: 'string', short: 'c' },
    today: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (v.help) {
    io.stdout.write(HELP.inventory);
    return EXIT.ok;
  }
  if (positionals.length > 1) throw usageError('inventory', 'inventory init takes one PATH');
  const root = await repoRoot(io, positionals[0]);
  const today = todayFrom('inventory', v.today, io.now());
  const existing = await existingInventory(root);
  if (existing && !v.force) {
    throw new CliError(
      `${relative(io.cwd, join(root, existing.path)) || existing.path} already exists; nothing was written`,
      "edit it, check it with 'tokenwarden inventory check', or pass --force to replace it with a fresh draft",
    );
  }
  const { policy } = await loadPolicy({ cwd: io.cwd, root, explicit: v.config, today });
  const refs = referencedSecrets(await workflows(root));
  const draft = draftInventory(refs, { today, exempt: statusOptionsFromPolicy(policy).exempt ?? [] });
  const target = existing?.path ?? INVENTORY_PATHS[0];
  await mkdir(join(root, '.github'), { recursive: true });
  await writeFile(join(root, target), draft.text);
  const shown = relative(io.cwd, join(root, target)) || target;
  io.stdout.write(
    `wrote ${shown}: ${draft.count} credential${draft.count === 1 ? '' : 's'} from ${refs.files.length} workflow${refs.files.length === 1 ? '' : 's'}\n` +
      (draft.count ? `next: fill in every TODO (owner, scopes, rotation_days, last_rotated, expires), then run 'tokenwarden inventory check'\n` : ''),
  );
  return EXIT.ok;
}

async function check(argv: string[], io: Io): Promise<number> {
  const { values: v, positionals } = parseCommandArgs('inventory', argv, {
    format: { type: 'string', short: 'f' },
    today: { type: 'string' },
    config: { type: 'string', short: 'c' },
    help: { type: 'boolean', short: 'h' },
  });
  if (v.help) {
    io.stdout.write(HELP.inventory);
    return EXIT.ok;
  }
  if (positionals.length > 1) throw usageError('inventory', 'inventory check takes one PATH');
  const format = oneOf('inventory', 'format', v.format, ['text', 'json'] as const, 'text');
  const today = todayFrom('inventory', v.today, io.now());
  const root = await repoRoot(io, positionals[0]);
  const inv = await existingInventory(root);
  if (!inv)
    throw new CliError(`no token inventory in ${relative(io.cwd, root) || '.'} (.github/token-inventory.yml)`, "run 'tokenwarden inventory init' to draft one from the secrets your workflows use");
  const { policy } = await loadPolicy({ cwd: io.cwd, root, explicit: v.config, today });
  const options = statusOptionsFromPolicy(policy);
  const parsed = parseInventory(inv.path, inv.text);
  const files = await workflows(root);
  const refs = referencedSecrets(files);
  const report: InventoryReport = {
    inventory: inv.path,
    today: isoDay(today),
    warnDays: options.warnDays ?? DEFAULT_WARN_DAYS,
    workflows: refs.files,
    credentials: credentialStatuses(parsed.entries, { today, ...options, ...(refs.files.length ? { referenced: refs } : {}) }),
    errors: parsed.errors,
  };
  io.stdout.write(format === 'json' ? renderInventoryJson(report) : renderInventoryText(report));
  return verdict(report) === 'fail' ? EXIT.findings : EXIT.ok;
}

export async function inventoryCommand(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'init':
      return init(rest, io);
    case 'check':
      return check(rest, io);
    case '-h':
    case '--help':
    case 'help':
      io.stdout.write(HELP.inventory);
      return EXIT.ok;
    case undefined:
      throw usageError('inventory', 'inventory needs a subcommand: init or check');
    default:
      throw usageError('inventory', `unknown inventory subcommand '${sub}' (use init or check)`);
  }
}
