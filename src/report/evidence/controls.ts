/**
 * Each compliance pack's controls, and the rule tags (`meta.controls`) that evidence them. SOX, PCI DSS
 * and SOC 2 controls are the tags the rules carry. FINRA and FFIEC have no tags of their own on the rules:
 * their controls are mapped here through the NIST SP 800-53 tags the rules carry (the mapping is Token
 * Warden's, stated in the report as its basis, for the auditor to accept or amend). `default` shows the
 * NIST SP 800-53 controls themselves.
 */
import type { Rule } from '../../engine/rule.js';
import type { PackName } from './model.js';

export interface ControlDef {
  id: string;
  title: string;
  /** Rule tags that evidence it. */
  tags: string[];
}

export interface PackDef {
  name: PackName;
  title: string;
  /** How its controls are tied to rules. */
  basis: string;
  controls: ControlDef[];
}

const NIST = (n: string): string => `NIST-800-53-${n}`;
const ACCESS = ['AC-2', 'AC-2(3)', 'AC-6', 'AC-6(1)', 'AC-6(5)', 'AC-6(10)', 'AC-17'].map(NIST);
const AUTHENTICATORS = ['IA-4', 'IA-5', 'IA-5(7)', 'IA-8'].map(NIST);

export const PACKS: Record<PackName, PackDef> = {
  default: {
    name: 'default',
    title: 'NIST SP 800-53 Rev. 5 (Token Warden default pack)',
    basis: 'NIST SP 800-53 controls as tagged on each rule',
    controls: [
      { id: NIST('AC-2'), title: 'Account management', tags: [NIST('AC-2')] },
      { id: NIST('AC-2(3)'), title: 'Account management | disable accounts', tags: [NIST('AC-2(3)')] },
      { id: NIST('AC-6'), title: 'Least privilege', tags: [NIST('AC-6')] },
      { id: NIST('AC-6(1)'), title: 'Least privilege | authorize access to security functions', tags: [NIST('AC-6(1)')] },
      { id: NIST('AC-6(5)'), title: 'Least privilege | privileged accounts', tags: [NIST('AC-6(5)')] },
      { id: NIST('AC-6(10)'), title: 'Least privilege | prohibit non-privileged users from executing privileged functions', tags: [NIST('AC-6(10)')] },
      { id: NIST('AC-17'), title: 'Remote access', tags: [NIST('AC-17')] },
      { id: NIST('CM-5'), title: 'Access restrictions for change', tags: [NIST('CM-5')] },
      { id: NIST('CM-8'), title: 'System component inventory', tags: [NIST('CM-8')] },
      { id: NIST('IA-4'), title: 'Identifier management', tags: [NIST('IA-4')] },
      { id: NIST('IA-5'), title: 'Authenticator management', tags: [NIST('IA-5')] },
      { id: NIST('IA-5(7)'), title: 'Authenticator management | no embedded unencrypted static authenticators', tags: [NIST('IA-5(7)')] },
      { id: NIST('IA-8'), title: 'Identification and authentication (non-organizational users)', tags: [NIST('IA-8')] },
      { id: NIST('SC-12'), title: 'Cryptographic key establishment and management', tags: [NIST('SC-12')] },
    ],
  },
  sox: {
    name: 'sox',
    title: 'SOX IT general controls',
    basis: 'SOX ITGC tags on each rule',
    controls: [
      { id: 'SOX-ITGC-AC', title: 'ITGC access to programs and data: credentials, privileges and their rotation', tags: ['SOX-ITGC-AC'] },
      { id: 'SOX-ITGC-CM', title: 'ITGC program change: changes to the pipeline and its permissions', tags: ['SOX-ITGC-CM'] },
    ],
  },
  'pci-dss': {
    name: 'pci-dss',
    title: 'PCI DSS v4.0',
    basis: 'PCI DSS requirement tags on each rule',
    controls: [
      { id: 'PCI-DSS-3.6.1', title: 'Cryptographic keys protecting stored account data are protected against disclosure and misuse', tags: ['PCI-DSS-3.6.1'] },
      { id: 'PCI-DSS-3.6.4', title: 'Cryptographic key changes at the end of their cryptoperiod (v3.2.1 numbering)', tags: ['PCI-DSS-3.6.4'] },
      { id: 'PCI-DSS-3.7.4', title: 'Key changes for keys that reached the end of their cryptoperiod', tags: ['PCI-DSS-3.7.4'] },
      { id: 'PCI-DSS-7.2.1', title: 'An access control model is defined and grants access as needed', tags: ['PCI-DSS-7.2.1'] },
      { id: 'PCI-DSS-7.2.2', title: 'Access is assigned on least privileges necessary', tags: ['PCI-DSS-7.2.2'] },
      { id: 'PCI-DSS-7.2.5', title: 'Application and system accounts are assigned least privilege', tags: ['PCI-DSS-7.2.5'] },
      { id: 'PCI-DSS-8.2.6', title: 'Inactive accounts are removed or disabled', tags: ['PCI-DSS-8.2.6'] },
      { id: 'PCI-DSS-8.3.9', title: 'Passwords used as the only factor are changed periodically', tags: ['PCI-DSS-8.3.9'] },
      { id: 'PCI-DSS-8.6.2', title: 'Passwords of application and system accounts are not hard-coded in scripts, configuration or source code', tags: ['PCI-DSS-8.6.2'] },
      { id: 'PCI-DSS-8.6.3', title: 'Passwords of application and system accounts are protected against misuse and changed periodically', tags: ['PCI-DSS-8.6.3'] },
      { id: 'PCI-DSS-12.5.1', title: 'An inventory of in-scope system components is maintained', tags: ['PCI-DSS-12.5.1'] },
    ],
  },
  soc2: {
    name: 'soc2',
    title: 'SOC 2 Trust Services Criteria',
    basis: 'SOC 2 criteria tags on each rule',
    controls: [
      { id: 'SOC2-CC6.1', title: 'Logical access security software, infrastructure and architectures', tags: ['SOC2-CC6.1'] },
      { id: 'SOC2-CC6.2', title: 'Credentials are registered, authorized and removed', tags: ['SOC2-CC6.2'] },
      { id: 'SOC2-CC6.3', title: 'Access is role-based, least privilege, modified and removed', tags: ['SOC2-CC6.3'] },
      { id: 'SOC2-CC8.1', title: 'Changes to infrastructure and software are authorized and controlled', tags: ['SOC2-CC8.1'] },
    ],
  },
  finra: {
    name: 'finra',
    title: 'FINRA / SEC Regulation S-P safeguards (17 CFR 248.30)',
    basis: 'mapped by Token Warden through the NIST SP 800-53 tags on each rule; confirm the mapping with your compliance function',
    controls: [
      { id: 'RegSP-248.30(a)(1)', title: 'Security and confidentiality of customer records: credentials managed, inventoried and rotated', tags: [...AUTHENTICATORS, NIST('SC-12'), NIST('CM-8')] },
      { id: 'RegSP-248.30(a)(3)', title: 'Protection against unauthorized access: no embedded credentials, least privilege', tags: [NIST('IA-5(7)'), ...ACCESS] },
    ],
  },
  ffiec: {
    name: 'ffiec',
    title: 'FFIEC IT Examination Handbook, Information Security booklet',
    basis: 'mapped by Token Warden through the NIST SP 800-53 tags on each rule; confirm the mapping with your examiner',
    controls: [
      { id: 'FFIEC-IS-ACCESS', title: 'Access management: least privilege and account management', tags: ACCESS },
      { id: 'FFIEC-IS-AUTH', title: 'Authentication: credentials not embedded, managed and rotated', tags: AUTHENTICATORS },
      { id: 'FFIEC-IS-KEYS', title: 'Encryption key management', tags: [NIST('SC-12')] },
      { id: 'FFIEC-IS-INVENTORY', title: 'Inventory of assets, including credentials', tags: [NIST('CM-8')] },
      { id: 'FFIEC-IS-CHANGE', title: 'Change management: who may change the pipeline', tags: [NIST('CM-5')] },
    ],
  },
};

export const PACK_LIST = Object.keys(PACKS) as PackName[];

export const isPackName = (s: string): s is PackName => (PACK_LIST as string[]).includes(s);

/** The rules that evidence a control: those carrying one of its tags. */
export function rulesFor(control: ControlDef, rules: readonly Rule[]): Rule[] {
  const tags = new Set(control.tags);
  return rules.filter((r) => r.meta.controls.some((c) => tags.has(c))).sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));
}

/** The pack a policy extends (its `built-in:NAME` source, the last one), else `default`. */
export function packOfPolicy(sources: readonly string[]): PackName {
  for (const s of [...sources].reverse()) {
    const m = /^(?:built-in|pack):([a-z-]+)$/.exec(s);
    if (m && isPackName(m[1]!)) return m[1];
  }
  return 'default';
}
