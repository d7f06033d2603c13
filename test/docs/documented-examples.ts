import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, Lexer, Source, TokenKind, parse, type OperationDefinitionNode, type Token } from 'graphql';

/**
 * The documents whose examples run, in the order they run: the webhooks first (their orders are
 * what later examples look up), then the README and each service's document. Mutations of one
 * document may rely on those of an earlier one; docs/testing.md says so.
 */
export const DOCUMENTS_IN_ORDER = [
  'docs/webhooks.md',
  'README.md',
  'docs/catalog.md',
  'docs/inventory.md',
  'docs/membership.md',
  'docs/customer-service.md',
  'docs/analytics.md',
  'docs/privacy.md',
] as const;

/** The day the examples' dates are written for; the test moves them to keep that distance from today. */
export const EXAMPLES_WRITTEN_ON = '2026-12-02';

export interface GraphqlExample {
  readonly kind: 'graphql';
  /** `docs/catalog.md:42`, where the operation starts. */
  readonly where: string;
  readonly text: string;
  /** The caller's role, or `anonymous` for no token. */
  readonly role: string;
  /** Variables the adjacent ```json block gives. */
  readonly variables: Record<string, unknown>;
  /** The variables the operation declares (`$name`): given ones, else bound by an earlier example. */
  readonly declaredVariables: readonly string[];
  /** `$name = path.in.data`: values this operation's answer binds for later examples. */
  readonly binds: ReadonlyArray<{ readonly name: string; readonly path: string }>;
  /** Result types ending in `Error` this example shows on purpose (`# expect: MediaIncompleteError`). */
  readonly expectedErrors: readonly string[];
}

export interface WebhookExample {
  readonly kind: 'webhook';
  readonly where: string;
  readonly source: string;
  readonly body: string;
}

export type DocumentedExample = GraphqlExample | WebhookExample;

const FENCE = /^```([^\n]*)\n([\s\S]*?)^```[ \t]*$/gm;
const ROLE = /^role:\s*([a-z_]+)\s*$/;
const EXPECT = /^expect:\s*([A-Za-z, ]+)$/;
const BIND = /^\$([A-Za-z][A-Za-z0-9_]*)\s*=\s*([A-Za-z0-9_.[\]]+)\s*$/;

interface Comment {
  readonly line: number;
  readonly ownLine: boolean;
  readonly text: string;
}

/** Every comment of a GraphQL text (the lexer keeps them in its token chain), with its line. */
function commentsOf(source: Source): Comment[] {
  const lexer = new Lexer(source);
  while (lexer.advance().kind !== TokenKind.EOF);
  const comments: Comment[] = [];
  for (let token: Token | null = lexer.token; token; token = token.prev) {
    if (token.kind !== TokenKind.COMMENT) continue;
    const before = source.body.slice(source.body.lastIndexOf('\n', token.start - 1) + 1, token.start);
    comments.unshift({ line: token.line, ownLine: before.trim() === '', text: (token.value ?? '').trim() });
  }
  return comments;
}

/** The examples of one markdown document, in the order they appear. */
export function examplesOf(file: string, markdown: string): DocumentedExample[] {
  const examples: DocumentedExample[] = [];
  const fences = [...markdown.matchAll(FENCE)].map((m) => ({
    info: m[1].trim(),
    body: m[2],
    start: m.index,
    end: m.index + m[0].length,
    line: markdown.slice(0, m.index).split('\n').length + 1,
  }));
  fences.forEach((fence, i) => {
    const [language, marker, source] = fence.info.split(/\s+/);
    if (language === 'json' && marker === 'webhook') {
      if (!source) throw new Error(`${file}:${fence.line}: a webhook example names its source (\`\`\`json webhook taobao)`);
      examples.push({ kind: 'webhook', where: `${file}:${fence.line}`, source, body: fence.body.trim() });
      return;
    }
    if (language !== 'graphql') return;
    const next = fences[i + 1];
    const adjacentJson = next && next.info === 'json' && markdown.slice(fence.end, next.start).trim() === '';
    const variables = adjacentJson ? (JSON.parse(next.body) as Record<string, unknown>) : {};
    examples.push(...operationsOf(file, fence.line, fence.body, variables));
  });
  return examples;
}

