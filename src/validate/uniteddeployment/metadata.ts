// V1: the UnitedDeployment's own name (standard ObjectMeta check, DNS-1123 subdomain).
import * as rules from '../../report/catalogue/uniteddeployment.js';
import type { UdContext } from './context.js';
import { fail } from './context.js';
import { dnsSubdomainError } from './names.js';

export function checkMetadata(ctx: UdContext): void {
  const name = ctx.ud.metadata?.name;
  if (typeof name !== 'string' || name === '') return; // missing names are the loader's/schema's concern
  const reason = dnsSubdomainError(name);
  if (reason) fail(ctx, rules.nameInvalid, ['metadata', 'name'], { name, reason });
}
