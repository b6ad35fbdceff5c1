import { random } from '../support/corpus.js';

// The inputs the kubectl differential reads: tricky scalars in every position a manifest puts
// them (label and annotation values, env values, list items, map keys, flow collections), and
// hostile structures (merge keys, anchors, document markers, directives, tags, flow
// collections, List kinds, JSON streams, line endings, unicode line breaks). Deterministic: the
// same list on every machine, written out as real files by the test.

export interface CorpusFile {
  name: string;
  text: string;
}

// Scalars as written after "key: " on one line. Quoting is part of the case.
const SCALARS: string[] = [
  // YAML 1.1 booleans and nulls, and words that are not
  'y', 'Y', 'yes', 'Yes', 'YES', 'yEs', 'n', 'N', 'no', 'No', 'NO', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE',
  'on', 'On', 'ON', 'oN', 'off', 'Off', 'OFF', '~', 'null', 'Null', 'NULL', 'nULL', '', 'nil', 'None', 'none',
  // integers, every base, signs, underscores, int64 and uint64 edges
  '0', '1', '-1', '+1', '-0', '+0', '007', '08', '0_7', '0o17', '0O17', '0o8', '0x1F', '0X1F', '0x1f', '0xG', '0x', '0b101', '0B101',
  '-0b101', '0b-101', '0b+101', '-0x1F', '+0x1F', '1_000', '1__000', '_1', '1_', '+_1', '0x_1F', '1,000',
  '9007199254740991', '9007199254740992', '9007199254740993', '-9007199254740993', '12345678901234567890',
  '9223372036854775807', '9223372036854775808', '-9223372036854775808', '-9223372036854775809', '18446744073709551615',
  '18446744073709551616', '0x7FFFFFFFFFFFFFFF', '0x8000000000000000', '0xFFFFFFFFFFFFFFFF', '0x10000000000000000',
  '0777777777777777777777', '01777777777777777777777', '0b' + '1'.repeat(63), '0b' + '1'.repeat(64), '0b' + '1'.repeat(65),
  // floats
  '1.0', '1.', '.5', '-.5', '+.5', '0.1', '1e3', '1E3', '1e+3', '1e-3', '1.5e3', '6.02e23', '1e21', '1e20', '1e22', '1e-7', '1e-6',
  '1e400', '-1e400', '1e-400', '.5e400', '1.7976931348623157e308', '1.7976931348623159e308', '4.9e-324', '-0.0', '+0.0', '0.0',
  '1_000.5', '1_0e1_0', '123456789012345678.0', '9007199254740993.0', '0.30000000000000004', '3.141592653589793238',
  '1e', '1e+', '.e3', '.', '1.2.3', '0x1p-2', '1ee3', '.1.', '00.5', '-00.5',
  '.inf', '.Inf', '.INF', '-.inf', '+.inf', '.iNF', '.nan', '.NaN', '.NAN', 'inf', 'nan', 'NaN', 'Infinity', '-Infinity', '+inf',
  // sexagesimal and timestamps (YAML 1.1 types go-yaml leaves as strings)
  '1:20', '190:20:30', '-1:30', '1:20.5', '2001-12-14', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10 -5',
  '2002-12-14T21:59:43Z', '2001-12-14T21:59:43.10-05:00',
  // indicators and punctuation
  'a: b', 'a:b', 'a #b', 'a#b', '-x', '-', '--', '---x', ':x', '?x', 'x?', 'x:', '[x]', '{x}', '*x', '&x', '!x', '|x', '>x', '%x',
  '@x', '`x', '<<', '=', 'a,b', 'a]b', 'a}b', 'http://x:80/p?q=1&r=2#frag', 'a: "b"', 'a "b"', "it's", 'a\\nb', 'C:\\path',
  '"quoted"', "'single'", '"with \\"escape\\""', "'it''s'", '""', "''", '"  padded  "', "'  padded  '",
  '"yes"', "'no'", '"1"', "'0x1F'", '"~"', '"null"', '"1e400"', '"9007199254740993"',
  // double-quoted escapes (\/ is not one in go-yaml)
  '"\\t"', '"\\u00e9"', '"\\x41"', '"\\U0001F600"', '"\\N"', '"\\L"', '"\\P"', '"\\_"', '"\\/"', '"\\e"', '"\\0"', '"\\a"', '"\\ "', '"\\q"',
  '"\\ud800"', '"\\uD83D\\uDE00"',
  // unicode
  'é', '日本語', '😀 grin', 'a\u00a0b', '\u00a0lead', 'a\u200bb', 'a\u3000b', 'a\u2028b', '"a\u2028b"', 'a\u2029b', "'a\u2029b'",
  'a\u0085b', '"a\u0085b"', 'a\ufeffb', 'a\u0001b', '"a\u0001b"', 'a\u007fb', 'a\u0080b', 'a\ufffeb',
  // tabs and trailing space
  'a\tb', '"a\tb"', "'a\tb'", 'a \t', '\ta', 'trailing   ', '"trailing   "', 'a  b',
  // long
  'x'.repeat(1000), '"' + 'y'.repeat(5000) + '"', 'z '.repeat(600).trim(),
];

