// The contract between the facts runner and one subject adapter. An adapter turns a fact's
// `given` into arguments for kruisec's real functions and reports what they computed; it owns
// no computation of its own.

export type Given = Record<string, unknown>;
export type Actual = Record<string, unknown>;

/** A fact the runner cannot evaluate (unknown key, malformed value): reported as a FAIL. */
export class FactError extends Error {}

export interface Subject {
  id: string;
  /** Matched against the case's `subject` text; the earliest match in the text wins. */
  keywords: RegExp;
  evaluate(given: Given, expect: Record<string, unknown>): Actual;
}

/** Refuse keys the adapter does not understand, so a fact is never silently half-read. */
export function checkKeys(given: Given, known: readonly string[], subject: string): void {
  for (const k of Object.keys(given)) {
    if (!known.includes(k)) throw new FactError(`unknown given key "${k}" for subject ${subject} (known: ${known.join(', ')})`);
  }
}

export function int(given: Given, key: string, fallback?: number): number {
  const v = given[key];
  if (v === undefined || v === null) {
    if (fallback !== undefined) return fallback;
    throw new FactError(`given.${key} is required`);
  }
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new FactError(`given.${key} must be an integer, got ${JSON.stringify(v)}`);
  return v;
}

export function intOrString(given: Given, key: string): number | string | undefined {
  const v = given[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number' || typeof v === 'string') return v;
  throw new FactError(`given.${key} must be an int or a percent string, got ${JSON.stringify(v)}`);
}

export function optInt(given: Given, key: string): number | undefined {
  return given[key] === undefined || given[key] === null ? undefined : int(given, key);
}

export function record(v: unknown, what: string): Record<string, unknown> {
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v)) throw new FactError(`${what} must be a map, got ${JSON.stringify(v)}`);
  return v as Record<string, unknown>;
}

/** Labels written as a map, or as "k=v,k2=v2" the way Kruise's scatter tests spell them
 *  (entries without "=" are ignored, as there). */
export function labelsOf(v: unknown): Record<string, string> {
  if (v === undefined || v === null || v === '') return {};
  if (typeof v === 'string') {
    const out: Record<string, string> = {};
    for (const part of v.split(',')) {
      const eq = part.indexOf('=');
      if (eq < 0) continue;
      out[part.slice(0, eq)] = part.slice(eq + 1);
    }
    return out;
  }
  if (typeof v === 'object' && !Array.isArray(v)) {
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, String(x)]));
  }
  throw new FactError(`labels must be a map or "k=v" text, got ${JSON.stringify(v)}`);
}
