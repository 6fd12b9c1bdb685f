import { describe, expect, it } from 'vitest';
import { type AutoFacts, finalTenths, monthsOf, type OrderFact, rankByTotal, scoreAuto, shareOf, validateManualPoints } from './assessment';

const empty: AutoFacts = {
  months: ['2026-07', '2026-08', '2026-09'],
  activities: [],
  orders: [],
  staff: [],
  volunteers: [],
  summaries: [],
  standards: [],
  news: [],
};
const act = (id: string, month: string) => ({ id, title: `活动${id}`, startsAt: `${month}-10T01:00:00.000Z`, month });
const order = (id: string, o: Partial<OrderFact> = {}): OrderFact => ({
  id,
  number: `D${id}`,
  title: '助老',
  createdAt: '2026-08-01T01:00:00.000Z',
  completed: false,
  onTime: null,
  rating: null,
  ...o,
});

describe('activity months', () => {
  it('scores the share of months with an activity and cites every held activity', () => {
    const f = { ...empty, activities: [act('a', '2026-07'), act('b', '2026-07'), act('c', '2026-09')] };
    const s = scoreAuto('activity_months', f, {}, 10);
    expect(s.tenths).toBe(67);
    expect(s.explanation).toBe('3 个月中 2 个月开展了活动（共 3 次），得 6.7/10 分');
    expect(s.citations.map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(s.citations.every((c) => c.kind === 'activity')).toBe(true);
  });
  it('asks for more per month when the institute says so', () => {
    const f = { ...empty, activities: [act('a', '2026-07'), act('b', '2026-07'), act('c', '2026-09')] };
    expect(scoreAuto('activity_months', f, { perMonth: 2 }, 9).tenths).toBe(30);
  });
  it('gives nothing without activities', () => {
    expect(scoreAuto('activity_months', empty, {}, 10)).toMatchObject({ tenths: 0, citations: [] });
  });
});

describe('orders', () => {
  const orders = [
    order('1', { completed: true, onTime: true, rating: 5 }),
    order('2', { completed: true, onTime: false, rating: 3 }),
    order('3', { onTime: true }),
    order('4'),
  ];
  it('completion: completed over received', () => {
    const s = scoreAuto('orders_completed', { ...empty, orders }, {}, 15);
    expect(s.tenths).toBe(75);
    expect(s.citations.map((c) => c.id)).toEqual(['1', '2', '3', '4']);
  });
  it('on time: taken within the deadline over those dispatched', () => {
    const s = scoreAuto('orders_on_time', { ...empty, orders }, {}, 10);
    expect(s.tenths).toBe(67);
    expect(s.citations.map((c) => c.id)).toEqual(['1', '2', '3']);
  });
  it('rating: the average from zeroAt to fullAt, citing only rated orders', () => {
    const s = scoreAuto('resident_rating', { ...empty, orders }, {}, 20);
    // average 4 → (4-1)/(5-1) = 0.75
    expect(s.tenths).toBe(150);
    expect(s.explanation).toContain('2 个评价平均 4.0 星');
    expect(s.citations.map((c) => c.id)).toEqual(['1', '2']);
  });
  it('no orders: zero, said so', () => {
    expect(scoreAuto('orders_completed', empty, {}, 15)).toMatchObject({ tenths: 0, explanation: '本期未收到群众点单，得 0/15 分' });
    expect(scoreAuto('resident_rating', empty, {}, 15).tenths).toBe(0);
    expect(scoreAuto('orders_on_time', empty, {}, 15).tenths).toBe(0);
  });
});

describe('training, volunteers and summaries', () => {
  it('training coverage cites each session once with who attended', () => {
    const t = { id: 's1', topic: '业务培训', startsAt: '2026-08-01T01:00:00.000Z' };
    const staff = [
      { accountId: 'x', name: '甲', sessions: [t] },
      { accountId: 'y', name: '乙', sessions: [t] },
      { accountId: 'z', name: '丙', sessions: [] },
    ];
    const s = scoreAuto('training_coverage', { ...empty, staff }, {}, 6);
    expect(s.tenths).toBe(40);
    expect(s.citations).toEqual([{ kind: 'training_session', id: 's1', label: '业务培训（参训：甲、乙）', at: t.startsAt }]);
    expect(scoreAuto('training_coverage', empty, {}, 6).tenths).toBe(0);
  });
  it('信息报送采用: adopted items over the target, capped, each cited', () => {
    const n = (id: string) => ({ id, title: `信息${id}`, adoptedAt: '2026-11-10T02:00:00Z' });
    const one = scoreAuto('news_adopted', { ...empty, news: [n('a')] }, { target: 2 }, 10);
    expect([one.tenths, one.citations.map((c) => [c.kind, c.id])]).toEqual([50, [['news', 'a']]]);
    expect(scoreAuto('news_adopted', { ...empty, news: [n('a'), n('b'), n('c')] }, {}, 10).tenths).toBe(100);
    expect(scoreAuto('news_adopted', empty, {}, 10).explanation).toBe('信息报送被采用 0 篇（目标 2 篇），得 0/10 分');
  });

  it('volunteer growth is capped at the target', () => {
    const v = (id: string) => ({ id, name: id, certifiedAt: '2026-08-01T00:00:00.000Z' });
    expect(scoreAuto('volunteer_growth', { ...empty, volunteers: [v('a'), v('b')] }, { target: 4 }, 8).tenths).toBe(40);
    expect(scoreAuto('volunteer_growth', { ...empty, volunteers: [v('a'), v('b')] }, { target: 1 }, 8).tenths).toBe(80);
  });
  it('summaries: on time over ended, late and missing cost points', () => {
    const s = (id: string, summarisedAt: string | null, late: boolean) => ({ id, title: id, endsAt: '2026-08-01T00:00:00.000Z', summarisedAt, late });
    const r = scoreAuto(
      'summaries_on_time',
      { ...empty, summaries: [s('a', '2026-08-02', false), s('b', '2026-08-20', true), s('c', null, false), s('d', '2026-08-02', false)] },
      {},
      8,
    );
    expect(r.tenths).toBe(40);
    expect(r.citations.map((c) => c.label)).toEqual(['a（按时提交）', 'b（逾期提交）', 'c（未提交总结）', 'd（按时提交）']);
  });
});

describe('helpers', () => {
  it('shareOf clamps and rounds to a tenth', () => {
    expect(shareOf(10, 2)).toBe(100);
    expect(shareOf(10, -1)).toBe(0);
    expect(shareOf(10, Number.NaN)).toBe(0);
    expect(shareOf(7, 1 / 3)).toBe(23);
  });
  it('manual points: 0..max in steps of 0.5', () => {
    expect(validateManualPoints(4.5, 5)).toEqual({ tenths: 45 });
    expect(validateManualPoints(0, 5)).toEqual({ tenths: 0 });
    expect(validateManualPoints(5, 5)).toEqual({ tenths: 50 });
    for (const bad of [5.5, -0.5, 1.2, 0.25, Number.NaN, Number.POSITIVE_INFINITY])
      expect(validateManualPoints(bad, 5)).toEqual({ error: 'assessment.bad_points' });
  });
  it('final: review over auto or self; nothing entered counts 0', () => {
    expect(finalTenths({ mode: 'auto', auto: 60, self: null, review: null })).toBe(60);
    expect(finalTenths({ mode: 'auto', auto: 60, self: null, review: 70 })).toBe(70);
    expect(finalTenths({ mode: 'manual', auto: null, self: 30, review: null })).toBe(30);
    expect(finalTenths({ mode: 'manual', auto: null, self: 30, review: 20 })).toBe(20);
    expect(finalTenths({ mode: 'manual', auto: null, self: null, review: null })).toBe(0);
  });
  it('ranking: ties share a rank and the next rank skips', () => {
    const r = rankByTotal([
      { id: 'a', total: 80 },
      { id: 'b', total: 95 },
      { id: 'c', total: 80 },
      { id: 'd', total: 70 },
    ]);
    expect(r.map((x) => [x.id, x.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 2],
      ['d', 4],
    ]);
  });
  it('months of a span', () => {
    expect(monthsOf('2026-07-01', '2026-09-30')).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(monthsOf('2026-11-01', '2027-01-31')).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(monthsOf('2026-01-01', '2026-12-31')).toHaveLength(12);
  });

  it('scores 八有 as the share of standards met (partial counts half) and cites only what the counted standards cite', () => {
    const cite = (id: string) => ({ kind: 'team' as const, id, label: id });
    const standards = [
      { label: '工作人员', status: 'met' as const, reason: '', citations: [cite('post-1')] },
      { label: '志愿队伍', status: 'partial' as const, reason: '', citations: [cite('team-1')] },
      { label: '统一标识', status: 'missing' as const, reason: '', citations: [cite('never')] },
      ...Array.from({ length: 5 }, (_, i) => ({ label: `标准${i}`, status: 'met' as const, reason: '', citations: [] })),
    ];
    const s = scoreAuto('standards_met', { ...empty, standards }, {}, 10);
    // (6 met + 0.5) / 8 of 10 points = 8.125 → 8.1
    expect(s.tenths).toBe(81);
    expect(s.citations.map((c) => c.id)).toEqual(['post-1', 'team-1']);
    expect(s.explanation).toContain('部分达标：志愿队伍');
    expect(s.explanation).toContain('未达标：统一标识');
    expect(scoreAuto('standards_met', empty, {}, 10).tenths).toBe(0);
  });
});
