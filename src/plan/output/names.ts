// File and folder names of a plan written to disk: stage-NN/ folders and, inside them,
// NNN-<kind>-<namespace>-<name>.yaml files, numbered so that a listing is the install order.

/** `stage-00`, `stage-01`, ... */
export function stageDir(index: number): string {
  return `stage-${pad(index)}`;
}

/** A file-name-safe slug: lowercase letters, digits and '-'. */
export function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'x';
}

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}
