/** Every rotation rule. */
import type { Rule } from '../../rule.js';
import inventoryMissing from './inventory-missing.js';
import inventoryInvalid from './inventory-invalid.js';
import inventoryIncomplete from './inventory-incomplete.js';
import rotationPeriodTooLong from './rotation-period-too-long.js';
import credentialOverdue from './credential-overdue.js';
import credentialExpiring from './credential-expiring.js';
import staleCredential from './stale-credential.js';

export const rotationRules: Rule[] = [
  inventoryMissing,
  inventoryInvalid,
  inventoryIncomplete,
  rotationPeriodTooLong,
  credentialOverdue,
  credentialExpiring,
  staleCredential,
];
