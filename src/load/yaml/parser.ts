// Tokens -> a tree of nodes, by go-yaml v2's grammar (parserc.go): block and flow collections,
// the "indentless" sequence a mapping value may be, empty values where a node is missing, and
// anchors and tags in either order. Only the first document of the text is read, as
// sigs.k8s.io/yaml reads it; kubectl has already cut the file at "---" lines (stream.ts).
import { YamlError } from './error.js';
import { MAX_DEPTH, scan, STYLE, T, type Token } from './scanner.js';

export const N = { Scalar: 1, Mapping: 2, Sequence: 3, Alias: 4 } as const;

export interface YamlNode {
  kind: number;
  /** The full tag ("tag:yaml.org,2002:str", "!", "!local"), or '' when none was written. */
  tag: string;
  /** A scalar's text; an alias's anchor name. */
  value: string;
  /** A plain scalar without a tag (or with the non-specific "!"): its value is resolved. */
  implicit: boolean;
  style: number;
  /** Mapping: key, value, key, value...; sequence: items. */
  children: YamlNode[];
  /** An alias's node. */
  target?: YamlNode;
  /** UTF-16 offsets into the text. */
  start: number;
  end: number;
}

export const YAML_TAG = 'tag:yaml.org,2002:';

/** The children of every scalar and alias (never added to). */
const NO_CHILDREN: YamlNode[] = [];

/** A token that ends a block mapping's key or value where no node is written. */
function endsBlockPair(t: Token): boolean {
  return t.type === T.Key || t.type === T.Value || t.type === T.BlockEnd;
}

/** The first document's root node, or null when the text holds none (only comments or blank
 *  lines). Throws YamlError, also when anything but a "..." follows the document: kubectl would
 *  silently ignore it. */
export function parseDocument(text: string): YamlNode | null {
  return new Parser(scan(text)).document();
}

class Parser {
  private i = 1; // after StreamStart
  private readonly anchors = new Map<string, YamlNode>();
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  document(): YamlNode | null {
    const first = this.peek();
    if (first.type === T.StreamEnd) return null;
    if (first.type === T.DocumentStart) this.fail('unexpected document start', first); // kubectl splits at "---" lines first
    const root = this.node(true, false);
    if (this.peek().type === T.DocumentEnd) this.i++;
    const rest = this.peek();
    if (rest.type !== T.StreamEnd) {
      throw new YamlError('content after the end of the document: kubectl ignores everything from here to the next "---" line', rest.start, 'unsafe');
    }
    return root;
  }

  private peek(): Token {
    return this.tokens[this.i];
  }

  private fail(problem: string, at: Token): never {
    throw new YamlError(problem, at.start);
  }

  private make(kind: number, start: number, tag = '', value = '', implicit = false, style = 0): YamlNode {
    return { kind, tag, value, implicit, style, children: NO_CHILDREN, start, end: start };
  }

  private empty(mark: number): YamlNode {
    return this.make(N.Scalar, mark, '', '', true, STYLE.Plain);
  }

  /** A node, with its anchor and tag. `block`: block collections may start here;
   *  `indentless`: a "- " sequence at the parent key's own column may start here. */
  private node(block: boolean, indentless: boolean): YamlNode {
    let t = this.peek();
    if (t.type === T.Alias) {
      this.i++;
      const target = this.anchors.get(t.value);
      if (target === undefined) this.fail(`unknown anchor '${t.value}' referenced`, t);
      const n = this.make(N.Alias, t.start, '', t.value);
      n.target = target;
      n.end = t.end;
      return n;
    }
    const start = t.start;
    let anchor: string | undefined;
    let tagToken: Token | undefined;
    if (t.type === T.Anchor) {
      anchor = t.value;
      t = this.tokens[++this.i];
      if (t.type === T.Tag) {
        tagToken = t;
        t = this.tokens[++this.i];
      }
    } else if (t.type === T.Tag) {
      tagToken = t;
      t = this.tokens[++this.i];
      if (t.type === T.Anchor) {
        anchor = t.value;
        t = this.tokens[++this.i];
      }
    }
    let tag = '';
    if (tagToken !== undefined) {
      const handle = tagToken.value;
      if (handle === '') tag = tagToken.suffix;
      else if (handle === '!') tag = '!' + tagToken.suffix;
      else if (handle === '!!') tag = YAML_TAG + tagToken.suffix;
      else this.fail(`found undefined tag handle ${handle}`, tagToken);
    }
    if (indentless && t.type === T.BlockEntry) return this.collection(N.Sequence, start, tag, anchor, this.indentlessSequence);
    if (t.type === T.FlowSequenceStart) return this.collection(N.Sequence, start, tag, anchor, this.flowSequence);
    if (t.type === T.FlowMappingStart) return this.collection(N.Mapping, start, tag, anchor, this.flowMapping);
    if (block && t.type === T.BlockSequenceStart) return this.collection(N.Sequence, start, tag, anchor, this.blockSequence);
    if (block && t.type === T.BlockMappingStart) return this.collection(N.Mapping, start, tag, anchor, this.blockMapping);
    let n: YamlNode;
    if (t.type === T.Scalar) {
      this.i++;
      const implicit = (tag === '' && t.style === STYLE.Plain) || tag === '!';
      n = this.make(N.Scalar, start, tag, t.value, implicit, t.style);
      n.end = t.end;
    } else if (anchor !== undefined || tag !== '') {
      // Only properties: an empty scalar.
      n = this.make(N.Scalar, start, tag, '', tag === '', STYLE.Plain);
    } else {
      this.fail(`did not find expected node content (while parsing a ${block ? 'block' : 'flow'} node)`, t);
    }
    if (anchor !== undefined) this.anchors.set(anchor, n);
    return n;
  }

