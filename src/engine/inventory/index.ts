/**
 * The token inventory (`.github/token-inventory.yml`): parsing, the secrets workflows reference, and
 * the status of every credential. Pure — no I/O, no clock — so the scan rules, the CLI
 * (`tokenwarden inventory check`) and the App's daily rotation sweep all compute the same answers.
 *
 * The sweep, in four calls:
 *
 * ```ts
 * const inv = parseInventory('.github/token-inventory.yml', text);          // entries + errors (line, fix)
 * const refs = referencedSecrets(workflows);                                 // [{ path, text }] of .github/workflows/*
 * const statuses = credentialStatuses(inv.entries, { today, referenced: refs, ...statusOptionsFromPolicy(policy) });
 * for (const s of statuses) s.status === 'ok' ? closeReminder(s.key) : openOrUpdateReminder(s.key, s);
 * ```
 *
 * `CredentialStatus.key` (`credential:<NAME>`) is stable across edits; `status` is the most urgent of
 * `conditions` (expired, overdue, undeclared, due-soon, incomplete, stale), `dueDate`/`daysLeft` say
 * when, `owner` whom to assign, `line` where the entry is, `message` what to do.
 */
export type {
  CredentialKind,
  CredentialState,
  CredentialStatus,
  FieldPosition,
  InventoryEntry,
  InventoryError,
  InventoryField,
  ParsedInventory,
  SecretReference,
  SecretReferences,
  StatusOptions,
} from './types.js';
export { parseInventory, isInventoryPath, INVENTORY_FILE, INVENTORY_PATHS } from './parse.js';
export { validateInventoryShape, inventorySchema } from './schema.js';
export { referencedSecrets, referenceMap, isWorkflowFile, WORKFLOW_FILE } from './references.js';
export { credentialStatuses, dueDates, isExempt, missingFields, workflowBound } from './status.js';
export { CREDENTIAL_KINDS, DEFAULT_MAX_ROTATION_DAYS, DEFAULT_WARN_DAYS, NEVER_EXPIRES_KINDS, ALWAYS_EXEMPT, isCredentialKind, maxRotationDaysFor } from './kinds.js';
export { addDays, daysBetween, isoDay, isDate } from './dates.js';
export { RULE_IDS, statusOptionsFromPolicy, warnDaysOption, maxRotationDaysOption, allowNeverExpiresOption, exemptOption } from './policy.js';
