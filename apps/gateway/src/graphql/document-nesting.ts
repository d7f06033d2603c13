/**
 * Brackets may nest this deep before the gateway parses a document: graphql-js parses by
 * recursion, and a few thousand levels would overflow the stack.
 */
export const MAX_NESTING = 200;

/** The deepest nesting of `{`, `[` and `(` outside strings and comments, found in one pass. */
export function nestingDepth(source: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '#') i = endOfComment(source, i);
    else if (char === '"') i = endOfString(source, i);
    else if (char === '{' || char === '[' || char === '(') deepest = Math.max(deepest, ++depth);
    else if (char === '}' || char === ']' || char === ')') depth--;
  }
  return deepest;
}

function endOfComment(source: string, start: number): number {
  const end = source.indexOf('\n', start);
  return end < 0 ? source.length : end;
}

/** Index of the closing quote of the string that opens at `start` (the last index when it never closes). */
function endOfString(source: string, start: number): number {
  if (source.startsWith('"""', start)) {
    for (let from = start + 3; ;) {
      const end = source.indexOf('"""', from);
      if (end < 0) return source.length;
      if (source[end - 1] !== '\\') return end + 2;
      from = end + 3;
    }
  }
  for (let i = start + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === '"' || source[i] === '\n') return i;
  }
  return source.length;
}
