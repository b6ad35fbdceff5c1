// A node tree -> the JSON-shaped value kubectl builds from it. go-yaml v2 decodes into Go maps
// keyed by any scalar (decode.go), with its merge rules and its "excessive aliasing" budget;
// sigs.k8s.io/yaml then turns the keys into strings and the whole into JSON, which kubectl's
// unstructured decoder reads back. Each of those steps is repeated here:
// - `<<` merges a mapping, an alias of one, or a list of them (earlier ones win) into the
//   mapping at the point where it is written, so a later key overrides it and it overrides an
//   earlier key;
// - aliases are expanded (a copy each time), counting decodes as go-yaml does, so that an alias
//   bomb fails with go-yaml's "excessive aliasing" after a few thousand steps instead of hanging;
// - keys become strings as sigs.k8s.io/yaml writes them (1 -> "1", true -> "true", 1.5 as a
//   float32 "%g"); a null key, an unsigned 64-bit key, and .nan/.inf as values fail as they do
//   in kubectl.
// Where kubectl's result would not be deterministic (two keys that become the same string, in
// a Go map whose order is random) or a key is written twice, the document is refused.
import { resolvePlain, resolveTagged, SCALAR, YAML_TAG, type Resolved } from '../../k8s/yaml-scalar.js';
import { YamlError } from './error.js';
import { N, type YamlNode } from './parser.js';
import { MAX_DEPTH } from './scanner.js';

/** The value of a document's root node. Throws YamlError. */
export function decodeDocument(root: YamlNode): unknown {
  return new Decoder().value(root);
}

// go-yaml v2's budget: once more than 100 of more than 1000 decodes came from aliases, their
// share may not exceed 99% (up to 400,000 decodes), falling to 10% at 4,000,000.
const ALIAS_RANGE_LOW = 400_000;
const ALIAS_RANGE_HIGH = 4_000_000;

function allowedAliasRatio(decodes: number): number {
  if (decodes <= ALIAS_RANGE_LOW) return 0.99;
  if (decodes >= ALIAS_RANGE_HIGH) return 0.1;
  return 0.99 - 0.89 * ((decodes - ALIAS_RANGE_LOW) / (ALIAS_RANGE_HIGH - ALIAS_RANGE_LOW));
}

/** A key as go-yaml holds it: `json` is the string sigs.k8s.io/yaml makes of it, and `type`
 *  tells Go keys with the same string apart (1 and "1" are different keys): 0 string, 1 bool,
 *  2 int, 3 float, and a negative number for each NaN (never equal to another). */
interface Key {
  type: number;
  json: string;
}

function id(k: Key): string {
  return `${k.type}:${k.json}`;
}

// Keys repeat (name, image, labels): one Key object per text.
const stringKeys = new Map<string, Key>();
function stringKey(s: string): Key {
  let k = stringKeys.get(s);
  if (k === undefined) {
    k = { type: 0, json: s };
    if (stringKeys.size < 10_000) stringKeys.set(s, k);
  }
  return k;
}

class Decoder {
  private decodes = 0;
  private aliased = 0;
  private aliasDepth = 0;
  private readonly expanding = new Set<YamlNode>();
  private depth = 0;
  private nans = 0;
  /** The alias being expanded at the top: where an aliasing error is reported. */
  private outerAlias: YamlNode | undefined;

  /** go-yaml's unmarshal(): every node decoded, aliased ones included, counts. */
  private count(n: YamlNode): void {
    this.decodes++;
    if (this.aliasDepth > 0) this.aliased++;
    if (this.aliased > 100 && this.decodes > 1000 && this.aliased / this.decodes > allowedAliasRatio(this.decodes)) {
      throw new YamlError(`document contains excessive aliasing: ${this.aliased} of ${this.decodes} values come from aliases (go-yaml's limit, which kubectl applies)`, (this.outerAlias ?? n).start, 'limit');
    }
  }

  value(n: YamlNode): unknown {
    this.count(n);
    switch (n.kind) {
      case N.Alias:
        return this.alias(n, (t) => this.value(t));
      case N.Scalar:
        return scalarValue(n);
      case N.Sequence: {
        this.enter(n, 'seq');
        const out = new Array<unknown>(n.children.length);
        for (let i = 0; i < out.length; i++) out[i] = this.value(n.children[i]);
        this.depth--;
        return out;
      }
      default: {
        this.enter(n, 'map');
        const m = new GoMap();
        this.mapping(n, m, true);
        this.depth--;
        return m.obj;
      }
    }
  }

