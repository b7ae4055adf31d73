// Validates every object of a kustomize build (a multi-document YAML file) against its published schema, offline:
// Kubernetes' own kinds with kubernetes-models, Gateway API kinds with @kubernetes-models/gateway-api. Prints one JSON
// line: {"validated": n, "invalid": [...], "unvalidated": ["apiVersion kind", ...]}; exits 1 when anything is invalid.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const file = process.argv[2];
const documents = parseAllDocuments(readFileSync(file, "utf8")).map((doc) => doc.toJS()).filter(Boolean);

function modulePath(apiVersion, kind) {
  if (apiVersion.startsWith("gateway.networking.k8s.io/")) {
    return `@kubernetes-models/gateway-api/${apiVersion}/${kind}`;
  }
  // core ("v1") and the built-in groups ("apps/v1", "autoscaling/v2", "policy/v1", "networking.k8s.io/v1")
  return `kubernetes-models/${apiVersion}/${kind}`;
}

const result = { validated: 0, invalid: [], unvalidated: [] };
for (const object of documents) {
  const name = `${object.apiVersion} ${object.kind} ${object.metadata?.name}`;
  let model;
  try {
    model = await import(modulePath(object.apiVersion, object.kind));
  } catch {
    result.unvalidated.push(`${object.apiVersion} ${object.kind}`);
    continue;
  }
  const Model = model[object.kind] ?? model.default;
  try {
    new Model(object).validate();
    result.validated++;
  } catch (error) {
    result.invalid.push(`${name}: ${error.message}`);
  }
}
result.unvalidated = [...new Set(result.unvalidated)].sort();
console.log(JSON.stringify(result));
process.exit(result.invalid.length === 0 ? 0 : 1);
