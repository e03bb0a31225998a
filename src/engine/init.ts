/**
 * One-time, asynchronous set-up of the engine's parsers (the HCL grammar is WebAssembly). Call it
 * once before scanning; everything after is synchronous and pure.
 */
import { initHcl } from './parse/hcl.js';

export async function initEngine(): Promise<void> {
  await initHcl();
}
