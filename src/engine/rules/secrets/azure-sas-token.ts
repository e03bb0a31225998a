import type { FileView, RawFinding, Rule, RuleContext } from '../../rule.js';
import { SECRET_CONTROLS, DEFAULT_SECRET_REMEDIATION } from './define.js';
import { shannonEntropy } from '../../entropy.js';
import { isPlaceholder } from '../../placeholder.js';

/**
 * A shared access signature is a query string whose `sig=` is an HMAC over the other parameters.
 * `sig=` alone is too common (many APIs sign URLs), so the run it sits in must also carry Azure's
 * `sv=YYYY-MM-DD` (storage service version) or `skn=` (Service Bus / Event Hubs key name), plus an
 * expiry or permission, and well-formed `sp=` / `sip=` when present. The signature is the secret.
 */
const SIG = /(?<![A-Za-z0-9_])sig=(?<sig>(?:[A-Za-z0-9+/]|%2[BbFf]){20,200}(?:=|%3[Dd]){0,2})(?![A-Za-z0-9+/%])/g;
/** Characters of a query-string run around `sig=` (stops at whitespace, quotes, brackets). */
const RUN_CHAR = /[^\s"'<>`\\]/;
const MAX_RUN = 2000;

function queryRun(text: string, at: number, end: number): string {
  let s = at;
  while (s > 0 && at - s < MAX_RUN && RUN_CHAR.test(text[s - 1]!)) s--;
  let e = end;
  while (e < text.length && e - end < MAX_RUN && RUN_CHAR.test(text[e]!)) e++;
  return text.slice(s, e);
}

const param = (run: string, name: string): string | undefined => new RegExp(`(?:^|[?&;=])${name}=([^&;]*)`).exec(run)?.[1];

function isAzureSas(run: string): boolean {
  const sv = param(run, 'sv');
  const azure = (sv !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(sv)) || param(run, 'skn') !== undefined;
  if (!azure) return false;
  if (param(run, 'se') === undefined && param(run, 'sp') === undefined && param(run, 'srt') === undefined) return false;
  // Permissions, when present, are letters from Azure's fixed set (racwdxyltmeopfiu).
  const sp = param(run, 'sp');
  if (sp !== undefined && !/^[racwdxyltmeopfiu]+$/.test(sp)) return false;
  // An allowed-IP restriction, when present, is an address or a range of two.
  const sip = param(run, 'sip');
  return sip === undefined || /^\d{1,3}(?:\.\d{1,3}){3}(?:-\d{1,3}(?:\.\d{1,3}){3})?$/.test(sip);
}

function percentDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * The day the SAS expired (`se=2009-02-10`, `se=2024-05-01T10%3A00%3A00Z`), when that is before today:
 * Azure refuses it after its expiry, so it is a dead credential, not a live one.
 */
function expiredOn(run: string, today: Date): string | undefined {
  const se = param(run, 'se');
  const day = se === undefined ? undefined : /^(\d{4}-\d{2}-\d{2})(?:T|%54|$)/i.exec(percentDecode(se))?.[1];
  if (!day) return undefined;
  const t = Date.parse(`${day}T23:59:59Z`);
  return Number.isFinite(t) && t < today.getTime() ? day : undefined;
}

const rule: Rule = {
  meta: {
    id: 'secrets/azure-sas-token',
    family: 'secrets',
    severity: 'high',
    confidence: 'high',
    description: 'Azure shared access signature (SAS) token',
    controls: SECRET_CONTROLS,
    remediation: DEFAULT_SECRET_REMEDIATION,
    revoke: {
      provider: 'Microsoft Azure',
      url: 'https://learn.microsoft.com/azure/storage/common/storage-sas-overview#best-practices-when-using-sas',
      steps: [
        'A SAS cannot be revoked on its own: if it was signed with an account key, rotate that key (Access keys → Rotate); if it uses a stored access policy, delete or change the policy; a user-delegation SAS dies with `az storage account revoke-delegation-keys`.',
        'Issue a new SAS with the shortest expiry and least permissions the job needs, from a secret store or at run time.',
        'Review storage diagnostic logs for requests authenticated with the signature since the commit.',
      ],
    },
  },
  keywords: ['sig='],
  scope: 'line',
  check(file: FileView, ctx: RuleContext): RawFinding[] {
    const out: RawFinding[] = [];
    for (const seg of file.segments) {
      SIG.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = SIG.exec(seg.text)) !== null) {
        const sig = m.groups!.sig!;
        if (shannonEntropy(sig) < 3.5 || isPlaceholder(sig, true) || isPlaceholder(percentDecode(sig), true)) continue;
        const start = seg.offset + m.index + 4;
        const run = queryRun(file.text, seg.offset + m.index, start + sig.length);
        if (!isAzureSas(run)) continue;
        const expired = expiredOn(run, ctx.today);
        out.push({
          start,
          end: start + sig.length,
          secret: sig,
          ...(expired
            ? {
                message: `Azure shared access signature (SAS) committed; it expired on ${expired}, so it no longer grants access (check that the account key it was signed with is not committed too).`,
                confidence: 'low' as const,
                severity: 'low' as const,
              }
            : { message: 'Azure shared access signature (SAS) committed: anyone with the URL has its permissions until it expires.' }),
        });
      }
    }
    return out;
  },
};

export default rule;
