// corev1.VolumeSource (k8s.io/api v0.32): the members a volume may set, exactly one of them.
// Other keys are dropped when a volume is decoded.
import type { Obj } from '../util/json.js';

export const VOLUME_SOURCES = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi',
  'glusterfs', 'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc',
  'azureFile', 'configMap', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected',
  'portworxVolume', 'scaleIO', 'storageos', 'csi', 'ephemeral', 'image',
];

/** The sources a volume sets (more than one is invalid, none means emptyDir once defaulted). */
export function volumeSources(v: Obj): string[] {
  return VOLUME_SOURCES.filter((k) => v[k] !== undefined && v[k] !== null);
}
