// The audit chain on the embedded back end (PGlite in a temporary directory).
import { pgliteHarness } from '../store/helpers/harness.js';
import { auditSuite } from './chain.suite.js';

auditSuite(pgliteHarness());
