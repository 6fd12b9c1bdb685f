import type { Method } from './endpoint';

/**
 * Where each operation lives: its method and path by operationId, and nothing else. zod-free, so
 * the pages that must stay light (the portal, login, the session probe) can reach a declared
 * endpoint with `callRoute` (web/lib/api.ts) without importing its schemas; the declarations in
 * `<feature>.endpoints.ts` spread these in, so a path is written once.
 */
export interface Route {
  readonly operationId: string;
  readonly method: Method;
  readonly path: string;
}

export const routes = {
  // accounts.endpoints.ts
  listAccounts: { operationId: 'listAccounts', method: 'GET', path: '/api/accounts' },
  createAccount: { operationId: 'createAccount', method: 'POST', path: '/api/accounts' },
  disableAccount: { operationId: 'disableAccount', method: 'POST', path: '/api/accounts/:id/disable' },
  enableAccount: { operationId: 'enableAccount', method: 'POST', path: '/api/accounts/:id/enable' },
  resetAccountPassword: { operationId: 'resetAccountPassword', method: 'POST', path: '/api/accounts/:id/reset-password' },
  revokeAccountSessions: { operationId: 'revokeAccountSessions', method: 'POST', path: '/api/accounts/:id/revoke-sessions' },
  login: { operationId: 'login', method: 'POST', path: '/api/auth/login' },
  logout: { operationId: 'logout', method: 'POST', path: '/api/auth/logout' },
  viewSession: { operationId: 'viewSession', method: 'GET', path: '/api/auth/me' },
  changePassword: { operationId: 'changePassword', method: 'POST', path: '/api/auth/password' },
  // activities.endpoints.ts
  listActivities: { operationId: 'listActivities', method: 'GET', path: '/api/activities' },
  createActivity: { operationId: 'createActivity', method: 'POST', path: '/api/activities' },
  viewMonthlyActivityTable: { operationId: 'viewMonthlyActivityTable', method: 'GET', path: '/api/activities/monthly' },
  getActivity: { operationId: 'getActivity', method: 'GET', path: '/api/activities/:id' },
  updateActivity: { operationId: 'updateActivity', method: 'PATCH', path: '/api/activities/:id' },
  transitionActivity: { operationId: 'transitionActivity', method: 'POST', path: '/api/activities/:id/transitions' },
  signUpForActivity: { operationId: 'signUpForActivity', method: 'POST', path: '/api/activities/:id/signups' },
  cancelMySignup: { operationId: 'cancelMySignup', method: 'DELETE', path: '/api/activities/:id/signups/mine' },
  cancelSignupForVolunteer: { operationId: 'cancelSignupForVolunteer', method: 'DELETE', path: '/api/activities/:id/signups/volunteers/:volunteerId' },
  listActivitySignups: { operationId: 'listActivitySignups', method: 'GET', path: '/api/activities/:id/signups' },
  decideActivitySignup: { operationId: 'decideActivitySignup', method: 'POST', path: '/api/activities/:id/signups/:signupId/decision' },
  getCheckinToken: { operationId: 'getCheckinToken', method: 'GET', path: '/api/activities/:id/checkin-token' },
  checkInToActivity: { operationId: 'checkInToActivity', method: 'POST', path: '/api/activities/:id/checkins' },
  staffCheckIn: { operationId: 'staffCheckIn', method: 'POST', path: '/api/activities/:id/checkins/staff' },
  submitActivitySummary: { operationId: 'submitActivitySummary', method: 'POST', path: '/api/activities/:id/summary' },
  getActivitySummary: { operationId: 'getActivitySummary', method: 'GET', path: '/api/activities/:id/summary' },
  issueIcalToken: { operationId: 'issueIcalToken', method: 'POST', path: '/api/ical/token' },
  revokeIcalToken: { operationId: 'revokeIcalToken', method: 'DELETE', path: '/api/ical/token' },
  // audit.endpoints.ts
  listAudit: { operationId: 'listAudit', method: 'GET', path: '/api/audit' },
  verifyAudit: { operationId: 'verifyAudit', method: 'POST', path: '/api/audit/verify' },
  // care.endpoints.ts
  listCareRecipients: { operationId: 'listCareRecipients', method: 'GET', path: '/api/care-recipients' },
  getCareFlags: { operationId: 'getCareFlags', method: 'GET', path: '/api/care-recipients/flags' },
  createCareRecipient: { operationId: 'createCareRecipient', method: 'POST', path: '/api/care-recipients' },
  getCareRecipient: { operationId: 'getCareRecipient', method: 'GET', path: '/api/care-recipients/:id' },
  updateCareRecipient: { operationId: 'updateCareRecipient', method: 'PATCH', path: '/api/care-recipients/:id' },
  addCareVisit: { operationId: 'addCareVisit', method: 'POST', path: '/api/care-recipients/:id/visits' },
  // certificates.endpoints.ts
  issueCertificate: { operationId: 'issueCertificate', method: 'POST', path: '/api/certificates' },
  listCertificates: { operationId: 'listCertificates', method: 'GET', path: '/api/certificates' },
  listMyCertificates: { operationId: 'listMyCertificates', method: 'GET', path: '/api/certificates/mine' },
  downloadCertificatePdf: { operationId: 'downloadCertificatePdf', method: 'GET', path: '/api/certificates/:id/pdf' },
  revokeCertificate: { operationId: 'revokeCertificate', method: 'POST', path: '/api/certificates/:id/revoke' },
  verifyCertificate: { operationId: 'verifyCertificate', method: 'GET', path: '/api/public/certificates/:number' },
  // hours.endpoints.ts
  listServiceRecords: { operationId: 'listServiceRecords', method: 'GET', path: '/api/hours' },
  listMyServiceRecords: { operationId: 'listMyServiceRecords', method: 'GET', path: '/api/hours/mine' },
  viewMyHoursSummary: { operationId: 'viewMyHoursSummary', method: 'GET', path: '/api/hours/mine/summary' },
  getServiceRecord: { operationId: 'getServiceRecord', method: 'GET', path: '/api/hours/:id' },
  backfillServiceRecord: { operationId: 'backfillServiceRecord', method: 'POST', path: '/api/hours/backfill' },
  decideServiceRecord: { operationId: 'decideServiceRecord', method: 'POST', path: '/api/hours/:id/decision' },
  approveServiceRecords: { operationId: 'approveServiceRecords', method: 'POST', path: '/api/hours/approve' },
  correctServiceRecord: { operationId: 'correctServiceRecord', method: 'POST', path: '/api/hours/:id/corrections' },
  viewHoursSummary: { operationId: 'viewHoursSummary', method: 'GET', path: '/api/volunteers/:id/hours-summary' },
  listStarRecognitions: { operationId: 'listStarRecognitions', method: 'GET', path: '/api/stars/recognitions' },
  listTraining: { operationId: 'listTraining', method: 'GET', path: '/api/volunteers/:id/training' },
  addTraining: { operationId: 'addTraining', method: 'POST', path: '/api/volunteers/:id/training' },
  listAwards: { operationId: 'listAwards', method: 'GET', path: '/api/volunteers/:id/awards' },
  addAward: { operationId: 'addAward', method: 'POST', path: '/api/volunteers/:id/awards' },
  listCorrectionRequests: { operationId: 'listCorrectionRequests', method: 'GET', path: '/api/correction-requests' },
  requestCorrection: { operationId: 'requestCorrection', method: 'POST', path: '/api/correction-requests' },
  resolveCorrectionRequest: { operationId: 'resolveCorrectionRequest', method: 'POST', path: '/api/correction-requests/:id/resolve' },
  // notifications.endpoints.ts
  listMyNotifications: { operationId: 'listMyNotifications', method: 'GET', path: '/api/notifications' },
  markNotificationRead: { operationId: 'markNotificationRead', method: 'POST', path: '/api/notifications/:id/read' },
  markAllNotificationsRead: { operationId: 'markAllNotificationsRead', method: 'POST', path: '/api/notifications/read-all' },
  // org.endpoints.ts
  listUnits: { operationId: 'listUnits', method: 'GET', path: '/api/org/units' },
  getUnit: { operationId: 'getUnit', method: 'GET', path: '/api/org/units/:id' },
  createUnit: { operationId: 'createUnit', method: 'POST', path: '/api/org/units' },
  updateUnit: { operationId: 'updateUnit', method: 'PATCH', path: '/api/org/units/:id' },
  viewStaffing: { operationId: 'viewStaffing', method: 'GET', path: '/api/org/staffing' },
  listPosts: { operationId: 'listPosts', method: 'GET', path: '/api/org/units/:id/posts' },
  createPost: { operationId: 'createPost', method: 'POST', path: '/api/org/units/:id/posts' },
  updatePost: { operationId: 'updatePost', method: 'PUT', path: '/api/org/posts/:id' },
  deletePost: { operationId: 'deletePost', method: 'DELETE', path: '/api/org/posts/:id' },
  listLeadingGroup: { operationId: 'listLeadingGroup', method: 'GET', path: '/api/org/units/:id/leading-group' },
  addLeadingGroupMember: { operationId: 'addLeadingGroupMember', method: 'POST', path: '/api/org/units/:id/leading-group' },
  updateLeadingGroupMember: { operationId: 'updateLeadingGroupMember', method: 'PUT', path: '/api/org/leading-group/:id' },
  removeLeadingGroupMember: { operationId: 'removeLeadingGroupMember', method: 'DELETE', path: '/api/org/leading-group/:id' },
  viewPublicSite: { operationId: 'viewPublicSite', method: 'GET', path: '/api/public/site' },
  listPublicUnits: { operationId: 'listPublicUnits', method: 'GET', path: '/api/public/units' },
  // programmes.endpoints.ts
  listProgrammes: { operationId: 'listProgrammes', method: 'GET', path: '/api/programmes' },
  createProgramme: { operationId: 'createProgramme', method: 'POST', path: '/api/programmes' },
  updateProgramme: { operationId: 'updateProgramme', method: 'PATCH', path: '/api/programmes/:id' },
  listBrands: { operationId: 'listBrands', method: 'GET', path: '/api/brands' },
  setBrand: { operationId: 'setBrand', method: 'PUT', path: '/api/brands/:unitId' },
  listPublicBrands: { operationId: 'listPublicBrands', method: 'GET', path: '/api/public/brands' },
  // teams.endpoints.ts
  listTeams: { operationId: 'listTeams', method: 'GET', path: '/api/teams' },
  createTeam: { operationId: 'createTeam', method: 'POST', path: '/api/teams' },
  getTeam: { operationId: 'getTeam', method: 'GET', path: '/api/teams/:id' },
  updateTeam: { operationId: 'updateTeam', method: 'PATCH', path: '/api/teams/:id' },
  addTeamMember: { operationId: 'addTeamMember', method: 'POST', path: '/api/teams/:id/members' },
  joinTeam: { operationId: 'joinTeam', method: 'POST', path: '/api/teams/:id/join' },
  decideTeamMember: { operationId: 'decideTeamMember', method: 'POST', path: '/api/teams/:id/members/:memberId/decision' },
  setTeamMemberRole: { operationId: 'setTeamMemberRole', method: 'PUT', path: '/api/teams/:id/members/:memberId/role' },
  removeTeamMember: { operationId: 'removeTeamMember', method: 'DELETE', path: '/api/teams/:id/members/:memberId' },
  // venues.endpoints.ts
  listVenues: { operationId: 'listVenues', method: 'GET', path: '/api/venues' },
  createVenue: { operationId: 'createVenue', method: 'POST', path: '/api/venues' },
  getVenue: { operationId: 'getVenue', method: 'GET', path: '/api/venues/:id' },
  updateVenue: { operationId: 'updateVenue', method: 'PATCH', path: '/api/venues/:id' },
  addRoom: { operationId: 'addRoom', method: 'POST', path: '/api/venues/:id/rooms' },
  updateRoom: { operationId: 'updateRoom', method: 'PATCH', path: '/api/rooms/:id' },
  listRoomBookings: { operationId: 'listRoomBookings', method: 'GET', path: '/api/rooms/:id/bookings' },
  listPublicVenues: { operationId: 'listPublicVenues', method: 'GET', path: '/api/public/venues' },
  viewMapConfig: { operationId: 'viewMapConfig', method: 'GET', path: '/api/public/map-config' },
} as const satisfies Record<string, Route>;
