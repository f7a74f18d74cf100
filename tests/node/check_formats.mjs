// Validates the CI formats of `iooi check` on real plans:
//   node check_formats.mjs IOOI_BINARY AS_OF PLAN_DIR...
// - sarif: the official SARIF validator (sarif-multitool validate) reports no error
//   and no warning, the log passes the SARIF 2.1.0 JSON schema (ajv), and carries the
//   same findings as `--format json`;
// - gitlab: the fields GitLab's Code Quality widget reads, unique fingerprints;
// - junit: well-formed XML, one testcase per plan file, one failure per finding;
// - github: one workflow command per finding that decodes back to the finding.
// Every format is compared with `--format json`, the reference.
import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { check, finish, nodeDir, requireNodeModules, runIooi } from './lib.mjs';

requireNodeModules();
const require = createRequire(import.meta.url);
const { default: Ajv2020 } = await import('ajv/dist/2020.js');
const { default: addFormats } = await import('ajv-formats');
const { XMLParser, XMLValidator } = await import('fast-xml-parser');

const [binary, asOf, ...planDirs] = process.argv.slice(2);
if (!binary || !asOf || planDirs.length === 0) {
  console.error('usage: node check_formats.mjs IOOI_BINARY AS_OF PLAN_DIR...');
  process.exit(2);
}

