import type { Generated } from 'kysely';

/**
 * The one description of the database, shared by every query. Conventions that keep SQLite and
 * PostgreSQL identical: ids are app-made UUID text; times are ISO-8601 UTC text written by the app;
 * flags are integers 0/1; JSON is text parsed by the app; money and points are integers.
 */
export interface Database {
  units: UnitsTable;
  people: PeopleTable;
  accounts: AccountsTable;
  password_history: PasswordHistoryTable;
  role_grants: RoleGrantsTable;
  sessions: SessionsTable;
  posts: PostsTable;
  leading_group_members: LeadingGroupMembersTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  counters: CountersTable;
  files: FilesTable;
  volunteers: VolunteersTable;
  volunteer_status_log: VolunteerStatusLogTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  service_records: ServiceRecordsTable;
  correction_requests: CorrectionRequestsTable;
  training_records: TrainingRecordsTable;
  awards: AwardsTable;
  star_levels: StarLevelsTable;
  certificates: CertificatesTable;
  notifications: NotificationsTable;
  programmes: ProgrammesTable;
  brands: BrandsTable;
  venues: VenuesTable;
  rooms: RoomsTable;
  activity_series: ActivitySeriesTable;
  activities: ActivitiesTable;
  positions: PositionsTable;
  signups: SignupsTable;
  checkins: CheckinsTable;
  room_bookings: RoomBookingsTable;
  activity_summaries: ActivitySummariesTable;
  ical_tokens: IcalTokensTable;
  service_items: ServiceItemsTable;
  orders: OrdersTable;
  order_events: OrderEventsTable;
  order_declines: OrderDeclinesTable;
  care_recipients: CareRecipientsTable;
  care_visits: CareVisitsTable;
  open311_keys: Open311KeysTable;
  fund_budget_lines: FundBudgetLinesTable;
  fund_entries: FundEntriesTable;
  meetings: MeetingsTable;
  meeting_attendees: MeetingAttendeesTable;
  meeting_resolutions: MeetingResolutionsTable;
  resolution_follow_ups: ResolutionFollowUpsTable;
  plan_tasks: PlanTasksTable;
  plan_task_notes: PlanTaskNotesTable;
  plan_milestones: PlanMilestonesTable;
  rules_documents: RulesDocumentsTable;
  training_sessions: TrainingSessionsTable;
  training_attendance: TrainingAttendanceTable;
  standard_evidence: StandardEvidenceTable;
  standard_confirmations: StandardConfirmationsTable;
  assessment_indicators: AssessmentIndicatorsTable;
  assessment_periods: AssessmentPeriodsTable;
  assessment_period_log: AssessmentPeriodLogTable;
  assessment_scores: AssessmentScoresTable;
  assessment_submissions: AssessmentSubmissionsTable;
  assessment_results: AssessmentResultsTable;
  needs_records: NeedsRecordsTable;
  needs_withdrawals: NeedsWithdrawalsTable;
  activity_plans: ActivityPlansTable;
  activity_plan_items: ActivityPlanItemsTable;
  activity_plan_assignments: ActivityPlanAssignmentsTable;
  activity_plan_events: ActivityPlanEventsTable;
  point_entries: PointEntriesTable;
  point_balances: PointBalancesTable;
  rate_hits: RateHitsTable;
  leases: LeasesTable;
  campaigns: CampaignsTable;
  campaign_nominations: CampaignNominationsTable;
  campaign_withdrawals: CampaignWithdrawalsTable;
  campaign_decisions: CampaignDecisionsTable;
  campaign_objections: CampaignObjectionsTable;
  campaign_objection_resolutions: CampaignObjectionResolutionsTable;
  recognition_awards: RecognitionAwardsTable;
  recognition_revocations: RecognitionRevocationsTable;
  recognition_benefits: RecognitionBenefitsTable;
  recognition_consents: RecognitionConsentsTable;
  market_shops: MarketShopsTable;
  market_goods: MarketGoodsTable;
  market_donors: MarketDonorsTable;
  market_intakes: MarketIntakesTable;
  market_reservations: MarketReservationsTable;
  market_stock_entries: MarketStockEntriesTable;
  showcase_items: ShowcaseItemsTable;
  showcase_people: ShowcasePeopleTable;
  showcase_people_removals: ShowcasePeopleRemovalsTable;
  showcase_withdrawals: ShowcaseWithdrawalsTable;
  news_items: NewsItemsTable;
  news_submissions: NewsSubmissionsTable;
  privacy_requests: PrivacyRequestsTable;
  privacy_decisions: PrivacyDecisionsTable;
  audit_checkpoints: AuditCheckpointsTable;
  account_totp: AccountTotpTable;
  account_recovery_codes: AccountRecoveryCodesTable;
  login_challenges: LoginChallengesTable;
  service_record_units: ServiceRecordUnitsTable;
  volunteer_totals: VolunteerTotalsTable;
}

export interface UnitsTable {
  id: string;
  kind: 'district' | 'institute' | 'station';
  parent_id: string | null;
  name: string;
  short_name: string | null;
  address: string | null;
  lng: number | null;
  lat: number | null;
  phone: string | null;
  intro: string | null;
  sort: number;
  archived: number;
  created_at: string;
  updated_at: string;
  /** A street's (institute's) code, set when the district admin creates it (0027); unique, else null. */
  code?: string | null;
}

/** A natural person. Accounts, volunteers and residents point here. */
export interface PeopleTable {
  id: string;
  name: string;
  phone: string | null;
  gender: string | null;
  birth_date: string | null;
  id_type: string | null;
  /** AES-256-GCM ciphertext (base64) of the ID number; never leaves the server in full. */
  id_number_enc: string | null;
  /** HMAC blind index of the ID number, for uniqueness and lookup without decrypting. */
  id_number_hash: string | null;
  /** Last four characters, kept in clear only to build the masked form. */
  id_number_tail: string | null;
  /** `110***********1234`: what every response shows. */
  id_number_masked: string | null;
  created_at: string;
  updated_at: string;
}

