import { useMemo, useState } from 'react';
import { usePublicUnits } from './queries/public';

/**
 * What the two resident order forms share — 我要点单 on the phone (/m/orders/new, signed in) and
 * 群众点单 on the portal (/order, no account): the stations to order from, the per-field problems
 * that clear as the person fixes them, and the station picker. No antd, no zod: both pages are
 * light. Each page keeps its own steps and wording; the look comes in through `classes`.
 */
export function useOrderStations() {
  const units = usePublicUnits();
  const stations = useMemo(() => (units.data ?? []).filter((u) => u.kind === 'station'), [units.data]);
  return { stations, isPending: units.isPending };
}

/** Per-field problems; `fixed('phone')` drops one as soon as the person changes that field. */
export function useProblems() {
  const [problems, setProblems] = useState<Record<string, string>>({});
  const fixed = (...keys: string[]) =>
    setProblems((p) => {
      if (!keys.some((k) => k in p)) return p;
      const next = { ...p };
      for (const k of keys) delete next[k];
      return next;
    });
  return { problems, setProblems, fixed };
}

export interface StationSelectProps {
  id: string;
  label: string;
  value: string;
  stations: { id: string; name: string }[];
  /** The empty option's text ("请选择", or "正在加载…" while the list comes). */
  placeholder: string;
  problem?: string;
  onChange: (stationId: string) => void;
  classes: { field: string; label: string; select: string; error: string };
}

export function StationSelect({ id, label, value, stations, placeholder, problem, onChange, classes }: StationSelectProps) {
  return (
    <div className={classes.field}>
      <label className={classes.label} htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className={classes.select}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={!!problem}
        aria-describedby={problem ? `${id}-error` : undefined}
      >
        <option value="">{placeholder}</option>
        {stations.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      {problem ? (
        <span className={classes.error} id={`${id}-error`} role="alert">
          {problem}
        </span>
      ) : null}
    </div>
  );
}
