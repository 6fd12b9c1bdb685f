/**
 * How points are earned automatically, inside the transaction of the event that earns them (the
 * approval of a service record, the rating of an order). Each credit names its source, and the
 * unique (kind, source) index means a source pays once whatever happens around it.
 */
import { chinaDay } from '../../../shared/china-time';
import { addMonths, minutesText, pointsForMinutes } from '../../../shared/rules/points';
import type { RuleValues } from '../../../shared/settings';
import type { Trx } from '../../platform/db';
import { balanceOf, postPoints } from './points.ledger';
import { entryNet } from './points.queries';
import * as s from './points.statement.queries';

/** The day earned points lapse under the institute's rule, or null when they never do (the default). */
export function expiryOf(rules: RuleValues, at: Date): string | null {
  const months = rules['points.expiryMonths'];
  return months > 0 ? addMonths(chinaDay(at), months) : null;
}

export interface ApprovedRecord {
  recordId: string;
  volunteerId: string;
  unitId: string;
  title: string;
  /** Signed minutes of this record (a correction may be negative). */
  minutes: number;
  /** For a correction: the record it corrects, and that record's net minutes now this one is approved. */
  correctsRecordId: string | null;
  netMinutesOfOriginal: number | null;
}

/**
 * An approved service record earns minutes × rate ÷ 60 points, rounded down. An approved correction
 * moves the original's credit to what the corrected net earns, as a counter-entry of kind
 * `correction`; taking points away never overdraws — what was already spent stays spent, and the
 * entry's reason says how much could be taken.
 */
export async function creditApprovedRecord(trx: Trx, rec: ApprovedRecord, rules: RuleValues, at: Date): Promise<string | null> {
  const rate = rules['points.perApprovedHour'];
  if (!rec.correctsRecordId) {
    const points = pointsForMinutes(rec.minutes, rate);
    if (points <= 0 || (await s.entryBySource(trx, 'hours', 'service_record', rec.recordId))) return null;
    return postPoints(trx, {
      volunteerId: rec.volunteerId,
      unitId: rec.unitId,
      kind: 'hours',
      points,
      sourceType: 'service_record',
      sourceId: rec.recordId,
      reason: `认定服务时长 ${minutesText(rec.minutes)} × 每小时 ${rate} 分（按分钟折算，不足 1 分舍去）`,
      expiresOn: expiryOf(rules, at),
      createdBy: null,
      at,
    });
  }
  const original = await s.entryBySource(trx, 'hours', 'service_record', rec.correctsRecordId);
  if (!original || (await s.entryBySource(trx, 'correction', 'service_record', rec.recordId))) return null;
  const target = pointsForMinutes(rec.netMinutesOfOriginal ?? 0, rate);
  const wanted = target - (await entryNet(trx, original.id));
  const delta = wanted < 0 ? Math.max(wanted, -(await balanceOf(trx, rec.volunteerId))) : wanted;
  if (delta === 0) return null;
  const short = delta !== wanted ? `；余额不足，实扣 ${-delta} 分` : '';
  return postPoints(trx, {
    volunteerId: rec.volunteerId,
    unitId: rec.unitId,
    kind: 'correction',
    points: delta,
    sourceType: 'service_record',
    sourceId: rec.recordId,
    correctsId: original.id,
    reason: `服务记录更正 ${minutesText(rec.minutes)}，更正后 ${minutesText(rec.netMinutesOfOriginal ?? 0)} 应得 ${target} 分${short}`,
    createdBy: null,
    at,
  });
}

/** A rating of 4 stars or more earns the volunteer who did the work the rule's points, once per order. */
export async function creditGoodRating(
  trx: Trx,
  o: { orderId: string; orderNumber: string; volunteerId: string | null; unitId: string; rating: number },
  rules: RuleValues,
  at: Date,
): Promise<string | null> {
  const points = rules['points.perGoodRating'];
  if (!o.volunteerId || o.rating < 4 || points <= 0) return null;
  if (await s.entryBySource(trx, 'order_rating', 'order', o.orderId)) return null;
  return postPoints(trx, {
    volunteerId: o.volunteerId,
    unitId: o.unitId,
    kind: 'order_rating',
    points,
    sourceType: 'order',
    sourceId: o.orderId,
    reason: `需求单 ${o.orderNumber} 获 ${o.rating} 星好评`,
    expiresOn: expiryOf(rules, at),
    createdBy: null,
    at,
  });
}