function operationsOf(file: string, firstLine: number, body: string, variables: Record<string, unknown>): GraphqlExample[] {
  const source = new Source(body);
  const operations = parse(source).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const comments = commentsOf(source);
  const spans = operations.map((op) => ({ op, first: op.loc!.startToken.line, last: op.loc!.endToken.line }));
  // A comment belongs to the operation it sits in or ends the line of; one on its own line after an
  // operation adds to that operation (binds, expectations), or sets the role of those below it.
  const ownerOf = (comment: Comment) =>
    spans.findIndex((s) => comment.line >= s.first && comment.line <= s.last && !(comment.ownLine && comment.line === s.first));
  // Roles on their own line hold for the operations below them until the next such line.
  const blockRoles: Array<{ line: number; role: string }> = [];
  const inlineRoles: Array<string | undefined> = [];
  const binds = spans.map(() => [] as Array<{ name: string; path: string }>);
  const expected = spans.map(() => [] as string[]);
  for (const comment of comments) {
    const owner = ownerOf(comment);
    const preceding = owner >= 0 ? owner : spans.filter((s) => s.last < comment.line).length - 1;
    const role = ROLE.exec(comment.text);
    if (role) {
      if (owner >= 0) inlineRoles[owner] = role[1];
      else blockRoles.push({ line: comment.line, role: role[1] });
      continue;
    }
    const bind = BIND.exec(comment.text);
    if (bind && preceding >= 0) binds[preceding].push({ name: bind[1], path: bind[2] });
    const expect = EXPECT.exec(comment.text);
    if (expect && preceding >= 0) expected[preceding].push(...expect[1].split(/[ ,]+/).filter(Boolean));
  }
  const roles = spans.map((s, i) => inlineRoles[i] ?? blockRoles.filter((r) => r.line < s.first).pop()?.role);
  return spans.map(({ op }, i) => {
    const where = `${file}:${firstLine + op.loc!.startToken.line - 1}`;
    const role = roles[i];
    if (!role) throw new Error(`${where}: the example states no role (a \`# role: …\` line above it, or \`anonymous\`)`);
    return {
      kind: 'graphql' as const,
      where,
      text: body.slice(op.loc!.start, op.loc!.end),
      role,
      variables,
      declaredVariables: (op.variableDefinitions ?? []).map((v) => v.variable.name.value),
      binds: binds[i],
      expectedErrors: expected[i],
    };
  });
}

/** Every example of every document, in running order. */
export function documentedExamples(root: string): DocumentedExample[] {
  return DOCUMENTS_IN_ORDER.flatMap((file) => examplesOf(file, readFileSync(join(root, file), 'utf8')));
}

/** Whole days from `EXAMPLES_WRITTEN_ON` to `today` (YYYY-MM-DD). */
export function daysSinceWritten(today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${EXAMPLES_WRITTEN_ON}T00:00:00Z`)) / 86_400_000);
}

/**
 * Moves every date of an example's text by `days` (and every `YYYY-MM` month by the months the
 * shifted day moved), so examples written for `EXAMPLES_WRITTEN_ON` ask about the same span of the
 * demo shop's recent past on the day they run.
 */
export function shiftDates(text: string, days: number): string {
  if (days === 0) return text;
  const written = new Date(`${EXAMPLES_WRITTEN_ON}T00:00:00Z`);
  const moved = new Date(written.getTime() + days * 86_400_000);
  const months = (moved.getUTCFullYear() - written.getUTCFullYear()) * 12 + moved.getUTCMonth() - written.getUTCMonth();
  return text
    .replace(/\b(20\d\d)-(\d\d)-(\d\d)(?!\d)/g, (_, y: string, m: string, d: string) =>
      new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)) + days * 86_400_000).toISOString().slice(0, 10),
    )
    .replace(/\b(20\d\d)-(\d\d)(?![\d-])/g, (_, y: string, m: string) => {
      const month = new Date(Date.UTC(Number(y), Number(m) - 1 + months, 1));
      return month.toISOString().slice(0, 7);
    });
}
