import { Tooltip } from 'antd';
import { RECORD_SOURCES, RECORD_STATUSES, type ServiceRecordView } from '../../../shared/hours';
import { STAR_NAMES } from '../../../shared/rules/stars';
import { VOLUNTEER_STATUSES, type VolunteerStatus } from '../../../shared/volunteers';
import { type Tone, ToneTag } from '../components/tags';

const VOLUNTEER_TONE: Record<VolunteerStatus, Tone> = { reviewing: 'gold', certified: 'green', rejected: 'red', suspended: 'grey', exited: 'grey' };

export function VolunteerStatusTag({ status }: { status: VolunteerStatus }) {
  return <ToneTag tone={VOLUNTEER_TONE[status]}>{VOLUNTEER_STATUSES[status]}</ToneTag>;
}

/** ★★ 二星; 未定级 when no threshold is reached yet. */
export function StarTag({ level }: { level: number }) {
  if (level <= 0) return <ToneTag tone="grey">未定级</ToneTag>;
  return (
    <ToneTag tone="gold">
      <span aria-hidden="true">{'★'.repeat(level)} </span>
      {STAR_NAMES[level]}
    </ToneTag>
  );
}

const RECORD_TONE: Record<ServiceRecordView['status'], Tone> = { pending: 'gold', approved: 'green', rejected: 'red' };

export function RecordStatusTag({ status }: { status: ServiceRecordView['status'] }) {
  return <ToneTag tone={RECORD_TONE[status]}>{RECORD_STATUSES[status]}</ToneTag>;
}

const SOURCE_TONE: Record<ServiceRecordView['source'], Tone> = { verified: 'green', backfilled: 'blue', correction: 'grey' };

export function SourceTag({ source }: { source: ServiceRecordView['source'] }) {
  return <ToneTag tone={SOURCE_TONE[source]}>{RECORD_SOURCES[source]}</ToneTag>;
}

/** 办法 第十一条: a record entered after the deadline needs the institute's review. */
export function LateTag() {
  return (
    <Tooltip title="超过活动结束后 10 个工作日的录入期限（《志愿服务记录与证明出具办法（试行）》第十一条）">
      <span>
        <ToneTag tone="red" wrap>
          逾期录入，需实践所审核
        </ToneTag>
      </span>
    </Tooltip>
  );
}

/** Why a record was flagged for a closer look (besides 逾期录入, which has its own tag). */
const FLAGS: Record<string, { label: string; hint: string }> = {
  auto_closed: { label: '未签退', hint: '志愿者忘记签退，按活动结束时间计算，请核实后再认定' },
};

export function FlagTag({ flag }: { flag: string | null }) {
  if (!flag || flag === 'late_entry') return null;
  const known = FLAGS[flag];
  return (
    <Tooltip title={known?.hint}>
      <span>
        <ToneTag tone="gold" wrap>
          {known?.label ?? flag}
        </ToneTag>
      </span>
    </Tooltip>
  );
}

/** 3.5 → "3.5 小时"; hours as people write them. */
export function hoursText(h: number, signed = false): string {
  const rounded = Math.round(h * 10) / 10;
  return `${signed && rounded > 0 ? '+' : ''}${rounded} 小时`;
}
