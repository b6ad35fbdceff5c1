import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/resource.js';
import { safeEncodeString } from '../k8s/hash.js';
import { defaultSidecarSet } from './sidecarset.js';
import { hashInput, sidecarSetHash, sidecarSetHashWithoutImage } from './sidecarset-hash.js';

const ss = (spec: unknown): KubeObject => ({ apiVersion: 'apps.kruise.io/v1alpha1', kind: 'SidecarSet', metadata: { name: 'test-sidecar-set' }, spec });
const fixture = (name: string) => yaml.load(readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8')) as KubeObject;
const c1 = { name: 'container1', image: 'test-image' };

// Upstream pkg/control/sidecarcontrol/hash_test.go hashes undefaulted structs.
describe('sidecarSetHash (hash_test.go TestSidecarSetHash)', () => {
  it('containers', () => {
    expect(sidecarSetHash(ss({ containers: [c1] }))).toBe('w26c4x8fz245642fdv499b464248f974xddx4x55z5dw55bc6x66464fxz77dc78');
  });
  it('plain init containers do not enter the hash', () => {
    expect(sidecarSetHash(ss({ containers: [c1], initContainers: [c1] }))).toBe('w26c4x8fz245642fdv499b464248f974xddx4x55z5dw55bc6x66464fxz77dc78');
  });
  it('a native sidecar puts all init containers into the hash', () => {
    expect(sidecarSetHash(ss({ containers: [c1], initContainers: [{ ...c1, restartPolicy: 'Always' }] })))
      .toBe('4xwx4d4844vd4v9x79wb4xbxf4xb29475cc4446v8cz2c2f2f5c5bw448vd42z8w');
  });
  it('changes with the image', () => {
    expect(sidecarSetHash(ss({ containers: [{ ...c1, image: 'new-image' }] }))).not.toBe(sidecarSetHash(ss({ containers: [c1] })));
  });
  it('no containers hashes {"containers":null}', () => {
    expect(hashInput({}, false)).toBe('{"containers":null}');
  });
});

describe('sidecarSetHashWithoutImage (hash_test.go TestSidecarSetHashWithoutImage)', () => {
  it('plain init container', () => {
    expect(sidecarSetHashWithoutImage(ss({ containers: [c1], initContainers: [c1] })))
      .toBe('8wzddb4dvv9c6x8zdc77z4z75987424f457dfv6724ddw6zbdx467wz5x24fc759');
  });
  it('native init container', () => {
    expect(sidecarSetHashWithoutImage(ss({ containers: [c1], initContainers: [{ ...c1, restartPolicy: 'Always' }] })))
      .toBe('5725fw8bwbx249bw57v5892c847dzf48bww9zb7c86xb95264fdz26654847b2c8');
  });
  it('ignores the image', () => {
    expect(sidecarSetHashWithoutImage(ss({ containers: [{ ...c1, image: 'other' }] }))).toBe(sidecarSetHashWithoutImage(ss({ containers: [c1] })));
  });
});

describe('stored form hashes (defaulted first)', () => {
  it('sidecarset_mutating_test.go TestMutatingSidecarSetFn', () => {
    const out = defaultSidecarSet(ss({ selector: { matchLabels: { app: 'demo' } }, containers: [{ name: 'dns-f', image: 'dns:1.0' }] }));
    expect(hashInput(out.spec as never, false)).toBe('{"containers":[{"name":"dns-f","image":"dns:1.0","resources":{},"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","imagePullPolicy":"IfNotPresent","podInjectPolicy":"BeforeAppContainer","upgradeStrategy":{"upgradeType":"ColdUpgrade"},"shareVolumePolicy":{"type":"disabled"}}]}');
    expect(out.metadata.annotations).toEqual({
      'kruise.io/sidecarset-hash': '6wbd76bd7984x24fb4f44fv9222cw9v9bcf85x766744wddd4zwx927zzz2zb684',
      'kruise.io/sidecarset-hash-without-image': '82684vwf9d4cb4wz4vffx4ddfbb47ww4z4wwxdbwb8w2zbb7zvf4524cdd49bv94',
    });
  });
  it('tutorial guestbook-sidecar', () => {
    const out = defaultSidecarSet(fixture('guestbook-sidecar.yaml'));
    expect(out.metadata.annotations?.['kruise.io/sidecarset-hash']).toBe('9284wd286c9x8xv4xx6f49z45x26x7z8c7w64v9z868wfx54b2d9z6wvz2294w9c');
    expect(out.metadata.annotations?.['kruise.io/sidecarset-hash-without-image']).toBe('d8z9d9525w4c2b44bfx24cdb8b7529825dx2wv5b94fvf8x5xwwzvv5277w2zcz4');
  });
  it('native init container and HTML-safe escaping', () => {
    const out = defaultSidecarSet(fixture('native-init-escaping.yaml'));
    expect(hashInput(out.spec as never, false)).toContain('"sleep 1 \\u0026\\u0026 echo ok"');
    expect(out.metadata.annotations?.['kruise.io/sidecarset-hash']).toBe('7w974cc47wf965728cbww924v2c49wb444w7dcbdv99dd628449wvcz49xdx4vxd');
    expect(out.metadata.annotations?.['kruise.io/sidecarset-hash-without-image']).toBe('7fcc2544664524xvdb4fcb55864f84w5ww6zfzfdfbcdf5vw45c2xd4bb6vv7ffz');
  });
  it('overwrites hash annotations the user wrote', () => {
    const input = fixture('guestbook-sidecar.yaml');
    input.metadata.annotations = { 'kruise.io/sidecarset-hash': 'stale', keep: 'me' };
    const out = defaultSidecarSet(input);
    expect(out.metadata.annotations?.keep).toBe('me');
    expect(out.metadata.annotations?.['kruise.io/sidecarset-hash']).toBe('9284wd286c9x8xv4xx6f49z45x26x7z8c7w64v9z868wfx54b2d9z6wvz2294w9c');
    expect(input.metadata.annotations['kruise.io/sidecarset-hash']).toBe('stale');
  });
});

describe('SafeEncodeString of a sha256', () => {
  it('maps hex digits through the vowel-free alphabet', () => {
    expect(safeEncodeString('0123456789abcdef')).toBe('456789bcdfvwxz24');
  });
});
