// The field ownership rule of server-side apply: no force, except over fields an earlier
// *apply* of the manifests owns; fields someone changed by other means stop the rollout.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/resource.js';
import { applyObject, FieldConflictError } from './apply.js';
import type { KubeClient } from './kube/client.js';
import { ApiError } from './kube/errors.js';

const obj: KubeObject = { apiVersion: 'apps.kruise.io/v1alpha1', kind: 'CloneSet', metadata: { name: 'web', namespace: 'shop' }, spec: { updateStrategy: { partition: 3 } } };

function conflict(manager: string): ApiError {
  return new ApiError(409, 'apply', 'cloneset shop/web', 'Conflict', `Apply failed with 1 conflict: conflict with "${manager}": .spec.updateStrategy.partition`, [
    { type: 'FieldManagerConflict', message: `conflict with "${manager}"`, field: '.spec.updateStrategy.partition' },
  ]);
}

function client(managedFields: { manager: string; operation: string }[], conflictWith?: string) {
  const calls: { force?: boolean }[] = [];
  const c = {
    apply: async (_o: KubeObject, opts: { force?: boolean }) => {
      calls.push({ force: opts.force });
      if (conflictWith && !opts.force) throw conflict(conflictWith);
      return { ...obj, metadata: { ...obj.metadata, generation: 2 } };
    },
    get: async () => ({ ...obj, metadata: { ...obj.metadata, managedFields } }),
  } as unknown as KubeClient;
  return { c, calls };
}

describe('applyObject', () => {
  it('applies without force when nobody else owns the fields', async () => {
    const { c, calls } = client([]);
    expect(await applyObject(c, obj, { forceConflicts: false })).toMatchObject({ forced: [] });
    expect(calls).toEqual([{ force: false }]);
  });

  it('takes over fields of an earlier apply (kubectl apply --server-side, Argo CD, ...)', async () => {
    const { c, calls } = client([{ manager: 'kubectl', operation: 'Apply' }], 'kubectl');
    expect(await applyObject(c, obj, { forceConflicts: false })).toMatchObject({ forced: ['kubectl'] });
    expect(calls).toEqual([{ force: false }, { force: true }]);
  });

  it("takes over kubectl's client-side apply too", async () => {
    const { c } = client([{ manager: 'kubectl-client-side-apply', operation: 'Update' }], 'kubectl-client-side-apply');
    expect(await applyObject(c, obj, { forceConflicts: false })).toMatchObject({ forced: ['kubectl-client-side-apply'] });
  });

  it('stops at fields changed by hand or by a controller, naming them', async () => {
    const { c } = client([{ manager: 'kubectl-edit', operation: 'Update' }], 'kubectl-edit');
    await expect(applyObject(c, obj, { forceConflicts: false })).rejects.toThrow(FieldConflictError);
    await expect(applyObject(c, obj, { forceConflicts: false })).rejects.toThrow(/\.spec\.updateStrategy\.partition \(owned by kubectl-edit\); take them over with --force-conflicts/);
  });

  it('with --force-conflicts, forces from the start', async () => {
    const { c, calls } = client([{ manager: 'kubectl-edit', operation: 'Update' }], 'kubectl-edit');
    await applyObject(c, obj, { forceConflicts: true });
    expect(calls).toEqual([{ force: true }]);
  });
});
