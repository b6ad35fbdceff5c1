// The one string order for everything kruisec sorts: UTF-16 code units, not the locale, so
// output is the same on every machine. For text outside the astral planes it is also the
// UTF-8 byte order Go's sort.Strings and encoding/json's sorted map keys use.
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
