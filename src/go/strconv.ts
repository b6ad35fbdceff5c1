// Go's strconv, where Kruise parses user text with it.

const INT64_MIN = -(2n ** 63n), INT64_MAX = 2n ** 63n - 1n;

/** strconv.Atoi on a 64-bit machine: optional sign, decimal digits, int64 range; undefined
 *  where Go returns an error. */
export function atoi(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const v = BigInt(s);
  return v < INT64_MIN || v > INT64_MAX ? undefined : v;
}
