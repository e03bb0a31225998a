/**
 * The audit trail: append-only, hash-chained records in the store (docs/audit.md).
 *
 *   await recordEvaluation(store, { ...meta, ...fromScanResult(result), verdict, checkRunId, issues });
 *   await checkpoint(store, { everyRecords: 1000, everyMs: 3_600_000 });      // on a timer
 *   await verifyChain(store, { pin: { seq, digest } });                       // → ok, or the first break
 *   for await (const line of exportRecords(store, { since, until, repo, format: 'jsonl' })) …
 *
 * The CLI imports ./chain.js and ./export.js directly: they do not load the engine's rules.
 */
export * from './types.js';
export { AUDIT_KINDS, GENESIS, AuditValueError, canonicalJson, canonicalRecord, normalise, normaliseBody, recordDigest } from './canonical.js';
export {
  appendRecords,
  checkpoint,
  parsePin,
  verifyChain,
  type BreakReason,
  type ChainBreak,
  type CheckpointBody,
  type CheckpointOptions,
  type CheckpointSeen,
  type Draft,
  type VerifyBroken,
  type VerifyOk,
  type VerifyOptions,
  type VerifyResult,
} from './chain.js';
export { CSV_COLUMNS, csvCell, csvLine, exportRecords, jsonlLine, type ExportFormat, type ExportOptions } from './export.js';
export {
  auditFinding,
  evaluationBody,
  exceptionRef,
  fromScanResult,
  recordEvaluation,
  recordException,
  recordPolicyChange,
  recordReminder,
  recordRevocation,
  ruleSetVersion,
  type EvaluationRecorded,
  type FromScan,
} from './records.js';
