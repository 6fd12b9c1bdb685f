/**
 * The default indicator tree, after the plan's headings (五、(二): 阵地建设、队伍建设、活动进展), 100
 * points. Residents' ratings and completed orders weigh more than raw counts; nothing scores logins
 * or clicks. An institute edits its own copy; a period keeps the tree it opened with.
 */
import type { AutoKind } from '../../../shared/rules/assessment';

export interface DefaultItem {
  title: string;
  content: string;
  standard: string;
  maxPoints: number;
  autoKind: AutoKind | null;
  params?: Record<string, number>;
}

export const DEFAULT_TREE: { title: string; items: DefaultItem[] }[] = [
  {
    title: '阵地建设',
    items: [
      {
        title: '阵地标识与功能布局',
        content: '实践站统一挂牌，标识规范；设置理论宣讲、志愿服务、文化活动等功能区并正常开放。',
        standard: '挂牌规范、功能区齐全且正常开放得满分；每缺一项扣 1 分。请上传现场照片。',
        maxPoints: 5,
        autoKind: null,
      },
      {
        title: '制度上墙与台账管理',
        content: '工作制度、志愿服务流程上墙；活动、点单、经费台账完整规范。',
        standard: '制度上墙、台账完整得满分；台账缺失或不规范的，每项扣 1 分。请上传照片或台账。',
        maxPoints: 5,
        autoKind: null,
      },
      {
        title: '“八有”建设标准达标',
        content: '有场所、有队伍、有活动、有项目、有机制、有标识、有成果展示、有制度（工作方案 二、(二)）。',
        standard: '按“八有标准”看板在考核期末的判定：达标一项得全分的 1/8，部分达标得一半（系统按看板计算，看板引用的台账与实践所确认的证明材料即得分依据）。',
        maxPoints: 10,
        autoKind: 'standards_met',
      },
    ],
  },
  {
    title: '队伍建设',
    items: [
      {
        title: '志愿者队伍发展',
        content: '本期新增认证的注册志愿者。',
        standard: '达到目标人数得满分，不足按比例得分（系统按志愿者认证记录计算）。',
        maxPoints: 10,
        autoKind: 'volunteer_growth',
        params: { target: 5 },
      },
      {
        title: '工作人员业务培训',
        content: '本站工作人员本年度参加区中心、实践所组织的业务培训。',
        standard: '全员参训得满分，按参训比例得分（系统按培训出勤记录计算）。',
        maxPoints: 10,
        autoKind: 'training_coverage',
      },
      {
        title: '志愿服务队伍组建',
        content: '组建社区志愿服务小队和专业志愿服务队伍，明确负责人并常态化开展服务。',
        standard: '队伍健全、负责人明确、常态化服务得满分；酌情扣分。请上传队伍名册等材料。',
        maxPoints: 10,
        autoKind: null,
      },
    ],
  },
  {
    title: '活动进展',
    items: [
      {
        title: '按月开展文明实践活动',
        content: '每月至少开展一次文明实践活动。',
        standard: '每月均开展得满分，按开展活动的月份比例得分（系统按活动记录计算）。',
        maxPoints: 10,
        autoKind: 'activity_months',
        params: { perMonth: 1 },
      },
      {
        title: '群众点单办结',
        content: '群众点单（不含驳回、取消）按时办结。',
        standard: '按办结比例得分（系统按点单记录计算）。',
        maxPoints: 12,
        autoKind: 'orders_completed',
      },
      {
        title: '点单按时接单',
        content: '派出的点单在时限内有志愿者接单。',
        standard: '按按时接单比例得分（系统按点单记录计算）。',
        maxPoints: 6,
        autoKind: 'orders_on_time',
      },
      {
        title: '群众满意度',
        content: '群众对点单服务的评价（不含系统默认好评）。',
        standard: '平均 5 星得满分，1 星不得分，其间按比例得分（系统按评价记录计算）。',
        maxPoints: 12,
        autoKind: 'resident_rating',
        params: { fullAt: 5, zeroAt: 1 },
      },
      {
        title: '活动总结按时提交',
        content: '活动结束后按时提交活动总结（服务人数、照片）。',
        standard: '按按时提交比例得分（系统按活动总结记录计算）。',
        maxPoints: 5,
        autoKind: 'summaries_on_time',
      },
      {
        title: '特色品牌活动',
        content: '结合社区实际打造文明实践特色品牌，形成可推广的经验做法。',
        standard: '有特色品牌并获上级推广得满分；有品牌活动得 3 分。请上传材料。',
        maxPoints: 5,
        autoKind: null,
      },
    ],
  },
];
