/**
 * Requests the way an attacker (or a proxy) sends them, with node:http rather than fetch: exact headers,
 * a body that may be partial, chunked, huge (one shared Buffer, never copied) or preceded by
 * `Expect: 100-continue`, and one connection per request.
 */
import { request, type IncomingHttpHeaders } from 'node:http';
import { createHmac } from 'node:crypto';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** From the start of the request to the end of the answer. */
  ms: number;
  /** Whether the client got the go-ahead (`100 Continue`) before the answer. */
  continued: boolean;
}

export interface RawRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string | number>;
  /** Written whole, unless `partial`. Without `content-length` in `headers` it goes chunked. */
  body?: Buffer | string;
  /** Write only this part of the body and never finish the request (a slow or stalled client). */
  partial?: Buffer | string;
  /** Send `Expect: 100-continue` and the body only after `100 Continue`. */
  expectContinue?: boolean;
  timeoutMs?: number;
}

export const hmac = (body: Buffer | string, secret: string): string => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** Resolves with the answer (errors after it, such as EPIPE while uploading, are ignored). */
export function rawRequest(base: string, r: RawRequest): Promise<RawResponse> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    let answered = false;
    let continued = false;
    const headers: Record<string, string | number> = { ...r.headers };
    if (r.expectContinue) headers.expect = '100-continue';
    const req = request(`${base}${r.path ?? '/api/github/webhooks'}`, { method: r.method ?? 'POST', headers, agent: false }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        clearTimeout(timer);
        req.destroy();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8'), ms: Date.now() - t0, continued });
      });
      res.on('error', () => undefined);
    });
    const timer = setTimeout(() => {
      req.destroy();
      if (!answered) reject(new Error(`no answer within ${r.timeoutMs ?? 20_000} ms`));
    }, r.timeoutMs ?? 20_000);
    req.on('error', (e) => {
      if (!answered) {
        clearTimeout(timer);
        reject(e);
      }
    });
    const send = (): void => {
      if (r.partial !== undefined) {
        req.write(r.partial);
        return;
      }
      req.end(r.body);
    };
    if (r.expectContinue) {
      req.on('continue', () => {
        continued = true;
        send();
      });
      req.flushHeaders();
    } else send();
  });
}
