import { useMemo } from 'react';
import type { UnitView } from '../../../shared/org';
import { useUnits } from '../../lib/queries/org';
import { sortUnits } from '../org/helpers';

export interface UnitFilter {
  /** Which kinds of unit may be picked. */
  kinds: UnitView['kind'][];
  /** Only these unit ids (the units a station admin manages); all when absent. */
  within?: ReadonlySet<string>;
}

/**
 * The units a console form offers: not archived, of the given kinds, optionally only the ones the
 * person manages; in the tree's order (institute first, then by sort and name). One hook instead
 * of the same filter-sort-map in every form that picks a unit.
 */
export function useUnitOptions({ kinds, within }: UnitFilter) {
  const units = useUnits();
  const kindKey = kinds.join(',');
  const withinKey = within ? [...within].sort().join(',') : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: the filter is compared by value (kindKey, withinKey), not by identity
  const list = useMemo(
    () => sortUnits((units.data ?? []).filter((u) => !u.archived && kinds.includes(u.kind) && (!within || within.has(u.id)))),
    [units.data, kindKey, withinKey],
  );
  const options = useMemo(() => list.map((u) => ({ value: u.id, label: u.name })), [list]);
  return { units: list, options, isPending: units.isPending };
}
