/** The resolved shape of an empty policy: what every loaded policy is merged onto. */
import type { ResolvedPolicy } from './types.js';

export function basePolicy(): ResolvedPolicy {
  return {
    sources: ['built-in'],
    hash: '',
    settings: { maxFileBytes: 5 * 1024 * 1024, minConfidence: 'low', incompleteScan: 'fail', decodeEncoded: true },
    families: { secrets: 'fail', scopes: 'auto', rotation: 'auto' },
    severityLevels: { critical: 'fail', high: 'fail', medium: 'warn', low: 'warn', info: 'off' },
    rules: {},
    ignore: [],
    exceptions: [],
    locked: [],
  };
}
