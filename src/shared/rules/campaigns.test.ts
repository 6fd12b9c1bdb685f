import { describe, expect, it } from 'vitest';
import { canNominate, canObject, finaliseBlock, noticeEndsOn, publishBlock } from './campaigns';

const cal = { holidays: ['2026-10-01', '2026-10-02'], makeupWorkdays: ['2026-10-10'] };

describe('campaign rules', () => {
  it('counts the notice in working days, skipping weekends and holidays, counting make-up days', () => {
    // Friday 2026-11-27 + 5 working days → Friday 2026-12-04.
    expect(noticeEndsOn('2026-11-27', 5, cal)).toBe('2026-12-04');
    // Wed 2026-09-30: Oct 1–2 off, Oct 3–4 weekend, Oct 5,6,7,8,9 → 2026-10-09.
    expect(noticeEndsOn('2026-09-30', 5, cal)).toBe('2026-10-09');
    // Thu 2026-10-08: Fri 9, Sat 10 (make-up), Mon 12, Tue 13, Wed 14.
    expect(noticeEndsOn('2026-10-08', 5, cal)).toBe('2026-10-14');
  });

  it('takes nominations only while open and inside the window', () => {
    const c = { status: 'open' as const, nominateFrom: '2026-11-01', nominateUntil: '2026-11-20' };
    expect(canNominate(c, '2026-10-31')).toBe(false);
    expect(canNominate(c, '2026-11-01')).toBe(true);
    expect(canNominate(c, '2026-11-20')).toBe(true);
    expect(canNominate(c, '2026-11-21')).toBe(false);
    expect(canNominate({ ...c, status: 'notice' }, '2026-11-10')).toBe(false);
  });

  it('takes objections during the notice, up to its last day', () => {
    const c = { status: 'notice' as const, noticeEndsOn: '2026-12-04' };
    expect(canObject(c, '2026-12-04')).toBe(true);
    expect(canObject(c, '2026-12-05')).toBe(false);
    expect(canObject({ ...c, status: 'final' }, '2026-12-01')).toBe(false);
  });

  it('finalises only after the notice with no open objections', () => {
    const c = { status: 'notice' as const, noticeEndsOn: '2026-12-04' };
    expect(finaliseBlock({ status: 'open', noticeEndsOn: null }, '2026-12-10', 0)).toBe('not_in_notice');
    expect(finaliseBlock(c, '2026-12-04', 0)).toBe('notice_running');
    expect(finaliseBlock(c, '2026-12-05', 1)).toBe('objections_open');
    expect(finaliseBlock(c, '2026-12-05', 0)).toBeNull();
  });

  it('publishes only when every live nomination is decided and one is selected', () => {
    expect(publishBlock([])).toBe('none_selected');
    expect(
      publishBlock([
        { decided: true, selected: true },
        { decided: false, selected: false },
      ]),
    ).toBe('undecided');
    expect(publishBlock([{ decided: true, selected: false }])).toBe('none_selected');
    expect(publishBlock([{ decided: true, selected: true }])).toBeNull();
  });
});
