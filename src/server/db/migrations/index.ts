import type { Migration } from 'kysely';
import * as m20261128_0001 from './20261128_0001_foundation';
import * as m20261128_0002 from './20261128_0002_volunteers_hours';
import * as m20261128_0003 from './20261128_0003_activities';
import * as m20261128_0004 from './20261128_0004_orders_care';
import * as m20261129_0005 from './20261129_0005_funds';
import * as m20261129_0006 from './20261129_0006_meetings';
import * as m20261129_0007 from './20261129_0007_training';
import * as m20261129_0008 from './20261129_0008_plan';
import * as m20261129_0009 from './20261129_0009_standards';
import * as m20261129_0010 from './20261129_0010_assessment';
import * as m20261129_0011 from './20261129_0011_needs';
import * as m20261129_0012 from './20261129_0012_training_signin';
import * as m20261129_0013 from './20261129_0013_points';
import * as m20261129_0015 from './20261129_0015_market';
import * as m20261129_0016 from './20261129_0016_recognition';
import * as m20261129_0017 from './20261129_0017_campaigns';
import * as m20261129_0018 from './20261129_0018_processes';
import * as m20261129_0019 from './20261129_0019_news';
import * as m20261129_0020 from './20261129_0020_showcase';
import * as m20261130_0021 from './20261130_0021_audit_checkpoints';
import * as m20261130_0022 from './20261130_0022_totp';
import * as m20261130_0023 from './20261130_0023_privacy';
import * as m20261130_0025 from './20261130_0025_care_sealed';
import * as m20261130_0026 from './20261130_0026_audit_sequencer';
import * as m20261130_0027 from './20261130_0027_street_code';
import * as m20261130_0028 from './20261130_0028_ledger_scope';
import * as m20261130_0029 from './20261130_0029_orders_sealed_contact';
import * as m20261130_0030 from './20261130_0030_district_indexes';
import * as m20261130_0031 from './20261130_0031_summary_indexes';
import * as m20261130_0032 from './20261130_0032_totals_station';
import * as m20261130_0033 from './20261130_0033_volunteer_contacts_sealed';

/** Every migration in order. Add new ones at the end; never edit a landed one. */
export const migrations: Record<string, Migration> = {
  '20261128_0001_foundation': m20261128_0001,
  '20261128_0002_volunteers_hours': m20261128_0002,
  '20261128_0003_activities': m20261128_0003,
  '20261128_0004_orders_care': m20261128_0004,
  '20261129_0005_funds': m20261129_0005,
  '20261129_0006_meetings': m20261129_0006,
  '20261129_0007_training': m20261129_0007,
  '20261129_0008_plan': m20261129_0008,
  '20261129_0009_standards': m20261129_0009,
  '20261129_0010_assessment': m20261129_0010,
  '20261129_0011_needs': m20261129_0011,
  '20261129_0012_training_signin': m20261129_0012,
  '20261129_0013_points': m20261129_0013,
  '20261129_0015_market': m20261129_0015,
  '20261129_0016_recognition': m20261129_0016,
  '20261129_0017_campaigns': m20261129_0017,
  '20261129_0018_processes': m20261129_0018,
  '20261129_0019_news': m20261129_0019,
  '20261129_0020_showcase': m20261129_0020,
  '20261130_0021_audit_checkpoints': m20261130_0021,
  '20261130_0022_totp': m20261130_0022,
  '20261130_0023_privacy': m20261130_0023,
  '20261130_0025_care_sealed': m20261130_0025,
  '20261130_0026_audit_sequencer': m20261130_0026,
  '20261130_0027_street_code': m20261130_0027,
  '20261130_0028_ledger_scope': m20261130_0028,
  '20261130_0029_orders_sealed_contact': m20261130_0029,
  '20261130_0030_district_indexes': m20261130_0030,
  '20261130_0031_summary_indexes': m20261130_0031,
  '20261130_0032_totals_station': m20261130_0032,
  '20261130_0033_volunteer_contacts_sealed': m20261130_0033,
};
