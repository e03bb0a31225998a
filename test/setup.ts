// Load the engine's WASM parsers once per test worker, as the CLI and the App do at start-up.
import { initEngine } from '../src/engine/init.js';

await initEngine();