// The validator ships as a self-contained executable in a platform package.
const multitool = require('@microsoft/sarif-multitool');
try {
  accessSync(multitool, constants.X_OK);
} catch {
  chmodSync(multitool, 0o755);  // its postinstall does this when npm runs install scripts
}
const sarifSchema = JSON.parse(readFileSync(join(dirname(multitool), 'sarif-2.1.0.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validateSarifSchema = ajv.compile(sarifSchema);

const workDir = mkdtempSync(join(tmpdir(), 'iooi-formats-'));
process.on('exit', () => rmSync(workDir, { recursive: true, force: true }));

function checkOutput(planDir, format) {
  const result = runIooi(binary, ['check', '--as-of', asOf, '--format', format, planDir]);
  check(result.status === 0 || result.status === 1,
        `${planDir} --format ${format}: exit ${result.status}, stderr: ${result.stderr}`);
  return result.stdout;
}

const levelOf = { error: 'error', warning: 'warning', info: 'note' };

// Runs `sarif-multitool validate` and returns the validator's own results.
function officialValidation(sarifText, name) {
  const input = join(workDir, `${name}.sarif`);
  const output = join(workDir, `${name}.validation.sarif`);
  writeFileSync(input, sarifText);
  const config = join(nodeDir, 'sarif-validate.xml');
  const run = spawnSync(multitool, ['validate', input, '--output', output, '--config', config],
                        { encoding: 'utf8' });
  if (!check(run.status === 0 && !run.error, `sarif-multitool failed to run: ${run.error ?? run.stdout}`))
    return [];
  const log = JSON.parse(readFileSync(output, 'utf8'));
  // The validator exits 0 even when it finds problems, so read its log: results
  // without a level are warnings (SARIF's default); notes are style suggestions.
  return (log.runs?.[0]?.results ?? [])
    .map((r) => ({ level: r.level ?? 'warning', rule: r.ruleId, id: r.message?.id, text: r.message?.text ?? (r.message?.arguments ?? []).join(' | ') }))
    // iooi leaves out the optional informationUri on purpose (it has no public
    // address to point at); the other tool-property checks of SARIF2005 still apply.
    .filter((r) => !(r.rule === 'SARIF2005' && r.id === 'Warning_ProvideToolnformationUri'))
    .filter((r) => r.level === 'error' || r.level === 'warning');
}

function validateSarif(planDir, name, reference) {
  const text = checkOutput(planDir, 'sarif');
  for (const problem of officialValidation(text, name))
    check(false, `${planDir}: sarif-multitool ${problem.level} ${problem.rule}: ${problem.text}`);
  const log = JSON.parse(text);
  check(validateSarifSchema(log),
        `${planDir}: SARIF schema: ${ajv.errorsText(validateSarifSchema.errors, { separator: '\n  ' })}`);

  const run = log.runs[0];
  const driver = run.tool.driver;
  // Optional in SARIF 2.1.0, and iooi has no public address to point at.
  check(driver.informationUri === undefined, `${planDir}: driver.informationUri is set`);
  check(driver.rules.every((r) => r.helpUri === undefined), `${planDir}: a rule has a helpUri`);
  const ruleIds = new Set(driver.rules.map((r) => r.id));
  for (const rule of driver.rules) {
    check(rule.shortDescription?.text && rule.fullDescription?.text && rule.help?.text,
          `${planDir}: rule ${rule.id} lacks a description or help`);
    check(['error', 'warning', 'note'].includes(rule.defaultConfiguration?.level),
          `${planDir}: rule ${rule.id} defaultConfiguration.level`);
  }
  check(run.results.length === reference.findings.length,
        `${planDir}: ${run.results.length} SARIF results for ${reference.findings.length} findings`);
  const fingerprints = new Set();
  run.results.forEach((result, i) => {
    const finding = reference.findings[i];
    if (!finding) return;
    const where = `${planDir}: SARIF result ${i}`;
    check(ruleIds.has(result.ruleId), `${where}: rule ${result.ruleId} not in tool.driver.rules`);
    check(driver.rules[result.ruleIndex]?.id === result.ruleId, `${where}: ruleIndex`);
    check(result.ruleId === finding.rule, `${where}: ruleId ${result.ruleId} != ${finding.rule}`);
    check(result.level === levelOf[finding.severity], `${where}: level ${result.level}`);
    check(result.message.text === finding.message, `${where}: message differs`);
    const location = result.locations?.[0]?.physicalLocation;
    check(location !== undefined, `${where}: no location`);
    if (!location) return;
    check(decodeURIComponent(location.artifactLocation.uri) === finding.path,
          `${where}: uri ${location.artifactLocation.uri} != ${finding.path}`);
    const artifact = run.artifacts[location.artifactLocation.index];
    check(artifact?.location?.uri === location.artifactLocation.uri, `${where}: artifact index`);
    check(location.region.startLine === Math.max(finding.line, 1), `${where}: startLine`);
    if (finding.line > 0 && finding.column > 0)
      check(location.region.startColumn === finding.column, `${where}: startColumn`);
    const fingerprint = result.partialFingerprints?.['iooiFindingHash/v1'];
    check(/^[0-9a-f]{32}$/.test(fingerprint ?? ''), `${where}: partialFingerprints`);
    check(!fingerprints.has(fingerprint), `${where}: fingerprint repeated`);
    fingerprints.add(fingerprint);
  });
  return text;
}

const gitlabSeverity = { error: 'major', warning: 'minor', info: 'info' };

function validateGitlab(planDir, reference) {
  const issues = JSON.parse(checkOutput(planDir, 'gitlab'));
  check(Array.isArray(issues), `${planDir}: gitlab report is not an array`);
  check(issues.length === reference.findings.length,
        `${planDir}: ${issues.length} gitlab issues for ${reference.findings.length} findings`);
  const fingerprints = new Set();
  issues.forEach((issue, i) => {
    const finding = reference.findings[i];
    const where = `${planDir}: gitlab issue ${i}`;
    check(issue.check_name === finding.rule, `${where}: check_name`);
    check(issue.description === finding.message, `${where}: description`);
    check(issue.severity === gitlabSeverity[finding.severity], `${where}: severity`);
    check(issue.location?.path === finding.path, `${where}: location.path`);
    check(Number.isInteger(issue.location?.lines?.begin) && issue.location.lines.begin >= 1,
          `${where}: location.lines.begin`);
    check(typeof issue.fingerprint === 'string' && issue.fingerprint.length > 0, `${where}: fingerprint`);
    check(!fingerprints.has(issue.fingerprint), `${where}: fingerprint ${issue.fingerprint} repeated`);
    fingerprints.add(issue.fingerprint);
  });
}

function validateJunit(planDir, reference) {
  const xml = checkOutput(planDir, 'junit');
  const wellFormed = XMLValidator.validate(xml);
  check(wellFormed === true, `${planDir}: junit XML is not well-formed: ${JSON.stringify(wellFormed)}`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    processEntities: true,
    htmlEntities: true,
    isArray: (name) => name === 'testcase' || name === 'failure',
  });
  const doc = parser.parse(xml);
  const suite = doc.testsuites?.testsuite;
  const testcases = suite?.testcase ?? [];
  check(testcases.length === reference.files, `${planDir}: ${testcases.length} testcases for ${reference.files} files`);
  const failures = testcases.flatMap((tc) => (tc.failure ?? []).map((f) => ({ file: tc.name, ...f })));
  check(failures.length === reference.findings.length,
        `${planDir}: ${failures.length} failures for ${reference.findings.length} findings`);
  check(Number(suite?.failures) === reference.findings.length, `${planDir}: failures attribute`);
  // Failures are grouped by file in path order, as the findings are sorted.
  failures.forEach((failure, i) => {
    const finding = reference.findings[i];
    const where = `${planDir}: junit failure ${i}`;
    check(failure.file === finding.path, `${where}: testcase ${failure.file} != ${finding.path}`);
    check(failure.type === finding.rule, `${where}: type`);
    check(failure.message === `${finding.severity}: ${finding.message} [${finding.rule}]`,
          `${where}: message attribute ${JSON.stringify(failure.message)}`);
  });
}

function decodeData(text) {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}
function decodeProperty(text) {
  return text.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n')
    .replace(/%25/g, '%');
}

function validateGithub(planDir, reference) {
  const lines = checkOutput(planDir, 'github').split('\n').filter((l) => l !== '');
  check(lines.length === reference.findings.length,
        `${planDir}: ${lines.length} workflow commands for ${reference.findings.length} findings`);
  const command = { error: 'error', warning: 'warning', info: 'notice' };
  lines.forEach((line, i) => {
    const finding = reference.findings[i];
    const where = `${planDir}: github line ${i}`;
    const match = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
    if (!check(match, `${where}: not a workflow command: ${line}`)) return;
    const properties = Object.fromEntries(match[2].split(',').map((p) => {
      const eq = p.indexOf('=');
      return [p.slice(0, eq), decodeProperty(p.slice(eq + 1))];
    }));
    check(match[1] === command[finding.severity], `${where}: command ${match[1]}`);
    check(properties.file === finding.path, `${where}: file ${properties.file}`);
    if (finding.line > 0) check(properties.line === String(finding.line), `${where}: line`);
    if (finding.line > 0 && finding.column > 0) check(properties.col === String(finding.column), `${where}: col`);
    check(properties.title === finding.rule, `${where}: title`);
    check(decodeData(match[3]) === finding.message, `${where}: message`);
  });
}

planDirs.forEach((planDir, n) => {
  const reference = JSON.parse(checkOutput(planDir, 'json'));
  check(reference.schema === 'iooi-check/1', `${planDir}: json schema id`);
  const sarif = validateSarif(planDir, `plan${n}`, reference);
  check(checkOutput(planDir, 'sarif') === sarif, `${planDir}: SARIF differs between two runs`);
  validateGitlab(planDir, reference);
  validateJunit(planDir, reference);
  validateGithub(planDir, reference);
  console.log(`${planDir}: ${reference.findings.length} findings in ${reference.files} files checked in 5 formats`);
});
finish();