  /** A collection; its anchor is known from its start, so an alias inside it refers to it
   *  (and decoding fails on the cycle, as in go-yaml). */
  private collection(kind: number, start: number, tag: string, anchor: string | undefined, read: (this: Parser, n: YamlNode) => void): YamlNode {
    const n = this.make(kind, start, tag);
    n.children = [];
    if (anchor !== undefined) this.anchors.set(anchor, n);
    // The scanner bounds the indentation and [ ] / { } levels; indentless sequences add
    // levels it does not see, so the recursion is bounded here as well.
    if (++this.depth > MAX_DEPTH) {
      throw new YamlError(`collections nest deeper than ${MAX_DEPTH} levels (kruisec's limit; manifests stay far below it)`, this.peek().start, 'limit');
    }
    read.call(this, n);
    this.depth--;
    return n;
  }

  private close(n: YamlNode, t: Token): void {
    n.end = t.end;
    this.i++;
  }

  private blockSequence(n: YamlNode): void {
    this.i++; // BlockSequenceStart
    for (;;) {
      const t = this.peek();
      if (t.type === T.BlockEntry) {
        this.i++;
        const next = this.peek();
        n.children.push(next.type !== T.BlockEntry && next.type !== T.BlockEnd ? this.node(true, false) : this.empty(t.end));
      } else if (t.type === T.BlockEnd) {
        return this.close(n, t);
      } else {
        this.fail("did not find expected '-' indicator (while parsing a block collection)", t);
      }
    }
  }

  private indentlessSequence(n: YamlNode): void {
    for (let t = this.peek(); t.type === T.BlockEntry; t = this.peek()) {
      this.i++;
      const next = this.peek();
      const ends = next.type === T.BlockEntry || next.type === T.Key || next.type === T.Value || next.type === T.BlockEnd;
      n.children.push(ends ? this.empty(t.end) : this.node(true, false));
      n.end = this.tokens[this.i - 1].end;
    }
  }

  private blockMapping(n: YamlNode): void {
    this.i++; // BlockMappingStart
    for (;;) {
      let t = this.peek();
      if (t.type === T.BlockEnd) return this.close(n, t);
      if (t.type !== T.Key) this.fail('did not find expected key (while parsing a block mapping)', t);
      this.i++;
      n.children.push(endsBlockPair(this.peek()) ? this.empty(t.end) : this.node(true, true));
      t = this.peek();
      if (t.type === T.Value) {
        this.i++;
        n.children.push(endsBlockPair(this.peek()) ? this.empty(t.end) : this.node(true, true));
      } else {
        n.children.push(this.empty(t.start));
      }
    }
  }

  private flowSequence(n: YamlNode): void {
    this.i++; // [
    for (let first = true; ; first = false) {
      let t = this.peek();
      if (t.type !== T.FlowSequenceEnd && !first) {
        if (t.type !== T.FlowEntry) this.fail("did not find expected ',' or ']' (while parsing a flow sequence)", t);
        t = this.tokens[++this.i];
      }
      if (t.type === T.FlowSequenceEnd) return this.close(n, t);
      if (t.type !== T.Key) {
        n.children.push(this.node(false, false));
        continue;
      }
      // "? key : value" or "key: value" as an entry: a mapping of one pair.
      const pair = this.make(N.Mapping, t.start, '', '', true);
      pair.children = [];
      this.i++;
      t = this.peek();
      if (t.type !== T.Value && t.type !== T.FlowEntry && t.type !== T.FlowSequenceEnd) {
        pair.children.push(this.node(false, false));
      } else {
        // go-yaml steps over the token that follows an empty key, whatever it is (libyaml
        // did so too until 0.2): "[? : x]" is an error, not {null: x}.
        pair.children.push(this.empty(t.end));
        this.i++;
      }
      t = this.peek();
      if (t.type === T.Value) {
        this.i++;
        const next = this.peek();
        pair.children.push(next.type !== T.FlowEntry && next.type !== T.FlowSequenceEnd ? this.node(false, false) : this.empty(next.start));
      } else {
        pair.children.push(this.empty(t.start));
      }
      pair.end = this.tokens[this.i - 1].end;
      n.children.push(pair);
    }
  }

  private flowMapping(n: YamlNode): void {
    this.i++; // {
    for (let first = true; ; first = false) {
      let t = this.peek();
      if (t.type !== T.FlowMappingEnd && !first) {
        if (t.type !== T.FlowEntry) this.fail("did not find expected ',' or '}' (while parsing a flow mapping)", t);
        t = this.tokens[++this.i];
      }
      if (t.type === T.FlowMappingEnd) return this.close(n, t);
      if (t.type !== T.Key) {
        // A node with no ": value": the value is empty.
        n.children.push(this.node(false, false), this.empty(this.peek().start));
        continue;
      }
      this.i++;
      t = this.peek();
      const noKey = t.type === T.Value || t.type === T.FlowEntry || t.type === T.FlowMappingEnd;
      n.children.push(noKey ? this.empty(t.start) : this.node(false, false));
      t = this.peek();
      if (t.type === T.Value) {
        this.i++;
        const next = this.peek();
        n.children.push(next.type !== T.FlowEntry && next.type !== T.FlowMappingEnd ? this.node(false, false) : this.empty(next.start));
      } else {
        n.children.push(this.empty(t.start));
      }
    }
  }
}
