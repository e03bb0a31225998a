/** What every renderer gets besides the scan result. */
import type { Rule } from '../engine/rule.js';
import type { ResolvedPolicy } from '../engine/policy/types.js';

export interface ReportContext {
  policy: ResolvedPolicy;
  /** Version of the tool that produced the report. */
  toolVersion: string;
  /** The rules the scanner was given; renderers describe those the policy did not turn off. */
  rules: readonly Rule[];
  /** Where the baseline came from, when one was applied. */
  baselineSource?: string;
}

export const TOOL_NAME = 'tokenwarden';
