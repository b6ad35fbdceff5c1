// Placeholder until implemented.
import type { Check } from '../types.js';

export const checkWorkloads: Check = () => [];
