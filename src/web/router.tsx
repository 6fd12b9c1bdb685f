import { lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import NotFoundPage from './not-found-page';
import { PageLoading } from './page-loading';

// Each area and page is its own chunk: the portal, login and mobile pages never load antd.
const PortalPage = lazy(() => import('./portal/portal-page'));
const LoginPage = lazy(() => import('./login/login-page'));
const VerifyPage = lazy(() => import('./portal/verify-page'));
const PortalOrderPage = lazy(() => import('./portal/order/order-page'));

const AdminShell = lazy(() => import('./admin/admin-shell'));
const AdminHome = lazy(() => import('./admin/home-page'));
const OrgListPage = lazy(() => import('./admin/org/org-list-page'));
const UnitDetailPage = lazy(() => import('./admin/org/unit-detail-page'));
const SettingsPage = lazy(() => import('./admin/settings/settings-page'));
const AuditPage = lazy(() => import('./admin/audit/audit-page'));
const AccountsPage = lazy(() => import('./admin/accounts/accounts-page'));
const AdminPasswordPage = lazy(() => import('./admin/password/password-page'));
const AdminSecurityPage = lazy(() => import('./admin/password/security-page'));
const ActivitiesPage = lazy(() => import('./admin/activities/activities-page'));
const ActivityFormPage = lazy(() => import('./admin/activities/activity-form-page'));
const ActivityDetailPage = lazy(() => import('./admin/activities/activity-detail-page'));
const VenuesPage = lazy(() => import('./admin/venues/venues-page'));
const ProgrammesPage = lazy(() => import('./admin/programmes/programmes-page'));
const VolunteerListPage = lazy(() => import('./admin/volunteers/volunteer-list-page'));
const VolunteerNewPage = lazy(() => import('./admin/volunteers/volunteer-new-page'));
const VolunteerDetailPage = lazy(() => import('./admin/volunteers/volunteer-detail-page'));
const HoursPage = lazy(() => import('./admin/hours/hours-page'));
const TeamListPage = lazy(() => import('./admin/teams/team-list-page'));
const TeamDetailPage = lazy(() => import('./admin/teams/team-detail-page'));
const StarsPage = lazy(() => import('./admin/stars/stars-page'));
const OrdersPage = lazy(() => import('./admin/orders/orders-page'));
const OrderDetailPage = lazy(() => import('./admin/orders/order-detail-page'));
const OrderMenuPage = lazy(() => import('./admin/orders/menu-page'));
const CareListPage = lazy(() => import('./admin/care/care-list-page'));
const CareDetailPage = lazy(() => import('./admin/care/care-detail-page'));
const FundsPage = lazy(() => import('./admin/funds/funds-page'));
const MeetingsPage = lazy(() => import('./admin/meetings/meetings-page'));
const MeetingDetailPage = lazy(() => import('./admin/meetings/meeting-detail-page'));
const ResolutionsPage = lazy(() => import('./admin/meetings/resolutions-page'));
const PlanPage = lazy(() => import('./admin/plan/plan-page'));
const StandardsPage = lazy(() => import('./admin/standards/standards-page'));
const TrainingPage = lazy(() => import('./admin/training/training-page'));
const AssessmentPage = lazy(() => import('./admin/assessment/assessment-page'));
const AssessmentIndicatorsPage = lazy(() => import('./admin/assessment/indicators-page'));
const AssessmentPeriodPage = lazy(() => import('./admin/assessment/period-page'));
const AssessmentSheetPage = lazy(() => import('./admin/assessment/sheet-page'));
const NeedsPage = lazy(() => import('./admin/needs/needs-page'));
const ActivityPlansPage = lazy(() => import('./admin/activity-plans/activity-plans-page'));

const MobileShell = lazy(() => import('./m/mobile-shell'));
const MobileHome = lazy(() => import('./m/home-page'));
const MobileMe = lazy(() => import('./m/me-page'));
const MobilePassword = lazy(() => import('./m/password-page'));
const MobileRegister = lazy(() => import('./m/register-page'));
const MobileVolunteer = lazy(() => import('./m/volunteer-page'));
const MobileActivities = lazy(() => import('./m/activities/activities-page'));
const MobileActivity = lazy(() => import('./m/activities/activity-page'));
const MobileCheckin = lazy(() => import('./m/checkin/checkin-page'));
const MobileMyOrders = lazy(() => import('./m/orders/my-orders-page'));
const MobileNewOrder = lazy(() => import('./m/orders/new-order-page'));
const MobileOrderStatus = lazy(() => import('./m/orders/order-status-page'));
const MobileTasks = lazy(() => import('./m/tasks/tasks-page'));
const MobileMeetingSignIn = lazy(() => import('./m/meetings/sign-in-page'));
const MobileStation = lazy(() => import('./m/station/station-page'));
const MobileStationResolution = lazy(() => import('./m/station/resolution-page'));
const MobileStationTask = lazy(() => import('./m/station/task-page'));
const MobileTrainingSignIn = lazy(() => import('./m/training/sign-in-page'));
const CampaignsPage = lazy(() => import('./admin/campaigns/campaigns-page'));
const CampaignDetailPage = lazy(() => import('./admin/campaigns/campaign-detail-page'));
const PortalCampaignsPage = lazy(() => import('./portal/campaigns/campaigns-page'));
const MobileHonours = lazy(() => import('./m/honours/honours-page'));
const RecognitionPage = lazy(() => import('./admin/recognition/recognition-page'));
const HonoursBoardPage = lazy(() => import('./portal/honours-page'));
const PointsPage = lazy(() => import('./admin/points/points-page'));
const MobilePoints = lazy(() => import('./m/points/points-page'));
const MarketPage = lazy(() => import('./admin/market/market-page'));
const InboxPage = lazy(() => import('./admin/inbox/inbox-page'));
const MobileMarket = lazy(() => import('./m/market/market-page'));
const MobileNotices = lazy(() => import('./m/notices/notices-page'));
const PortalCalendarPage = lazy(() => import('./portal/activities/calendar-page'));
const PortalActivityPage = lazy(() => import('./portal/activities/activity-page'));
const MobileStations = lazy(() => import('./m/stations-page'));
const ShowcasePage = lazy(() => import('./admin/showcase/showcase-page'));
const PortalShowcasePage = lazy(() => import('./portal/showcase/showcase-page'));
const ScreenPage = lazy(() => import('./screen/screen-page'));
const AdminScreenPage = lazy(() => import('./admin/screen/screen-page'));
const ReportsPage = lazy(() => import('./admin/reports/reports-page'));
const DistrictPage = lazy(() => import('./admin/district/district-page'));
const NewsAdminPage = lazy(() => import('./admin/news/news-page'));
const PortalNewsListPage = lazy(() => import('./portal/news/news-list-page'));
const PortalNewsPage = lazy(() => import('./portal/news/news-page'));
const PrivacyAdminPage = lazy(() => import('./admin/privacy/privacy-page'));
const MobilePrivacy = lazy(() => import('./m/privacy-page'));

function page(node: ReactNode) {
  return <Suspense fallback={<PageLoading />}>{node}</Suspense>;
}

export const router = createBrowserRouter([
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
]);
