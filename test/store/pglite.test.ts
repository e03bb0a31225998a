// The store suite on the embedded back end (PGlite in temporary directories).
import { pgliteHarness } from './helpers/harness.js';
import { storeSuite } from './store.suite.js';

storeSuite(pgliteHarness());
