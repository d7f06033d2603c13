import type { FieldProblem } from './validation';

/** Deeper structures are refused: no integrator payload needs them, and recursive code (ours, a library's, jsonb's parser) would overflow on them. */
export const MAX_JSON_DEPTH = 32;
/** Keys that would reach an object's prototype when copied onto a class instance. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MAX_PROBLEMS = 20;

/** Why a string cannot be stored as text or jsonb (PostgreSQL refuses NUL and lone surrogates), or undefined. */
export function unstorableText(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain NUL (\\u0000)';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode (a lone surrogate is not)';
  return undefined;
}

/**
 * Problems that would make parsed JSON fail later instead of at the edge: nesting deeper than
 * `MAX_JSON_DEPTH`, prototype keys, and text PostgreSQL cannot store, in keys as in values.
 * Walks without recursion, so the walk itself survives any depth.
 */
export function findUnstorableJson(root: unknown, maxDepth = MAX_JSON_DEPTH): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const pending: Array<{ value: unknown; path: string; depth: number }> = [{ value: root, path: '', depth: 0 }];
  while (pending.length > 0 && problems.length < MAX_PROBLEMS) {
    const { value, path, depth } = pending.pop() as { value: unknown; path: string; depth: number };
    const field = path || '(body)';
    if (typeof value === 'string') {
      const why = unstorableText(value);
      if (why) problems.push({ field, message: `${field} ${why}` });
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= maxDepth) {
      problems.push({ field, message: `${field} is nested more than ${maxDepth} levels deep` });
      continue;
    }
    for (const [key, child] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key;
      const keyProblem = PROTOTYPE_KEYS.has(key) ? 'is a reserved key' : unstorableText(key);
      if (keyProblem) problems.push({ field: childPath, message: `${childPath} (a key) ${keyProblem}` });
      else pending.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return problems;
}
