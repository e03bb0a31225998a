import { describe, expect, it } from 'vitest';
import { isPlaceholder, isReference, placeholderGrade } from '../../src/engine/placeholder.js';
import { ALNUM, B64, cat, HEX, rand } from '../helpers/tokens.js';

describe('isPlaceholder', () => {
  it("recognises the vendors' documented example keys", () => {
    expect(isPlaceholder(cat('AKIA', 'IOSFODNN7', 'EXAMPLE'), true)).toBe(true);
    expect(isPlaceholder(cat('wJalrXUtnFEMI/K7MDENG/', 'bPxRfiCY', 'EXAMPLEKEY'), true)).toBe(true);
    expect(isPlaceholder(cat('ASIA', 'IOSFODNN7', 'EXAMPLE'), true)).toBe(true);
    // MinIO's public playground and its docs' sample server.
    expect(isPlaceholder(cat('zuf+tfteSlswRu7BJ86w', 'ekitnifILbZam1KYY3TG'), true)).toBe(true);
    expect(isPlaceholder(cat('MOJRH0mkL1IPauahWITS', 'VvyDrQbEEIwljvmxdq03'), true)).toBe(true);
    expect(isPlaceholder(cat('USWUXHGYZQ', 'YFYFFIT3RE'), true)).toBe(true);
    // The Telegram Bot API's documented token.
    expect(isPlaceholder(cat('123456:ABC-DEF1234gh', 'Ikl-zyx57W2v1u123ew11'), true)).toBe(true);
    // One character off is not the published value.
    expect(isPlaceholder(cat('zuf+tfteSlswRu7BJ86w', 'ekitnifILbZam1KYY3TH'), true)).toBe(false);
  });

  it('recognises strong markers even in strict mode', () => {
    for (const v of [
      cat('sk_live_', 'x'.repeat(24)),
      cat('ghp_', 'X'.repeat(36)),
      '*'.repeat(12),
      cat('token_', '0'.repeat(16)),
      cat('AKIA', 'EXAMPLE', rand(9, ALNUM.toUpperCase())),
      cat('key-', 'a'.repeat(20)),
      'abcdefghijklmnop',
      '1234567890123456',
      cat('sk-', 'zyxwvutsrqponm'),
    ]) {
      expect(isPlaceholder(v, true), v).toBe(true);
      expect(isPlaceholder(v, false), v).toBe(true);
    }
  });

  it('recognises placeholder words only in loose mode', () => {
    for (const v of [
      'your_api_key',
      'your-secret-key',
      'changeme',
      'change_me',
      'replace-me',
      '<your-token>',
      '${API_TOKEN}',
      '{{ token }}',
      'insert_your_key_here',
      'dummy-password',
      'redacted',
      'TODO',
      'null',
      'none',
      'fake-token-value',
      'not_a_real_secret',
      '...',
      // Values that say they are made to fail or to be caught (a 401 test, a canary in a leak test).
      'pk_invalidkey12345',
      'invalid_api_key_20240101',
      'sk-CANARY-SECRET-DO-NOT-EXPOSE-12345',
    ]) {
      expect(isPlaceholder(v, false), v).toBe(true);
    }
    for (const v of ['your_api_key', 'changeme', '<your-token>', 'dummy-password']) {
      expect(isPlaceholder(v, true), v).toBe(false);
    }
  });

  it('lets real-looking random values through in both modes', () => {
    for (const v of [rand(40, B64, 'p1'), rand(32, HEX, 'p2'), cat('sk_test_', rand(24, ALNUM, 'p3')), rand(20, ALNUM, 'p4')]) {
      expect(isPlaceholder(v, true), v).toBe(false);
      expect(isPlaceholder(v, false), v).toBe(false);
    }
  });

  it('does not mistake ordinary words inside a random value for markers', () => {
    expect(isPlaceholder(cat(rand(12, ALNUM, 'w1'), 'nonexistent', rand(12, ALNUM, 'w2')), false)).toBe(false);
    expect(isPlaceholder(cat(rand(12, ALNUM, 'w3'), 'invalid', rand(12, ALNUM, 'w4')), false)).toBe(false);
    // A random value with a short keyboard run inside is still random.
    expect(isPlaceholder(cat(rand(10, ALNUM, 'w5'), 'qwe', rand(10, ALNUM, 'w6')), false)).toBe(false);
  });
});

