import { describe, expect, it } from 'vitest';
import { stagedText } from '../../src/report/wording.js';

describe('staged wording', () => {
  it('never says committed about lines that are only staged', () => {
    expect(stagedText('GitHub token committed to the repository (checksum verified).')).toBe('GitHub token staged for commit (checksum verified).');
    expect(stagedText('OpenPGP private key block committed: revoke the key.')).toBe('OpenPGP private key block staged: revoke the key.');
    expect(stagedText('Review the audit log since it was committed.')).toBe('Review the audit log since it was issued.');
    expect(stagedText('Committed credentials')).toBe('Staged credentials');
  });
});
