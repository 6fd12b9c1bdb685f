import { type ComponentType, isValidElement, lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter, matchRoutes, type RouteObject } from 'react-router-dom';
import NotFoundPage from './not-found-page';
import { PageLoading } from './page-loading';

// Each area and page is its own chunk: the portal, login and mobile pages never load antd.
const PortalPage = lazyPage(() => import('./portal/portal-page'));
const LoginPage = lazyPage(() => import('./login/login-page'));
const VerifyPage = lazyPage(() => import('./portal/verify-page'));
const PortalOrderPage = lazyPage(() => import('./portal/order/order-page'));

const AdminShell = lazyPage(() => import('./admin/admin-shell'));
const AdminHome = lazyPage(() => import('./admin/home-page'));
const OrgListPage = lazyPage(() => import('./admin/org/org-list-page'));
const UnitDetailPage = lazyPage(() => import('./admin/org/unit-detail-page'));
const SettingsPage = lazyPage(() => import('./admin/settings/settings-page'));
const AuditPage = lazyPage(() => import('./admin/audit/audit-page'));
const AccountsPage = lazyPage(() => import('./admin/accounts/accounts-page'));
const AdminPasswordPage = lazyPage(() => import('./admin/password/password-page'));
const AdminSecurityPage = lazyPage(() => import('./admin/password/security-page'));
const ActivitiesPage = lazyPage(() => import('./admin/activities/activities-page'));
const ActivityFormPage = lazyPage(() => import('./admin/activities/activity-form-page'));
const ActivityDetailPage = lazyPage(() => import('./admin/activities/activity-detail-page'));
const VenuesPage = lazyPage(() => import('./admin/venues/venues-page'));
const ProgrammesPage = lazyPage(() => import('./admin/programmes/programmes-page'));
const VolunteerListPage = lazyPage(() => import('./admin/volunteers/volunteer-list-page'));
const VolunteerNewPage = lazyPage(() => import('./admin/volunteers/volunteer-new-page'));
const VolunteerDetailPage = lazyPage(() => import('./admin/volunteers/volunteer-detail-page'));
const HoursPage = lazyPage(() => import('./admin/hours/hours-page'));
const TeamListPage = lazyPage(() => import('./admin/teams/team-list-page'));
const TeamDetailPage = lazyPage(() => import('./admin/teams/team-detail-page'));
const StarsPage = lazyPage(() => import('./admin/stars/stars-page'));
const OrdersPage = lazyPage(() => import('./admin/orders/orders-page'));
const OrderDetailPage = lazyPage(() => import('./admin/orders/order-detail-page'));
const OrderMenuPage = lazyPage(() => import('./admin/orders/menu-page'));
const CareListPage = lazyPage(() => import('./admin/care/care-list-page'));
const CareDetailPage = lazyPage(() => import('./admin/care/care-detail-page'));
const FundsPage = lazyPage(() => import('./admin/funds/funds-page'));
const MeetingsPage = lazyPage(() => import('./admin/meetings/meetings-page'));
const MeetingDetailPage = lazyPage(() => import('./admin/meetings/meeting-detail-page'));
const ResolutionsPage = lazyPage(() => import('./admin/meetings/resolutions-page'));
const PlanPage = lazyPage(() => import('./admin/plan/plan-page'));
const StandardsPage = lazyPage(() => import('./admin/standards/standards-page'));
const TrainingPage = lazyPage(() => import('./admin/training/training-page'));
const AssessmentPage = lazyPage(() => import('./admin/assessment/assessment-page'));
const AssessmentIndicatorsPage = lazyPage(() => import('./admin/assessment/indicators-page'));
const AssessmentPeriodPage = lazyPage(() => import('./admin/assessment/period-page'));
const AssessmentSheetPage = lazyPage(() => import('./admin/assessment/sheet-page'));
const NeedsPage = lazyPage(() => import('./admin/needs/needs-page'));
const ActivityPlansPage = lazyPage(() => import('./admin/activity-plans/activity-plans-page'));

