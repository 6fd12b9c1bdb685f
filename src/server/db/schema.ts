

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
  role: 'district_viewer' | 'institute_admin' | 'station_admin' | 'team_leader' | 'volunteer' | 'resident';
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

/** Append-only, hash-chained. Triggers refuse UPDATE and DELETE on both databases. */
export interface AuditLogTable {
  seq: number;
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
  prev_hash: string;
  hash: string;
}

/** One row: the chain's head. Locking it serialises appends on PostgreSQL. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

