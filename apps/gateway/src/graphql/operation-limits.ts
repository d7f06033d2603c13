import {
  GraphQLError,
  Kind,
  parse,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

export interface OperationLimits {
  readonly maxDepth: number;
  readonly maxComplexity: number;
}

const PAGE_ARGUMENTS = new Set(['first', 'last', 'limit', 'take']);
/** Parsed documents by query text: clients repeat the same few operations. */
const documents = new Map<string, DocumentNode | GraphQLError>();
const MAX_CACHED = 2000;

/**
 * Checks an operation's depth and estimated cost before any subgraph is called. Cost counts
 * one per field, multiplied by a list's page size argument (`first`, `limit`…), so
 * `products(first: 100) { skus { … } }` costs a hundred times its selection.
 */
export function checkOperationLimits(
  query: string,
  operationName: string | undefined,
  variables: Record<string, unknown> | undefined,
  limits: OperationLimits,
): GraphQLError | undefined {
  const document = parseCached(query);
  if (document instanceof GraphQLError) return undefined; // the engine reports syntax errors itself
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
  }
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!operation) return undefined;
  const walker = new SelectionWalker(fragments, variables ?? {});
  const depth = walker.depth(operation.selectionSet, 0, new Set());
  if (depth > limits.maxDepth) {
    return new GraphQLError(`Query depth ${depth} exceeds the limit of ${limits.maxDepth}`, {
      extensions: { code: 'QUERY_TOO_DEEP', depth, maxDepth: limits.maxDepth },
    });
  }
  const cost = walker.cost(operation.selectionSet, new Set());
  if (cost > limits.maxComplexity) {
    return new GraphQLError(`Query cost ${cost} exceeds the limit of ${limits.maxComplexity}; ask for smaller pages`, {
      extensions: { code: 'QUERY_TOO_COMPLEX', cost, maxComplexity: limits.maxComplexity },
    });
  }
  return undefined;
}

function parseCached(query: string): DocumentNode | GraphQLError {
  let document = documents.get(query);
  if (!document) {
    try {
      document = parse(query, { maxTokens: 10_000 });
    } catch (error) {
      document = error instanceof GraphQLError ? error : new GraphQLError(String(error));
    }
    if (documents.size >= MAX_CACHED) documents.clear();
    documents.set(query, document);
  }
  return document;
}

class SelectionWalker {
  constructor(
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
  ) {}

  depth(selectionSet: SelectionSetNode, level: number, visiting: Set<string>): number {
    let deepest = level;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue; // introspection is bounded by the schema
        const below = selection.selectionSet ? this.depth(selection.selectionSet, level + 1, visiting) : level + 1;
        deepest = Math.max(deepest, below);
      } else {
        const nested = this.nestedSelectionSet(selection, visiting);
        if (nested) deepest = Math.max(deepest, this.depth(nested.set, level, nested.visiting));
      }
    }
    return deepest;
  }

  cost(selectionSet: SelectionSetNode, visiting: Set<string>): number {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        const children = selection.selectionSet ? this.cost(selection.selectionSet, visiting) : 0;
        total += 1 + children * this.pageSize(selection.arguments ?? []);
      } else {
        const nested = this.nestedSelectionSet(selection, visiting);
        if (nested) total += this.cost(nested.set, nested.visiting);
      }
    }
    return total;
  }

  private nestedSelectionSet(
    selection: SelectionSetNode['selections'][number],
    visiting: Set<string>,
  ): { set: SelectionSetNode; visiting: Set<string> } | undefined {
    if (selection.kind === Kind.INLINE_FRAGMENT) return { set: selection.selectionSet, visiting };
    if (selection.kind !== Kind.FRAGMENT_SPREAD) return undefined;
    const name = selection.name.value;
    const fragment = this.fragments.get(name);
    if (!fragment || visiting.has(name)) return undefined; // cycles are rejected by validation anyway
    return { set: fragment.selectionSet, visiting: new Set(visiting).add(name) };
  }

  private pageSize(args: ReadonlyArray<{ name: { value: string }; value: ValueNode }>): number {
    for (const arg of args) {
      if (!PAGE_ARGUMENTS.has(arg.name.value)) continue;
      const value = this.valueOf(arg.value);
      if (typeof value === 'number' && value > 0) return value;
    }
    return 1;
  }

  private valueOf(node: ValueNode): unknown {
    if (node.kind === Kind.INT) return Number(node.value);
    if (node.kind === Kind.VARIABLE) return this.variables[node.name.value];
    return undefined;
  }
}
