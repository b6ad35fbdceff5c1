// Rules of the imagepulljob area: what Kruise's ImagePullJob and ImageListPullJob validating
// webhooks (pkg/webhook/imagepulljob/validating, pkg/webhook/imagelistpulljob/validating)
// reject. Those webhooks stop at the first problem, and so does kruisec. Ids are stable;
// each has a heading in docs/rules/imagepulljob.md.
import { defineRule } from './rule.js';

type Reason = { reason: string };

export const selector = defineRule<Reason>({
  id: 'imagepulljob-selector',
  severity: 'error',
  description: 'Nodes are picked by names or by labels (not both), names are unique, and selector and podSelector exclude each other.',
  message: (d) => `invalid node selection: ${d.reason}`,
  hint: () => 'use one of selector.names, selector labels and podSelector',
});

export const image = defineRule<Reason>({
  id: 'imagepulljob-image',
  severity: 'error',
  description: 'The image (or each of at most 255 distinct images) must be a valid image reference.',
  message: (d) => `invalid image: ${d.reason}`,
  hint: () => 'write images as [registry/]repository[:tag][@digest], each once',
});

export const parallelism = defineRule<Reason>({
  id: 'imagepulljob-parallelism',
  severity: 'error',
  description: 'parallelism is a whole number of nodes >= 0; percentages are not supported.',
  message: (d) => `invalid parallelism: ${d.reason}`,
  hint: () => 'write parallelism as a whole number, e.g. 5',
});

export const completionPolicy = defineRule<Reason>({
  id: 'imagepulljob-completion-policy',
  severity: 'error',
  description: 'completionPolicy is Always or Never; activeDeadlineSeconds must exceed pullPolicy.timeoutSeconds (600 by default); Never takes neither activeDeadlineSeconds nor ttlSecondsAfterFinished.',
  message: (d) => `invalid completionPolicy: ${d.reason}`,
  hint: () => 'raise activeDeadlineSeconds above the pull timeout, or drop the deadline fields with type Never',
});
