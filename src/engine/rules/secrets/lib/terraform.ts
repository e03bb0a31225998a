/**
 * Terraform provider blocks hold credentials under generic attribute names (`token`, `api_key`,
 * `secret_key`): the provider's name is on the `provider "x" {` line, the value a few lines below.
 * This turns a keyword-assigned rule's spec into a rule for that shape.
 */
import type { Rule } from '../../../rule.js';
import { defineSecretRule, type SecretRuleSpec } from '../define.js';
import { withNextLine } from './next-line.js';

/** Lines after `provider "x" {` the block's attributes may be on. */
const BLOCK_LINES = 8;

/**
 * The same secret spec, matching `value` as the quoted value of one of `attributes` inside a
 * `provider "<one of providers>" { … }` block. `value` is a bounded regex source.
 */
export function terraformProvider(spec: SecretRuleSpec, providers: readonly string[], attributes: readonly string[], value: string): Rule {
  const pattern = new RegExp(`provider[ \\t]{1,4}"(?:${providers.join('|')})"[ \\t]{0,4}\\{[^}]{0,400}?(?<![\\w-])(?:${attributes.join('|')})[ \\t]{0,8}=[ \\t]{0,4}"(?<secret>${value})"`, 'g');
  return withNextLine(defineSecretRule({ ...spec, keywords: providers.map((p) => p.toLowerCase()), pattern }), BLOCK_LINES);
}