describe('isReference', () => {
  it('recognises variable and template references', () => {
    for (const v of [
      '$API_TOKEN',
      '${API_TOKEN}',
      '${{ secrets.GITHUB_TOKEN }}',
      '{{ .Values.apiKey }}',
      '%API_TOKEN%',
      '<%= ENV["TOKEN"] %>',
      '#{token}',
      'process.env.API_TOKEN',
      "os.environ['API_TOKEN']",
      'os.environ.get("X")',
      'System.getenv("TOKEN")',
      'secrets.API_KEY',
      'vault(secret/data/app)',
      'ENV[TOKEN]',
    ]) {
      expect(isReference(v), v).toBe(true);
    }
  });

  it('does not treat literal values as references', () => {
    for (const v of [rand(40, B64, 'r1'), 'p$ssw0rd', '$abc-def', 'hunter2', `prefix\${X}`, 'environment.token']) {
      expect(isReference(v), v).toBe(false);
    }
  });
});

describe('placeholderGrade', () => {
  it('grades low a value typed along the keyboard (a dummy as often as a weak password), not a random one', async () => {
    const { placeholderGrade, keyboardWalk } = await import('../../src/engine/placeholder.js');
    for (const v of ['1234qwerasdfzxcv', 'asdfghjklqwerty', 'poiuytrewq0987', cat('`123', 'QWERasdf'), cat('asd', 'asd')]) {
      expect(keyboardWalk(v), v).toBe(true);
      expect(placeholderGrade(v), v).toBe('low');
    }
    expect(keyboardWalk(cat(rand(10, ALNUM, 'kw1'), 'qwe', rand(10, ALNUM, 'kw2')))).toBe(false);
  });

  it('drops provider-prefixed alphabet and digit runs, repeats and masks, in any case', async () => {
    const { placeholderGrade } = await import('../../src/engine/placeholder.js');
    for (const v of [
      cat('ghp_', 'abcdefghijklmnopqrstuvwxyz0123456789'),
      cat('ghp_', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'),
      cat('sk_live_', '1234567890', '1234567890', '1234'),
      cat('glpat-', 'aBcDeFgHiJkLmNoPqRsT'),
      cat('xoxb-', '1234567890-1234567890-', 'abcdefghijklmnopqrstuvwx'),
      cat('npm_', 'abc123'.repeat(6)),
      cat('sk-proj-', 'deadbeef'.repeat(6)),
      cat('github_pat_', 'xXxXxXxXxXxXxXxXxXxXxX'),
      cat('AKIA', 'XXXXXXXXXXXXXXXX'),
      cat('dop_v1_', 'x'.repeat(64)),
      cat('SG.', '*'.repeat(22), '.', '*'.repeat(43)),
      cat('sk-ant-api03-', 'your-api-key-here-', rand(20, ALNUM, 'yk')),
      // A unit repeated twice and a bit; runs right after a prefix without a separator (#13 item 6).
      cat('xoxa-', 'abc123abc123ab'),
      cat('LTAI', 'abc123abc123'),
      cat('LTAI', 'AbCdEfGh12Ab'),
      cat('AIza', 'SyAbCdEfGhIjKlMnOpQrStUvWxYz0123456'),
      cat('00D', 'x12345678901234'),
      cat('ATBBut_', 'abc123abc12'),
      // Google Authenticator's documented key-URI secret.
      cat('JBSWY3', 'DPEHPK3PXP'),
      // Instructions in place of the value, in any case.
      cat('https://hooks.slack.com/services/', 'REPLACE/WITH/YOUR_WEBHOOK_URL'),
      cat('xoxb-', 'your-bot-token-goes-here'),
    ]) {
      expect(placeholderGrade(v), v).toBe('drop');
    }
  });

  it('grades mostly-run values low', async () => {
    const { placeholderGrade } = await import('../../src/engine/placeholder.js');
    expect(placeholderGrade(cat('ghp_', 'abcdefghijklmn', '987654', rand(16, ALNUM, 'half')))).toBe('low');
    expect(placeholderGrade(cat('sk_live_', rand(20, ALNUM, 'mask'), 'xxxx'))).toBe('low');
    // Documentation's counted ids around a random-looking part (Slack's docs, argo-cd's).
    expect(placeholderGrade(cat('xoxb-', '1234567890-1234567890123-', rand(24, ALNUM, 'slack-doc')))).toBe('low');
    expect(placeholderGrade(cat('sk_live_', rand(12, ALNUM, 'a'), 'abcdefgh', rand(12, ALNUM, 'b')))).toBe('low');
    expect(placeholderGrade(cat('xoxb-', rand(11, '0123456789', 'team'), '-', rand(13, '0123456789', 'bot'), '-', rand(24, ALNUM, 'slack')))).toBeUndefined();
    // After a prefix, base64 of words (keyboard mash in a docs page); a value without a prefix is left alone
    // (a Basic credential is base64 of text and is the secret itself).
    const mash = Buffer.from('fhsdkflhdskjfhlsdkhf').toString('base64').replace(/=+$/, '');
    expect(placeholderGrade(cat('sk_test_', mash))).toBe('low');
    expect(placeholderGrade(mash)).toBeUndefined();
  });

  it('lets random tokens through: none of 3,000 random bodies of 8-64 characters is touched', async () => {
    const { placeholderGrade } = await import('../../src/engine/placeholder.js');
    const touched: string[] = [];
    for (let i = 0; i < 1000; i++) {
      for (const [prefix, cs] of [
        ['ghp_', ALNUM],
        ['sk_live_', ALNUM],
        ['', HEX],
      ] as const) {
        const v = prefix + rand(8 + (i % 57), cs, `r${i}`);
        if (placeholderGrade(v) !== undefined) touched.push(v);
      }
    }
    expect(touched.length).toBeLessThanOrEqual(3);
  });

  it('lets random base64 and digit values through', async () => {
    const { placeholderGrade } = await import('../../src/engine/placeholder.js');
    for (let i = 0; i < 200; i++) {
      expect(placeholderGrade(rand(40, B64, `b${i}`))).toBeUndefined();
    }
    let digits = 0;
    for (let i = 0; i < 200; i++) if (placeholderGrade(rand(12, '0123456789', `d${i}`)) === 'drop') digits++;
    expect(digits).toBeLessThanOrEqual(2);
  });
});

describe('placeholderGrade on long values', () => {
  it('leaves private-key-sized base64 bodies alone even with a short x run inside', async () => {
    const { placeholderGrade } = await import('../../src/engine/placeholder.js');
    const body = rand(800, B64, 'long1') + 'xXxx' + rand(800, B64, 'long2');
    expect(placeholderGrade(body)).toBeUndefined();
  });
});

describe('hasTemplate: Python format fields', () => {
  it("is a template when the field has a subscript, conversion or spec; a bare {word} in braces is left to isTemplated's identifier test", async () => {
    const { hasTemplate } = await import('../../src/engine/placeholder.js');
    expect(hasTemplate("{CONFLUENT_CLOUD_CONFIG['sasl.password']}")).toBe(true);
    expect(hasTemplate('{password!r}')).toBe(true);
    expect(hasTemplate('{secret:>32}')).toBe(true);
    expect(hasTemplate(`{${rand(14, undefined, 'braced')}}`)).toBe(false);
  });
});

describe('isPlaceholder: pieces typed as alphabet and digit runs', () => {
  it('drops a vendor prefix followed by runs (`abc123:xyz789`), and keeps a random body', () => {
    expect(isPlaceholder(cat('dof_v1_', 'abc123:xyz789'))).toBe(true);
    expect(isPlaceholder(cat('key-', 'abcd-1234-wxyz-6789'))).toBe(true);
    expect(isPlaceholder(cat('dof_v1_', 'k7Qm2x:Rt9pLw'))).toBe(false);
    // Short pieces say nothing: `v1-ab12` is too little to call a stand-in.
    expect(isPlaceholder('ab12')).toBe(false);
    // A provider rule (strict) grades such a value low rather than dropping it.
    expect(isPlaceholder(cat('dof_v1_', 'abc123:xyz789'), true)).toBe(false);
    expect(placeholderGrade(cat('dof_v1_', 'abc123:xyz789'))).toBe('low');
  });
});

describe('placeholderGrade: a UUID typed by hand', () => {
  it('grades low a UUID layout with letters past f, and leaves a real UUID alone', () => {
    const hex = [rand(8, HEX, 'u1'), rand(4, HEX, 'u2'), rand(4, HEX, 'u3'), rand(4, HEX, 'u4'), rand(12, HEX, 'u5')];
    expect(placeholderGrade(hex.join('-'))).toBe(undefined);
    expect(placeholderGrade([...hex.slice(0, 4), `${hex[4]!.slice(0, 11)}k`].join('-'))).toBe('low');
  });
});

describe('placeholderGrade: markers a test writes', () => {
  it('drops a sentinel marker and a value named as a test token, not a password that ends in a word', () => {
    expect(placeholderGrade(`SENTINEL-${rand(12, ALNUM, 'sent')}`)).toBe('drop');
    expect(placeholderGrade(`test_access_token_${rand(40, ALNUM, 'tat')}`)).toBe('drop');
    expect(placeholderGrade(cat('Opstree@', '4821', 'sentinel'))).not.toBe('drop');
  });
});

describe('placeholderGrade: a value written twice', () => {
  it('drops words written exactly twice, and keeps a random half written twice (a test-suite fixture) and a random value', () => {
    const unit = cat('MyMinio', 'SecretKey1234');
    expect(placeholderGrade(unit + unit)).toBe('drop');
    const r = rand(20, ALNUM, 'twice');
    expect(placeholderGrade(r + r)).toBeUndefined();
    expect(placeholderGrade(rand(40, ALNUM, 'once'))).toBeUndefined();
    expect(placeholderGrade(r + rand(20, ALNUM, 'other'))).toBeUndefined();
  });
});
