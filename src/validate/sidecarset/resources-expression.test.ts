import { describe, expect, it } from 'vitest';
import { calculate, type ExpressionValue } from './resources-expression.js';
import { formatQuantity, parseQuantity } from '../../k8s/quantity.js';

const show = (v: ExpressionValue) => ('q' in v ? formatQuantity(v.q) : String(v.n));
const calc = (expr: string, vars: Record<string, string> = {}) => {
  const m = new Map<string, ExpressionValue>(Object.entries(vars).map(([k, q]) => [k, { q: parseQuantity(q)! }]));
  const r = calculate(expr, m);
  return r.ok ? show(r.value) : 'error';
};

// Upstream pkg/util/calculator/calculator_test.go.
describe('calculator', () => {
  it.each([
    ['2 + 3', '5'], ['10 - 4', '6'], ['3 * 4', '12'], ['15 / 3', '5'], ['(2 + 3) * 4', '20'],
    ['50%', '0.5'], ['100% * 2', '2'], ['max(10, 20)', '20'], ['min(10, 20)', '10'], ['1e2', '100'], ['1E2', '100'],
    ['min(max(max(max(0.5,0.5*0.5),0.5-1.0),0.5-1.0),3.0)', '0.5'],
  ])('numbers: %s = %s', (e, want) => expect(calc(e)).toBe(want));

  it.each(['5..5', '5%%', '10 / 0', 'unknown(1, 2)', 'invalid', 'max(1)', 'max(1,2,3)', '40m * 2m', '2 / 40m', '1 -', '1 - 2'])(
    'errors: %s', (e) => expect(calc(e)).toBe('error'));

  it.each([
    ['40m + 20m', '60m'], ['100Mi - 50Mi', '50Mi'], ['2 * 40m', '80m'], ['100m / 2', '50m'], ['100m', '100m'],
    ['max(40m, 20)', '20'], ['min(40m, 20m)', '20m'],
    ['min(max(max(max(500m,0.5*0.5),0.5-1.0),0.5-1.0),3.0)', '500m'],
  ])('quantities: %s = %s', (e, want) => expect(calc(e)).toBe(want));

  it('unary minus and precedence', () => {
    expect(calc('-1 + 3')).toBe('2');
    expect(calc('2 + 3 * 4')).toBe('14');
    expect(calc('8 / 2 / 2')).toBe('2');
  });

  it('variables, case-insensitive; the other name is undefined', () => {
    expect(calc('CPU * 2', { cpu: '100m' })).toBe('200m');
    expect(calc('memory * 2', { cpu: '100m' })).toBe('error');
  });

  it('quantity times number truncates milli-units toward zero', () => {
    expect(calc('cpu * 0.3333', { cpu: '1' })).toBe('333m');
    expect(calc('cpu / 3', { cpu: '1' })).toBe('333m');
  });

  it('a number glued to unknown letters reads as 0, as the upstream lexer does', () => {
    expect(calc('5x + 1')).toBe('1');
  });
});
