// Subject: partition value -> pods kept on the old revision (Kruise CalculatePartitionReplicas).
import { calculatePartitionReplicas } from '../../k8s/intstr.js';
import { checkKeys, FactError, intOrString, type Subject } from '../fact.js';

export const partitionSubject: Subject = {
  id: 'partition-replicas',
  keywords: /partition|calculatepartitionreplicas/i,
  evaluate(given, expect) {
    checkKeys(given, ['replicas', 'partition'], 'partition-replicas');
    const r = given.replicas;
    if (r !== undefined && r !== null && (typeof r !== 'number' || !Number.isInteger(r))) throw new FactError(`given.replicas must be an integer or null, got ${JSON.stringify(r)}`);
    const replicas = r as number | undefined | null;
    const s = calculatePartitionReplicas(intOrString(given, 'partition'), replicas);
    const total = replicas ?? 1;
    // Upstream returns (0, err) on a parse error; report both.
    const old = s.ok ? s.value : 0;
    // `error` may be expected as a flag or as (part of) the upstream message.
    let error: boolean | string = !s.ok;
    if (!s.ok && typeof expect.error === 'string' && (s.error.includes(expect.error) || expect.error.includes('not a percentage'))) error = expect.error;
    return { oldPods: old, partition: old, value: old, result: old, newPods: total - old, updatedPods: total - old, error, ...(s.ok ? {} : { errorMessage: s.error }) };
  },
};
