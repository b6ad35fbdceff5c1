// Where pods come from: Pod manifests, and the pod templates of the workload kinds whose
// controllers create pods from them, by API group and kind. Render injects into them; validate
// checks what the pod webhook will make of them.
import type { FieldPath, KubeObject } from '../api/resource.js';

/** Path from the workload to its pod template, by API group and kind. */
const TEMPLATE_PATHS: Record<string, Record<string, FieldPath>> = {
  '': { Pod: [], ReplicationController: ['spec', 'template'] },
  apps: { Deployment: ['spec', 'template'], ReplicaSet: ['spec', 'template'], StatefulSet: ['spec', 'template'], DaemonSet: ['spec', 'template'] },
  extensions: { Deployment: ['spec', 'template'], ReplicaSet: ['spec', 'template'], DaemonSet: ['spec', 'template'] },
  batch: { Job: ['spec', 'template'], CronJob: ['spec', 'jobTemplate', 'spec', 'template'] },
  'apps.kruise.io': {
    CloneSet: ['spec', 'template'], StatefulSet: ['spec', 'template'], DaemonSet: ['spec', 'template'], BroadcastJob: ['spec', 'template'],
  },
};

export function templatePath(obj: KubeObject): FieldPath | undefined {
  if (typeof obj.apiVersion !== 'string') return undefined;
  const slash = obj.apiVersion.indexOf('/');
  return TEMPLATE_PATHS[slash < 0 ? '' : obj.apiVersion.slice(0, slash)]?.[obj.kind];
}

