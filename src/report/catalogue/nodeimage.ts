// Rules of the nodeimage area: what Kruise's NodeImage validating webhook
// (pkg/webhook/nodeimage/validating) rejects. Ids are stable; each has a heading in
// docs/rules/nodeimage.md.
import { defineRule } from './rule.js';

export const images = defineRule<{ reason: string }>({
  id: 'nodeimage-images',
  severity: 'error',
  description: 'At most 256 images, each named, with distinct non-empty tags, versions >= 0 and a pullPolicy.ttlSecondsAfterFinished.',
  message: (d) => `invalid spec.images: ${d.reason}`,
  hint: () => 'NodeImages are Kruise\'s own records; pre-pull images with an ImagePullJob instead of writing one',
});
