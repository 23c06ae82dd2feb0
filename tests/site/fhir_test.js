// `claimkb export --format fhir`: every resource valid against the FHIR R5 JSON schema
// (the hl7.fhir.r5.core 5.0.0 package's openapi/fhir.schema.json, checked with
// @asymmetrik/fhir-json-schema-validator), every certainty code one of R5's code systems.
//   node fhir_test.js BUNDLE.json CLAIM_COUNT
"use strict";
const fs = require("fs");
const path = require("path");
const assert = require("assert");
const JSONSchemaValidator = require("@asymmetrik/fhir-json-schema-validator");

const core = path.dirname(require.resolve("hl7.fhir.r5.core/package.json"));
const schema = JSON.parse(fs.readFileSync(path.join(core, "openapi", "fhir.schema.json"), "utf8"));
assert.strictEqual(schema.id, "http://hl7.org/fhir/json-schema/5.0");
const validator = new JSONSchemaValidator(schema);

// code -> display of an R5 code system shipped in the package.
function codeSystem(name) {
  const cs = JSON.parse(fs.readFileSync(path.join(core, `CodeSystem-${name}.json`), "utf8"));
  return { url: cs.url, codes: new Map(cs.concept.map((c) => [c.code, c.display])) };
}
const systems = [codeSystem("certainty-type"), codeSystem("certainty-rating")];

function checkCoding(concept, where) {
  for (const c of concept.coding) {
    const cs = systems.find((s) => s.url === c.system);
    if (!cs) continue;  // another system (variable-role lives in terminology.hl7.org)
    assert.ok(cs.codes.has(c.code), `${where}: ${c.code} is not a code of ${c.system}`);
    assert.strictEqual(c.display, cs.codes.get(c.code), `${where}: display of ${c.code}`);
  }
}

const [bundleFile, claimCount] = process.argv.slice(2);
const bundle = JSON.parse(fs.readFileSync(bundleFile, "utf8"));
let failures = 0;
function check(resource, what) {
  const errors = validator.validate(resource);
  if (errors.length) {
    failures++;
    console.error(`${what}: invalid:\n${JSON.stringify(errors, null, 1).slice(0, 2000)}`);
  }
}

// The validator must refuse what R5 does not allow, or its silence means nothing.
check(bundle, "the bundle");
const first = bundle.entry[0].resource;
const broken = JSON.parse(JSON.stringify(first));
broken.certainty[0].rating = "high";  // a code where a CodeableConcept belongs
assert.notStrictEqual(validator.validate(broken).length, 0, "a string rating must be invalid");
const unknown = JSON.parse(JSON.stringify(first));
unknown.verdict = "supported";  // no such element in Evidence
assert.notStrictEqual(validator.validate(unknown).length, 0, "an unknown element must be invalid");
const missing = JSON.parse(JSON.stringify(first));
delete missing.variableDefinition;  // required 1..* in R5
assert.notStrictEqual(validator.validate(missing).length, 0, "Evidence without variableDefinition must be invalid");

assert.strictEqual(bundle.entry.length, Number(claimCount), "one Evidence per claim");
let rated = 0, domains = 0;
for (const { resource } of bundle.entry) {
  assert.strictEqual(resource.resourceType, "Evidence");
  check(resource, `Evidence/${resource.id}`);
  const overall = resource.certainty[0];
  assert.strictEqual(overall.type.coding[0].code, "Overall");
  checkCoding(overall.type, resource.id);
  if (overall.rating) {
    rated++;
    checkCoding(overall.rating, resource.id);
    for (const sub of overall.subcomponent || []) {
      domains++;
      checkCoding(sub.type, resource.id);
      checkCoding(sub.rating, resource.id);
    }
  }
  for (const a of resource.relatedArtifact || []) assert.strictEqual(a.type, "citation");
}
assert.ok(rated > 0, "some claim has a rated certainty");
assert.ok(domains > 0, "some certainty has domain ratings");
if (failures) {
  console.error(`${failures} invalid resources`);
  process.exit(1);
}
console.log(`${bundle.entry.length} Evidence resources valid against FHIR R5 (${rated} rated, ${domains} domain ratings)`);
