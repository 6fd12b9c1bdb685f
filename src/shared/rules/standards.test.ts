import { describe, expect, it } from 'vitest';
import { evaluateStandards, monthsOfYear, type StandardKey, type StandardResult, type UnitFacts } from './standards';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function facts(over: Partial<UnitFacts> = {}): UnitFacts {
  return {
    unit: { id: id(1), name: '金银社区实践站', kind: 'station' },
    staffing: { min: 1, max: 1 },
    staffPosts: [],
    teams: [],
    activities: [],
    months: monthsOfYear('2026-04-15'),
    minPerMonth: 1,
    brand: null,
    documents: [],
    venues: [],
    evidence: [],
    confirmations: {},
    ...over,
  };
}

function of(f: UnitFacts, key: StandardKey): StandardResult {
  const r = evaluateStandards(f).find((x) => x.standard === key);
  if (!r) throw new Error(key);
  return r;
}

const act = (n: number, month: string) => ({ id: id(100 + n), title: `活动${n}`, startsAt: `${month}-10T02:00:00.000Z`, month });
const ev = (n: number, standard: StandardKey, fileIds = [id(500 + n)]) => ({
  id: id(400 + n),
  standard,
  kind: 'signboard' as const,
  note: `证明${n}`,
  fileIds,
  link: null,
  at: '2026-03-01T00:00:00.000Z',
});

describe('the eight standards', () => {
  it('answers all eight in the plan order', () => {
    expect(evaluateStandards(facts()).map((r) => r.standard)).toEqual(['signage', 'venue', 'staff', 'teams', 'rules', 'activities', 'brand', 'showcase']);
  });

  it('an empty unit misses all eight, each saying why', () => {
    for (const r of evaluateStandards(facts())) {
      expect(r.status).toBe('missing');
      expect(r.reason.length).toBeGreaterThan(4);
    }
  });
});

describe('工作人员', () => {
  it('counts staff posts against the staffing rule', () => {
    expect(of(facts(), 'staff')).toMatchObject({ status: 'missing', reason: '要求 1 名工作人员，实有 0 名', source: 'auto' });
    const one = of(facts({ staffPosts: [{ id: id(2), holderName: '张三' }] }), 'staff');
    expect(one.status).toBe('met');
    expect(one.citations).toEqual([{ kind: 'post', id: id(2), label: '工作人员 张三' }]);
  });

  it('is partial below the institute range, met within and above it', () => {
    const inst = { unit: { id: id(1), name: '马鞍街道新时代文明实践所', kind: 'institute' as const }, staffing: { min: 2, max: 3 } };
    const posts = (n: number) => Array.from({ length: n }, (_, i) => ({ id: id(10 + i), holderName: `人${i}` }));
    expect(of(facts({ ...inst, staffPosts: posts(1) }), 'staff')).toMatchObject({ status: 'partial', reason: '要求 2–3 名工作人员，实有 1 名' });
    expect(of(facts({ ...inst, staffPosts: posts(3) }), 'staff').status).toBe('met');
    expect(of(facts({ ...inst, staffPosts: posts(4) }), 'staff')).toMatchObject({ status: 'met', reason: '要求 2–3 名工作人员，实有 4 名（超出配备）' });
  });
});

describe('志愿队伍', () => {
  it('needs a team with members; an empty team is partial', () => {
    expect(of(facts({ teams: [{ id: id(3), name: '金银小队', members: 0 }] }), 'teams').status).toBe('partial');
    const r = of(facts({ teams: [{ id: id(3), name: '金银小队', members: 5 }] }), 'teams');
    expect(r.status).toBe('met');
    expect(r.reason).toContain('社区志愿服务小队 1 支，共 5 名队员');
  });

  it('cites exactly the teams counted', () => {
    const r = of(
      facts({
        teams: [
          { id: id(3), name: '甲', members: 2 },
          { id: id(4), name: '乙', members: 0 },
        ],
      }),
      'teams',
    );
    expect(r.citations.map((c) => c.id)).toEqual([id(3)]);
  });
});

describe('活动项目', () => {
  it('is met when every complete month of the year has a held activity', () => {
    const r = of(facts({ activities: [act(1, '2026-01'), act(2, '2026-02'), act(3, '2026-03')] }), 'activities');
    expect(r.status).toBe('met');
  });

  it('does not count the running month against the unit', () => {
    const r = of(facts({ activities: [act(1, '2026-01'), act(2, '2026-02'), act(3, '2026-03')] }), 'activities');
    expect(r.reason).toContain('本月 0 次');
  });

  it('is partial naming the months short, missing when all are short', () => {
    const p = of(facts({ activities: [act(1, '2026-01'), act(3, '2026-03')] }), 'activities');
    expect(p).toMatchObject({ status: 'partial', reason: '要求每月至少 1 次，2月未达到（2/3 个月达到）' });
    expect(of(facts({ activities: [act(9, '2026-04')] }), 'activities').status).toBe('missing');
  });

  it('honours a higher monthly minimum', () => {
    const r = of(facts({ minPerMonth: 2, activities: [act(1, '2026-01'), act(2, '2026-01'), act(3, '2026-02'), act(4, '2026-03')] }), 'activities');
    expect(r.status).toBe('partial');
    expect(r.reason).toContain('2月、3月未达到');
  });

  it('in January judges the running month only and never calls it missing', () => {
    const jan = monthsOfYear('2026-01-20');
    expect(jan).toEqual({ complete: [], current: '2026-01' });
    expect(of(facts({ months: jan }), 'activities').status).toBe('partial');
    expect(of(facts({ months: jan, activities: [act(1, '2026-01')] }), 'activities').status).toBe('met');
  });

  it('cites exactly the held activities of the judged months', () => {
    const r = of(facts({ activities: [act(1, '2026-01'), act(2, '2026-04'), act(3, '2026-05')] }), 'activities');
    expect(r.citations.map((c) => c.id)).toEqual([id(101), id(102)]);
    expect(r.citations[0]).toMatchObject({ kind: 'activity', label: '活动1', at: '2026-01-10T02:00:00.000Z' });
  });
});

