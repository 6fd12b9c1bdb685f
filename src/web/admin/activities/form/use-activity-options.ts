import { useCallback, useMemo } from 'react';
import { PROGRAMME_BLOCKS } from '../../../../shared/programmes';
import { useUnits } from '../../../lib/queries/org';
import { useProgrammes } from '../../../lib/queries/programmes';
import { useVenues } from '../../../lib/queries/venues';

/** The venues and programmes an activity of this unit can use, as select options. */
export function useActivityOptions(unitId: string | undefined) {
  const units = useUnits();
  const programmes = useProgrammes();
  const venues = useVenues();

  // Units above and below the chosen unit: the venues and programmes the server accepts for it.
  const related = useMemo(() => {
    const all = units.data ?? [];
    const ids = new Set<string>();
    if (!unitId) return ids;
    let cur = all.find((u) => u.id === unitId);
    while (cur) {
      ids.add(cur.id);
      const parent = cur.parentId;
      cur = parent ? all.find((u) => u.id === parent) : undefined;
    }
    const stack = [unitId];
    while (stack.length) {
      const next = stack.pop() as string;
      ids.add(next);
      for (const u of all) if (u.parentId === next && !ids.has(u.id)) stack.push(u.id);
    }
    return ids;
  }, [units.data, unitId]);
  // A unit this person cannot see (e.g. a station admin's institute) may still own venues and
  // programmes the activity can use; the server checks the real tree.
  const fits = useCallback((ownerId: string) => related.has(ownerId) || !(units.data ?? []).some((u) => u.id === ownerId), [related, units.data]);

  const venueOptions = useMemo(
    () =>
      (venues.data ?? [])
        .filter((v) => v.mode === 'offline' && !v.archived && fits(v.unitId))
        .map((v) => ({ value: v.id, label: `${v.name}（${v.unitName}）` })),
    [venues.data, fits],
  );
  const programmeOptions = useMemo(
    () =>
      (Object.keys(PROGRAMME_BLOCKS) as (keyof typeof PROGRAMME_BLOCKS)[])
        .map((block) => ({
          label: PROGRAMME_BLOCKS[block],
          options: (programmes.data ?? []).filter((p) => p.block === block && !p.archived && fits(p.unitId)).map((p) => ({ value: p.id, label: p.name })),
        }))
        .filter((g) => g.options.length > 0),
    [programmes.data, fits],
  );

  return { units, venues, programmes, venueOptions, programmeOptions };
}