  private enter(n: YamlNode, want: 'map' | 'seq'): void {
    if (n.tag !== '' && n.tag !== '!' && n.tag !== YAML_TAG + want) throw tagError(n);
    if (++this.depth > MAX_DEPTH) {
      throw new YamlError(`values nest deeper than ${MAX_DEPTH} levels once aliases are expanded (kruisec's limit)`, n.start, 'limit');
    }
  }

  private alias<V>(n: YamlNode, read: (target: YamlNode) => V): V {
    if (this.expanding.has(n)) throw new YamlError(`anchor '${n.value}' value contains itself`, n.start);
    this.expanding.add(n);
    if (this.aliasDepth++ === 0) this.outerAlias = n;
    const v = read(n.target!);
    this.aliasDepth--;
    this.expanding.delete(n);
    return v;
  }

  /** The pairs of mapping node `n` into `m`. `fresh`: m was made for n (a merge source writes
   *  into the mapping that merges it). */
  private mapping(n: YamlNode, m: GoMap, fresh: boolean): void {
    const c = n.children;
    // Keys this node wrote itself: a second one is a duplicate. In a fresh map without merges
    // that is simply the map's own keys.
    const own: Set<string> | undefined = fresh && !c.some((k, i) => i % 2 === 0 && isMerge(k)) ? undefined : new Set();
    for (let i = 0; i < c.length; i += 2) {
      const k = c[i];
      if (isMerge(k)) {
        this.merge(c[i + 1], m);
        continue;
      }
      const key = this.key(k);
      const value = this.value(c[i + 1]);
      if (own !== undefined) {
        if (own.has(id(key))) throw duplicate(k, key);
        own.add(id(key));
      }
      m.set(key, value, k, own === undefined);
    }
  }

  private merge(v: YamlNode, m: GoMap): void {
    const wantMap = () => new YamlError('map merge requires map or sequence of maps as the value', v.start);
    if (v.kind === N.Mapping || v.kind === N.Alias) {
      if (v.kind === N.Alias && v.target!.kind !== N.Mapping) throw wantMap();
      this.into(v, m);
    } else if (v.kind === N.Sequence) {
      // Backwards: earlier mappings take precedence.
      for (let i = v.children.length - 1; i >= 0; i--) {
        const s = v.children[i];
        if ((s.kind === N.Alias ? s.target!.kind : s.kind) !== N.Mapping) throw wantMap();
        this.into(s, m);
      }
    } else {
      throw wantMap();
    }
  }

  /** A mapping (or an alias of one) decoded into an existing map. */
  private into(n: YamlNode, m: GoMap): void {
    this.count(n);
    if (n.kind === N.Alias) return this.alias(n, (t) => this.into(t, m));
    this.enter(n, 'map');
    this.mapping(n, m, false);
    this.depth--;
  }

  private key(k: YamlNode): Key {
    this.count(k);
    if (k.kind === N.Alias) return this.alias(k, (t) => this.key(t));
    if (k.kind !== N.Scalar) {
      throw new YamlError('invalid map key: a mapping or a list cannot be a key in Kubernetes manifests', k.start);
    }
    const key = keyOf(k, () => --this.nans);
    if (typeof key === 'string') throw new YamlError(key, k.start);
    return key;
  }
}

/** Whether key node `k` is a merge key: a plain `<<` (or one tagged !!merge). */
function isMerge(k: YamlNode): boolean {
  return k.kind === N.Scalar && k.value === '<<' && (k.implicit || k.tag === YAML_TAG + 'merge');
}

function duplicate(k: YamlNode, key: Key): YamlError {
  return new YamlError(`duplicate key ${JSON.stringify(key.json)} in this mapping`, k.start, 'duplicate-key', key.json);
}

function tagError(n: YamlNode): YamlError {
  const shown = n.tag.startsWith(YAML_TAG) ? '!!' + n.tag.slice(YAML_TAG.length) : n.tag;
  return new YamlError(`unsupported YAML tag ${shown}`, n.start, 'tag', shown);
}

/** How go-yaml reads scalar node `n`, or throws. */
function resolve(n: YamlNode): Resolved {
  if (n.tag === '') return n.implicit ? resolvePlainMemo(n.value) : { kind: SCALAR.Str, value: n.value };
  if (n.tag === '!') return { kind: SCALAR.Str, value: n.value };
  if (!n.tag.startsWith(YAML_TAG) || n.tag === YAML_TAG + 'merge') throw tagError(n);
  try {
    return resolveTagged(n.tag, n.value);
  } catch (e) {
    if (/^unsupported/.test((e as Error).message)) throw tagError(n);
    throw new YamlError((e as Error).message, n.start);
  }
}

