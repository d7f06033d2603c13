import { Kind, parse, print, type DefinitionNode } from 'graphql';

const byName = (a: { name: { value: string } }, b: { name: { value: string } }): number =>
  a.name.value < b.name.value ? -1 : a.name.value > b.name.value ? 1 : 0;
const WITH_FIELDS: ReadonlySet<Kind> = new Set([
  Kind.OBJECT_TYPE_DEFINITION,
  Kind.OBJECT_TYPE_EXTENSION,
  Kind.INTERFACE_TYPE_DEFINITION,
  Kind.INTERFACE_TYPE_EXTENSION,
]);

/**
 * A subgraph's SDL with its types, and the fields of its object types and interfaces, in name
 * order. Nest prints fields in the order modules register their resolvers; sorting makes the
 * published schema independent of how the code is split into modules. Enum values and input
 * fields keep their declared order, which reads as documentation.
 */
export function sortedSdl(sdl: string): string {
  const definitions = parse(sdl).definitions.map((definition): DefinitionNode => {
    if (!WITH_FIELDS.has(definition.kind) || !('fields' in definition) || !definition.fields) return definition;
    return { ...definition, fields: [...definition.fields].sort(byName) } as DefinitionNode;
  });
  const unnamed = definitions.filter((d) => !('name' in d) || !d.name);
  const named = definitions.filter((d): d is DefinitionNode & { name: { value: string } } => 'name' in d && Boolean(d.name)).sort(byName);
  return `${print({ kind: Kind.DOCUMENT, definitions: [...unnamed, ...named] })}\n`;
}
