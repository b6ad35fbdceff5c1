// Go's regexp (RE2) as far as SidecarSet patterns need it: whitelist expressions and
// resourcesPolicy.targetContainersNameRegex. JS RegExp accepts more (lookaround,
// backreferences) and spells some things differently (flags, named groups), so translate the
// common forms and reject what RE2 rejects.
export type Compiled = { ok: true; re: RegExp } | { ok: false; error: string };

const UNSUPPORTED: [RegExp, string][] = [
  [/\(\?[=!]/, 'invalid or unsupported Perl syntax: `(?=` / `(?!` (lookahead)'],
  [/\(\?<[=!]/, 'invalid or unsupported Perl syntax: `(?<` (lookbehind)'],
  [/\\[1-9]/, 'invalid escape sequence: backreference'],
];

/** regexp.Compile; `re` matches unanchored, like MatchString. */
export function compileGoRegexp(pattern: string): Compiled {
  for (const [re, error] of UNSUPPORTED) if (re.test(pattern)) return { ok: false, error: `error parsing regexp: ${error}` };
  let flags = 'u';
  let body = pattern;
  const lead = /^\(\?([imsU]+)\)/.exec(body);
  if (lead) {
    for (const f of lead[1]) if (f === 'i' || f === 'm' || f === 's') flags += f;
    body = body.slice(lead[0].length);
  }
  body = body.replace(/\(\?P</g, '(?<');
  try {
    return { ok: true, re: new RegExp(body, flags) };
  } catch (e) {
    // Some patterns are fine in RE2 but rejected by JS's unicode mode (e.g. `\-` outside a class).
    try { return { ok: true, re: new RegExp(body, flags.replace('u', '')) }; } catch { /* fall through */ }
    return { ok: false, error: `error parsing regexp: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}` };
  }
}