/** Where a scalar goes: the object text with `@` for the scalar. */
const POSITIONS: [string, (s: string) => string][] = [
  ['label', (s) => object('Widget', `  labels:\n    app: ${s}\n`)],
  ['annotation', (s) => object('Widget', `  annotations:\n    note: ${s}\n`)],
  ['env', (s) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: app\n    image: nginx\n    env:\n    - name: V\n      value: ${s}\n`],
  ['item', (s) => object('Widget', '', `spec:\n  list:\n  - first\n  - ${s}\n`)],
  ['flow', (s) => object('Widget', '', `spec: {list: [${s}], map: {k: ${s}}}\n`)],
];

const KEYS: string[] = [
  'y', 'yes', 'true', 'on', 'no', 'off', '~', 'null', '', '1', '01', '0x1F', '-1', '1.5', '1.0', '0.1', '1e6', '1e-5', '16777217.0',
  '3.14159265358979', '.inf', '.nan', '-.inf', '1e400', '9223372036854775807', '9223372036854775808', '18446744073709551615',
  '"1"', "'true'", '"~"', '<<', '"<<"', '2001-12-14', '1:20', 'a b', '"a: b"', 'k'.repeat(1100), '? k',
];

function object(kind: string, meta: string, rest = ''): string {
  return `apiVersion: example.com/v1\nkind: ${kind}\nmetadata:\n  name: w\n${meta}${rest}`;
}

// Whole documents: structures that change meaning between YAML readers.
const STRUCTURES: [string, string][] = [
  // merge keys
  ['merge-after-explicit', object('Widget', '', 'spec:\n  privileged: false\n  <<: {privileged: true}\n')],
  ['merge-before-explicit', object('Widget', '', 'spec:\n  <<: {privileged: true}\n  privileged: false\n')],
  ['merge-two', object('Widget', '', 'spec:\n  <<: {a: 1, b: 1}\n  <<: {b: 2, c: 2}\n')],
  ['merge-list', object('Widget', '', 'base: &b {a: 1, b: 1}\nmore: &m {b: 2, c: 2}\nspec:\n  <<: [*b, *m]\n')],
  ['merge-list-inline', object('Widget', '', 'spec:\n  <<: [{a: 1}, {a: 2, b: 2}]\n  c: 3\n')],
  ['merge-alias', object('Widget', '', 'base: &b\n  image: nginx\n  replicas: 1\nspec:\n  <<: *b\n  replicas: 3\n')],
  ['merge-nested', object('Widget', '', 'a: &a {x: 1}\nb: &b\n  <<: *a\n  y: 2\nspec:\n  <<: *b\n  z: 3\n')],
  ['merge-scalar', object('Widget', '', 'spec:\n  <<: 5\n')],
  ['merge-null', object('Widget', '', 'spec:\n  <<:\n')],
  ['merge-list-of-scalar', object('Widget', '', 'spec:\n  <<: [{a: 1}, 2]\n')],
  ['merge-alias-to-list', object('Widget', '', 'l: &l [1]\nspec:\n  <<: *l\n')],
  ['merge-quoted', object('Widget', '', 'spec:\n  "<<": {a: 1}\n')],
  ['merge-tagged', object('Widget', '', 'spec:\n  !!merge <<: {a: 1}\n')],
  ['merge-value', object('Widget', '', 'spec:\n  a: <<\n')],
  ['merge-flow', object('Widget', '', 'spec: {<<: {a: 1}, b: 2}\n')],
  ['merge-into-labels', object('Widget', 'x: 1\n', '').replace('  name: w\n', '  name: w\n  labels:\n    <<: {team: a}\n    app: b\n')],
  ['merge-dup-after', object('Widget', '', 'spec:\n  a: 1\n  <<: {a: 2}\n  a: 3\n')],
  // anchors and aliases
  ['alias-scalar', object('Widget', '', 'x: &v hello\nspec:\n  a: *v\n  b: *v\n')],
  ['alias-key', object('Widget', '', 'x: &k name\nspec:\n  *k : value\n')],
  ['alias-undefined', object('Widget', '', 'spec:\n  a: *nope\n')],
  ['alias-before-anchor', object('Widget', '', 'spec:\n  a: *v\n  b: &v 1\n')],
  ['anchor-redefined', object('Widget', '', 'x: &v 1\ny: &v 2\nspec:\n  a: *v\n')],
  ['alias-self', object('Widget', '', 'spec: &s\n  a: *s\n')],
  ['anchor-empty', object('Widget', '', 'spec:\n  a: &e\n  b: *e\n')],
  ['anchor-name-chars', object('Widget', '', 'x: &a-b_c.d 1\nspec:\n  a: *a-b_c.d\n')],
  ['anchor-in-flow', object('Widget', '', 'spec: [&a 1, *a, {k: &b 2}, *b]\n')],
  ['alias-small-fan', object('Widget', '', `spec:\n  a: &a [x, x, x, x]\n  b: &b [*a, *a, *a, *a]\n  c: &c [*b, *b, *b, *b]\n  d: [*c, *c, *c, *c]\n`)],
  ['alias-bomb', aliasBomb(9, 9)],
  ['alias-bomb-small', aliasBomb(4, 6)],
  // document markers
  ['doc-marker-comment', `${cm('a')}--- # next\n${cm('b')}`],
  ['doc-marker-comment-tight', `${cm('a')}---#next\n${cm('b')}`],
  ['doc-marker-content', `${cm('a')}--- b: 1\n${cm('b')}`],
  ['doc-marker-tag', `${cm('a')}--- !!map\n${cm('b')}`],
  ['doc-marker-four', `${cm('a')}----\n${cm('b')}`],
  ['doc-marker-leading', `---\n${cm('a')}`],
  ['doc-marker-trailing', `${cm('a')}---\n`],
  ['doc-marker-many', `---\n---\n${cm('a')}---\n\n---\n${cm('b')}---\n---\n`],
  ['doc-marker-spaces', `${cm('a')}---   \n${cm('b')}`],
  ['doc-marker-tab', `${cm('a')}---\t# x\n${cm('b')}`],
  ['doc-marker-nbsp', `${cm('a')}---\u00a0\n${cm('b')}`],
  ['doc-end', `${cm('a')}...\n`],
  ['doc-end-then-content', `${cm('a')}...\n${cm('b')}`],
  ['doc-end-then-marker', `${cm('a')}...\n---\n${cm('b')}`],
  ['doc-end-twice', `${cm('a')}...\n...\n`],
  ['doc-end-comment', `${cm('a')}... # end\n`],
  ['doc-end-first', `...\n${cm('a')}`],
  ['doc-end-indented', `${cm('a')}data:\n  x: |\n    ...\n`],
  ['doc-marker-in-block', `${cm('a')}data:\n  x: |\n    text\n---\n${cm('b')}`],
  ['doc-marker-in-quoted', `${cm('a')}data:\n  x: "one\n---\n  two"\n`],
  ['doc-marker-in-plain', `${cm('a')}data:\n  x: one\n  --- two\n`],
  // directives
  ['directive-yaml11', `%YAML 1.1\n---\n${cm('a')}`],
  ['directive-yaml12', `%YAML 1.2\n---\n${cm('a')}`],
  ['directive-tag', `%TAG !e! tag:example.com,2000:\n---\n${cm('a')}`],
  ['directive-no-marker', `%YAML 1.1\n${cm('a')}`],
  ['directive-in-quoted', `${cm('a')}data:\n  x: "one\n%two"\n`],
  // tags
  ['tag-str-int', cmData('x: !!str 1\n')],
  ['tag-int-quoted', cmData('x: !!int "12"\n')],
  ['tag-int-bad', cmData('x: !!int abc\n')],
  ['tag-float-int', cmData('x: !!float 1\n')],
  ['tag-bool', cmData('x: !!bool yes\n')],
  ['tag-null', cmData('x: !!null ~\n')],
  ['tag-null-bad', cmData('x: !!null foo\n')],
  ['tag-binary', cmData('x: !!binary aGVsbG8=\n')],
  ['tag-timestamp', cmData('x: !!timestamp 2001-12-14\n')],
  ['tag-custom', cmData('x: !foo bar\n')],
  ['tag-verbatim', cmData('x: !<tag:yaml.org,2002:str> 12\n')],
  ['tag-nonspecific', cmData('x: ! 12\n')],
  ['tag-nonspecific-quoted', cmData("x: ! '12'\n")],
  ['tag-map', cmData('x: !!map {a: 1}\n')],
  ['tag-seq', cmData('x: !!seq [1]\n')],
  ['tag-seq-on-map', cmData('x: !!seq {a: 1}\n')],
  ['tag-set', cmData('x: !!set {a, b}\n')],
  ['tag-undefined-handle', cmData('x: !e!foo bar\n')],
  ['tag-and-anchor', cmData('x: !!str &a 1\ny: *a\n')],
  ['tag-empty', cmData('x: !!str\ny: 1\n')],
  // flow collections
  ['flow-pair-in-seq', object('Widget', '', 'spec: [a: b, c]\n')],
  ['flow-explicit-key', object('Widget', '', 'spec: [?x, y:]\n')],
  ['flow-explicit-key-empty', object('Widget', '', 'spec: [? : x]\n')],
  ['flow-explicit-key-map', object('Widget', '', 'spec: {? a: 1, ? b}\n')],
  ['flow-map-no-value', object('Widget', '', 'spec: {a, b: c}\n')],
  ['flow-trailing-comma', object('Widget', '', 'spec: {l: [a, b,], m: {a: 1,}}\n')],
  ['flow-double-comma', object('Widget', '', 'spec: [a,, b]\n')],
  ['flow-colon-no-space', object('Widget', '', 'spec: {a:1, b: http://x:8080/}\n')],
  ['flow-json-style', object('Widget', '', 'spec: {"a":1,"b":[true,null,"x"]}\n')],
  ['flow-multiline', object('Widget', '', 'spec: {a: 1,\n  b: [x,\n  y], c:\n  z}\n')],
  ['flow-multiline-col0', object('Widget', '', 'spec: [a,\nb]\n')],
  ['flow-comment', object('Widget', '', 'spec: [a, # comment\n  b]\n')],
  ['flow-question', object('Widget', '', 'spec: [a?b, ?c]\n')],
  ['flow-plain-multiword', object('Widget', '', 'spec: [a b c, d  e]\n')],
  ['flow-key-collection', object('Widget', '', 'spec: {[a]: b}\n')],
  ['flow-nested-deep', object('Widget', '', `spec: ${'['.repeat(60)}x${']'.repeat(60)}\n`)],
  ['flow-unclosed', object('Widget', '', 'spec: [a, b\n')],
  ['flow-tab-separator', object('Widget', '', 'spec: [a,\tb]\n')],
  ['flow-dash-item', object('Widget', '', 'spec: [-a, - b]\n')],
  // block structure
  ['block-indentless', object('Widget', '', 'spec:\n  list:\n  - a\n  - b\n  other: 1\n')],
  ['block-nested-seq', object('Widget', '', 'spec:\n- - a\n  - b\n- - c\n')],
  ['block-seq-of-maps', object('Widget', '', 'spec:\n- a: 1\n  b: 2\n-   c: 3\n    d: 4\n')],
  ['block-explicit-key', object('Widget', '', 'spec:\n  ? a\n  : 1\n  ? b\n')],
  ['block-complex-key', object('Widget', '', 'spec:\n  ? [a, b]\n  : 1\n')],
  ['block-value-next-line', object('Widget', '', 'spec:\n  a:\n    1\n  b:\n\n    two words\n')],
  ['block-bad-indent', object('Widget', '', 'spec:\n  a: 1\n   b: 2\n')],
  ['block-less-indent', object('Widget', '', 'spec:\n    a: 1\n  b: 2\n')],
  ['block-tab-indent', object('Widget', '', 'spec:\n\ta: 1\n')],
  ['block-tab-after-colon', object('Widget', '', 'spec:\n  a:\t1\n')],
  ['block-tab-after-dash', object('Widget', '', 'spec:\n  -\ta\n')],
  ['block-tab-before-colon', object('Widget', '', 'spec:\n  a\t: 1\n')],
  ['block-tab-trailing', object('Widget', '', 'spec:\n  a: 1\t\n  b: x\t# c\n')],
  ['block-tab-in-plain-continuation', object('Widget', '', 'spec:\n  a: one\n\t two\n')],
  ['block-empty-values', object('Widget', '', 'spec:\n  a:\n  b: ~\n  c: []\n  d: {}\n  e: ""\n')],
  ['block-dup-key', object('Widget', '', 'spec:\n  a: 1\n  a: 2\n')],
  ['block-dup-key-spelled', object('Widget', '', 'spec:\n  yes: 1\n  true: 2\n')],
  ['block-key-collision', object('Widget', '', 'spec:\n  1: a\n  "1": b\n')],
  ['block-key-collision-float', object('Widget', '', 'spec:\n  1: a\n  1.0: b\n')],
  ['block-key-collision-bool', object('Widget', '', 'spec:\n  true: a\n  "true": b\n')],
  ['block-key-octal-same', object('Widget', '', 'spec:\n  1: a\n  01: b\n')],
  ['block-null-key', object('Widget', '', 'spec:\n  ~: a\n')],
  ['block-empty-key', object('Widget', '', 'spec:\n  : a\n')],
  ['block-proto-key', object('Widget', '', 'spec:\n  __proto__: {polluted: true}\n  constructor: x\n')],
  ['block-long-key', object('Widget', '', `spec:\n  ${'k'.repeat(1030)}: v\n`)],
  ['block-long-quoted-key', object('Widget', '', `spec:\n  "${'k'.repeat(1020)}": v\n`)],
  ['block-multiline-key', object('Widget', '', 'spec:\n  "a\n  b": v\n')],
  ['block-deep', object('Widget', '', 'spec:\n' + Array.from({ length: 80 }, (_, i) => `${'  '.repeat(i + 1)}l${i}:\n`).join('') + `${'  '.repeat(81)}leaf\n`)],
  ['block-comment-between', object('Widget', '', 'spec:\n  # one\n  a: 1 # two\n\n  # three\n  b: 2\n')],
  ['block-hash-in-value', object('Widget', '', 'spec:\n  a: x#y\n  b: "x #y"\n  c: x #y\n')],
  // multi-line scalars
  ['plain-multiline', object('Widget', '', 'spec:\n  a: one\n    two\n\n    three\n  b: x\n')],
  ['plain-multiline-less', object('Widget', '', 'spec:\n  a: one\n  two\n')],
  ['quoted-multiline', object('Widget', '', 'spec:\n  a: "one\n    two\n\n    three \\\n    four"\n  b: \'x\n    y\'\n')],
  ['quoted-multiline-col0', object('Widget', '', 'spec:\n  a: "one\ntwo"\n')],
  ['quoted-unterminated', object('Widget', '', 'spec:\n  a: "one\n')],
  ['block-literal', object('Widget', '', 'spec:\n  a: |\n    one\n      two\n\n    three\n  b: x\n')],
  ['block-literal-strip', object('Widget', '', 'spec:\n  a: |-\n    one\n\n\n  b: x\n')],
  ['block-literal-keep', object('Widget', '', 'spec:\n  a: |+\n    one\n\n\n  b: x\n')],
  ['block-literal-indicator', object('Widget', '', 'spec:\n  a: |2\n      lead\n    one\n  b: x\n')],
  ['block-literal-indicator-chomp', object('Widget', '', 'spec:\n  a: |-1\n    x\n  b: |1+\n   y\n\n')],
  ['block-literal-zero', object('Widget', '', 'spec:\n  a: |0\n    x\n')],
  ['block-literal-leading-blank', object('Widget', '', 'spec:\n  a: |\n\n      deeper\n    less\n')],
  ['block-literal-tab', object('Widget', '', 'spec:\n  a: |\n    x\ty\n    \tz\n')],
  ['block-literal-tab-indent', object('Widget', '', 'spec:\n  a: |\n\tx\n')],
  ['block-literal-comment-line', object('Widget', '', 'spec:\n  a: |\n    # not a comment\n    x\n')],
  ['block-literal-empty', object('Widget', '', 'spec:\n  a: |\n  b: x\n')],
  ['block-literal-eof', object('Widget', '', 'spec:\n  a: |\n    last')],
  ['block-folded', object('Widget', '', 'spec:\n  a: >\n    one\n    two\n\n    three\n      more\n    four\n  b: x\n')],
  ['block-folded-strip-keep', object('Widget', '', 'spec:\n  a: >-\n    one\n    two\n\n  b: >+\n    three\n\n')],
  ['block-header-comment', object('Widget', '', 'spec:\n  a: | # comment\n    x\n')],
  ['block-header-junk', object('Widget', '', 'spec:\n  a: | x\n    y\n')],
  ['block-unicode-breaks', object('Widget', '', 'spec:\n  a: |\n    one\u2028two\u0085three\n')],
  // unicode line breaks that move content
  ['nel-namespace', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: w\n  annotations:\n    note: hello\u0085  namespace:\u0085    kube-system\n`],
  ['ls-namespace', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: w\n  annotations:\n    note: hello\u2028  namespace:\u2028    kube-system\n`],
  ['ps-in-quoted', cmData('x: "a\u2029  b"\n')],
  ['ls-in-comment', `${cm('a')}# note\u2028data: {x: y}\n`],
  ['cr-alone', `apiVersion: v1\rkind: ConfigMap\rmetadata:\r  name: w\r`],
  ['crlf', `apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: w\r\ndata:\r\n  x: |\r\n    a\r\n    b\r\n---\r\n${cm('b').replace(/\n/g, '\r\n')}`],
  ['crlf-quoted', 'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: w\r\ndata:\r\n  x: "a\r\n    b"\r\n'],
  ['bom', `\ufeff${cm('a')}`],
  ['bom-second-doc', `${cm('a')}---\n\ufeff${cm('b')}`],
  ['bom-inside', cmData('x: a\ufeffb\n')],
  ['no-final-newline', cm('a').trimEnd()],
  ['nul-char', cmData('x: a\u0000b\n')],
  // lists
  ['list-v1', `apiVersion: v1\nkind: List\nitems:\n- ${cmi('a')}\n- ${cmi('b')}\n`],
  ['list-typed', `apiVersion: apps.kruise.io/v1alpha1\nkind: CloneSetList\nitems:\n- apiVersion: apps.kruise.io/v1alpha1\n  kind: CloneSet\n  metadata: {name: c}\n  spec: {replicas: 2}\n`],
  ['list-inherit-kind', `apiVersion: v1\nkind: ConfigMapList\nitems:\n- metadata: {name: x}\n  data: {a: b}\n`],
  ['list-inherit-list', `apiVersion: v1\nkind: List\nitems:\n- metadata: {name: x}\n`],
  ['list-other-kind', `apiVersion: v1\nkind: Foo\nmetadata: {name: f}\nitems:\n- ${cmi('a')}\n`],
  ['list-empty-items', `apiVersion: v1\nkind: Foo\nmetadata: {name: f}\nitems: []\n`],
  ['list-null-items', `apiVersion: v1\nkind: Foo\nmetadata: {name: f}\nitems: null\n`],
  ['list-items-scalar', `apiVersion: v1\nkind: List\nitems: 5\n`],
  ['list-null-item', `apiVersion: v1\nkind: ConfigMapList\nitems: [null]\n`],
  ['list-scalar-item', `apiVersion: v1\nkind: List\nitems: [5]\n`],
  ['list-nested', `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: List\n  items:\n  - ${cmi('a').replace(/\n/g, '\n  ')}\n`],
  ['list-Items-case', `apiVersion: v1\nkind: Foo\nmetadata: {name: f}\nItems: []\n`],
  ['list-resource-version', `apiVersion: v1\nkind: List\nmetadata: {resourceVersion: "5"}\nitems:\n- ${cmi('a')}\n`],
  ['list-no-kind', `apiVersion: v1\nitems:\n- ${cmi('a')}\n`],
  ['list-item-kind-number', `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: 5\n  metadata: {name: x}\n`],
  ['list-merge-items', `apiVersion: v1\nkind: List\nbase: &b {apiVersion: v1, kind: ConfigMap}\nitems:\n- <<: *b\n  metadata: {name: m}\n`],
  // metadata shapes
  ['meta-label-int', object('Widget', '  labels:\n    a: 1\n')],
  ['meta-label-null', object('Widget', '  labels:\n    a:\n')],
  ['meta-labels-list', object('Widget', '  labels: [a]\n')],
  ['meta-labels-null', object('Widget', '  labels: null\n')],
  ['meta-annotation-null', object('Widget', '  annotations:\n    a: null\n')],
  ['meta-name-int', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: 5\n'],
  ['meta-scalar', 'apiVersion: v1\nkind: ConfigMap\nmetadata: x\n'],
  ['meta-generation', object('Widget', '  generation: "5"\n')],
  ['meta-finalizers', object('Widget', '  finalizers: [a, 1]\n')],
  ['meta-creation', object('Widget', '  creationTimestamp: 2001-12-14\n')],
  ['meta-creation-null', object('Widget', '  creationTimestamp: null\n')],
  ['meta-Name', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: w\n  Name: y\n'],
  ['missing-kind', 'apiVersion: v1\nmetadata: {name: x}\n'],
  ['kind-number', 'apiVersion: v1\nkind: 5\nmetadata: {name: x}\n'],
  ['doc-scalar', 'just a string\n'],
  ['doc-list', '- a\n- b\n'],
  ['doc-empty', '# nothing here\n'],
  ['doc-null', 'null\n'],
  ['doc-only-spaces', '   \n\n'],
  // JSON streams
  ['json-one', '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "j"}, "data": {"a": "b"}}\n'],
  ['json-two', '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"j"}}\n{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"k"}}'],
  ['json-tight', '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"j"}}{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"k"}}'],
  ['json-numbers', '{"apiVersion":"v1","kind":"Widget","metadata":{"name":"j"},"spec":{"a":9007199254740993,"b":1.0,"c":1e3,"d":-0,"e":12345678901234567890,"f":0.1,"g":1e21,"h":-9223372036854775808}}'],
  ['json-big-float', '{"apiVersion":"v1","kind":"Widget","metadata":{"name":"j"},"spec":{"a":1e400}}'],
  ['json-neg-zero-float', '{"apiVersion":"v1","kind":"Widget","metadata":{"name":"j"},"spec":{"a":-0.0}}'],
  ['json-escapes', '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"j"},"data":{"a":"\\/x\\u00e9\\ud83d\\ude00\\ud800","b":"\\t\\n\\"\\\\"}}'],
  ['json-dup-key', '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"j"},"data":{"a":"1","a":"2"}}'],
  ['json-leading-space', '\n\n   \t{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"j"}}'],
  ['json-leading-nbsp', '\u00a0{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"j"}}'],
  ['json-trailing-garbage', '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"j"}} x'],
  ['json-array-second', '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"j"}} [1]'],
  ['json-null-second', '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"j"}} null'],
  ['json-yaml-flow', '{apiVersion: v1, kind: ConfigMap, metadata: {name: j}}\n'],
  ['json-comment', '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"j"}} # c\n'],
  ['json-then-yaml', '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"j"}}\n---\napiVersion: v1\n'],
  ['json-list', '{"apiVersion":"v1","kind":"List","items":[{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"j"}}]}'],
  ['json-control-char', '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"j\u0001"}}'],
  ['json-raw-ls', '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"j"},"data":{"a":"x\u2028y"}}'],
  ['yaml-flow-document', '[{apiVersion: v1, kind: ConfigMap}]\n'],
  // where go-yaml's scanner draws its lines
  ['key-1024-block', object('Widget', '', `spec:\n  ${'k'.repeat(1024)}: v\n`)],
  ['key-1025-block', object('Widget', '', `spec:\n  ${'k'.repeat(1025)}: v\n`)],
  ['key-1024-flow', object('Widget', '', `spec: {${'k'.repeat(1024)}: v}\n`)],
  ['key-1025-flow', object('Widget', '', `spec: {${'k'.repeat(1025)}: v}\n`)],
  ['key-1023-emoji', object('Widget', '', `spec:\n  ${'😀'.repeat(1000)}: v\n`)],
  ['key-spaces-before-colon', object('Widget', '', 'spec:\n  a   : b\n')],
  ['key-multiline-flow', object('Widget', '', 'spec: {a\n  : b}\n')],
  ['key-colon-end-flow', object('Widget', '', 'spec: [a:, b:c, :d]\n')],
  ['key-emoji-columns', object('Widget', '', 'spec:\n- 😀: a\n  b: c\n- 😀😀: [x,\n   y]\n')],
  ['comment-in-flow-tight', object('Widget', '', 'spec: [b#c, d #e\n  ]\n')],
  ['anchor-unicode', object('Widget', '', 'spec:\n  a: &é 1\n')],
  ['anchor-duplicate-in-list', object('Widget', '', 'spec:\n- &a 1\n- &a 2\n- *a\n')],
  ['block-scalar-nested-indicator', object('Widget', '', 'spec:\n  a:\n    b: |2\n        x\n      y\n')],
  ['block-scalar-more-indented-folded', object('Widget', '', 'spec:\n  a: >\n    x\n\n      y\n    z\n\n\n')],
  ['block-seq-in-seq-same-line', object('Widget', '', 'spec:\n  - - - a\n      - b\n    - c\n')],
  ['block-map-in-seq-offset', object('Widget', '', 'spec:\n  -   a: 1\n      b: 2\n  -\n    c: 3\n')],
  ['doc-only-end', `${cm('a')}---\n...\n`],
  ['doc-marker-nel', `${cm('a')}---\u0085\n${cm('b')}`],
  ['doc-marker-then-ls', `${cm('a')}---\u2028x: 1\n${cm('b')}`],
  ['doc-comment-after-end', `${cm('a')}...\n# only a comment\n`],
  ['json-items-kind', '{"apiVersion":"v1","kind":"List","items":[{"metadata":{"name":"x"}}]}'],
  ['json-nested-list', '{"apiVersion":"v1","kind":"ConfigMapList","items":[{"metadata":{"name":"x"},"data":{"a":"1"}}]}'],
  ['merge-in-list-item', `apiVersion: v1\nkind: List\nx: &m {apiVersion: v1, kind: ConfigMap}\nitems:\n- <<: *m\n  metadata: {name: a}\n- <<: *m\n  kind: Secret\n  metadata: {name: b}\n`],
  ['items-nested-not-list', object('Widget', '', 'spec:\n  items:\n  - a\n')],
  ['plain-with-tab-inside', object('Widget', '', 'spec:\n  a: x\ty\n  b: [x\ty]\n')],
  ['plain-continuation-tab-deeper', object('Widget', '', 'spec:\n  a: one\n    \ttwo\n')],
  ['quoted-tab-continuation', object('Widget', '', 'spec:\n  a: "one\n\t  two"\n')],
  ['escaped-line-break-single', object('Widget', '', "spec:\n  a: 'one \\\n    two'\n")],
];

function cm(name: string): string {
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;
}

function cmData(data: string): string {
  return `${cm('d')}data:\n${data.replace(/^/gm, '  ').replace(/ +$/, '')}`;
}

function cmi(name: string): string {
  return `apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: ${name}`;
}

/** `levels` anchors, each a list of `width` aliases of the one before. */
function aliasBomb(levels: number, width: number): string {
  let s = 'a0: &a0 [x]\n';
  for (let i = 1; i <= levels; i++) s += `a${i}: &a${i} [${Array.from({ length: width }, () => `*a${i - 1}`).join(', ')}]\n`;
  return `apiVersion: v1\nkind: Widget\nmetadata:\n  name: bomb\n${s}`;
}

// Pieces of YAML syntax strung together at random (seeded): most make no sense, and each must
// be read as kubectl reads it or refused as kubectl refuses it.
const FUZZ_PIECES = ['a', 'b', 'key', ' ', '  ', '    ', '\n', '\n  ', '\n    ', '\n- ', '\n  - ', '- ', ': ', ':', '?', '? ', '[', ']', '{',
  '}', ', ', ',', '#c', ' #c', '"', "'", '"x y"', "'x''y'", '&a ', '*a', '!!str ', '! ', '|', '|-', '>', '>+', '\t', '1', '0x1F', 'yes',
  '~', '.inf', '-', '--', '...', '\n...', '\u2028', '\u0085', '\\', '\\n', '%', '@', '`', '<<', '<<: ', 'é', '😀', '\r', '\n\n'];

function fuzz(count: number): [string, string][] {
  const next = random(2024);
  return Array.from({ length: count }, (_, i) => {
    let s = '';
    for (let k = 2 + Math.floor(next() * 12); k > 0; k--) s += FUZZ_PIECES[Math.floor(next() * FUZZ_PIECES.length)];
    const where = next();
    const head = 'apiVersion: v1\nkind: Widget\nmetadata:\n  name: w\n';
    return [`fuzz-${i}`, where < 0.5 ? `${head}spec:\n  ${s}\n` : where < 0.8 ? `${head}spec: ${s}\n` : `${head}${s}\n`];
  });
}

/** Every input, named for what it is. */
export function kubectlCorpus(): CorpusFile[] {
  const files: CorpusFile[] = [];
  SCALARS.forEach((s, i) => {
    for (const [where, make] of POSITIONS) files.push({ name: `scalar-${where}-${i}`, text: make(s) });
  });
  KEYS.forEach((k, i) => {
    files.push({ name: `key-block-${i}`, text: object('Widget', '', `spec:\n  ${k}: v\n`) });
    files.push({ name: `key-label-${i}`, text: object('Widget', `  labels:\n    ${k}: v\n`) });
    files.push({ name: `key-flow-${i}`, text: object('Widget', '', `spec: {${k}: v}\n`) });
  });
  for (const [name, text] of STRUCTURES) files.push({ name: `struct-${name}`, text });
  for (const [name, text] of fuzz(400)) files.push({ name, text });
  return files;
}
