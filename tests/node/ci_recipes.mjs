// Runs the CI recipes of docs/ci.md and the hooks of .pre-commit-hooks.yaml on two
// sample plan repositories (a clean one made by `iooi init`, and one with an error):
//   node ci_recipes.mjs IOOI_BINARY
// Every `run:` step (GitHub Actions) and `script:` line (GitLab CI) except the
// install steps runs as the runners run it (bash -e, pipefail on GitHub, with the
// variables they set); the test then checks exit codes and the files left behind.
// The sample plan is made by `iooi init` on the day the test runs and checked on
// that same day, because the recipes (rightly) pass no --as-of.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, finish, repoDir, requireNodeModules } from './lib.mjs';

requireNodeModules();
const YAML = await import('yaml');
const { XMLValidator } = await import('fast-xml-parser');

const [binary] = process.argv.slice(2);
if (!binary) {
  console.error('usage: node ci_recipes.mjs IOOI_BINARY');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'iooi-ci-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const binDir = join(work, 'bin');
mkdirSync(binDir);
symlinkSync(binary, join(binDir, 'iooi'));
const basePath = `${binDir}:${process.env.PATH}`;

// --- The recipes, as documented ------------------------------------------------
const doc = readFileSync(join(repoDir, 'docs', 'ci.md'), 'utf8');
const blocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => YAML.parse(m[1]));
const github = blocks.find((b) => b?.jobs);
const gitlab = blocks.find((b) => b?.iooi?.script);
check(github, 'docs/ci.md has a GitHub Actions workflow');
check(gitlab, 'docs/ci.md has a GitLab CI job');
const hooks = YAML.parse(readFileSync(join(repoDir, '.pre-commit-hooks.yaml'), 'utf8'));

function sampleRepo(name, broken) {
  const dir = join(work, name);
  const init = spawnSync(binary, ['init', dir], { encoding: 'utf8' });
  check(init.status === 0, `iooi init ${name}: ${init.stderr}`);
  if (broken) {
    writeFileSync(join(dir, 'extra.yaml'),
                  'outputs:\n  - id: OP-extra\n    title: Extra\n    contributes_to: [OC-skills]\n    titel: typo\n');
  }
  return dir;
}

function shell(command, dir, env, { pipefail }) {
  const flags = pipefail ? ['--noprofile', '--norc', '-eo', 'pipefail', '-c'] : ['-e', '-c'];
  return spawnSync('bash', [...flags, command], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, PATH: basePath, NO_COLOR: '1', CI: 'true', ...env },
  });
}

// GitHub Actions: steps in order; a failing step ends the job.
function runGithub(dir) {
  const summary = join(dir, '..', `${dir.split('/').pop()}-summary.md`);
  writeFileSync(summary, '');
  const env = { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary, GITHUB_WORKSPACE: dir };
  const job = Object.values(github.jobs)[0];
  const results = [];
  for (const step of job.steps) {
    if (step.uses || /install/i.test(step.name ?? '')) {
      results.push({ step, skipped: true });
      continue;
    }
    const run = shell(step.run, dir, env, { pipefail: true });
    results.push({ step, status: run.status, stdout: run.stdout, stderr: run.stderr });
    if (run.status !== 0) break;
  }
  return { results, summary: readFileSync(summary, 'utf8') };
}

// GitLab CI: script lines in order; the first failing line ends the job.
function runGitlab(dir) {
  const results = [];
  for (const line of gitlab.iooi.script) {
    const run = shell(line, dir, { GITLAB_CI: 'true' }, { pipefail: false });
    results.push({ line, status: run.status, stdout: run.stdout, stderr: run.stderr });
    if (run.status !== 0) break;
  }
  return results;
}

