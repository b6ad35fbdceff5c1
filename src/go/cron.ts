// robfig/cron v3 ParseStandard, the parser Kruise's AdvancedCronJob webhook and controller
// use: five fields (minute hour day-of-month month day-of-week), an optional TZ= or CRON_TZ=
// prefix, or a descriptor (@hourly, @every 1h30m, …). Only whether a schedule parses, and
// why not, in robfig's words; kruisec never computes run times.
import { atoi } from './strconv.js';

interface Bounds { min: number; max: number; names?: readonly string[] }

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const FIELDS: readonly Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTHS },
  { min: 0, max: 6, names: DAYS },
];
const DESCRIPTORS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);
/** time.ParseDuration's grammar: a sequence of decimal numbers with units, or "0". */
const GO_DURATION = /^[+-]?(0|((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+)$/;

/** The reason robfig/cron refuses `spec`, or undefined when it parses. `validZone` answers
 *  time.LoadLocation for a TZ= prefix. */
export function cronScheduleError(spec: string, validZone: (zone: string) => boolean): string | undefined {
  if (spec.length === 0) return 'empty spec string';
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const i = spec.indexOf(' ');
    const eq = spec.indexOf('=');
    const zone = i < 0 ? spec.slice(eq + 1) : spec.slice(eq + 1, i);
    if (i < 0 || !validZone(zone)) return `provided bad location ${zone}`;
    spec = spec.slice(i).trim();
  }
  if (spec.startsWith('@')) {
    if (DESCRIPTORS.has(spec)) return undefined;
    if (spec.startsWith('@every ')) return GO_DURATION.test(spec.slice(7)) ? undefined : `failed to parse duration ${spec}`;
    return `unrecognized descriptor: ${spec}`;
  }
  const fields = spec.split(/\s+/).filter(Boolean);
  if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: ${JSON.stringify(fields)}`;
  for (let i = 0; i < 5; i++) {
    for (const expr of fields[i].split(',')) {
      const e = rangeError(expr, FIELDS[i]);
      if (e) return e;
    }
  }
  return undefined;
}

function rangeError(expr: string, b: Bounds): string | undefined {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0].split('-');
  const single = lowAndHigh.length === 1;
  let start: number;
  let end: number;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = b.min;
    end = b.max;
  } else {
    const s = intOrName(lowAndHigh[0], b.names);
    if (typeof s === 'string') return s;
    start = s;
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) {
      const e = intOrName(lowAndHigh[1], b.names);
      if (typeof e === 'string') return e;
      end = e;
    } else return `too many hyphens: ${expr}`;
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    const s = goAtoi(rangeAndStep[1]);
    if (typeof s === 'string') return s;
    step = s;
    if (single) end = b.max; // "N/step" means "N-max/step"
  } else if (rangeAndStep.length > 2) return `too many slashes: ${expr}`;
  if (start < b.min) return `beginning of range (${start}) below minimum (${b.min}): ${expr}`;
  if (end > b.max) return `end of range (${end}) above maximum (${b.max}): ${expr}`;
  if (start > end) return `beginning of range (${start}) beyond end of range (${end}): ${expr}`;
  if (step === 0) return `step of range should be a positive number: ${expr}`;
  return undefined;
}

function intOrName(s: string, names: readonly string[] | undefined): number | string {
  const i = names?.indexOf(s.toLowerCase()) ?? -1;
  if (i >= 0) return names === MONTHS ? i + 1 : i;
  return goAtoi(s);
}

/** strconv.Atoi, then robfig's "negative number not allowed". */
function goAtoi(s: string): number | string {
  const v = atoi(s);
  if (v === undefined) return `failed to parse int from ${s}`;
  return v < 0n ? `negative number (${v}) not allowed: ${s}` : Number(v);
}
