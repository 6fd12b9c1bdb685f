import type { Role } from '../../shared/accounts';
import type { Clock } from './clock';
import type { Config } from './config';
import type { Db } from './db';
import type { Scope } from './scope';

/** What every service function gets: explicit dependencies, no container. */
export interface Deps {
  db: Db;
  dialect: 'sqlite' | 'postgres';
  config: Config;
  clock: Clock;
}

export interface Grant {
  role: Role;
  unitId: string;
  teamId: string | null;
}

/** The signed-in person making a request. */
export interface Actor {
  accountId: string;
  personId: string;
  username: string;
  displayName: string;
  grants: Grant[];
  isStaff: boolean;
  sessionId: string;
}

/** Who asks, from where: what services need to authorise and to write the audit row. */
export interface Ctx {
  actor: Actor;
  /** What the request resolved about the caller once: grants, unit tree, rules, their own records. */
  scope: Scope;
  ip: string;
  requestId: string;
}
