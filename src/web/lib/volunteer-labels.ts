import { DAY_PART_LABELS, type DAY_PARTS, WEEKDAY_LABELS, type WEEKDAYS } from '../../shared/labels';

/**
 * The volunteer label tables for the light mobile and portal pages, from the zod-free shared module
 * (the schema files build zod objects at import time), plus small helpers built on them.
 */
export {
  ADULT_AGE,
  DAY_PART_LABELS,
  DAY_PARTS,
  GUARDIAN_CONSENT_METHODS,
  MIN_VOLUNTEER_AGE,
  RECORD_FLAGS,
  RECORD_SOURCES,
  RECORD_STATUSES,
  SERVICE_CATEGORIES,
  TEAM_KINDS,
  TEAM_ROLES,
  VOLUNTEER_CATEGORIES,
  VOLUNTEER_STATUSES,
  WEEKDAY_LABELS,
  WEEKDAYS,
} from '../../shared/labels';

export type Weekday = (typeof WEEKDAYS)[number];
export type DayPart = (typeof DAY_PARTS)[number];

/** "sat-am" → 周六上午 */
export function slotLabel(slot: string): string {
  const [day, part] = slot.split('-') as [Weekday, DayPart];
  return `${WEEKDAY_LABELS[day] ?? day}${DAY_PART_LABELS[part] ?? part}`;
}
