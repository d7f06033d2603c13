import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isInterfaceType,
  isIntrospectionType,
  isListType,
  isObjectType,
  Kind,
  parse,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { MAX_NESTING, nestingDepth } from './document-nesting';

export interface OperationLimits {
  readonly maxDepth: number;
  readonly maxComplexity: number;
  /** Lexical tokens the gateway parses before it gives up on a document. */
  readonly maxTokens: number;
  /** Fields of the document with every fragment spread expanded, as validation and execution see it. */
  readonly maxFields: number;
  readonly maxAliases: number;
}

/** Assumed length of a list whose size no argument bounds (a product's SKUs). */
export const ASSUMED_LIST_SIZE = 10;
const PAGE_ARGUMENTS = new Set(['first', 'last', 'limit', 'take']);
/** Fields that read the schema itself; `__typename` only names an object's type. */
const INTROSPECTION_FIELDS = new Set([SchemaMetaFieldDef.name, TypeMetaFieldDef.name]);
/** Parsed documents by query text: clients repeat the same few operations. */
const MAX_CACHED = 2000;
/** Padding (whitespace, comments, long strings) must not turn the cache into 2,000 bodies of 1 MiB. */
const MAX_CACHED_QUERY_LENGTH = 32 * 1024;

export interface CheckedRequest {
  readonly query: string;
  readonly operationName?: string;
  readonly variables?: Record<string, unknown>;
  readonly mayIntrospect: boolean;
}

/** What one selection set amounts to once its fragments are expanded. */
interface Measure {
  readonly depth: number;
  readonly cost: number;
  readonly fields: number;
  readonly aliases: number;
  /** `__schema` and `__type` fields. */
  readonly introspection: number;
}

const NOTHING: Measure = { depth: 0, cost: 0, fields: 0, aliases: 0, introspection: 0 };

/**
 * Checks a document before any validation or subgraph work, and refuses what it cannot fully
 * check. Cost counts one per field (aliases and `__typename` included), multiplied by how many
 * objects a list can hold: its page argument (`first`…), its schema default, or
 * ASSUMED_LIST_SIZE; so `products(first: 100) { nodes { skus { … } } }` costs a thousand times
 * the SKU selection. Fragment sizes are memoised, so the check is linear in the document.
 */
export class OperationLimiter {
  private readonly documents = new Map<string, DocumentNode | GraphQLError>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly limits: OperationLimits,
  ) {}

  get cachedDocumentCount(): number {
    return this.documents.size;
  }

  /** The error to answer the request with, or undefined when it is within every limit. */
  check(request: CheckedRequest): GraphQLError | undefined {
    const document = this.parseCached(request.query);
    if (document instanceof GraphQLError) return document;
    try {
      return this.checkDocument(document, request);
    } catch (error) {
      if (error instanceof GraphQLError) return error;
      throw error;
    }
  }

  private checkDocument(document: DocumentNode, { operationName, variables, mayIntrospect }: CheckedRequest): GraphQLError | undefined {
    const fragments = new Map<string, FragmentDefinitionNode>();
    const operations: OperationDefinitionNode[] = [];
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
      if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
    }
    const unresolved = unresolvedOperation(operations, operationName);
    if (unresolved) return unresolved;
    const measurer = new DocumentMeasurer(this.schema, fragments, variables ?? {});
    const operationMeasures = operations.map((operation) => measurer.selectionSet(operation.selectionSet, this.rootType(operation)));
    // Validation visits every fragment too, so each counts, whether the operation run spreads it or not.
    const measures = [...operationMeasures, ...[...fragments.keys()].map((name) => measurer.fragment(name))];
    // The schema is a map of what to attack: only staff may read it.
    if (!mayIntrospect && measures.some((m) => m.introspection > 0)) {
      return new GraphQLError('Introspection is open to staff only', { extensions: { code: 'FORBIDDEN' } });
    }
    return this.violation({
      depth: Math.max(...measures.map((m) => m.depth)),
      cost: Math.max(...operationMeasures.map((m) => m.cost)),
      fields: measures.reduce((sum, m) => sum + m.fields, 0),
      aliases: measures.reduce((sum, m) => sum + m.aliases, 0),
    });
  }

  private violation({ depth, cost, fields, aliases }: Omit<Measure, 'introspection'>): GraphQLError | undefined {
    const { maxDepth, maxComplexity, maxFields, maxAliases } = this.limits;
    if (fields > maxFields) {
      return limitError(`Query has ${fields} fields once its fragments are expanded, over the limit of ${maxFields}`, 'QUERY_TOO_LARGE', { fields, maxFields });
    }
    if (aliases > maxAliases) {
      return limitError(`Query uses ${aliases} aliases, over the limit of ${maxAliases}`, 'QUERY_TOO_LARGE', { aliases, maxAliases });
    }
    if (depth > maxDepth) {
      return limitError(`Query depth ${depth} exceeds the limit of ${maxDepth}`, 'QUERY_TOO_DEEP', { depth, maxDepth });
    }
    if (cost > maxComplexity) {
      return limitError(`Query cost ${cost} exceeds the limit of ${maxComplexity}; ask for smaller pages`, 'QUERY_TOO_COMPLEX', { cost, maxComplexity });
    }
    return undefined;
  }

  private rootType(operation: OperationDefinitionNode): GraphQLNamedType | undefined {
    return this.schema.getRootType(operation.operation) ?? undefined;
  }

  private parseCached(query: string): DocumentNode | GraphQLError {
    let document = this.documents.get(query);
    if (!document) {
      document = this.parseWithinBudget(query);
      if (this.documents.size >= MAX_CACHED) this.documents.clear();
      if (query.length <= MAX_CACHED_QUERY_LENGTH) this.documents.set(query, document);
    }
    return document;
  }

  private parseWithinBudget(query: string): DocumentNode | GraphQLError {
    if (nestingDepth(query) > MAX_NESTING) return tooNested();
    try {
      return parse(query, { maxTokens: this.limits.maxTokens });
    } catch (error) {
      if (error instanceof RangeError) return tooNested();
      if (!(error instanceof GraphQLError)) throw error;
      if (/more th\w+ \d+ tokens/.test(error.message)) {
        // graphql-js words it "more that N tokens"
        return limitError(`Query has more than ${this.limits.maxTokens} tokens`, 'QUERY_TOO_LARGE', { maxTokens: this.limits.maxTokens });
      }
      return new GraphQLError(error.message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    }
  }
}