describe('靓丽品牌', () => {
  it('is met with a brand and cites it', () => {
    expect(of(facts(), 'brand').reason).toContain('一社区一特色');
    const r = of(facts({ brand: { unitId: id(1), name: '金银红', updatedAt: '2026-02-01T00:00:00.000Z' } }), 'brand');
    expect(r).toMatchObject({ status: 'met', citations: [{ kind: 'brand', id: id(1), label: '金银红' }] });
  });
});

describe('规范制度', () => {
  const doc = (n: number, type: string) => ({ id: id(200 + n), type, title: `制度${n}`, effectiveOn: '2026-01-01' });

  it('needs the four types; names the ones missing', () => {
    const r = of(facts({ documents: [doc(1, 'leadership'), doc(2, 'team')] }), 'rules');
    expect(r).toMatchObject({ status: 'partial', reason: '缺联席会议、活动开展制度' });
    const all = of(facts({ documents: [doc(1, 'leadership'), doc(2, 'team'), doc(3, 'joint_meeting'), doc(4, 'activities')] }), 'rules');
    expect(all.status).toBe('met');
  });

  it('ignores other documents and cites only the required types', () => {
    const r = of(facts({ documents: [doc(1, 'other'), doc(2, 'leadership')] }), 'rules');
    expect(r.citations.map((c) => c.id)).toEqual([id(202)]);
    expect(of(facts({ documents: [doc(1, 'other')] }), 'rules').status).toBe('missing');
  });
});

describe('办公场所', () => {
  it('is met by a registered venue, cited', () => {
    const r = of(facts({ venues: [{ id: id(7), name: '金银社区党群服务中心' }] }), 'venue');
    expect(r).toMatchObject({ status: 'met', source: 'auto', citations: [{ kind: 'venue', id: id(7), label: '金银社区党群服务中心' }] });
  });

  it('otherwise rests on the institute confirming evidence', () => {
    expect(of(facts(), 'venue').reason).toBe('还没有登记阵地，也没有提交场所证明材料');
    const f = facts({
      evidence: [ev(1, 'venue')],
      confirmations: { venue: { decision: 'met', reason: '借用服务大厅', at: '2026-03-02T00:00:00.000Z', byName: '所长' } },
    });
    expect(of(f, 'venue')).toMatchObject({ status: 'met', source: 'confirmed', reason: '实践所已确认：借用服务大厅' });
  });
});

describe('统一标识 and 成果展示', () => {
  it('evidence alone waits for the institute', () => {
    const r = of(facts({ evidence: [ev(1, 'signage')] }), 'signage');
    expect(r).toMatchObject({ status: 'partial', source: 'confirmed', reason: '已提交 1 项证明材料，待实践所确认' });
  });

  it('the latest confirmation decides; a decline is red with its reason', () => {
    const met = facts({ evidence: [ev(1, 'showcase')], confirmations: { showcase: { decision: 'met', reason: '文化墙已建成', at: 'x', byName: 'a' } } });
    expect(of(met, 'showcase').status).toBe('met');
    const no = facts({ evidence: [ev(1, 'showcase')], confirmations: { showcase: { decision: 'not_met', reason: '照片不清楚', at: 'x', byName: 'a' } } });
    expect(of(no, 'showcase')).toMatchObject({ status: 'missing', reason: '实践所确认未达标：照片不清楚' });
  });

  it('a confirmation without evidence left (all withdrawn) is not met', () => {
    const f = facts({ confirmations: { signage: { decision: 'met', reason: '已挂牌', at: 'x', byName: 'a' } } });
    expect(of(f, 'signage').status).toBe('partial');
  });

  it('cites exactly the files of the evidence for that standard', () => {
    const f = facts({ evidence: [ev(1, 'signage', [id(601), id(602)]), ev(2, 'showcase'), { ...ev(3, 'signage', []), link: 'https://example.com/a' }] });
    expect(of(f, 'signage').citations.map((c) => c.id)).toEqual([id(601), id(602)]);
    expect(of(f, 'signage').citations[0]).toMatchObject({ kind: 'file', label: '标牌：证明1' });
  });
});
