/**
 * The evidence report (docs/evidence.md): build the model once (`buildEvidence`), render it as JSON
 * (the source of truth), self-contained HTML or Markdown.
 */
import type { EvidenceReport } from './model.js';
import { renderEvidenceHtml } from './html.js';
import { renderEvidenceMarkdown } from './markdown.js';

export * from './model.js';
export { buildEvidence, type BuildOptions, type EvidenceStore, type ScanFacts } from './build.js';
export { PACKS, PACK_LIST, isPackName, packOfPolicy, rulesFor, type ControlDef, type PackDef } from './controls.js';
export { HEADLINE, headline, valueAt, shown } from './figures.js';
export { renderEvidenceHtml } from './html.js';
export { renderEvidenceMarkdown } from './markdown.js';

export type EvidenceFormat = 'html' | 'md' | 'json';
export const EVIDENCE_FORMATS: readonly EvidenceFormat[] = ['html', 'md', 'json'];

export const renderEvidenceJson = (r: EvidenceReport): string => `${JSON.stringify(r, null, 2)}\n`;

export function renderEvidence(r: EvidenceReport, format: EvidenceFormat): string {
  return format === 'html' ? renderEvidenceHtml(r) : format === 'md' ? renderEvidenceMarkdown(r) : renderEvidenceJson(r);
}

export const CONTENT_TYPES: Record<EvidenceFormat, string> = {
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  json: 'application/json; charset=utf-8',
};
