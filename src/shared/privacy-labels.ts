/** zod-free labels and texts of 个人信息权利, shared by the console and the light /m pages. */
export type PrivacyStatus = 'open' | 'approved' | 'rejected';

export const PRIVACY_STATUS_LABELS: Record<PrivacyStatus, string> = { open: '处理中', approved: '已删除', rejected: '未予删除' };

/** What the name of an anonymised person becomes everywhere. */
export const ERASED_NAME = '已注销用户';

/** What deletion removes and what it keeps, and why: shown before the person asks (PIPL 47). */
export const DELETION_EXPLANATION = [
  '同意后将删除：姓名（改为“已注销用户”）、手机号、证件号码、出生日期、电子邮箱、紧急联系人、监护人、居住区域等个人信息；登录账号停用，已登录的设备全部退出。',
  '将保留但不再指向您本人：志愿服务时长记录、积分与物资台账、审计日志。这些是依照《志愿服务条例》和财务、档案管理规定必须保存的台账，只保留记录本身，不再能识别到您。',
  '工作人员收到申请后处理；法律、行政法规规定的保存期限未满等情形（《个人信息保护法》第四十七条）可以不予删除，并会写明理由。',
];
