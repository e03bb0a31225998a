import rule from '../../../../src/engine/rules/secrets/azure-sas-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { describe, expect, it } from 'vitest';
import { scanFiles } from '../../../../src/engine/scan.js';
import { basePolicy } from '../../../../src/engine/policy/builtin.js';
import { cat, rand, B64 } from '../../../helpers/tokens.js';

const enc = (s: string): string => s.replace(/\+/g, '%2B').replace(/\//g, '%2F');
const sig1 = `${enc(rand(43, B64, 'sas-1'))}%3D`;
const sig2 = `${enc(rand(43, B64, 'sas-2'))}%3D`;
const sig3 = `${rand(43, B64, 'sas-3')}=`;
const q = (sig: string, extra = ''): string => `sp=r&st=2025-03-04T07:24:52Z&se=2025-04-04T15:24:52Z&spr=https&sv=2022-11-02&sr=c${extra}&sig=${sig}`;

ruleTester(rule, {
  valid: [
    `AZURE_BLOB_SAS_TOKEN=st=2025-03-04T07:24:52Z&se=2025-04-04T15:24:52Z&spr=https&sv=2022-11-02&sr=c`, // no signature
    `https://api.example.com/v1/files?expires=1700000000&sig=${sig1}`, // signed URL of another service: no sv=
    `AZURE_BLOB_SAS_TOKEN=${q(sig1).replace('sp=r&', 'sp=rqx&')}`, // permissions outside Azure's set
    `AZURE_BLOB_SAS_TOKEN=${q(sig1, '&sip=168.1.6')}`, // malformed IP restriction
    `AZURE_BLOB_SAS_TOKEN=${q('x'.repeat(43) + '%3D')}`,
    'AZURE_BLOB_SAS_TOKEN=${AZURE_SAS}',
    'comp=list&restype=container&maxresults=100',
  ],
  invalid: [
    { code: `AZURE_BLOB_SAS_TOKEN=${q(sig1)}`, path: '.env', secret: sig1, count: 1 },
    { code: `const url = "https://acme.blob.core.windows.net/backups?sv=2023-01-03&st=2025-06-18T08%3A45%3A11Z&se=2025-06-19T08%3A45%3A11Z&sr=c&sp=rl&sig=${sig2}";`, secret: sig2 },
    { code: `sas=${q(sig3, '&sip=168.1.6.50-168.1.6.80')}`, secret: sig3 },
    { code: `azcopy copy ./dist "https://acme.blob.core.windows.net/web/?sv=2022-11-02&ss=b&srt=co&sp=rwdlac&se=2026-01-01T00:00:00Z&sig=${sig1}" --recursive`, path: 'deploy.sh', secret: sig1 },
    { code: `Endpoint=sb://acme.servicebus.windows.net/;SharedAccessSignature=SharedAccessSignature sr=amqp%3A%2F%2Facme.servicebus.windows.net%2Fq&sig=${sig2}&se=1893456000&skn=send`, secret: sig2 },
    { code: `storage:\n  sas_url: "https://acme.blob.core.windows.net/c?${q(sig3)}"\n`, path: 'values.yaml', secret: sig3, line: 2 },
  ],
});

describe('secrets/azure-sas-token: expiry', () => {
  const today = new Date('2026-06-15T12:00:00Z');
  const found = (code: string) => scanFiles([{ path: 'src/test.go', text: code }], { policy: basePolicy(), rules: [rule], today }).findings;
  it('a SAS that expired before today is reported low, with its expiry; one still valid stays high', () => {
    const [old] = found(`SASURL = "https://acct.blob.core.windows.net/pictures/p.jpg?sv=2019-02-02&st=2019-02-09&se=2019-02-10&sr=c&sp=r&sig=${sig1}"`);
    expect(old?.confidence).toBe('low');
    expect(old?.message).toContain('expired on 2019-02-10');
    const [live] = found(`SASURL = "https://acct.blob.core.windows.net/c?sv=2022-11-02&se=2027-01-01T00%3A00%3A00Z&sr=c&sp=r&sig=${sig1}"`);
    expect(live?.confidence).toBe('high');
  });
  it("Azure Storage's documented example signature is not reported, encoded or not", () => {
    const docs = cat('dD80ihBh5jfNpymO5Hg1IdiJIEvHcJpCMiCMnN', '%2fRnbI%3d');
    expect(found(`u = "https://myaccount.blob.core.windows.net/pictures/profile.jpg?sv=2012-02-12&st=2009-02-09&se=2029-02-10&sr=c&sp=r&sig=${docs}"`)).toEqual([]);
  });
});
