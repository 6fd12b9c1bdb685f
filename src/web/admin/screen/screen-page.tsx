/** /admin/screen: the staff 数据大屏 over the viewer's own units, opened in its own tab from the console's menu. */
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { viewDashboard } from '../../../shared/dashboard.endpoints';
import { routes } from '../../../shared/routes';
import { callRoute, errorMessage } from '../../lib/api';
import styles from '../../screen/screen.module.css';
import { REFRESH_MS } from '../../screen/screen-page';
import { ScreenView } from '../../screen/screen-view';

export default function AdminScreenPage() {
  // ?unit=: one street's screen, opened from the district's summary (issue 13).
  const unitId = new URLSearchParams(window.location.search).get('unit') ?? undefined;
  const q = useQuery({
    queryKey: ['screen', 'staff', unitId ?? null],
    queryFn: () => callRoute<typeof viewDashboard>(routes.viewDashboard, { query: unitId ? { unitId } : {} }),
    refetchInterval: REFRESH_MS,
    refetchIntervalInBackground: true,
  });
  useEffect(() => {
    document.title = '数据大屏（工作版）';
  }, []);
  return <ScreenView data={q.data} heading="数据大屏" note={q.error && !q.data ? <p className={styles.notice}>{errorMessage(q.error)}</p> : null} />;
}
