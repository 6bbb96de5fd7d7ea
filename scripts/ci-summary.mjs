// Reads jest's JSON result and prints the one line CI reads: `tests: N passed, N failed`.
// Exit 1 when a test failed, a suite failed to run, or no test ran.
import { readFileSync, existsSync } from 'node:fs';

const file = process.argv[2] ?? 'test-output/jest.json';
if (!existsSync(file)) {
  console.log('jest wrote no JSON result (the build or jest itself failed)');
  console.log('tests: 0 passed, 1 failed');
  process.exit(1);
}
const r = JSON.parse(readFileSync(file, 'utf8'));
const passed = r.numPassedTests ?? 0;
// A suite that failed to load counts as a failure even though none of its tests ran.
const failed = (r.numFailedTests ?? 0) + (r.numRuntimeErrorTestSuites ?? 0);
const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
