// Validates Kubernetes objects (a JSON array on stdin) against the API's schemas as the
// kubernetes-models package ships them, offline. Prints a JSON array of problems; an empty one
// means every object is valid. An ES module of its own: the package is ESM only, Jest is not.
import { readFileSync } from 'node:fs';

const objects = JSON.parse(readFileSync(0, 'utf8'));
const problems = [];
for (const object of objects) {
  const where = `${object.kind}/${object.metadata?.name}`;
  const group = object.apiVersion.includes('/') ? object.apiVersion : `v1`;
  let model;
  try {
    model = await import(`kubernetes-models/${group}/${object.kind}`);
  } catch {
    problems.push(`${where}: no schema for ${object.apiVersion} ${object.kind}`);
    continue;
  }
  try {
    new model[object.kind](object).validate();
  } catch (error) {
    problems.push(`${where}: ${error.message}`);
  }
}
process.stdout.write(JSON.stringify(problems));