export interface AccountsTable {
  id: string;
  username: string;
  person_id: string;
  display_name: string;
  password_hash: string;
  must_change_password: number;
  password_changed_at: string;
  failed_count: number;
  locked_until: string | null;
  disabled: number;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface PasswordHistoryTable {
  id: string;
  account_id: string;
  password_hash: string;
  created_at: string;
}

export interface RoleGrantsTable {
  id: string;
  account_id: string;
  role: 'district_viewer' | 'district_admin' | 'institute_admin' | 'station_admin' | 'team_leader' | 'volunteer' | 'resident';
  unit_id: string;
  team_id: string | null;
  created_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token: a database leak does not hand out live sessions. */
  id: string;
  account_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  idle_seconds: number;
  ip: string | null;
  user_agent: string | null;
  revoked_at: string | null;
  /** 1: the rule requires two-factor login for the account's role and it is not enrolled; only enrolment is reachable. */
  totp_enrol_only: number;
}

export interface PostsTable {
  id: string;
  unit_id: string;
  post: string;
  holder_name: string;
  title: string | null;
  phone: string | null;
  sort: number;
  created_at: string;
  updated_at: string;
}

export interface LeadingGroupMembersTable {
  id: string;
  unit_id: string;
  name: string;
  group_role: 'leader' | 'deputy' | 'member';
  title: string | null;
  duty: string | null;
  sort: number;
  created_at: string;
  updated_at: string;
}

export interface SettingsTable {
  unit_id: string;
  key: string;
  value: string;
  updated_at: string;
  updated_by: string | null;
}

/**
 * Append-only, hash-chained. Triggers refuse UPDATE and DELETE on both databases, except the one-time
 * linking of an unlinked row by the sequencer (seq, prev_hash, hash from NULL to a value). Migration 0026.
 */
export interface AuditLogTable {
  /** Insertion key (identity / rowid): the order the sequencer links rows in. */
  pos: Generated<number>;
  /** Place in the chain; NULL until the sequencer links the row. */
  seq: number | null;
  at: string;
  actor_account_id: string | null;
  actor_name: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  unit_id: string | null;
  ip: string | null;
  request_id: string | null;
  outcome: 'success' | 'failure';
  changes: string | null;
  prev_hash: string | null;
  hash: string | null;
}

/** One row: the chain's head. Only the sequencer locks it (platform/audit.ts linkPendingAudit). */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
  /** Ed25519 over (seq, hash) (platform/audit-signing.ts); NULL only on a fresh chain at seq 0. Migration 0021. */
  signature: string | null;
}

/** Named sequences (volunteer numbers, certificate numbers): `UPDATE … SET value = value + 1 RETURNING`. */
export interface CountersTable {
  name: string;
  value: number;
}

/** An uploaded file; the bytes live under DATA_DIR/uploads. */
export interface FilesTable {
  id: string;
  unit_id: string | null;
  purpose: string;
  original_name: string;
  mime: string;
  size: number;
  sha256: string;
  path: string;
  uploaded_by: string | null;
  created_at: string;
}

