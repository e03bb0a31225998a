/**
 * `GET /api/report`: the evidence report for an installation (or every installation) from the App's
 * store, behind a bearer token as `POST /api/sweep` is: `Authorization: Bearer <TOKENWARDEN_REPORT_TOKEN>`
 * (falling back to TOKENWARDEN_SWEEP_TOKEN when only that is set); without either the route does not
 * exist (404). Query: `installation=ID`, `since`, `until` (YYYY-MM-DD or an ISO time with its zone),
 * `pack=default|sox|finra|ffiec|pci-dss|soc2`, `format=json|html|md` (default json).
 *
 * Read only. One report is built at a time per process (a second request gets 503 with Retry-After):
 * building one reads the trail from its start.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { allRules } from '../../engine/registry.js';
import { bearerMatches } from '../../app/sweep/trigger.js';
import { toolVersion } from '../../cli/version.js';
import type { Store } from '../../store/index.js';
import { buildEvidence } from './build.js';
import { isPackName, PACK_LIST } from './controls.js';
import { CONTENT_TYPES, EVIDENCE_FORMATS, renderEvidence, type EvidenceFormat } from './index.js';

export const REPORT_PATH = '/api/report';
export const REPORT_TOKEN_ENV = 'TOKENWARDEN_REPORT_TOKEN';
const SWEEP_TOKEN_ENV = 'TOKENWARDEN_SWEEP_TOKEN';
const MIN_TOKEN = 20;
const DAY = 86_400_000;
export const DEFAULT_PERIOD_DAYS = 90;

/** The token the route asks for ('' = no route). */
export function reportToken(env: NodeJS.ProcessEnv): string {
  return env[REPORT_TOKEN_ENV]?.trim() || env[SWEEP_TOKEN_ENV]?.trim() || '';
}

export function reportEnvProblems(env: NodeJS.ProcessEnv): string[] {
  const t = env[REPORT_TOKEN_ENV]?.trim();
  return t && t.length < MIN_TOKEN
    ? [`${REPORT_TOKEN_ENV} is shorter than ${MIN_TOKEN} characters; generate one with \`openssl rand -hex 32\` (or leave it unset: the sweep's token then opens the report).`]
    : [];
}

interface Log {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface ReportQuery {
  installation: number | null;
  since: Date;
  until: Date;
  pack: (typeof PACK_LIST)[number];
  format: EvidenceFormat;
}

function time(name: string, v: string | null): Date | undefined | string {
  if (v === null) return undefined;
  const s = v.trim();
  const isDay = /^\d{4}-\d{2}-\d{2}$/.test(s);
  const ok = isDay || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i.test(s);
  const d = new Date(isDay ? `${s}T00:00:00Z` : s);
  return ok && !Number.isNaN(d.getTime()) ? d : `${name} must be YYYY-MM-DD or an ISO time with its zone`;
}

/** The query string → a report request, or the reason it is not one. */
export function parseReportQuery(url: string, now: Date): ReportQuery | { error: string } {
  const q = new URL(url, 'http://localhost').searchParams;
  const inst = q.get('installation');
  if (inst !== null && !/^\d{1,15}$/.test(inst)) return { error: 'installation must be a number' };
  const until = time('until', q.get('until')) ?? now;
  if (typeof until === 'string') return { error: until };
  const since = time('since', q.get('since')) ?? new Date(until.getTime() - DEFAULT_PERIOD_DAYS * DAY);
  if (typeof since === 'string') return { error: since };
  if (until.getTime() <= since.getTime()) return { error: 'until must be after since' };
  const pack = q.get('pack') ?? 'default';
  if (!isPackName(pack)) return { error: `pack must be one of ${PACK_LIST.join(', ')}` };
  const format = q.get('format') ?? 'json';
  if (!(EVIDENCE_FORMATS as readonly string[]).includes(format)) return { error: `format must be one of ${EVIDENCE_FORMATS.join(', ')}` };
  return { installation: inst === null ? null : Number(inst), since, until, pack, format: format as EvidenceFormat };
}

export interface ReportRouteOptions {
  store: Store;
  token: string;
  log: Log;
  now?: () => Date;
}

/** Serves `GET|HEAD /api/report`; one report at a time. */
export function reportRoute(opts: ReportRouteOptions): (req: IncomingMessage, res: ServerResponse) => void {
  let busy = false;
  return (req, res) => {
    req.resume();
    const reply = (code: number, body: object, headers: Record<string, string> = {}): void =>
      void res.writeHead(code, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers }).end(`${JSON.stringify(body)}\n`);
    if (!bearerMatches(req.headers.authorization, opts.token)) return reply(401, { error: 'unauthorized' }, { 'www-authenticate': 'Bearer' });
    const now = opts.now?.() ?? new Date();
    const q = parseReportQuery(req.url ?? '/', now);
    if ('error' in q) return reply(400, { error: q.error });
    if (busy) return reply(503, { error: 'a report is being built: retry shortly' }, { 'retry-after': '5' });
    busy = true;
    const started = Date.now();
    void buildEvidence({
      since: q.since,
      until: q.until,
      pack: q.pack,
      now,
      scope: { kind: 'installation', installation: q.installation, repository: null },
      store: opts.store,
      rules: allRules,
      tool: toolVersion(),
    })
      .then((report) => {
        const body = renderEvidence(report, q.format);
        const name = `tokenwarden-evidence-${q.installation ?? 'all'}-${now.toISOString().slice(0, 10)}.${q.format}`;
        res
          .writeHead(200, {
            'content-type': CONTENT_TYPES[q.format],
            'cache-control': 'no-store',
            'content-disposition': `inline; filename="${name}"`,
            'x-tokenwarden-audit-chain': report.chain?.intact === false ? 'broken' : 'intact',
            ...(report.chain ? { 'x-tokenwarden-audit-head': `${report.chain.head.seq}:${report.chain.head.digest}` } : {}),
          })
          .end(req.method === 'HEAD' ? undefined : body);
        opts.log.info(
          { installation: q.installation, pack: q.pack, format: q.format, repositories: report.summary.repositories, chain: report.chain?.intact, ms: Date.now() - started },
          'evidence report served',
        );
      })
      .catch((e: unknown) => {
        opts.log.error({ err: { message: (e as Error).message } }, 'evidence report failed');
        if (!res.headersSent) reply(500, { error: 'the report could not be built: see the server log' });
        else res.destroy();
      })
      .finally(() => {
        busy = false;
      });
  };
}
