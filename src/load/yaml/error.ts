// Why a document could not be read, and where. `pos` is a UTF-16 offset into the text that was
// read (one document); the caller turns it into a file position.
export type YamlErrorKind =
  | 'syntax' // not YAML as go-yaml reads it: kubectl rejects it too
  | 'tab' // a tab where go-yaml wants spaces
  | 'tag' // a tag kruisec does not read (custom, !!binary, !!timestamp, ...)
  | 'duplicate-key' // the same key twice in one mapping
  | 'limit' // beyond a resource limit (aliases, depth, size)
  | 'unsafe'; // kubectl reads it, but ignores part of it or picks a value at random

export class YamlError extends Error {
  constructor(message: string, readonly pos: number, readonly kind: YamlErrorKind = 'syntax', readonly key?: string) {
    super(message);
  }
}
