// The simulated controllers of the emulated cluster, in the order each pass runs them: owners
// before what they own, the kubelet last so that pods made in a pass are placed in it.
import type { ApiServer } from '../api.js';
import type { Random } from '../random.js';
import { cloneSetController } from './cloneset.js';
import { deploymentController } from './deployment.js';
import { kubelet } from './kubelet.js';
import { run, type Runner } from './runtime.js';
import { sidecarSetController } from './sidecarset.js';
import { statefulSetController } from './statefulset.js';
import { unitedDeploymentController } from './uniteddeployment.js';

export interface ControllerOptions {
  podStartMs: number;
  random: Random;
}

export function startControllers(api: ApiServer, opts: ControllerOptions): Runner {
  return run(api, opts.random, opts.podStartMs, [
    unitedDeploymentController(),
    cloneSetController(),
    statefulSetController(true),
    statefulSetController(false),
    deploymentController(),
    sidecarSetController(),
    kubelet(),
  ]);
}
