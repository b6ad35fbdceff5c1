import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostic.js';
import type { FormatContext } from './types.js';
import { formatJunit, xmlAttr, xmlText } from './junit.js';

const ctx: FormatContext = { toolVersion: '0.1.0', color: false, cwd: '/repo', source: () => undefined };

function run(diags: Diagnostic[]): string {
  return formatJunit(diags, ctx);
}

const err: Diagnostic = {
  ruleId: 'schema-type', severity: 'error', message: 'replicas must be an integer', hint: 'write a number',
  origin: { file: '/repo/apps/cart.yaml', doc: 0 }, path: ['spec', 'replicas'], subject: 'CloneSet shop/cart',
  file: '/repo/apps/cart.yaml', line: 4, col: 13,
};

describe('junit format', () => {
  it('groups by file and resource, one failure per error, warnings in system-out', () => {
    const out = run([
      err,
      { ...err, ruleId: 'other', message: 'second <problem> & "more"', line: 5, hint: undefined },
      { ...err, severity: 'warning', ruleId: 'warn-rule', message: 'just a warning', line: 6, hint: undefined, path: undefined },
      { ...err, subject: 'CloneSet shop/ok', severity: 'info', ruleId: 'note', message: 'fyi', line: 20, hint: undefined, path: undefined },
      { ruleId: 'load-no-input', severity: 'error', message: 'no files' },
    ]);
    expect(out).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="kruisec" tests="3" failures="2" errors="0" disabled="0">
  <testsuite name="kruisec" id="0" tests="1" failures="1" errors="0" skipped="0">
    <testcase name="general" classname="kruisec">
      <failure message="[load-no-input] no files" type="load-no-input">error[load-no-input]: no files</failure>
    </testcase>
  </testsuite>
  <testsuite name="apps/cart.yaml" id="1" tests="2" failures="1" errors="0" skipped="0">
    <testcase name="shop/cart" classname="CloneSet">
      <failure message="[schema-type] replicas must be an integer" type="schema-type">apps/cart.yaml:4:13: error[schema-type]: replicas must be an integer
field: spec.replicas
help: write a number</failure>
      <failure message="[other] second &lt;problem&gt; &amp; &quot;more&quot;" type="other">apps/cart.yaml:5:13: error[other]: second &lt;problem&gt; &amp; "more"
field: spec.replicas</failure>
      <system-out>apps/cart.yaml:6:13: warning[warn-rule]: just a warning</system-out>
    </testcase>
    <testcase name="shop/ok" classname="CloneSet">
      <system-out>apps/cart.yaml:20:13: info[note]: fyi</system-out>
    </testcase>
  </testsuite>
</testsuites>
`);
  });

  it('names test cases after the document when there is no subject', () => {
    const out = run([{ ruleId: 'r', severity: 'error', message: 'm', origin: { file: 'b.yaml', doc: 2 } }]);
    expect(out).toContain('<testcase name="document 3" classname="b.yaml">');
  });

  it('escapes XML and replaces characters XML cannot carry', () => {
    expect(xmlText('a<b>&c')).toBe('a&lt;b&gt;&amp;c');
    expect(xmlAttr('"x"\n\ty')).toBe('&quot;x&quot;&#10;&#9;y');
    expect(xmlText('bell\u0007 nul\u0000 lone\uD800')).toBe('bell\uFFFD nul\uFFFD lone\uFFFD');
    expect(xmlText('emoji 😀 ok')).toBe('emoji 😀 ok');
  });

  it('is a valid empty report when clean, and order independent', () => {
    expect(run([])).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="kruisec" tests="0" failures="0" errors="0" disabled="0"></testsuites>\n');
    const b = { ...err, file: '/repo/a.yaml', origin: { file: '/repo/a.yaml', doc: 0 } };
    expect(run([err, b])).toBe(run([b, err]));
    expect(run([err])).not.toMatch(/time=|timestamp=/);
  });
});
