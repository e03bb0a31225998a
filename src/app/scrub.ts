/**
 * Last line of defence for free text headed for a log, a check run or an issue (an exception's
 * message, say): every secret the engine recognises is replaced by its redacted form. The redactor
 * itself lives with the renderers (src/report/scrub.ts), so the App and the CLI share one.
 */
export { scrubText as scrub, scrubCached, scrubTexts, redactPath, pathHoldsSecret, warmScrub } from '../report/scrub.js';
