// ImagePullJob and ImageListPullJob (apps.kruise.io): pre-pull images on nodes. v1alpha1 and
// v1beta1 (storage) have the same fields (upstream apis/apps/v1beta1/imagepulljob_types.go,
// imagelistpulljob_types.go).
import type { IntOrString, V1LabelSelectorRequirement } from './core.js';
import type { CompletionPolicy } from './broadcastjob.js';
import type { KubeObject, ObjectMeta } from './resource.js';

/** ImagePullJob apps.kruise.io/v1alpha1 and v1beta1. */
export interface ImagePullJob extends KubeObject {
  apiVersion: 'apps.kruise.io/v1alpha1' | 'apps.kruise.io/v1beta1';
  kind: 'ImagePullJob';
  metadata: ObjectMeta;
  spec: ImagePullJobSpec;
  status?: unknown;
}

/** ImageListPullJob apps.kruise.io/v1alpha1 and v1beta1. */
export interface ImageListPullJob extends KubeObject {
  apiVersion: 'apps.kruise.io/v1alpha1' | 'apps.kruise.io/v1beta1';
  kind: 'ImageListPullJob';
  metadata: ObjectMeta;
  spec: ImageListPullJobSpec;
  status?: unknown;
}

export interface ImagePullJobSpec extends ImagePullJobTemplate {
  /** The image to pull, with its tag or digest. */
  image: string;
}

export interface ImageListPullJobSpec extends ImagePullJobTemplate {
  /** The images to pull; one ImagePullJob is made per image. */
  images: string[];
}

export interface ImagePullJobTemplate {
  /** Secrets (in the job's namespace) to pull with. */
  pullSecrets?: string[];
  /** Nodes to pull on: by name or by labels (not both). */
  selector?: ImagePullJobNodeSelector;
  /** Pull on the nodes of the pods these labels select (not with selector). */
  podSelector?: ImagePullJobPodSelector;
  /** Most nodes pulling at once; defaults to 1.
   *  @intOrString */
  parallelism?: IntOrString;
  /** Timeout and retries of each pull. */
  pullPolicy?: PullPolicy;
  /** When the job counts as finished. */
  completionPolicy: CompletionPolicy;
  /** Labels and annotations of the pod sandbox the runtime pulls in. */
  sandboxConfig?: SandboxConfig;
  /** Always or IfNotPresent (default).
   *  @webhookEnum */
  imagePullPolicy?: 'Always' | 'IfNotPresent';
}

export interface ImagePullJobNodeSelector {
  /** Node names. */
  names?: string[];
  matchLabels?: Record<string, string>;
  matchExpressions?: V1LabelSelectorRequirement[];
}

export interface ImagePullJobPodSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: V1LabelSelectorRequirement[];
}

export interface PullPolicy {
  /** Seconds one pull may take; defaults to 600.
   *  @format int32 */
  timeoutSeconds?: number;
  /** Retries per node; defaults to 3.
   *  @format int32 */
  backoffLimit?: number;
}

export interface SandboxConfig {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
