// The Go struct layouts a SidecarSet is decoded into by Kruise's webhooks: field order, JSON
// names and `omitempty`, per k8s.io/api v0.32 core/v1 types.go and Kruise's
// apis/apps/v1beta1/sidecarset_types.go. Go's encoding/json writes struct fields in declaration
// order and drops unknown fields, so both the hashes (§10) and the stored form (what the
// defaulting webhook's patch leaves behind) depend on these tables, not on the YAML's key order.
import { bool, int, intstr, map, ptr, quantity, raw, slice, str, struct, type GoType } from '../go/json-layout.js';

// --- k8s.io/api core/v1 -------------------------------------------------------------------

const objectFieldSelector = struct(['apiVersion?', str], ['fieldPath', str]);
const resourceFieldSelector = struct(['containerName?', str], ['resource', str], ['divisor?', quantity]);
// LocalObjectReference is embedded inline: its `name` comes first.
const keySelector = struct(['name?', str], ['key', str], ['optional?', ptr(bool)]);
const envSource = struct(['name?', str], ['optional?', ptr(bool)]);

const envVar = struct(
  ['name', str], ['value?', str],
  ['valueFrom?', ptr(struct(
    ['fieldRef?', ptr(objectFieldSelector)],
    ['resourceFieldRef?', ptr(resourceFieldSelector)],
    ['configMapKeyRef?', ptr(keySelector)],
    ['secretKeyRef?', ptr(keySelector)],
  ))],
);

const execAction = struct(['command?', slice(str)]);
const httpGetAction = struct(
  ['path?', str], ['port', intstr], ['host?', str], ['scheme?', str],
  ['httpHeaders?', slice(struct(['name', str], ['value', str]))],
);
const tcpSocketAction = struct(['port', intstr], ['host?', str]);
const grpcAction = struct(['port', int], ['service', ptr(str)]);

// ProbeHandler is embedded inline in Probe.
const probe = struct(
  ['exec?', ptr(execAction)], ['httpGet?', ptr(httpGetAction)], ['tcpSocket?', ptr(tcpSocketAction)],
  ['grpc?', ptr(grpcAction)],
  ['initialDelaySeconds?', int], ['timeoutSeconds?', int], ['periodSeconds?', int],
  ['successThreshold?', int], ['failureThreshold?', int], ['terminationGracePeriodSeconds?', ptr(int)],
);

const lifecycleHandler = struct(
  ['exec?', ptr(execAction)], ['httpGet?', ptr(httpGetAction)], ['tcpSocket?', ptr(tcpSocketAction)],
  ['sleep?', ptr(struct(['seconds', int]))],
);

const securityContext = struct(
  ['capabilities?', ptr(struct(['add?', slice(str)], ['drop?', slice(str)]))],
  ['privileged?', ptr(bool)],
  ['seLinuxOptions?', ptr(struct(['user?', str], ['role?', str], ['type?', str], ['level?', str]))],
  ['windowsOptions?', ptr(struct(
    ['gmsaCredentialSpecName?', ptr(str)], ['gmsaCredentialSpec?', ptr(str)],
    ['runAsUserName?', ptr(str)], ['hostProcess?', ptr(bool)],
  ))],
  ['runAsUser?', ptr(int)], ['runAsGroup?', ptr(int)], ['runAsNonRoot?', ptr(bool)],
  ['readOnlyRootFilesystem?', ptr(bool)], ['allowPrivilegeEscalation?', ptr(bool)],
  ['procMount?', ptr(str)],
  ['seccompProfile?', ptr(struct(['type', str], ['localhostProfile?', ptr(str)]))],
  ['appArmorProfile?', ptr(struct(['type', str], ['localhostProfile?', ptr(str)]))],
);

