// SidecarSet injection (spec sidecarset-injection.md). Placeholder until implemented.
import type { RenderFilter } from '../types.js';

export const injectSidecarSets: RenderFilter = (resources) => ({ resources: [...resources], diagnostics: [], explain: [] });