for (const [name, broken] of [['clean', false], ['broken', true]]) {
  // GitHub
  const ghDir = sampleRepo(`github-${name}`, broken);
  const gh = runGithub(ghDir);
  const ran = gh.results.filter((r) => !r.skipped);
  const last = ran[ran.length - 1];
  const runSteps = Object.values(github.jobs)[0].steps.filter((s) => !s.uses && !/install/i.test(s.name ?? ''));
  check(ran.length === runSteps.length, `github ${name}: every step ran (${ran.length} of ${runSteps.length})`);
  ran.slice(0, -1).forEach((r) => check(r.status === 0, `github ${name}: step "${r.step.name}" exits ${r.status}: ${r.stderr}`));
  check(last.status === (broken ? 1 : 0), `github ${name}: the gating step exits ${last.status}`);
  const upload = Object.values(github.jobs)[0].steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'));
  check(upload, 'the workflow uploads SARIF');
  const sarifPath = join(ghDir, upload.with.sarif_file);
  if (check(existsSync(sarifPath), `github ${name}: ${upload.with.sarif_file} was written`)) {
    const sarif = JSON.parse(readFileSync(sarifPath, 'utf8'));
    check(sarif.version === '2.1.0', `github ${name}: SARIF version`);
    check((sarif.runs[0].results.length > 0) === broken, `github ${name}: SARIF results`);
  }
  if (broken) {
    check(/^::error file=extra\.yaml,line=5,col=5,title=unknown-key::/m.test(last.stdout),
          `github broken: the annotations are workflow commands: ${last.stdout}`);
    check(gh.summary === '', 'github broken: no summary while the plan has errors');
  } else {
    check(/^# /m.test(gh.summary) && gh.summary.includes('Our impact plan'),
          `github clean: the quarterly summary is in GITHUB_STEP_SUMMARY: ${gh.summary.slice(0, 200)}`);
  }

  // GitLab
  const glDir = sampleRepo(`gitlab-${name}`, broken);
  const gl = runGitlab(glDir);
  check(gl.length === gitlab.iooi.script.length, `gitlab ${name}: every script line ran`);
  gl.slice(0, -1).forEach((r) => check(r.status === 0, `gitlab ${name}: "${r.line}" exits ${r.status}: ${r.stderr}`));
  check(gl[gl.length - 1].status === (broken ? 1 : 0), `gitlab ${name}: the gating line exits ${gl[gl.length - 1].status}`);
  const reports = gitlab.iooi.artifacts.reports;
  const quality = join(glDir, reports.codequality);
  if (check(existsSync(quality), `gitlab ${name}: ${reports.codequality} was written`)) {
    const issues = JSON.parse(readFileSync(quality, 'utf8'));
    check(Array.isArray(issues) && (issues.length > 0) === broken, `gitlab ${name}: code quality issues`);
  }
  const junit = join(glDir, reports.junit);
  if (check(existsSync(junit), `gitlab ${name}: ${reports.junit} was written`)) {
    const xml = readFileSync(junit, 'utf8');
    check(XMLValidator.validate(xml) === true, `gitlab ${name}: JUnit is well-formed`);
    check(xml.includes('<failure') === broken, `gitlab ${name}: JUnit failures`);
  }
  const summaryFile = join(glDir, gitlab.iooi.artifacts.paths[0]);
  check(existsSync(summaryFile) === !broken, `gitlab ${name}: ${gitlab.iooi.artifacts.paths[0]} ${broken ? 'not ' : ''}written`);

  // pre-commit hooks: the whole plan, whatever is staged
  const pcDir = sampleRepo(`precommit-${name}`, broken);
  for (const hook of hooks) {
    check(hook.pass_filenames === false, `hook ${hook.id}: checks the whole plan (pass_filenames: false)`);
    check(new RegExp(hook.files).test('okrs/2026-Q1.yaml'), `hook ${hook.id}: runs when a plan file is staged`);
    const run = shell(hook.entry, pcDir, {}, { pipefail: false });
    check(run.status === (broken ? 1 : 0), `hook ${hook.id} on the ${name} plan exits ${run.status}: ${run.stderr}`);
  }
}
finish();
