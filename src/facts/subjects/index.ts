// Every subject the facts runner knows, and how a case's `subject` text picks one: the
// subject whose keyword occurs earliest in the text wins ("Advanced StatefulSet - ... partition"
// is about StatefulSets; "partition value -> ..." is about the partition helper).
import type { Subject } from '../fact.js';
import { astsOrderSubject } from './asts-order.js';
import { clonesetUpdateSubject } from './cloneset-update.js';
import { partitionSubject } from './partition.js';
import { rolloutsBatchSubject } from './rollouts-batch.js';
import { scatterSubject } from './scatter.js';
import { sidecarsetUpgradeSubject } from './sidecarset-upgrade.js';
import { udPartitionsSubject } from './ud-partitions.js';

/** Listed from most to least specific: on a tie of position the earlier entry wins. */
export const SUBJECTS: readonly Subject[] = [
  udPartitionsSubject, rolloutsBatchSubject, scatterSubject, sidecarsetUpgradeSubject,
  clonesetUpdateSubject, astsOrderSubject, partitionSubject,
];

export function subjectFor(text: string): Subject | undefined {
  let best: Subject | undefined;
  let bestAt = Infinity;
  for (const s of SUBJECTS) {
    const m = s.keywords.exec(text);
    if (m && m.index < bestAt) { best = s; bestAt = m.index; }
  }
  return best;
}
