import { describe, expect, it } from 'vitest';
import { goMarshalAs, goNormalize } from '../go/json-layout.js';
import { SIDECAR_CONTAINER } from './sidecarset-layout.js';

describe('goMarshal of a SidecarContainer', () => {
  it('writes fields in Go declaration order, drops unknown fields, never omits structs', () => {
    const json = goMarshalAs({ tty: true, image: 'i', name: 'n', bogus: 1, podInjectPolicy: 'AfterAppContainer' }, SIDECAR_CONTAINER);
    expect(json).toBe('{"name":"n","image":"i","resources":{},"tty":true,"podInjectPolicy":"AfterAppContainer","upgradeStrategy":{},"shareVolumePolicy":{}}');
  });
  it('emits non-omitempty zero values: grpc service null, divisor "0", containerPort, port', () => {
    const json = goMarshalAs({
      name: 'n',
      env: [{ name: 'E', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } }],
      livenessProbe: { grpc: { port: 9000 } },
      readinessProbe: { tcpSocket: {} },
      ports: [{}],
    }, SIDECAR_CONTAINER);
    expect(json).toContain('"env":[{"name":"E","valueFrom":{"resourceFieldRef":{"resource":"limits.cpu","divisor":"0"}}}]');
    expect(json).toContain('"livenessProbe":{"grpc":{"port":9000,"service":null}}');
    expect(json).toContain('"readinessProbe":{"tcpSocket":{"port":0}}');
    expect(json).toContain('"ports":[{"containerPort":0}]');
  });
  it('sorts map keys and canonicalises quantities', () => {
    const json = goMarshalAs({ name: 'n', resources: { requests: { memory: '1024Mi', cpu: 0.5 } } }, SIDECAR_CONTAINER);
    expect(json).toContain('"resources":{"requests":{"cpu":"500m","memory":"1Gi"}}');
  });
  it('drops empty slices and false booleans under omitempty, keeps pointers to false', () => {
    const json = goMarshalAs({ name: 'n', command: [], stdin: false, securityContext: { privileged: false } }, SIDECAR_CONTAINER);
    expect(json).toBe('{"name":"n","resources":{},"securityContext":{"privileged":false},"upgradeStrategy":{},"shareVolumePolicy":{}}');
  });
  it('int-or-string keeps its type', () => {
    expect(goMarshalAs({ name: 'n', livenessProbe: { httpGet: { port: 'http' } } }, SIDECAR_CONTAINER)).toContain('"httpGet":{"port":"http"}');
  });
});

describe('goNormalize', () => {
  it('returns the same content as plain data', () => {
    const v = { name: 'n', resources: { limits: { cpu: '1000m' } }, extra: true };
    expect(JSON.stringify(goNormalize(v, SIDECAR_CONTAINER))).toBe(goMarshalAs(v, SIDECAR_CONTAINER));
  });
});