const MobileShell = lazyPage(() => import('./m/mobile-shell'));
const MobileHome = lazyPage(() => import('./m/home-page'));
const MobileMe = lazyPage(() => import('./m/me-page'));
const MobilePassword = lazyPage(() => import('./m/password-page'));
const MobileRegister = lazyPage(() => import('./m/register-page'));
const MobileVolunteer = lazyPage(() => import('./m/volunteer-page'));
const MobileActivities = lazyPage(() => import('./m/activities/activities-page'));
const MobileActivity = lazyPage(() => import('./m/activities/activity-page'));
const MobileCheckin = lazyPage(() => import('./m/checkin/checkin-page'));
const MobileMyOrders = lazyPage(() => import('./m/orders/my-orders-page'));
const MobileNewOrder = lazyPage(() => import('./m/orders/new-order-page'));
const MobileOrderStatus = lazyPage(() => import('./m/orders/order-status-page'));
const MobileTasks = lazyPage(() => import('./m/tasks/tasks-page'));
const MobileMeetingSignIn = lazyPage(() => import('./m/meetings/sign-in-page'));
const MobileStation = lazyPage(() => import('./m/station/station-page'));
const MobileStationResolution = lazyPage(() => import('./m/station/resolution-page'));
const MobileStationTask = lazyPage(() => import('./m/station/task-page'));
const MobileTrainingSignIn = lazyPage(() => import('./m/training/sign-in-page'));
const CampaignsPage = lazyPage(() => import('./admin/campaigns/campaigns-page'));
const CampaignDetailPage = lazyPage(() => import('./admin/campaigns/campaign-detail-page'));
const PortalCampaignsPage = lazyPage(() => import('./portal/campaigns/campaigns-page'));
const MobileHonours = lazyPage(() => import('./m/honours/honours-page'));
const RecognitionPage = lazyPage(() => import('./admin/recognition/recognition-page'));
const HonoursBoardPage = lazyPage(() => import('./portal/honours-page'));
const PointsPage = lazyPage(() => import('./admin/points/points-page'));
const MobilePoints = lazyPage(() => import('./m/points/points-page'));
const MarketPage = lazyPage(() => import('./admin/market/market-page'));
const InboxPage = lazyPage(() => import('./admin/inbox/inbox-page'));
const MobileMarket = lazyPage(() => import('./m/market/market-page'));
const MobileNotices = lazyPage(() => import('./m/notices/notices-page'));
const PortalCalendarPage = lazyPage(() => import('./portal/activities/calendar-page'));
const PortalActivityPage = lazyPage(() => import('./portal/activities/activity-page'));
const MobileStations = lazyPage(() => import('./m/stations-page'));
const ShowcasePage = lazyPage(() => import('./admin/showcase/showcase-page'));
const PortalShowcasePage = lazyPage(() => import('./portal/showcase/showcase-page'));
const ScreenPage = lazyPage(() => import('./screen/screen-page'));
const AdminScreenPage = lazyPage(() => import('./admin/screen/screen-page'));
const ReportsPage = lazyPage(() => import('./admin/reports/reports-page'));
const DistrictPage = lazyPage(() => import('./admin/district/district-page'));
const NewsAdminPage = lazyPage(() => import('./admin/news/news-page'));
const PortalNewsListPage = lazyPage(() => import('./portal/news/news-list-page'));
const PortalNewsPage = lazyPage(() => import('./portal/news/news-page'));
const PrivacyAdminPage = lazyPage(() => import('./admin/privacy/privacy-page'));
const MobilePrivacy = lazyPage(() => import('./m/privacy-page'));

/** A page's chunk, loaded when React first renders it — or earlier, by `preloadOpened`. */
function lazyPage<T extends ComponentType>(load: () => Promise<{ default: T }>) {
  return Object.assign(lazy(load), { preload: load });
}

function page(node: ReactNode) {
  return <Suspense fallback={<PageLoading />}>{node}</Suspense>;
}

