// UnitedDeployment expansion (spec uniteddeployment.md). Placeholder until implemented.
import type { RenderFilter } from '../types.js';

export const expandUnitedDeployments: RenderFilter = (resources) => ({ resources: [...resources], diagnostics: [], explain: [] });
