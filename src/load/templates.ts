// Inputs that are not manifests yet: unrendered Helm templates and documentation snippets.
// Recognising them gives a clear message instead of a confusing YAML or schema error.

/** The first `{{ … }}` action outside a comment, 1-based. */
export function findHelmAction(text: string): { line: number; col: number } | undefined {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const c = l.indexOf('{{');
    if (c >= 0 && !l.trimStart().startsWith('#') && l.indexOf('}}', c) > c) return { line: i + 1, col: c + 1 };
  }
  return undefined;
}

const ELISIONS = new Set(['...', '…', '<...>', '[...]']);

/** The first value (or key) that is an elision, as doc snippets have. (An unquoted
 *  `{{ .Values.x }}` never gets this far: a mapping as a key is an error, and parse.ts then
 *  reports the file as a Helm template.) Walks without allocating; the path is built on the
 *  way back only when something is found. */
export function findPlaceholder(obj: unknown): { value: string; path: (string | number)[] } | undefined {
  const path: (string | number)[] = [];
  const value = walk(obj, path);
  return value === undefined ? undefined : { value, path: path.reverse() };
}

function walk(obj: unknown, path: (string | number)[]): string | undefined {
  if (typeof obj === 'string') return obj.length <= 7 && ELISIONS.has(obj.trim()) ? obj : undefined;
  if (Array.isArray(obj)) {
    for (let i = 0; i < obj.length; i++) {
      const v = walk(obj[i], path);
      if (v !== undefined) { path.push(i); return v; }
    }
    return undefined;
  }
  if (obj !== null && typeof obj === 'object') {
    for (const k in obj) {
      if (k.length <= 15 && ELISIONS.has(k.trim())) { path.push(k); return k; }
      const v = walk((obj as Record<string, unknown>)[k], path);
      if (v !== undefined) { path.push(k); return v; }
    }
  }
  return undefined;
}
