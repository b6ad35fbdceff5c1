import { describe, expect, it } from 'vitest';
import { inPlaceVerdict, qosClass, sidecarImageOnly } from './inplace.js';

const tpl = (containers: object[], extra: object = {}, labels: Record<string, string> = {}) => ({ metadata: { labels }, spec: { containers, ...extra } });

describe('in-place eligibility (§1.5)', () => {
  it('image replacement and metadata changes are in place', () => {
    const v = inPlaceVerdict(tpl([{ name: 'a', image: 'x:1' }], {}, { v: '1' }), tpl([{ name: 'a', image: 'x:2' }], {}, { v: '2' }));
    expect(v).toEqual({ inPlace: true, images: ['a'] });
  });
  it('env, added containers and volumes recreate', () => {
    expect(inPlaceVerdict(tpl([{ name: 'a', image: 'x', env: [] }]), tpl([{ name: 'a', image: 'x', env: [{ name: 'E', value: '1' }] }])).reason).toBe('container a: env changed');
    expect(inPlaceVerdict(tpl([{ name: 'a', image: 'x' }]), tpl([{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }])).inPlace).toBe(false);
    expect(inPlaceVerdict(tpl([{ name: 'a', image: 'x' }]), tpl([{ name: 'a', image: 'x' }], { volumes: [{ name: 'v' }] })).reason).toBe('spec.volumes changed');
  });
  it('resources only under InPlaceWorkloadVerticalScaling with the same QoS class', () => {
    const a = tpl([{ name: 'a', image: 'x', resources: { requests: { cpu: '1' } } }]);
    const b = tpl([{ name: 'a', image: 'x', resources: { requests: { cpu: '2' } } }]);
    expect(inPlaceVerdict(a, b).inPlace).toBe(false);
    expect(inPlaceVerdict(a, b, { verticalScaling: true }).inPlace).toBe(true);
    const g = tpl([{ name: 'a', image: 'x', resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } } }]);
    expect(qosClass(g.spec)).toBe('Guaranteed');
    expect(inPlaceVerdict(g, b, { verticalScaling: true }).reason).toBe('resources change the pod QoS class');
  });
  it('SidecarSet: only image changes reach existing pods', () => {
    expect(sidecarImageOnly([{ name: 's', image: '1' }], [{ name: 's', image: '2' }])).toEqual({ imageOnly: true });
    expect(sidecarImageOnly([{ name: 's', image: '1', command: ['a'] }], [{ name: 's', image: '1', command: ['b'] }])).toEqual({ imageOnly: false, reason: 'sidecar container s: command changed' });
  });
});