/** The operation to run must be named when there are several, and must exist. */
function unresolvedOperation(operations: readonly OperationDefinitionNode[], operationName: string | undefined): GraphQLError | undefined {
  if (operations.length === 0) return badInput('The document contains no operation', 'query');
  if (operationName === undefined) {
    return operations.length > 1 ? badInput('operationName is required when the document holds several operations', 'operationName') : undefined;
  }
  if (operations.some((o) => o.name?.value === operationName)) return undefined;
  return badInput(`operationName "${operationName}" names no operation of the document`, 'operationName');
}

class DocumentMeasurer {
  private readonly fragmentMeasures = new Map<string, Measure>();
  private readonly measuring = new Set<string>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
  ) {}

  /** A fragment measured once per document, however often it is spread. */
  fragment(name: string): Measure {
    const known = this.fragmentMeasures.get(name);
    if (known) return known;
    const fragment = this.fragments.get(name);
    if (!fragment) throw validationError(`Unknown fragment "${name}"`);
    if (this.measuring.has(name)) throw validationError(`Fragment "${name}" spreads itself`);
    this.measuring.add(name);
    const measure = this.selectionSet(fragment.selectionSet, this.schema.getType(fragment.typeCondition.name.value));
    this.measuring.delete(name);
    this.fragmentMeasures.set(name, measure);
    return measure;
  }

  selectionSet(selectionSet: SelectionSetNode, parent: GraphQLNamedType | undefined): Measure {
    let total = NOTHING;
    for (const selection of selectionSet.selections) {
      let measure: Measure;
      if (selection.kind === Kind.FIELD) measure = this.field(selection, parent);
      else if (selection.kind === Kind.FRAGMENT_SPREAD) measure = this.fragment(selection.name.value);
      else {
        const type = selection.typeCondition ? this.schema.getType(selection.typeCondition.name.value) : parent;
        measure = this.selectionSet(selection.selectionSet, type);
      }
      total = {
        depth: Math.max(total.depth, measure.depth),
        cost: total.cost + measure.cost,
        fields: total.fields + measure.fields,
        aliases: total.aliases + measure.aliases,
        introspection: total.introspection + measure.introspection,
      };
    }
    return total;
  }

  private field(node: FieldNode, parent: GraphQLNamedType | undefined): Measure {
    const definition = fieldDefinition(node.name.value, parent);
    const children = node.selectionSet ? this.selectionSet(node.selectionSet, definition && getNamedType(definition.type)) : NOTHING;
    // A fragment on __Type is measured on its own too, so the schema's own types are exempt wherever they are selected.
    const introspection = node.name.value.startsWith('__') || (parent !== undefined && isIntrospectionType(parent));
    return {
      // Introspection is bounded by the schema, not by data, so it neither deepens nor multiplies.
      depth: introspection ? 0 : 1 + children.depth,
      cost: 1 + children.cost * (introspection ? 1 : this.multiplier(node, definition, parent)),
      fields: 1 + children.fields,
      aliases: (node.alias ? 1 : 0) + children.aliases,
      introspection: (INTROSPECTION_FIELDS.has(node.name.value) ? 1 : 0) + children.introspection,
    };
  }

  /** How many objects the field can return, each of which costs its selection. */
  private multiplier(node: FieldNode, definition: GraphQLField<unknown, unknown> | undefined, parent: GraphQLNamedType | undefined): number {
    const pageArgument = definition?.args.find((arg) => PAGE_ARGUMENTS.has(arg.name));
    if (pageArgument) {
      const given = node.arguments?.find((arg) => arg.name.value === pageArgument.name);
      const size = given ? this.valueOf(given.value) : pageArgument.defaultValue;
      return typeof size === 'number' && Number.isFinite(size) ? Math.max(size, 1) : ASSUMED_LIST_SIZE;
    }
    if (!definition || !isListType(getNullableType(definition.type))) return 1;
    // A connection's `nodes` and `edges` hold the page its field already counted.
    return isConnection(parent) ? 1 : ASSUMED_LIST_SIZE;
  }

  private valueOf(node: ValueNode): unknown {
    if (node.kind === Kind.INT) return Number(node.value);
    if (node.kind === Kind.VARIABLE) return this.variables[node.name.value];
    return undefined;
  }
}

function fieldDefinition(name: string, parent: GraphQLNamedType | undefined): GraphQLField<unknown, unknown> | undefined {
  if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
  if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

function isConnection(type: GraphQLNamedType | undefined): boolean {
  return (isObjectType(type) || isInterfaceType(type)) && 'pageInfo' in type.getFields();
}

function tooNested(): GraphQLError {
  return limitError(`Query nests brackets more than ${MAX_NESTING} levels deep`, 'QUERY_TOO_DEEP', { maxNesting: MAX_NESTING });
}

function limitError(message: string, code: string, facts: Record<string, number>): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...facts } });
}

function badInput(message: string, field: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', fields: [field] } });
}

function validationError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
}