/** corev1.Container, field for field. */
export const CONTAINER_FIELDS: [string, GoType][] = [
  ['name', str], ['image?', str], ['command?', slice(str)], ['args?', slice(str)], ['workingDir?', str],
  ['ports?', slice(struct(
    ['name?', str], ['hostPort?', int], ['containerPort', int], ['protocol?', str], ['hostIP?', str],
  ))],
  ['envFrom?', slice(struct(
    ['prefix?', str], ['configMapRef?', ptr(envSource)], ['secretRef?', ptr(envSource)],
  ))],
  ['env?', slice(envVar)],
  ['resources?', struct(
    ['limits?', map(quantity)], ['requests?', map(quantity)],
    ['claims?', slice(struct(['name', str], ['request?', str]))],
  )],
  ['resizePolicy?', slice(struct(['resourceName', str], ['restartPolicy', str]))],
  ['restartPolicy?', ptr(str)],
  ['volumeMounts?', slice(struct(
    ['name', str], ['readOnly?', bool], ['recursiveReadOnly?', ptr(str)], ['mountPath', str],
    ['subPath?', str], ['mountPropagation?', ptr(str)], ['subPathExpr?', str],
  ))],
  ['volumeDevices?', slice(struct(['name', str], ['devicePath', str]))],
  ['livenessProbe?', ptr(probe)], ['readinessProbe?', ptr(probe)], ['startupProbe?', ptr(probe)],
  ['lifecycle?', ptr(struct(['postStart?', ptr(lifecycleHandler)], ['preStop?', ptr(lifecycleHandler)]))],
  ['terminationMessagePath?', str], ['terminationMessagePolicy?', str], ['imagePullPolicy?', str],
  ['securityContext?', ptr(securityContext)],
  ['stdin?', bool], ['stdinOnce?', bool], ['tty?', bool],
];

const labelSelector = struct(
  ['matchLabels?', map(str)],
  ['matchExpressions?', slice(struct(['key', str], ['operator', str], ['values?', slice(str)]))],
);

// --- Kruise apis/apps/v1beta1 -------------------------------------------------------------

const shareVolumePolicy = struct(['type?', str]);

/** Kruise SidecarContainer: the embedded Container, then Kruise's fields. */
export const SIDECAR_CONTAINER: GoType = struct(
  ...CONTAINER_FIELDS,
  ['podInjectPolicy?', str],
  ['upgradeStrategy?', struct(['upgradeType?', str], ['hotUpgradeEmptyImage?', str])],
  ['shareVolumePolicy?', shareVolumePolicy],
  ['shareVolumeDevicePolicy?', ptr(shareVolumePolicy)],
  ['transferEnv?', slice(struct(
    ['sourceContainerName?', str],
    ['sourceContainerNameFrom?', ptr(struct(['fieldRef?', ptr(objectFieldSelector)]))],
    ['envName?', str], ['envNames?', slice(str)],
  ))],
  ['resourcesPolicy?', ptr(struct(
    ['targetContainersMode', str], ['targetContainersNameRegex?', str],
    ['resourcesExpr', struct(
      ['limits?', ptr(struct(['cpu?', str], ['memory?', str]))],
      ['requests?', ptr(struct(['cpu?', str], ['memory?', str]))],
    )],
  ))],
);

const updateStrategy = struct(
  ['type?', str], ['paused?', bool], ['selector?', ptr(labelSelector)],
  ['partition?', ptr(intstr)], ['maxUnavailable?', ptr(intstr)],
  ['priorityStrategy?', ptr(struct(
    ['orderPriority?', slice(struct(['orderedKey', str]))],
    ['weightPriority?', slice(struct(['weight', int], ['matchSelector', labelSelector]))],
  ))],
  ['scatterStrategy?', slice(struct(['key', str], ['value', str]))],
);

const injectionStrategy = struct(
  ['paused?', bool],
  ['revision?', ptr(struct(['customVersion?', ptr(str)], ['revisionName?', ptr(str)], ['policy?', str]))],
);

function sidecarSetSpec(v1alpha1: boolean): GoType {
  return struct(
    ['selector?', ptr(labelSelector)],
    ...(v1alpha1 ? [['namespace?', str] as [string, GoType]] : []),
    ['namespaceSelector?', ptr(labelSelector)],
    ['initContainers?', slice(SIDECAR_CONTAINER)],
    ['containers?', slice(SIDECAR_CONTAINER)],
    ['volumes?', slice(raw)],
    ['updateStrategy?', updateStrategy],
    ['injectionStrategy?', injectionStrategy],
    ['imagePullSecrets?', slice(struct(['name?', str]))],
    ['revisionHistoryLimit?', ptr(int)],
    ['patchPodMetadata?', slice(struct(['annotations?', map(str)], ['patchPolicy?', str]))],
    ...(v1alpha1 ? [] : [['customVersion?', str] as [string, GoType]]),
  );
}

export const SIDECARSET_SPEC_V1BETA1 = sidecarSetSpec(false);
export const SIDECARSET_SPEC_V1ALPHA1 = sidecarSetSpec(true);
