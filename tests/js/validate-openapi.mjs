// Validates an OpenAPI document against the official OpenAPI 3.x JSON schema, after checking
// that the validator refuses a copy with one required field removed (so a pass means something).
// Usage: PB_JS_MODULES=<node_modules> node validate-openapi.mjs FILE
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const modules = process.env.PB_JS_MODULES;
if (!modules) {
  console.error("PB_JS_MODULES must name the node_modules the tooling was installed into");
  process.exit(2);
}
const { Validator } = await import(pathToFileURL(join(modules, "@seriousme/openapi-schema-validator", "index.js")).href);

const file = process.argv[2];
if (!file) {
  console.error("usage: node validate-openapi.mjs FILE");
  process.exit(2);
}
const document = JSON.parse(await readFile(file, "utf8"));
const validator = new Validator();
const damaged = structuredClone(document);
const [firstPath] = Object.values(damaged.paths);
delete Object.values(Object.values(firstPath)[0].responses)[0].description;
if ((await new Validator().validate(damaged)).valid) {
  console.error("the validator accepted a response without its required description: not checking anything");
  process.exit(1);
}
const result = await validator.validate(document);
if (!result.valid) {
  console.error(`${file} is not a valid OpenAPI ${validator.version} document:`);
  console.error(JSON.stringify(result.errors, null, 2));
  process.exit(1);
}
const operations = Object.values(document.paths).reduce((n, path) => n + Object.keys(path).length, 0);
console.log(`${file}: valid OpenAPI ${validator.version} (${Object.keys(document.paths).length} paths, ${operations} operations)`);
