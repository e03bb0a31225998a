// A webhook sender in a process of its own (so that the test process, busy being GitHub's API, does not
// delay the answers it measures). Reads {url, secret, deliveries: [{url, id, body}]} as JSON on stdin,
// posts every delivery at once (one connection each, as GitHub does), and prints one JSON line with each
// delivery's status, text, send time and milliseconds to the answer.
import { createHmac } from 'node:crypto';
import { request } from 'node:http';

const input = JSON.parse(
  await new Promise((resolve) => {
    let s = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (c) => (s += c));
    process.stdin.on('end', () => resolve(s));
  }),
);

function post(d) {
  const body = Buffer.from(d.body);
  const signature = `sha256=${createHmac('sha256', input.secret).update(body).digest('hex')}`;
  const sentAt = Date.now();
  return new Promise((resolve) => {
    const req = request(
      `${d.url}/api/github/webhooks`,
      {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': body.length, 'x-github-event': d.event ?? 'pull_request', 'x-github-delivery': d.id, 'x-hub-signature-256': signature },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ id: d.id, status: res.statusCode, text: Buffer.concat(chunks).toString('utf8'), sentAt, ms: Date.now() - sentAt }));
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ id: d.id, status: 0, text: String(e.message), sentAt, ms: Date.now() - sentAt }));
    req.end(body);
  });
}

const results = await Promise.all(input.deliveries.map(post));
process.stdout.write(`${JSON.stringify(results)}\n`);