const routes: RouteObject[] = [
  { path: '/', element: page(<PortalPage />) },
  { path: '/login', element: page(<LoginPage />) },
  { path: '/verify', element: page(<VerifyPage />) },
  { path: '/verify/:number', element: page(<VerifyPage />) },
  { path: '/order', element: page(<PortalOrderPage />) },
  { path: '/campaigns', element: page(<PortalCampaignsPage />) },
  { path: '/honours', element: page(<HonoursBoardPage />) },
  { path: '/activities', element: page(<PortalCalendarPage />) },
  { path: '/activities/:id', element: page(<PortalActivityPage />) },
  { path: '/showcase', element: page(<PortalShowcasePage />) },
  { path: '/news', element: page(<PortalNewsListPage />) },
  { path: '/news/:id', element: page(<PortalNewsPage />) },
  {
    path: '/admin',
    element: page(<AdminShell />),
    children: [
      // Admin pages suspend inside the shell's own Suspense, so the menu stays on screen.
      { index: true, element: <AdminHome /> },
      { path: 'org', element: <OrgListPage /> },
      { path: 'org/:unitId', element: <UnitDetailPage /> },
      { path: 'volunteers', element: <VolunteerListPage /> },
      { path: 'volunteers/new', element: <VolunteerNewPage /> },
      { path: 'volunteers/:id', element: <VolunteerDetailPage /> },
      { path: 'hours', element: <HoursPage /> },
      { path: 'teams', element: <TeamListPage /> },
      { path: 'teams/:id', element: <TeamDetailPage /> },
      { path: 'stars', element: <StarsPage /> },
      { path: 'orders', element: <OrdersPage /> },
      { path: 'orders/menu', element: <OrderMenuPage /> },
      { path: 'orders/:id', element: <OrderDetailPage /> },
      { path: 'care', element: <CareListPage /> },
      { path: 'care/:id', element: <CareDetailPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: 'accounts', element: <AccountsPage /> },
      { path: 'password', element: <AdminPasswordPage /> },
      { path: 'security', element: <AdminSecurityPage /> },
      { path: 'activities', element: <ActivitiesPage /> },
      { path: 'activities/new', element: <ActivityFormPage /> },
      { path: 'activities/:id', element: <ActivityDetailPage /> },
      { path: 'activities/:id/edit', element: <ActivityFormPage /> },
      { path: 'venues', element: <VenuesPage /> },
      { path: 'programmes', element: <ProgrammesPage /> },
      { path: 'funds', element: <FundsPage /> },
      { path: 'meetings', element: <MeetingsPage /> },
      { path: 'meetings/:id', element: <MeetingDetailPage /> },
      { path: 'resolutions', element: <ResolutionsPage /> },
      { path: 'plan', element: <PlanPage /> },
      { path: 'standards', element: <StandardsPage /> },
      { path: 'training', element: <TrainingPage /> },
      { path: 'assessment', element: <AssessmentPage /> },
      { path: 'assessment/indicators', element: <AssessmentIndicatorsPage /> },
      { path: 'assessment/periods/:id', element: <AssessmentPeriodPage /> },
      { path: 'assessment/periods/:id/stations/:stationId', element: <AssessmentSheetPage /> },
      { path: 'needs', element: <NeedsPage /> },
      { path: 'activity-plans', element: <ActivityPlansPage /> },
      { path: 'campaigns', element: <CampaignsPage /> },
      { path: 'campaigns/:id', element: <CampaignDetailPage /> },
      { path: 'recognition', element: <RecognitionPage /> },
      { path: 'points', element: <PointsPage /> },
      { path: 'market', element: <MarketPage /> },
      { path: 'inbox', element: <InboxPage /> },
      { path: 'showcase', element: <ShowcasePage /> },
      { path: 'reports', element: <ReportsPage /> },
      { path: 'district', element: <DistrictPage /> },
      { path: 'news', element: <NewsAdminPage /> },
      { path: 'privacy', element: <PrivacyAdminPage /> },
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
      { path: 'privacy', element: <MobilePrivacy /> },
      { path: 'register', element: <MobileRegister /> },
      { path: 'volunteer', element: <MobileVolunteer /> },
      { path: 'activities', element: <MobileActivities /> },
      { path: 'activities/:id', element: <MobileActivity /> },
      { path: 'checkin', element: <MobileCheckin /> },
      { path: 'orders', element: <MobileMyOrders /> },
      { path: 'orders/new', element: <MobileNewOrder /> },
      { path: 'orders/:id', element: <MobileOrderStatus /> },
      { path: 'tasks', element: <MobileTasks /> },
      { path: 'meetings/sign-in', element: <MobileMeetingSignIn /> },
      { path: 'station', element: <MobileStation /> },
      { path: 'station/resolutions/:id', element: <MobileStationResolution /> },
      { path: 'station/tasks/:id', element: <MobileStationTask /> },
      { path: 'training/sign-in', element: <MobileTrainingSignIn /> },
      { path: 'honours', element: <MobileHonours /> },
      { path: 'points', element: <MobilePoints /> },
      { path: 'market', element: <MobileMarket /> },
      { path: 'notices', element: <MobileNotices /> },
      { path: 'stations', element: <MobileStations /> },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
  // 数据大屏: full screen, outside the console's shell (the staff one opens in its own tab).
  { path: '/screen', element: page(<ScreenPage />) },
  { path: '/admin/screen', element: page(<AdminScreenPage />) },
];

/**
 * Starts loading every chunk of the page being opened at once. Left to React, the shell's chunk loads,
 * the shell renders, and only then does the page's chunk start: one more round trip in the chain, which
 * on a slow line is what a first visit waits for (bench/first-load.ts). A lazy page is the element itself
 * (the console's and the phone's pages) or the one inside `page()`'s Suspense.
 */
function preloadOpened(location: Location) {
  for (const { route } of matchRoutes(routes, location) ?? []) {
    const outer = route.element;
    if (!isValidElement(outer)) continue;
    const inner = (outer.props as { children?: ReactNode }).children;
    for (const el of [outer, inner]) {
      const preload = isValidElement(el) ? (el.type as { preload?: () => Promise<unknown> }).preload : undefined;
      if (preload) void preload().catch(() => undefined); // React's own load reports a failure
    }
  }
}

preloadOpened(window.location);
export const router = createBrowserRouter(routes);
