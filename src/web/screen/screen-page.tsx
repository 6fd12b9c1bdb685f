/** /screen: the public 数据大屏 (counts only), refreshed every 30 s without reloading the page. */
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { viewPublicDashboard } from '../../shared/dashboard.endpoints';
import { routes } from '../../shared/routes';
import { callRoute, errorMessage } from '../lib/api';
import styles from './screen.module.css';
import { ScreenView } from './screen-view';

export const REFRESH_MS = 30_000;

export default function ScreenPage() {
  const [search] = useSearchParams();
  const instituteId = search.get('instituteId') ?? undefined;
  const q = useQuery({
    queryKey: ['screen', 'public', instituteId ?? ''],
    queryFn: () => callRoute<typeof viewPublicDashboard>(routes.viewPublicDashboard, { query: instituteId ? { instituteId } : {} }),
    refetchInterval: REFRESH_MS,
    refetchIntervalInBackground: true,
  });
  useEffect(() => {
    document.title = '新时代文明实践数据大屏';
  }, []);
  return <ScreenView data={q.data} heading="数据大屏" note={q.error && !q.data ? <p className={styles.notice}>{errorMessage(q.error)}</p> : null} />;
}