export interface VolunteersTable {
  id: string;
  person_id: string;
  station_id: string;
  volunteer_no: string | null;
  status: 'reviewing' | 'certified' | 'rejected' | 'suspended' | 'exited';
  status_reason: string | null;
  category: string;
  political_status: string | null;
  education: string | null;
  ethnicity: string | null;
  email: string | null;
  employment: string | null;
  /** 居住区域 (county level), a required field of the national record. */
  residence_area: string | null;
  /** JSON arrays as text. */
  skills: string;
  service_categories: string;
  availability: string;
  emergency_name: string | null;
  /** NULL since migration 0033: the phone is sealed in emergency_phone_enc (volunteers.sealing.ts). */
  emergency_phone: string | null;
  emergency_phone_enc: string | null;
  emergency_phone_masked: string | null;
  guardian_name: string | null;
  /** NULL since migration 0033: the phone is sealed in guardian_phone_enc. */
  guardian_phone: string | null;
  guardian_phone_enc: string | null;
  guardian_phone_masked: string | null;
  guardian_relation: string | null;
  guardian_consent_method: string | null;
  guardian_consent_at: string | null;
  consent_method: 'self_online' | 'signed_form' | 'phone_confirmation';
  consent_at: string;
  consent_by: string | null;
  consent_file_id: string | null;
  consent_note: string | null;
  registered_by: string | null;
  certified_at: string | null;
  /** Volunteer insurance cover, needed for activities that require it. */
  insured_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface VolunteerStatusLogTable {
  id: string;
  volunteer_id: string;
  from_status: string | null;
  to_status: string;
  reason: string | null;
  actor_id: string | null;
  at: string;
}

export interface TeamsTable {
  id: string;
  unit_id: string;
  kind: 'street_corps' | 'community_squad' | 'specialised';
  parent_team_id: string | null;
  name: string;
  intro: string | null;
  archived: number;
  created_at: string;
  updated_at: string;
}

export interface TeamMembersTable {
  id: string;
  team_id: string;
  volunteer_id: string;
  role: 'leader' | 'deputy' | 'member';
  status: 'pending' | 'active' | 'declined' | 'left';
  note: string | null;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
}

/** The service-hour ledger. Decided rows are frozen by a trigger; corrections are new rows. */
export interface ServiceRecordsTable {
  id: string;
  volunteer_id: string;
  unit_id: string;
  source: 'verified' | 'backfilled' | 'correction';
  activity_id: string | null;
  order_id: string | null;
  title: string;
  service_date: string;
  start_at: string | null;
  end_at: string | null;
  /** Signed: a correction that takes hours away is negative. */
  minutes: number;
  place: string | null;
  content: string | null;
  organiser_name: string;
  person_in_charge: string | null;
  entry_method: string;
  evidence_file_ids: string;
  reason: string | null;
  status: 'pending' | 'approved' | 'rejected';
  late: number;
  flag: string | null;
  corrects_id: string | null;
  entered_by: string | null;
  entered_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
}

export interface CorrectionRequestsTable {
  id: string;
  volunteer_id: string;
  record_id: string | null;
  unit_id: string;
  message: string;
  status: 'open' | 'resolved' | 'declined';
  resolution: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  created_at: string;
}

export interface TrainingRecordsTable {
  id: string;
  volunteer_id: string;
  name: string;
  content: string | null;
  minutes: number;
  organiser: string;
  held_on: string;
  entered_by: string | null;
  created_at: string;
  /** A counter-entry (minutes negated) withdrawing the record it points at; never an UPDATE of it. */
  corrects_id: string | null;
}

export interface AwardsTable {
  id: string;
  volunteer_id: string;
  name: string;
  level: string | null;
  issuer: string;
  awarded_on: string;
  entered_by: string | null;
  created_at: string;
}

export interface StarLevelsTable {
  id: string;
  volunteer_id: string;
  level: number;
  previous_level: number;
  minutes: number;
  thresholds: string;
  at: string;
}

export interface CertificatesTable {
  id: string;
  number: string;
  volunteer_id: string;
  unit_id: string;
  from_date: string;
  to_date: string;
  minutes: number;
  snapshot: string;
  issued_by: string | null;
  issued_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
  revoke_reason: string | null;
}

export interface NotificationsTable {
  id: string;
  person_id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  created_at: string;
  read_at: string | null;
  emailed_at: string | null;
}

export interface ProgrammesTable {
  id: string;
  unit_id: string;
  block: string;
  name: string;
  intro: string | null;
  sort: number;
  archived: number;
  created_at: string;
  updated_at: string;
}

/** 一所一品 / 一社区一特色: one brand per unit. */
export interface BrandsTable {
  unit_id: string;
  name: string;
  intro: string | null;
  photo_file_ids: string;
  programme_id: string | null;
  updated_at: string;
  updated_by: string | null;
}

export interface VenuesTable {
  id: string;
  unit_id: string;
  mode: 'online' | 'offline';
  kind: string;
  name: string;
  address: string | null;
  lng: number | null;
  lat: number | null;
  opening_hours: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  url: string | null;
  intro: string | null;
  photo_file_ids: string;
  archived: number;
  created_at: string;
  updated_at: string;
}

export interface RoomsTable {
  id: string;
  venue_id: string;
  name: string;
  capacity: number;
  archived: number;
  created_at: string;
}

export interface ActivitySeriesTable {
  id: string;
  rule: 'weekly' | 'monthly';
  count: number;
  created_at: string;
}

export interface ActivitiesTable {
  id: string;
  unit_id: string;
  series_id: string | null;
  programme_id: string | null;
  type: 'service' | 'meeting' | 'duty' | 'rehearsal' | 'team_building';
  title: string;
  content: string | null;
  venue_id: string | null;
  room_id: string | null;
  address: string | null;
  lng: number | null;
  lat: number | null;
  geofence_m: number | null;
  starts_at: string;
  ends_at: string;
  credit_minutes: number;
  min_age: number | null;
  max_age: number | null;
  required_skills: string;
  insurance_required: number;
  signup_opens_at: string | null;
  signup_closes_at: string | null;
  cancel_cutoff_at: string | null;
  needs_approval: number;
  waitlist: number;
  contact_name: string | null;
  contact_phone: string | null;
  status: 'draft' | 'submitted' | 'published' | 'full' | 'in_progress' | 'ended' | 'summarised' | 'rejected' | 'cancelled';
  status_reason: string | null;
  checkin_code: string;
  created_by: string | null;
  reminded_at: string | null;
  hours_written_at: string | null;
  created_at: string;
  updated_at: string;
}

/** `taken` is the capacity counter: a conditional UPDATE … WHERE taken < headcount holds it under concurrency. */
export interface PositionsTable {
  id: string;
  activity_id: string;
  name: string;
  headcount: number;
  taken: number;
  sort: number;
}

export interface SignupsTable {
  id: string;
  activity_id: string;
  position_id: string;
  volunteer_id: string;
  status: 'pending' | 'confirmed' | 'waitlisted' | 'cancelled' | 'rejected' | 'no_show';
  waitlist_seq: number | null;
  channel: 'self' | 'staff';
  by_account: string | null;
  reason: string | null;
  reminded_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface CheckinsTable {
  id: string;
  activity_id: string;
  volunteer_id: string;
  day: string;
  in_at: string;
  in_method: 'qr' | 'code' | 'staff';
  in_token: string | null;
  out_at: string | null;
  out_method: 'qr' | 'code' | 'staff' | 'auto' | null;
  out_token: string | null;
  by_account: string | null;
  staff_reason: string | null;
  lat: number | null;
  lng: number | null;
  flag: string | null;
  created_at: string;
}

export interface RoomBookingsTable {
  id: string;
  room_id: string;
  activity_id: string;
  starts_at: string;
  ends_at: string;
}

export interface ActivitySummariesTable {
  activity_id: string;
  served_count: number;
  notes: string;
  photo_file_ids: string;
  late: number;
  submitted_by: string | null;
  submitted_at: string;
}

export interface IcalTokensTable {
  id: string;
  volunteer_id: string;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
}

/** 需求清单: what a unit offers residents, with the time within which an order must be taken. */
export interface ServiceItemsTable {
  id: string;
  unit_id: string;
  /** Stable short code, used as Open311 service_code. */
  code: string;
  programme_id: string | null;
  name: string;
  description: string | null;
  who_may_ask: string | null;
  typical_minutes: number;
  required_skills: string;
  service_category: string | null;
  insurance_required: number;
  sla_hours: number;
  archived: number;
  sort: number;
  created_at: string;
  updated_at: string;
}

export interface OrdersTable {
  id: string;
  number: string;
  unit_id: string;
  item_id: string | null;
  title: string;
  description: string;
  photo_file_ids: string;
  requester_person_id: string | null;
  requester_name: string;
  requester_phone: string | null;
  /** An order for a care recipient: the phone sealed (AES-GCM, migration 0029), requester_phone NULL. */
  requester_phone_enc: string | null;
  requester_verified: number;
  verify_note: string | null;
  care_recipient_id: string | null;
  address: string | null;
  /** An order for a care recipient: the address sealed (migration 0029), address NULL. */
  address_enc: string | null;
  lng: number | null;
  lat: number | null;
  preferred_at: string | null;
  channel: 'app' | 'staff_phone' | 'staff_visit' | 'portal' | 'open311';
  entered_by: string | null;
  status: 'submitted' | 'reviewing' | 'rejected' | 'dispatched' | 'accepted' | 'in_service' | 'completed' | 'rated' | 'closed' | 'cancelled';
  reject_reason: string | null;
  cancel_reason: string | null;
  target_type: 'institute' | 'station' | 'team' | 'volunteer' | 'pool' | null;
  target_id: string | null;
  dispatched_at: string | null;
  sla_due_at: string | null;
  escalation_level: number;
  accepted_volunteer_id: string | null;
  accepted_at: string | null;
  started_at: string | null;
  completed_at: string | null;
  completion_report: string | null;
  completion_photo_ids: string | null;
  service_minutes: number | null;
  rating: number | null;
  rating_comment: string | null;
  rated_by: 'requester' | 'staff' | 'system' | null;
  rated_at: string | null;
  open311_key_id: string | null;
  created_at: string;
  updated_at: string;
}

/** Every transition of an order, in order: its history for the requester and for staff. */
export interface OrderEventsTable {
  id: string;
  order_id: string;
  at: string;
  actor_kind: 'staff' | 'volunteer' | 'requester' | 'system';
  actor_account_id: string | null;
  actor_name: string | null;
  action: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
}

export interface OrderDeclinesTable {
  id: string;
  order_id: string;
  volunteer_id: string;
  reason: string | null;
  at: string;
}

/** Sensitive personal data (PIPL 第二十八条): visible only to the serving station and the institute admin. */
export interface CareRecipientsTable {
  id: string;
  station_id: string;
  name: string;
  gender: string | null;
  birth_date: string | null;
  id_number_enc: string | null;
  id_number_hash: string | null;
  id_number_masked: string | null;
  phone: string | null;
  address: string | null;
  lng: number | null;
  lat: number | null;
  categories: string;
  guardian_name: string | null;
  guardian_phone: string | null;
  guardian_relation: string | null;
  needs: string | null;
  legal_basis: 'consent' | 'statutory_duty';
  consent_method: string | null;
  consent_file_id: string | null;
  consent_note: string | null;
  recorded_by: string | null;
  last_contact_at: string | null;
  archived: number;
  created_at: string;
  updated_at: string;
  /** Sealed contact data (migration 0025): AES-256-GCM; the plain columns above stay NULL. */
  phone_enc: string | null;
  /** HMAC blind index of the phone (`care.phone:01:<phone>`), exact-match search. */
  phone_hash: string | null;
  phone_masked: string | null;
  address_enc: string | null;
  needs_enc: string | null;
  guardian_phone_enc: string | null;
  guardian_phone_masked: string | null;
}

export interface CareVisitsTable {
  id: string;
  recipient_id: string;
  kind: 'visit' | 'call' | 'order' | 'activity';
  at: string;
  note: string | null;
  order_id: string | null;
  activity_id: string | null;
  by_account: string | null;
  created_at: string;
}

export interface Open311KeysTable {
  id: string;
  unit_id: string;
  name: string;
  key_hash: string;
  created_by: string | null;
  created_at: string;
  revoked_at: string | null;
}

// funds

/** A year's budget for a unit (and optionally a programme). Append-only: an adjustment is a row with `corrects_id`. */
export interface FundBudgetLinesTable {
  id: string;
  year: number;
  unit_id: string;
  programme_id: string | null;
  kind: 'construction' | 'operation';
  source: 'fiscal' | 'social' | 'coordinated';
  /** 协调整合: the department whose funds these are. */
  department: string | null;
  /** Integer fen; an adjustment may be negative. */
  amount_fen: number;
  note: string | null;
  corrects_id: string | null;
  reason: string | null;
  created_by: string | null;
  created_at: string;
}

/** A payment. Append-only: a correction is a negative row with `corrects_id` and a reason. */
export interface FundEntriesTable {
  id: string;
  spent_on: string;
  unit_id: string;
  programme_id: string | null;
  budget_line_id: string | null;
  kind: 'construction' | 'operation';
  source: 'fiscal' | 'social' | 'coordinated';
  department: string | null;
  /** Integer fen, signed. */
  amount_fen: number;
  purpose: string;
  payee: string;
  /** JSON array of file ids. */
  receipt_file_ids: string;
  corrects_id: string | null;
  reason: string | null;
  created_by: string | null;
  created_at: string;
}

// meetings

/** 联席会议, 工作例会, 专题会议 held by an institute. `agenda` and `attachment_file_ids` are JSON arrays. */
export interface MeetingsTable {
  id: string;
  unit_id: string;
  title: string;
  kind: 'joint' | 'regular' | 'special';
  starts_at: string;
  place: string;
  agenda: string;
  minutes: string | null;
  attachment_file_ids: string;
  status: 'planned' | 'held' | 'published';
  published_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Who was asked to a meeting (a leading-group member or a staff account) and whether they came. */
export interface MeetingAttendeesTable {
  id: string;
  meeting_id: string;
  source: 'leading_group' | 'staff';
  ref_id: string;
  /** The staff account's person: who may sign in on their phone. Null for a leading-group member without one. */
  person_id: string | null;
  name: string;
  title: string | null;
  status: 'pending' | 'present' | 'absent';
  signed_at: string | null;
  method: 'self' | 'staff' | null;
  absent_reason: string | null;
  recorded_by: string | null;
  sort: number;
}

/** 议定事项: what a meeting decided, who carries it out, by when. */
export interface MeetingResolutionsTable {
  id: string;
  meeting_id: string;
  owner_unit_id: string;
  content: string;
  /** China calendar day, YYYY-MM-DD. */
  deadline: string;
  status: 'open' | 'in_progress' | 'done' | 'cancelled';
  cancel_reason: string | null;
  /** Set once by the tick when the owner unit's admins were told it is overdue. */
  overdue_notified_at: string | null;
  closed_at: string | null;
  sort: number;
  created_at: string;
  updated_at: string;
}

/** Append-only follow-up notes on a resolution. */
export interface ResolutionFollowUpsTable {
  id: string;
  resolution_id: string;
  /** 1, 2, … per resolution: the order they were written in, even within one millisecond. */
  seq: number;
  note: string;
  status_from: string | null;
  status_to: string | null;
  by_account: string | null;
  by_name: string;
  created_at: string;
}

// plan

/** 任务分解表 (工作方案 附件2): one task, owned by the institute or a station. */
export interface PlanTasksTable {
  id: string;
  unit_id: string;
  title: string;
  detail: string | null;
  /** The plan section it implements, free text like "二、(二)". */
  section: string;
  lead_name: string;
  /** China calendar day, YYYY-MM-DD. */
  deadline: string;
  status: 'not_started' | 'in_progress' | 'done';
  done_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  /** When the owner unit's admins were told it is overdue (once per task). */
  overdue_notified_at: string | null;
}

/** Append-only progress notes on a task; `evidence_file_ids` is a JSON array. */
export interface PlanTaskNotesTable {
  id: string;
  task_id: string;
  seq: number;
  note: string;
  status_from: string | null;
  status_to: string | null;
  evidence_file_ids: string;
  by_account: string | null;
  by_name: string;
  created_at: string;
}

/** 实施步骤 (工作方案 四、(二)): an institute's dated steps. */
export interface PlanMilestonesTable {
  id: string;
  unit_id: string;
  title: string;
  due_on: string;
  done_on: string | null;
  created_at: string;
  updated_at: string;
}

/** 制度文件: a unit's rules documents; a new version of a title is a new row. */
export interface RulesDocumentsTable {
  id: string;
  unit_id: string;
  type: 'leadership' | 'joint_meeting' | 'activities' | 'team' | 'other';
  title: string;
  version: string;
  effective_on: string;
  file_id: string;
  by_account: string | null;
  by_name: string;
  created_at: string;
}

// training

/** 培训 held by the district or an institute. `material_file_ids` is a JSON array of upload ids. */
export interface TrainingSessionsTable {
  id: string;
  unit_id: string;
  topic: string;
  content: string;
  trainer: string;
  minutes: number;
  place: string;
  starts_at: string;
  material_file_ids: string;
  status: 'planned' | 'held';
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Whether a staff account (`ref_id` = account id) or a volunteer (volunteer id) attended a training. */
export interface TrainingAttendanceTable {
  id: string;
  session_id: string;
  kind: 'staff' | 'volunteer';
  ref_id: string;
  status: 'present' | 'absent';
  /** The volunteer's training record written (once) by the hours feature when first marked present. */
  training_record_id: string | null;
  /** How a present mark came: the trainee's own scan ('self') or staff on the console; null when absent. */
  method: 'self' | 'staff' | null;
  recorded_by: string | null;
  recorded_at: string;
}

// standards

/** Evidence for a "八有" standard (photos, files, a link). Withdrawn once by setting `withdrawn_at`; never deleted. `file_ids` is a JSON array of upload ids. */
export interface StandardEvidenceTable {
  id: string;
  unit_id: string;
  standard: string;
  kind: string;
  note: string;
  file_ids: string;
  link: string | null;
  added_by: string | null;
  added_by_name: string;
  created_at: string;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  withdrawn_by_name: string | null;
  withdraw_reason: string | null;
}

/** The institute's decision on a unit's standard: append-only history, the latest counts. `evidence_ids` (JSON) is what it rested on. */
export interface StandardConfirmationsTable {
  id: string;
  unit_id: string;
  standard: string;
  decision: 'met' | 'not_met';
  reason: string;
  evidence_ids: string;
  by_account: string | null;
  by_name: string;
  created_at: string;
}

/** 考核指标: level 1 a category (阵地建设…), level 2 an item with its content, standard and points. */
export interface AssessmentIndicatorsTable {
  id: string;
  institute_id: string;
  parent_id: string | null;
  level: number;
  title: string;
  content: string;
  standard: string;
  /** Whole points (items); 0 for a category, whose points are its items'. */
  max_points: number;
  mode: 'auto' | 'manual';
  auto_kind: string | null;
  /** JSON: the automatic kind's parameters. */
  params: string;
  sort: number;
  archived: number;
  created_at: string;
  updated_at: string;
}

export interface AssessmentPeriodsTable {
  id: string;
  institute_id: string;
  kind: 'month' | 'quarter' | 'year';
  label: string;
  starts_on: string;
  ends_on: string;
  self_deadline: string;
  status: 'open' | 'reviewing' | 'published';
  /** JSON: the indicator tree as it was when the period opened. */
  tree: string;
  opened_by: string | null;
  opened_at: string;
  published_at: string | null;
  updated_at: string;
}

export interface AssessmentPeriodLogTable {
  id: string;
  period_id: string;
  from_status: string | null;
  to_status: string;
  by_account: string | null;
  at: string;
}

/** Append-only: the latest row per (period, station, indicator, stage) counts. Points in tenths. */
export interface AssessmentScoresTable {
  id: string;
  period_id: string;
  station_id: string;
  indicator_id: string;
  stage: 'self' | 'review' | 'auto';
  /** 1, 2, … per (period, station, indicator, stage); the highest counts. Unique, so two writes at once cannot both be "the latest". */
  version: number;
  points: number;
  note: string | null;
  evidence_file_ids: string;
  citations: string | null;
  by_account: string | null;
  at: string;
}

export interface AssessmentSubmissionsTable {
  id: string;
  period_id: string;
  station_id: string;
  by_account: string | null;
  at: string;
}

/** Written in the publishing transaction: total (tenths), rank and per-category subtotals (JSON). */
export interface AssessmentResultsTable {
  id: string;
  period_id: string;
  station_id: string;
  total: number;
  rank: number;
  subtotals: string;
  published_at: string;
}

/** 群众需求信息采集: one need recorded by a station. Evidence: never updated; withdrawn by a `needs_withdrawals` row. */
export interface NeedsRecordsTable {
  id: string;
  station_id: string;
  collected_on: string;
  method: 'visit' | 'survey' | 'forum' | 'phone' | 'other';
  place: string;
  collector_id: string | null;
  collector_name: string;
  respondent_name: string;
  respondent_phone: string | null;
  care_recipient_id: string | null;
  category: string;
  description: string;
  people: number;
  created_at: string;
}

/** A needs record withdrawn (at most once) with the reason. */
export interface NeedsWithdrawalsTable {
  id: string;
  record_id: string;
  reason: string;
  by_account: string | null;
  by_name: string;
  created_at: string;
}

/** 活动计划: an institute's monthly or quarterly activity plan, passed down to its stations on publishing. */
export interface ActivityPlansTable {
  id: string;
  institute_id: string;
  period_kind: 'month' | 'quarter';
  period_label: string;
  period_start: string;
  period_end: string;
  title: string;
  status: 'draft' | 'published';
  published_at: string | null;
  published_by: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** An item of a plan; `station_ids` is a JSON array of target stations when `all_stations` is 0. */
export interface ActivityPlanItemsTable {
  id: string;
  plan_id: string;
  seq: number;
  title: string;
  programme_id: string | null;
  category: string | null;
  suggested_date: string | null;
  description: string | null;
  all_stations: number;
  station_ids: string;
  created_at: string;
}

/** One item passed down to one station, and the station's answer. Held is read from the linked activity. */
export interface ActivityPlanAssignmentsTable {
  id: string;
  plan_id: string;
  item_id: string;
  station_id: string;
  status: 'pending' | 'accepted' | 'linked' | 'not_held';
  note: string | null;
  activity_id: string | null;
  reason: string | null;
  created_at: string;
  updated_at: string;
}

/** The history of an assignment's answers: one row per change, never updated. */
export interface ActivityPlanEventsTable {
  id: string;
  assignment_id: string;
  from_status: string;
  to_status: string;
  note: string | null;
  activity_id: string | null;
  by_account: string | null;
  by_name: string;
  created_at: string;
}

// points

/**
 * What moved a volunteer's points. Issue: approved hours, an activity bonus, a good rating, a staff
 * grant or deduction, a correction of any of those. Spend: a redemption and its refund. Expire: expiry.
 */
export type PointKind = 'hours' | 'activity_bonus' | 'order_rating' | 'grant' | 'deduct' | 'correction' | 'redeem' | 'redeem_refund' | 'expire';

/** One movement of a volunteer's points, signed. Append-only: a correction is a counter-entry with `corrects_id`. */
export interface PointEntriesTable {
  id: string;
  volunteer_id: string;
  /** The unit the movement belongs to (the station that approved the hours, the shop's unit…): scope and reports. */
  unit_id: string;
  kind: PointKind;
  points: number;
  /** The record behind the movement ('service_record', 'activity', 'order', 'redemption'…), null for a manual grant. */
  source_type: string | null;
  source_id: string | null;
  corrects_id: string | null;
  reason: string | null;
  /** For earned points under a yearly-expiry rule: the day they lapse (YYYY-MM-DD); null when they never do. */
  expires_on: string | null;
  created_by: string | null;
  created_at: string;
}

/** A volunteer's running totals, changed in the same transaction as each entry; never negative. */
export interface PointBalancesTable {
  volunteer_id: string;
  balance: number;
  /** Σ issue-kind entries (net of their corrections). */
  issued: number;
  /** Σ −(redeem + redeem_refund). */
  spent: number;
  /** Σ −expire. */
  expired: number;
  updated_at: string;
}

// several processes

/** The login rate limit's count for one key in one fixed window (start in epoch ms). */
export interface RateHitsTable {
  key: string;
  window_start: number;
  hits: number;
  /** When the window closes (epoch ms): the row is kept until then, whatever the window's length. */
  window_end: number;
}

/** A named lease (the tick): one holder at a time until `expires_at`, renewed by the holder. */
export interface LeasesTable {
  name: string;
  holder: string;
  expires_at: string;
}

// campaigns

export interface CampaignsTable {
  id: string;
  institute_id: string;
  year: number;
  kind: string;
  title: string;
  criteria: string;
  /** JSON array of strings. */
  criteria_items: string;
  nominate_from: string;
  nominate_until: string;
  quota_per_station: number | null;
  status: 'open' | 'notice' | 'final';
  published_at: string | null;
  notice_ends_on: string | null;
  finalised_at: string | null;
  created_by: string | null;
  created_at: string;
}

export interface CampaignNominationsTable {
  id: string;
  campaign_id: string;
  station_id: string;
  nominee_name: string;
  address: string | null;
  members: number | null;
  gender: string | null;
  age_band: string | null;
  deeds: string;
  evidence: string;
  /** JSON array of file ids. */
  photo_file_ids: string;
  consent_recorded_by: string;
  consent_on: string;
  created_by: string | null;
  created_by_name: string;
  created_at: string;
}

export interface CampaignWithdrawalsTable {
  id: string;
  nomination_id: string;
  reason: string;
  by_account: string | null;
  by_name: string;
  created_at: string;
}

export interface CampaignDecisionsTable {
  id: string;
  nomination_id: string;
  selected: number;
  reason: string;
  by_account: string | null;
  by_name: string;
  created_at: string;
}

export interface CampaignObjectionsTable {
  id: string;
  campaign_id: string;
  nomination_id: string;
  name: string | null;
  contact: string;
  content: string;
  created_at: string;
}

export interface CampaignObjectionResolutionsTable {
  id: string;
  objection_id: string;
  upheld: number;
  reply: string;
  by_account: string | null;
  by_name: string;
  created_at: string;
}

/** 表彰: an award to one volunteer or one team; append-only, revoked by a counter-row. */
export interface RecognitionAwardsTable {
  id: string;
  number: string;
  recipient_kind: 'volunteer' | 'team';
  volunteer_id: string | null;
  team_id: string | null;
  /** The recipient's station (a volunteer) or the team's unit: whose staff see and manage it. */
  unit_id: string;
  recipient_name: string;
  title: string;
  level: string;
  /** The granting unit as written on the certificate (e.g. 马鞍街道办事处). */
  granted_by: string;
  awarded_on: string;
  reason: string;
  created_by: string | null;
  created_at: string;
}

export interface RecognitionRevocationsTable {
  id: string;
  award_id: string;
  reason: string;
  revoked_by: string | null;
  revoked_at: string;
}

/** 礼遇: what a star level gives, per institute. */
export interface RecognitionBenefitsTable {
  id: string;
  unit_id: string;
  title: string;
  description: string;
  provider: string;
  min_level: number;
  valid_from: string | null;
  valid_to: string | null;
  active: number;
  created_at: string;
  updated_at: string;
}

/** A volunteer's consent to public lists; the latest row is in force. */
export interface RecognitionConsentsTable {
  id: string;
  volunteer_id: string;
  status: 'masked' | 'full_name' | 'withdrawn';
  by_self: number;
  note: string | null;
  recorded_by: string | null;
  at: string;
}

// market (爱心超市)

/** A shop run by an institute or a station. Opening days: ISO weekdays (1 = Monday) and extra dates, JSON text. */
export interface MarketShopsTable {
  id: string;
  unit_id: string;
  /** The institute above (or equal to) the unit: donors, rules and the reconciliation are per institute. */
  institute_id: string;
  name: string;
  open_weekdays: string;
  open_dates: string;
  address: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Goods of a shop. `on_hand` is the stock counter, moved only with a stock entry in the same transaction; never negative. */
export interface MarketGoodsTable {
  id: string;
  shop_id: string;
  name: string;
  /** 袋, 桶, 瓶… */
  unit_label: string;
  photo_file_id: string | null;
  price_points: number;
  /** Per person per month; 0 = no limit. */
  monthly_limit: number;
  active: number;
  on_hand: number;
  created_at: string;
  updated_at: string;
}

export type MarketDonorKind = 'resident' | 'company' | 'organisation';
export interface MarketDonorsTable {
  id: string;
  institute_id: string;
  kind: MarketDonorKind;
  name: string;
  contact: string | null;
  created_by: string | null;
  created_at: string;
}

export type MarketIntakeKind = 'donation' | 'purchase';
/** Goods coming in: a donation (donor, estimated value) or a purchase (supplier, cost). Its items are stock entries. */
export interface MarketIntakesTable {
  id: string;
  shop_id: string;
  kind: MarketIntakeKind;
  receipt_no: string;
  donor_id: string | null;
  supplier: string | null;
  value_fen: number;
  received_on: string;
  note: string | null;
  created_by: string | null;
  created_at: string;
}

export type MarketReservationStatus = 'reserved' | 'collected' | 'cancelled' | 'expired';
export interface MarketReservationsTable {
  id: string;
  code: string;
  shop_id: string;
  goods_id: string;
  volunteer_id: string;
  quantity: number;
  points: number;
  /** YYYY-MM (China time) of the reservation: the per-month limit counts it there. */
  month: string;
  status: MarketReservationStatus;
  channel: 'self' | 'staff';
  pickup_on: string;
  expires_at: string;
  created_by: string | null;
  created_at: string;
  closed_by: string | null;
  closed_at: string | null;
  reason: string | null;
}

export type MarketStockKind = 'donation' | 'purchase' | 'redemption' | 'redemption_return' | 'handout' | 'loss' | 'expiry';
/** One movement of a goods' stock, signed. Append-only. */
export interface MarketStockEntriesTable {
  id: string;
  shop_id: string;
  goods_id: string;
  kind: MarketStockKind;
  quantity: number;
  /** 'intake' or 'reservation'; null for a hand-out, loss or expiry. */
  source_type: string | null;
  source_id: string | null;
  care_recipient_id: string | null;
  reason: string | null;
  created_by: string | null;
  created_at: string;
}

/** 成果展示: one item of a unit's showcase; `media` is JSON [{fileId, caption}] in display order. */
export interface ShowcaseItemsTable {
  id: string;
  unit_id: string;
  kind: string;
  title: string;
  description: string | null;
  cover_file_id: string | null;
  media: string;
  activity_id: string | null;
  programme_id: string | null;
  sort: number;
  featured: number;
  status: 'draft' | 'published' | 'withdrawn';
  published_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A volunteer or resident an item shows, with the recorded consent or masked. Append-only. */
export interface ShowcasePeopleTable {
  id: string;
  item_id: string;
  /** Order in the list as entered. */
  position: number;
  name: string;
  kind: 'volunteer' | 'resident';
  masked: number;
  consent_recorded_by: string | null;
  consent_on: string | null;
  consent_scope: string | null;
  created_by: string | null;
  created_at: string;
}

/** A person taken off an item's list (the list was replaced). Append-only. */
export interface ShowcasePeopleRemovalsTable {
  person_id: string;
  by_account: string | null;
  created_at: string;
}

/** A withdrawal of a published item, with its reason. Append-only. */
export interface ShowcaseWithdrawalsTable {
  id: string;
  item_id: string;
  reason: string;
  by_account: string | null;
  by_name: string;
  created_at: string;
}

// news
/** A news item of a unit: the one mutable row (edits and status moves audited). */
export interface NewsItemsTable {
  id: string;
  unit_id: string;
  title: string;
  category: 'work' | 'activity' | 'volunteer' | 'notice';
  /** Sanitised on write (sanitize-html allow-list); stored as sanitised. */
  body_html: string;
  summary: string | null;
  cover_file_id: string | null;
  /** JSON array of the upload ids the body's images show. */
  image_file_ids: string;
  activity_id: string | null;
  programme_id: string | null;
  status: 'draft' | 'published' | 'withdrawn';
  published_at: string | null;
  published_by: string | null;
  published_by_name: string | null;
  withdrawn_at: string | null;
  withdraw_reason: string | null;
  created_by: string | null;
  created_by_name: string;
  created_at: string;
  updated_at: string;
}

/** 信息报送: one row per transition, numbered per item (unique), append-only. */
export interface NewsSubmissionsTable {
  id: string;
  news_id: string;
  unit_id: string;
  seq: number;
  status: 'submitted' | 'adopted' | 'returned';
  reason: string | null;
  by_account: string | null;
  by_name: string;
  created_at: string;
}

/** 个人信息删除请求 (PIPL 47): one row per request, numbered per person; append-only. */
export interface PrivacyRequestsTable {
  id: string;
  person_id: string;
  /** The station (or institute) whose admins process it. */
  unit_id: string;
  round: number;
  kind: 'deletion';
  reason: string | null;
  requested_by: string;
  created_at: string;
}

/** The one decision on a request (primary key = request id); append-only. */
export interface PrivacyDecisionsTable {
  request_id: string;
  decision: 'approved' | 'rejected';
  reason: string | null;
  by_account: string;
  by_name: string;
  created_at: string;
}

/** A signed checkpoint of the audit chain an institute admin exported (seq, hash of that row). Append-only. */
export interface AuditCheckpointsTable {
  id: string;
  seq: number;
  hash: string;
  at: string;
  signature: string;
  key_fingerprint: string;
  issued_by: string | null;
}

/** Two-factor login (TOTP) of an account: the sealed secret; enabled once a code confirmed it. */
export interface AccountTotpTable {
  account_id: string;
  /** AES-256-GCM (config key `encryption`) of the base32 secret. */
  secret_sealed: string;
  enabled_at: string | null;
  /** The last 30-second step accepted: a code is good once. */
  last_step: number | null;
  created_at: string;
  updated_at: string;
}

/** Recovery codes, ten per enrolment, each usable once; stored as an HMAC (config key `index`). */
export interface AccountRecoveryCodesTable {
  id: string;
  account_id: string;
  code_hmac: string;
  used_at: string | null;
  created_at: string;
}

/** The pending second login step: the password was right, a code is still owed. */
export interface LoginChallengesTable {
  /** SHA-256 of the token handed to the browser. */
  id: string;
  account_id: string;
  attempts: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  ip: string | null;
}

/**
 * Who sees a service record: one row per unit that does (its organising unit, the volunteer's station
 * and every ancestor of either, once each), in the hours list's order, with the record's status.
 * Written with the record; only the decision of a pending row may change it (a trigger refuses the rest).
 */
export interface ServiceRecordUnitsTable {
  record_id: string;
  unit_id: string;
  service_date: string;
  entered_at: string;
  status: 'pending' | 'approved' | 'rejected';
}

/** A volunteer's running hours, moved in the same transaction as each ledger entry and decision (verify-totals checks them). */
export interface VolunteerTotalsTable {
  volunteer_id: string;
  /** The volunteer's station (never changes): the talent pool's hours filter reads a street's band by it. Null only before migration 0032 filled it. */
  station_id: string | null;
  /** Σ minutes of approved records, corrections included (signed): the star level's input. */
  approved_minutes: number;
  /** Σ minutes of records waiting for a decision. */
  pending_minutes: number;
  updated_at: string;
}