// Plain scalars repeat (ports, replicas, true): each is resolved once per text.
const resolvedTexts = new Map<string, Resolved>();
function resolvePlainMemo(s: string): Resolved {
  let r = resolvedTexts.get(s);
  if (r === undefined) {
    r = resolvePlain(s);
    if (resolvedTexts.size < 10_000) resolvedTexts.set(s, r);
  }
  return r;
}

function scalarValue(n: YamlNode): unknown {
  if (n.tag === '' && (!n.implicit || !mayResolve(n.value))) return n.value;
  const r = resolve(n);
  if (r.kind === SCALAR.Str) return r.value;
  const v = r.value;
  if (typeof v === 'number' && !Number.isFinite(v)) {
    throw new YamlError(`${n.value} is not a JSON number: kubectl rejects it ("json: unsupported value"); quote it to mean the text`, n.start);
  }
  return v;
}

/** Only scalars starting like a number, or with one of y n t f o ~ (either case), or empty,
 *  can resolve to anything but a string. */
function mayResolve(s: string): boolean {
  if (s === '') return true;
  const c = s.charCodeAt(0);
  return (c >= 43 && c <= 57 && c !== 44 && c !== 47) || 'yYnNtTfFoO~'.includes(s[0]);
}

/** Scalar node `k` as a map key, or the reason kubectl refuses it. `nan` numbers NaN keys,
 *  which never equal one another in a Go map. */
export function keyOf(k: YamlNode, nan: () => number = () => -1): Key | string {
  if (k.tag === '' && (!k.implicit || !mayResolve(k.value))) return stringKey(k.value);
  let r: Resolved;
  try {
    r = resolve(k);
  } catch (e) {
    return (e as Error).message;
  }
  const v = r.value;
  switch (r.kind) {
    case SCALAR.Str: return stringKey(String(v));
    case SCALAR.Bool: return { type: 1, json: String(v) };
    case SCALAR.Int: return { type: 2, json: String(v) };
    case SCALAR.Float: return { type: Number.isNaN(v) ? nan() : 3, json: goFloat32Text(v as number) };
    case SCALAR.Uint: return `${k.value} is too large for a map key: kubectl rejects it ("unsupported map key of type: uint64"); quote it`;
    default: return 'a null key (~, null or nothing before ":"): kubectl rejects it ("unsupported map key"); quote it to mean the text';
  }
}

/** strconv.FormatFloat(f, 'g', -1, 32), with go-yaml's names for the infinities and NaN: how
 *  sigs.k8s.io/yaml writes a float map key. */
export function goFloat32Text(f: number): string {
  if (Number.isNaN(f)) return '.nan';
  const x = Math.fround(f);
  if (x === Infinity) return '.inf';
  if (x === -Infinity) return '-.inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  // The shortest digits that read back as the same float32.
  let digits = '';
  let exp = 0;
  for (let p = 1; p <= 9; p++) {
    const e = Math.abs(x).toExponential(p - 1);
    if (Math.fround(Number(e)) === Math.abs(x)) {
      const [mant, ex] = e.split('e');
      digits = mant.replace('.', '');
      exp = Number(ex);
      break;
    }
  }
  const sign = x < 0 ? '-' : '';
  if (exp < -4 || exp >= 6) {
    // %e: d.ddde±XX, at least two exponent digits.
    const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const ae = Math.abs(exp);
    return `${sign}${mant}e${exp < 0 ? '-' : '+'}${ae < 10 ? '0' : ''}${ae}`;
  }
  // %f with as many decimals as the digits need.
  const point = exp + 1; // digits before the decimal point
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** A Go map[interface{}]interface{} on its way to a JSON object. */
class GoMap {
  readonly obj: Record<string, unknown> = {};
  /** For keys that are not strings: the type of the Go key that wrote each JSON key. */
  private others: Map<string, number> | undefined;

  /** `fresh`: only this node's own pairs have written to the map, so a key already there
   *  with the same Go identity is a duplicate. */
  set(key: Key, value: unknown, at: YamlNode, fresh: boolean): void {
    const { obj } = this;
    if (Object.prototype.hasOwnProperty.call(obj, key.json)) {
      const was = this.others?.get(key.json) ?? 0;
      if (was !== key.type) {
        throw new YamlError(`two different keys both become ${JSON.stringify(key.json)} in JSON (for example 1 and "1"); kubectl would keep one of them at random`, at.start, 'unsafe');
      }
      if (fresh) throw duplicate(at, key);
    }
    if (key.type !== 0) (this.others ??= new Map()).set(key.json, key.type);
    else this.others?.delete(key.json);
    if (key.json === '__proto__') Object.defineProperty(obj, key.json, { value, enumerable: true, writable: true, configurable: true });
    else obj[key.json] = value;
  }
}
