/** Regulatory and benchmark controls the rotation rules evidence. */

/** Every credential has a known owner, purpose and place (account management, inventory). */
export const CREDENTIAL_INVENTORY: readonly string[] = ['NIST-800-53-AC-2', 'NIST-800-53-CM-8', 'NIST-800-53-IA-5', 'PCI-DSS-8.6.3', 'PCI-DSS-12.5.1', 'SOC2-CC6.1', 'SOC2-CC6.2', 'SOX-ITGC-AC'];

/** Authenticators are changed periodically and expire (tokens, passwords, access keys). */
export const CREDENTIAL_ROTATION: readonly string[] = ['NIST-800-53-IA-5', 'NIST-800-53-IA-4', 'PCI-DSS-8.3.9', 'PCI-DSS-8.6.3', 'SOC2-CC6.1', 'SOX-ITGC-AC'];

/** Cryptographic keys are replaced at the end of their cryptoperiod. */
export const KEY_ROTATION: readonly string[] = ['NIST-800-53-SC-12', 'NIST-800-53-IA-5', 'PCI-DSS-3.6.4', 'PCI-DSS-3.7.4', 'SOC2-CC6.1'];

/** Credentials nobody uses any more are revoked. */
export const STALE_ACCESS: readonly string[] = ['NIST-800-53-AC-2', 'NIST-800-53-AC-2(3)', 'PCI-DSS-8.2.6', 'SOC2-CC6.2', 'SOX-ITGC-AC'];

/** Long-lived static credentials where short-lived federated ones exist. */
export const LONG_LIVED: readonly string[] = ['NIST-800-53-IA-5', 'NIST-800-53-AC-2', 'PCI-DSS-8.6.3', 'SOC2-CC6.1', 'OWASP-CICD-SEC-6'];
