// ContainerRecreateRequest (apps.kruise.io): asks the node's kruise-daemon to restart some
// containers of one pod. v1alpha1 and v1beta1 (storage) have the same fields (upstream
// apis/apps/v1beta1/containerrecreaterequest_types.go).
import type { V1ContainerPort, V1ExecAction, V1HTTPGetAction, V1TCPSocketAction } from './core.js';
import type { KubeObject, ObjectMeta } from './resource.js';

/** ContainerRecreateRequest apps.kruise.io/v1alpha1 and v1beta1. */
export interface ContainerRecreateRequest extends KubeObject {
  apiVersion: 'apps.kruise.io/v1alpha1' | 'apps.kruise.io/v1beta1';
  kind: 'ContainerRecreateRequest';
  metadata: ObjectMeta;
  spec: ContainerRecreateRequestSpec;
  status?: unknown;
}

export interface ContainerRecreateRequestSpec {
  /** The pod, in the request's namespace. */
  podName: string;
  /** Containers to recreate, by name. */
  containers: ContainerRecreateRequestContainer[];
  /** How to recreate. */
  strategy?: ContainerRecreateRequestStrategy;
  /** Seconds the request may stay active.
   *  @format int64
   *  @minimum 0 */
  activeDeadlineSeconds?: number;
  /** Seconds after finishing before the request is deleted.
   *  @format int32
   *  @minimum 0 */
  ttlSecondsAfterFinished?: number;
}

export interface ContainerRecreateRequestContainer {
  /** Container name in the pod. */
  name: string;
  /** Filled in by the webhook from the pod. */
  preStop?: CRRProbeHandler;
  /** Filled in by the webhook from the pod. */
  ports?: V1ContainerPort[];
  /** Filled in by the webhook from the pod's status. */
  statusContext?: ContainerRecreateRequestContainerContext;
}

export interface CRRProbeHandler {
  exec?: V1ExecAction;
  httpGet?: V1HTTPGetAction;
  tcpSocket?: V1TCPSocketAction;
}

export interface ContainerRecreateRequestContainerContext {
  containerID: string;
  /** @format int32 */
  restartCount: number;
}

export interface ContainerRecreateRequestStrategy {
  /** Fail (default) or Ignore: whether one failed container fails the request. */
  failurePolicy?: 'Fail' | 'Ignore';
  /** Recreate the containers one after another. */
  orderedRecreate?: boolean;
  /** Kill without running preStop. */
  forceRecreate?: boolean;
  /** Grace period of the kill.
   *  @format int64
   *  @minimum 0 */
  terminationGracePeriodSeconds?: number;
  /** Seconds the pod is marked unready before the kill.
   *  @format int64
   *  @minimum 0 */
  unreadyGracePeriodSeconds?: number;
  /** Seconds a recreated container must run before it counts as started.
   *  @format int32
   *  @minimum 0 */
  minStartedSeconds?: number;
}
