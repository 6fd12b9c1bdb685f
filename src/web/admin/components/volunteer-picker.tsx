import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { VolunteerView } from '../../../shared/volunteers';
import { useVolunteerSearch } from '../../lib/queries/volunteers';

function optionLabel(v: VolunteerView): string {
  return `${v.name}（${v.volunteerNo ?? '未编号'} · ${v.stationName}${v.phone ? ` · ${v.phone}` : ''}）`;
}

/** Pick a volunteer by name, volunteer number or phone, searching the talent pool as you type. */
export function VolunteerPicker({
  value,
  onChange,
  status = 'certified',
  stationId,
  exclude,
  id,
  placeholder = '输入姓名、志愿者编号或手机号查找',
}: {
  value?: string;
  onChange?: (id: string | undefined, volunteer?: VolunteerView) => void;
  status?: VolunteerView['status'];
  stationId?: string;
  exclude?: Set<string>;
  id?: string;
  placeholder?: string;
}) {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<VolunteerView | null>(null);

  // Wait for a pause in typing before searching.
  useEffect(() => {
    const t = window.setTimeout(() => setQ(typed), 300);
    return () => window.clearTimeout(t);
  }, [typed]);

  const search = useVolunteerSearch(q, { status, stationId });
  const options = useMemo(() => {
    const found = (search.data?.items ?? []).filter((v) => !exclude?.has(v.id));
    const all = picked && !found.some((v) => v.id === picked.id) ? [picked, ...found] : found;
    return all.map((v) => ({ value: v.id, label: optionLabel(v), volunteer: v }));
  }, [search.data, picked, exclude]);

  return (
    <Select
      id={id}
      value={value}
      placeholder={placeholder}
      allowClear
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={search.isFetching}
      options={options}
      notFoundContent={search.isFetching ? '正在查找…' : q ? '没有找到符合条件的已认证志愿者' : '没有可选的志愿者'}
      onChange={(next: string | undefined, option) => {
        const v = Array.isArray(option) ? undefined : (option as { volunteer?: VolunteerView } | undefined)?.volunteer;
        setPicked(v ?? null);
        onChange?.(next, v);
      }}
      style={{ width: '100%' }}
    />
  );
}
