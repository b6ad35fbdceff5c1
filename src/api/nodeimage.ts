// NodeImage (apps.kruise.io, cluster-scoped): the images one node should hold, written by
// Kruise's controllers and rarely by hand. v1beta1 (storage) adds pullSecrets[].mode
// (upstream apis/apps/v1beta1/nodeimage_types.go).
import type { V1ObjectReference } from './core.js';
import type { SandboxConfig } from './imagepulljob.js';
import type { KubeObject, ObjectMeta } from './resource.js';

/** NodeImage apps.kruise.io/v1beta1. */
export interface NodeImage extends KubeObject {
  apiVersion: 'apps.kruise.io/v1beta1';
  kind: 'NodeImage';
  metadata: ObjectMeta;
  spec?: NodeImageSpec;
  status?: unknown;
}

/** NodeImage apps.kruise.io/v1alpha1. */
export interface NodeImageV1alpha1 extends KubeObject {
  apiVersion: 'apps.kruise.io/v1alpha1';
  kind: 'NodeImage';
  metadata: ObjectMeta;
  spec?: NodeImageSpecV1alpha1;
  status?: unknown;
}

export interface NodeImageSpec {
  /** Image name (without tag) → what to pull of it. */
  images?: Record<string, ImageSpec>;
}

export interface NodeImageSpecV1alpha1 {
  /** Image name (without tag) → what to pull of it. */
  images?: Record<string, ImageSpecV1alpha1>;
}

interface ImageSpecBase {
  /** Tags to pull. */
  tags: ImageTagSpec[];
  sandboxConfig?: SandboxConfig;
}

export interface ImageSpec extends ImageSpecBase {
  pullSecrets?: ReferenceObject[];
}

export interface ImageSpecV1alpha1 extends ImageSpecBase {
  pullSecrets?: ReferenceObjectV1alpha1[];
}

export interface ReferenceObjectV1alpha1 {
  namespace?: string;
  name?: string;
}

export interface ReferenceObject extends ReferenceObjectV1alpha1 {
  mode?: string;
}

export interface ImageTagSpec {
  tag: string;
  /** @format date-time */
  createdAt?: string;
  pullPolicy?: ImageTagPullPolicy;
  ownerReferences?: V1ObjectReference[];
  /** @format int64 */
  version?: number;
  /** Always or IfNotPresent.
   *  @webhookEnum */
  imagePullPolicy?: 'Always' | 'IfNotPresent';
}

export interface ImageTagPullPolicy {
  /** @format int32 */
  timeoutSeconds?: number;
  /** @format int32 */
  backoffLimit?: number;
  /** @format int32 */
  ttlSecondsAfterFinished?: number;
  /** @format int64 */
  activeDeadlineSeconds?: number;
}
