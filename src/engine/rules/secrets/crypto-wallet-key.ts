import { createHash } from 'node:crypto';
import type { FileView, RawFinding, Rule } from '../../rule.js';
import { DEFAULT_SECRET_REMEDIATION, SECRET_CONTROLS } from './define.js';
import { base58CheckPayload } from '../../checksum.js';
import { BIP39_ENGLISH } from './lib/bip39-english.js';
import { isReference } from '../../placeholder.js';

// Bitcoin WIF private keys: 5 (uncompressed, 51 chars), K/L (compressed, 52), testnet 9 / c.
const WIF = /(?<![A-Za-z0-9])(?<secret>[59][1-9A-HJ-NP-Za-km-z]{50}|[KLc][1-9A-HJ-NP-Za-km-z]{51})(?![A-Za-z0-9])/g;
// BIP-32 extended private keys (and the SLIP-132 variants of other address types).
const XPRV = /(?<![A-Za-z0-9])(?<secret>[xtyzuvYZUV]prv[1-9A-HJ-NP-Za-km-z]{107,108})(?![A-Za-z0-9])/g;
const XPRV_VERSIONS = new Set([0x0488ade4, 0x04358394, 0x049d7878, 0x04b2430c, 0x0295b005, 0x02aa7a99, 0x044a4e28, 0x045f18bc, 0x02575048, 0x024285b5]);
// A 64-hex secp256k1/ed25519 key under a wallet-ish name: `PRIVATE_KEY=0x…` in Hardhat/Foundry configs and .env.
const WALLET_WORDS =
  'wallet|eth|ether|ethereum|evm|btc|bitcoin|crypto|web3|metamask|deployer|signer|minter|relayer|owner|operator|mnemonic|solana|polygon|bsc|avax|arbitrum|chain|account|miner|validator|faucet';
const HEX_KEY = new RegExp(
  String.raw`(?<![\w.-])(?<name>[\w.-]{0,40}?(?:priv(?:ate)?[ _.-]?key|privkey|secret[_.-]?key|sk|key)[\w.-]{0,20}?)["'\]]{0,2}\s{0,4}(?::=|=>|[:=]|,)\s{0,4}["'\x60]?(?<secret>(?:0x)?[0-9a-fA-F]{64})(?![0-9A-Za-z])`,
  'gi',
);
const WALLET_NAME = new RegExp(`(?:^|[^a-z])(?:${WALLET_WORDS})`, 'i');
const WALLET_FILE = /(?:^|\/)(?:hardhat\.config\.[cm]?[jt]s|truffle(?:-config)?\.js|foundry\.toml|brownie-config\.ya?ml|\.env[\w.-]*)$/i;
/** Every app has a .env: there a 64-hex `SECRET_KEY` is the app's own key, and only a private key's name says wallet. */
const ENV_FILE = /(?:^|\/)\.env[\w.-]*$/i;
// A BIP-39 mnemonic (12–24 words) assigned to a seed/mnemonic/recovery-phrase name.
const MNEMONIC = new RegExp(
  String.raw`(?<name>[\w.-]{0,30}?(?:mnemonic|seed|phrase|recovery|passphrase|secret[_.-]?words|wallet[_.-]?words)[\w.-]{0,20}?)["'\]]{0,2}\s{0,4}(?::=|=>|[:=]|,)\s{0,4}["'\x60]?(?<secret>[a-z]{3,8}(?:[ ]+[a-z]{3,8}){11,23})(?![a-z])`,
  'gi',
);
/** MNEMONIC's name words, literally: most lines this rule sees name a key, and the full pattern is slow to fail. */
const MNEMONIC_WORD = /mnemonic|seed|phrase|recovery|words/i;
// Words of a name that make a 64-hex value something else: a public key, an address, a hash, a nonce.
const NOT_A_KEY = new Set([
  'public',
  'pub',
  'pubkey',
  'address',
  'addr',
  'hash',
  'digest',
  'checksum',
  'salt',
  'iv',
  'nonce',
  'tx',
  'txid',
  'block',
  'topic',
  'selector',
  'signature',
  'sig',
  'root',
  'id',
]);
const WORD_INDEX = new Map(BIP39_ENGLISH.map((w, i) => [w, i]));

function isWif(s: string): boolean {
  const p = base58CheckPayload(s);
  if (!p) return false;
  if (p[0] !== 0x80 && p[0] !== 0xef) return false;
  return p.length === 33 || (p.length === 34 && p[33] === 0x01);
}

function isXprv(s: string): boolean {
  const p = base58CheckPayload(s);
  if (!p || p.length !== 78) return false;
  const version = ((p[0]! << 24) | (p[1]! << 16) | (p[2]! << 8) | p[3]!) >>> 0;
  return XPRV_VERSIONS.has(version) && p[45] === 0;
}

