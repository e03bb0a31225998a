/** `tokenwarden rules`: what the engine can detect. */
import { allRules } from '../engine/registry.js';
import { oneOf, parseCommandArgs } from './args.js';
import { HELP } from './help.js';
import { EXIT, type Io } from './io.js';

export function rulesCommand(argv: string[], io: Io): number {
  const { values: v } = parseCommandArgs('rules', argv, {
    format: { type: 'string', short: 'f' },
    help: { type: 'boolean', short: 'h' },
  });
  if (v.help) {
    io.stdout.write(HELP.rules);
    return EXIT.ok;
  }
  const format = oneOf('rules', 'format', v.format, ['text', 'json'] as const, 'text');
  const rows = allRules.map((r) => ({ id: r.meta.id, family: r.meta.family, severity: r.meta.severity, confidence: r.meta.confidence, description: r.meta.description, controls: r.meta.controls }));
  if (format === 'json') {
    io.stdout.write(JSON.stringify(rows, null, 2) + '\n');
    return EXIT.ok;
  }
  const idWidth = Math.max(2, ...rows.map((r) => r.id.length));
  io.stdout.write(`${'ID'.padEnd(idWidth)}  SEVERITY  CONFIDENCE  DESCRIPTION\n`);
  for (const r of rows) io.stdout.write(`${r.id.padEnd(idWidth)}  ${r.severity.padEnd(8)}  ${r.confidence.padEnd(10)}  ${r.description}\n`);
  io.stdout.write(`${rows.length} rules\n`);
  return EXIT.ok;
}
