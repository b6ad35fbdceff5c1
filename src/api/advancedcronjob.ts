// AdvancedCronJob (apps.kruise.io): a cron schedule for a Job, a BroadcastJob or (v1beta1
// only) an ImageListPullJob (upstream apis/apps/v1beta1/advancedcronjob_types.go).
import type { V1JobTemplateSpec, V1ObjectMeta } from './core.js';
import type { BroadcastJobSpec } from './broadcastjob.js';
import type { ImageListPullJobSpec } from './imagepulljob.js';
import type { KubeObject, ObjectMeta } from './resource.js';

/** AdvancedCronJob apps.kruise.io/v1beta1. */
export interface AdvancedCronJob extends KubeObject {
  apiVersion: 'apps.kruise.io/v1beta1';
  kind: 'AdvancedCronJob';
  metadata: ObjectMeta;
  spec: AdvancedCronJobSpec;
  status?: unknown;
}

/** AdvancedCronJob apps.kruise.io/v1alpha1. */
export interface AdvancedCronJobV1alpha1 extends KubeObject {
  apiVersion: 'apps.kruise.io/v1alpha1';
  kind: 'AdvancedCronJob';
  metadata: ObjectMeta;
  spec: AdvancedCronJobSpecV1alpha1;
  status?: unknown;
}

export interface AdvancedCronJobSpecV1alpha1 {
  /** Cron schedule, five fields (minute hour day month weekday). */
  schedule: string;
  /** IANA time zone of the schedule; defaults to the controller's. */
  timeZone?: string;
  /** Seconds after a missed time a run may still start.
   *  @format int64 */
  startingDeadlineSeconds?: number;
  /** Allow (default), Forbid or Replace. */
  concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace';
  /** No new runs while true. */
  paused?: boolean;
  /** Finished successful jobs kept.
   *  @format int32 */
  successfulJobsHistoryLimit?: number;
  /** Finished failed jobs kept.
   *  @format int32 */
  failedJobsHistoryLimit?: number;
  /** What each run creates: exactly one template. */
  template: CronJobTemplateV1alpha1;
}

export interface AdvancedCronJobSpec extends AdvancedCronJobSpecV1alpha1 {
  template: CronJobTemplate;
}

export interface CronJobTemplateV1alpha1 {
  /** A Job per run.
   *  @preserveUnknownFields */
  jobTemplate?: V1JobTemplateSpec;
  /** A BroadcastJob per run. */
  broadcastJobTemplate?: BroadcastJobTemplateSpec;
}

export interface CronJobTemplate extends CronJobTemplateV1alpha1 {
  /** An ImageListPullJob per run. */
  imageListPullJobTemplate?: ImageListPullJobTemplateSpec;
}

export interface BroadcastJobTemplateSpec {
  metadata?: V1ObjectMeta;
  spec?: BroadcastJobSpec;
}

export interface ImageListPullJobTemplateSpec {
  metadata?: V1ObjectMeta;
  spec?: ImageListPullJobSpec;
}