/** All words in the list and the last word's checksum bits verify (`valid`), or only the words (`words`). */
function mnemonicGrade(phrase: string): 'valid' | 'words' | undefined {
  const words = phrase.trim().split(/ +/);
  if (![12, 15, 18, 21, 24].includes(words.length)) return undefined;
  const idx = words.map((w) => WORD_INDEX.get(w));
  if (idx.some((i) => i === undefined)) return undefined;
  // BIP-39's own test vectors (`abandon … about`, `legal winner thank year …` repeated, `zoo … wrong`) repeat words.
  if (new Set(words).size < words.length * 0.8) return undefined;
  const bits = idx.map((i) => i!.toString(2).padStart(11, '0')).join('');
  const csLen = words.length / 3;
  const entropyBits = bits.slice(0, bits.length - csLen);
  const entropy = Buffer.from(entropyBits.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
  const hash = createHash('sha256').update(entropy).digest();
  const expected = [...hash]
    .map((b) => b.toString(2).padStart(8, '0'))
    .join('')
    .slice(0, csLen);
  return expected === bits.slice(bits.length - csLen) ? 'valid' : 'words';
}

/** A run of one hex digit or an ascending/descending alphabet is a sample key, not a wallet's. */
const isSampleHex = (hex: string): boolean => /^(.)\1+$/.test(hex) || /0123456789abcdef0123|fedcba9876543210/i.test(hex) || new Set(hex.toLowerCase()).size < 8;

/**
 * Cryptocurrency wallet private keys: Bitcoin WIF and BIP-32 extended private keys (base58check
 * verified, anywhere), 64-hex keys under a wallet-ish name or in a Hardhat/Foundry/Truffle config or
 * .env, and BIP-39 mnemonics assigned to a seed/mnemonic name. Whoever holds them can move the funds.
 */
const rule: Rule = {
  meta: {
    id: 'secrets/crypto-wallet-key',
    family: 'secrets',
    severity: 'critical',
    confidence: 'high',
    description: 'Cryptocurrency wallet private key, extended private key or BIP-39 seed phrase',
    controls: SECRET_CONTROLS,
    remediation: DEFAULT_SECRET_REMEDIATION,
    revoke: {
      provider: 'The blockchain (a wallet key cannot be revoked: only its funds and roles can be moved)',
      steps: [
        'Treat the wallet as compromised: create a new wallet (new seed, generated offline) and move every asset and NFT to it now; bots sweep leaked keys within minutes.',
        'Transfer contract ownership, admin, minter and multisig roles held by the old address to the new one, and revoke token approvals it granted.',
        'For test networks only, replace the key with a freshly generated local one (Hardhat/Anvil default accounts) and never fund it on main net.',
        'Load keys from a hardware wallet, a KMS signer or an encrypted keystore at run time; never from the repository.',
      ],
    },
  },
  // WIF keys are looked for on lines that name a key or a wallet (a bare 51-character base58 run on any
  // line would cost every file a scan); extended keys carry their own prefix.
  keywords: ['priv', 'key', 'secret', 'wif', 'wallet', 'bitcoin', 'btc', 'mnemonic', 'seed', 'phrase', 'recovery', 'xprv', 'tprv', 'yprv', 'zprv'],
  scope: 'line',
  check(file: FileView): RawFinding[] {
    const out: RawFinding[] = [];
    const walletFile = WALLET_FILE.test(file.path);
    const push = (start: number, secret: string, message: string, extra: Partial<RawFinding> = {}): void => {
      out.push({ start, end: start + secret.length, secret, message, ...extra });
    };
    for (const seg of file.segments) {
      const t = seg.text;
      for (const [re, test, label] of [
        [WIF, isWif, 'Bitcoin private key (WIF, checksum verified)'],
        [XPRV, isXprv, 'BIP-32 extended private key (checksum verified): every key of the wallet derives from it'],
      ] as const) {
        re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = re.exec(t)) !== null) {
          const s = m.groups!.secret!;
          if (test(s)) push(seg.offset + m.index + m[0].indexOf(s), s, `${label} committed to the repository.`);
        }
      }
      HEX_KEY.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = HEX_KEY.exec(t)) !== null) {
        const name = m.groups!.name!;
        const s = m.groups!.secret!;
        const hex = s.replace(/^0x/, '');
        const words = name.split(/[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])/).map((w) => w.toLowerCase());
        if (words.some((w) => NOT_A_KEY.has(w)) || isSampleHex(hex)) continue;
        const walletName = WALLET_NAME.test(name);
        // `0x` + 64 hex labelled a private key is an EVM key even without a wallet word around it.
        const evmKey = s.startsWith('0x') && /priv/i.test(name);
        if (!walletName && !walletFile && !evmKey) continue;
        if (!walletName && ENV_FILE.test(file.path) && !/priv/i.test(name)) continue;
        if (!/priv|secret|^sk$|[_.-]sk$|wallet[ _.-]?key|signer[_.-]?key|deployer[_.-]?key|account[_.-]?key/i.test(name)) continue;
        const at = seg.offset + m.index + m[0].length - s.length;
        push(at, s, `Wallet private key (64 hex) hard-coded in \`${name.slice(0, 60)}\`: whoever reads it controls the address.`, walletName && walletFile ? {} : { confidence: 'medium' });
      }
      MNEMONIC.lastIndex = 0;
      while (MNEMONIC_WORD.test(t) && (m = MNEMONIC.exec(t)) !== null) {
        const name = m.groups!.name!;
        const s = m.groups!.secret!;
        if (isReference(s)) continue;
        const grade = mnemonicGrade(s.toLowerCase());
        if (!grade || /(?:^|[^a-z])(?:test|example|sample|dummy)/i.test(name)) continue;
        const at = seg.offset + m.index + m[0].length - s.length;
        push(
          at,
          s,
          grade === 'valid'
            ? `BIP-39 seed phrase (checksum verified) assigned to \`${name.slice(0, 60)}\`: it restores every key of the wallet.`
            : `BIP-39-word phrase assigned to \`${name.slice(0, 60)}\` (its checksum does not verify: edited, truncated or invented).`,
          grade === 'valid' ? {} : { confidence: 'low' },
        );
      }
    }
    return out;
  },
};

export default rule;
