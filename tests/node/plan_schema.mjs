// Validates `iooi schema` against the plans iooi itself reads:
//   node plan_schema.mjs IOOI_BINARY DIR...
// - the schema compiles as JSON Schema draft 2020-12 (ajv, strict mode) and every
//   property carries a description (what editors show on hover);
// - every plan file under the DIRs (YAML -> JSON with the `yaml` package, as
//   yaml-language-server reads it) is accepted when `iooi check` reports no
//   structural finding in it, and rejected when iooi reports one the schema can
//   express (unknown-key, missing-field, type, invalid-id, ...).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { check, finish, repoDir, requireNodeModules, runIooi } from './lib.mjs';

requireNodeModules();
const { default: Ajv2020 } = await import('ajv/dist/2020.js');
const { default: addFormats } = await import('ajv-formats');
const YAML = await import('yaml');

const [binary, ...dirs] = process.argv.slice(2);
if (!binary || dirs.length === 0) {
  console.error('usage: node plan_schema.mjs IOOI_BINARY DIR...');
  process.exit(2);
}

// Rules about the shape of a single file: when iooi reports none of these, the
// schema must accept the file (editors must not mark a valid plan red).
const structural = new Set([
  'yaml-syntax', 'yaml-duplicate-key', 'yaml-structure', 'encoding', 'unknown-key',
  'missing-field', 'type', 'invalid-id', 'invalid-date', 'stage-mismatch', 'confidence-range',
  'unknown-rule', 'measure-current-and-checkins', 'indicator-dates', 'chain-direction',
  'threshold-range', 'monitor-target', 'measure-accumulate', 'direction-mismatch',
  'interim-targets',
]);
// Of those, the ones the schema expresses: when iooi reports one, the schema must
// reject the file too. The exceptions need more than one file or arithmetic.
const expressible = new Set([
  'unknown-key', 'missing-field', 'type', 'invalid-id', 'stage-mismatch', 'confidence-range',
  'unknown-rule', 'measure-current-and-checkins', 'monitor-target', 'measure-accumulate',
]);
const inexpressible = [
  /the `plan` section belongs in the plan root's iooi\.yaml/,  // depends on the file name
  /must not be larger than `off_track_gap`/,                    // compares two values
];

const schemaRun = runIooi(binary, ['schema']);
check(schemaRun.status === 0, `iooi schema exits ${schemaRun.status}: ${schemaRun.stderr}`);
const schema = JSON.parse(schemaRun.stdout);
check(schema.$schema === 'https://json-schema.org/draft/2020-12/schema', 'declares draft 2020-12');

const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, allowUnionTypes: true });
addFormats(ajv);
const validate = ajv.compile(schema);

// Every property schema has a description, directly or through its $ref.
function walkDescriptions(node, path) {
  if (node === null || typeof node !== 'object') return;
  if (node.properties) {
    for (const [name, property] of Object.entries(node.properties)) {
      if (typeof property !== 'object') continue;  // `false`: the key is forbidden
      const described = property.description ||
        (property.$ref && schema.$defs[property.$ref.replace('#/$defs/', '')]?.description);
      check(Boolean(described), `schema property ${path}/properties/${name} has no description`);
    }
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === 'allOf' || key === 'if' || key === 'then' || key === 'else' || key === 'not') continue;
    walkDescriptions(value, `${path}/${key}`);
  }
}
walkDescriptions(schema, '#');

function* yamlFiles(dir) {
  for (const entry of readdirSync(dir).sort()) {
    if (entry.startsWith('.')) continue;
    const path = join(dir, entry);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) continue;
    if (stat.isDirectory()) yield* yamlFiles(path);
    else if (/\.ya?ml$/.test(entry) && stat.isFile()) yield path;
  }
}

let accepted = 0;
let rejected = 0;
for (const dir of dirs) {
  for (const file of yamlFiles(join(repoDir, dir))) {
    const shown = relative(repoDir, file);
    const result = runIooi(binary, ['check', '--format', 'json', '--as-of', '2026-03-20', shown]);
    if (!check(result.status === 0 || result.status === 1,
               `${shown}: iooi check exits ${result.status}: ${result.stderr}`)) continue;
    const findings = JSON.parse(result.stdout).findings.filter((f) => f.path === shown);
    const shape = findings.filter((f) => structural.has(f.rule));
    const mustReject = shape.filter((f) => expressible.has(f.rule) &&
                                           !inexpressible.some((re) => re.test(f.message)));

    // As an editor reads it: YAML 1.2 core schema, merge keys, unique keys.
    const documents = YAML.parseAllDocuments(readFileSync(file, 'utf8'), { merge: true });
    const parsed = Array.isArray(documents) ? documents : [documents];
    if (parsed.length === 0) continue;  // only comments: an empty file, nothing to validate
    if (parsed.length !== 1 || parsed[0].errors.length > 0) {
      check(shape.length > 0, `${shown}: the yaml package cannot read it, but iooi reports no structural finding`);
      continue;
    }
    let data;
    try {
      data = parsed[0].toJS({ maxAliasCount: 1000 });
    } catch (error) {
      check(shape.length > 0, `${shown}: ${error.message}, but iooi reports no structural finding`);
      continue;
    }
    if (data === null || data === undefined) continue;  // an empty file: nothing to validate

    const valid = validate(data);
    const errors = ajv.errorsText(validate.errors, { separator: '\n    ' });
    if (valid) accepted += 1; else rejected += 1;
    if (shape.length === 0)
      check(valid, `${shown}: a structurally valid plan file is rejected by the schema:\n    ${errors}`);
    if (mustReject.length > 0)
      check(!valid, `${shown}: iooi reports ${mustReject.map((f) => `${f.rule} at line ${f.line}`).join(', ')}` +
                    ' but the schema accepts the file');
  }
}
console.log(`schema accepted ${accepted} and rejected ${rejected} plan files`);
check(accepted > 0 && rejected > 0, 'the corpus has both valid and broken plan files');
finish();
