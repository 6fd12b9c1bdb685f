import { lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import NotFoundPage from './not-found-page';
import { PageLoading } from './page-loading';

// Each area and page is its own chunk: the portal, login and mobile pages never load antd.
const PortalPage = lazy(() => import('./portal/portal-page'));
const LoginPage = lazy(() => import('./login/login-page'));

const AdminShell = lazy(() => import('./admin/admin-shell'));
const AdminHome = lazy(() => import('./admin/home-page'));
const OrgListPage = lazy(() => import('./admin/org/org-list-page'));
const UnitDetailPage = lazy(() => import('./admin/org/unit-detail-page'));
const SettingsPage = lazy(() => import('./admin/settings/settings-page'));
const AuditPage = lazy(() => import('./admin/audit/audit-page'));
const AccountsPage = lazy(() => import('./admin/accounts/accounts-page'));
const AdminPasswordPage = lazy(() => import('./admin/password/password-page'));

const MobileShell = lazy(() => import('./m/mobile-shell'));
const MobileHome = lazy(() => import('./m/home-page'));
const MobileMe = lazy(() => import('./m/me-page'));
const MobilePassword = lazy(() => import('./m/password-page'));

function page(node: ReactNode) {
  return <Suspense fallback={<PageLoading />}>{node}</Suspense>;
}

export const router = createBrowserRouter([
  { path: '/', element: page(<PortalPage />) },
  { path: '/login', element: page(<LoginPage />) },
  {
    path: '/admin',
    element: page(<AdminShell />),
    children: [
      // Admin pages suspend inside the shell's own Suspense, so the menu stays on screen.
      { index: true, element: <AdminHome /> },
      { path: 'org', element: <OrgListPage /> },
      { path: 'org/:unitId', element: <UnitDetailPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: 'accounts', element: <AccountsPage /> },
      { path: 'password', element: <AdminPasswordPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  {
    path: '/m',
    element: page(<MobileShell />),
    children: [
      { index: true, element: <MobileHome /> },
      { path: 'me', element: <MobileMe /> },
      { path: 'password', element: <MobilePassword /> },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
]);
