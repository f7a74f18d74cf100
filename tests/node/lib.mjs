// Helpers shared by the node-based validators: running iooi, reporting failures
// and the CTest skip convention.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const nodeDir = dirname(fileURLToPath(import.meta.url));
export const repoDir = join(nodeDir, '..', '..');

// CTest marks a test as skipped on this exit code (SKIP_RETURN_CODE).
export const SKIP = 77;

// Skips the test when `npm ci` has not been run in tests/node; nothing else skips.
// `make test` sets IOOI_REQUIRE_TOOLS=1 after installing everything: there a
// missing tool is a failure, so that CI can never pass by skipping.
export function requireNodeModules() {
  if (!existsSync(join(nodeDir, 'node_modules'))) {
    console.log('SKIP: tests/node/node_modules is absent (run `npm ci` in tests/node)');
    process.exit(process.env.IOOI_REQUIRE_TOOLS === '1' ? 1 : SKIP);
  }
}

let failures = 0;
let checks = 0;

export function check(condition, message) {
  checks += 1;
  if (!condition) {
    failures += 1;
    console.log(`FAIL: ${message}`);
  }
  return condition;
}

export function finish() {
  console.log(`${checks - failures} passed, ${failures} failed`);
  process.exit(failures === 0 ? 0 : 1);
}

// Runs the iooi binary; returns {status, stdout, stderr}. Exit 2 (usage or
// internal error) is never what a validator expects, so it fails loudly.
export function runIooi(binary, args, options = {}) {
  const result = spawnSync(binary, args, {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '', ...(options.env ?? {}) },
    cwd: options.cwd ?? repoDir,
  });
  if (result.error) throw result.error;
  return result;
}
