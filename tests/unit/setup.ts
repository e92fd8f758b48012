import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// Property tests explore new pages on every local run; CI replays one fixed set (FC_SEED chooses
// another), so that a landing is judged on the code, not on the draw. Runs found failing locally
// print their seed and counterexample: add the shape to the fixtures, fix the reader.
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : process.env.CI ? 20261201 : undefined;
if (seed !== undefined) fc.configureGlobal({ seed });

beforeEach(() => {
  fakeBrowser.reset();
});
