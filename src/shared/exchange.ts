/**
 * The exchange formats with the national and provincial volunteer systems, in one place
 * (domain.md, "Exchange formats"). No official template is public: these columns follow the law's
 * required fields and the national system's field dictionary. Change them here only.
 * Every number (ID, phone) is written as text in spreadsheets.
 */
export interface ColumnDef {
  header: string;
  key: string;
  required: boolean;
  /** Shown in the template's note row. */
  hint?: string;
}

const NATIONAL_VOLUNTEERS: ColumnDef[] = [
  { header: '姓名', key: 'name', required: true },
  { header: '证件类型', key: 'idType', required: true, hint: '01 居民身份证；02 港澳通行证；03 台湾通行证；04 护照' },
  { header: '证件号码', key: 'idNumber', required: true, hint: '按文本填写' },
  { header: '手机号码', key: 'phone', required: true, hint: '11 位，按文本填写' },
  { header: '性别', key: 'gender', required: false, hint: '1 男；2 女（身份证自动识别）' },
  { header: '出生日期', key: 'birthDate', required: false, hint: 'YYYY-MM-DD（身份证自动识别）' },
  { header: '民族', key: 'ethnicity', required: false },
  { header: '政治面貌', key: 'politicalStatus', required: false },
  { header: '最高学历', key: 'education', required: false },
  { header: '从业状况', key: 'employment', required: false },
  { header: '居住区域', key: 'residenceArea', required: true, hint: '区县，如 重庆市涪陵区' },
  { header: '服务区域', key: 'station', required: true, hint: '所属实践站名称' },
  { header: '服务类别', key: 'serviceCategories', required: true, hint: '最多 4 个，用顿号分隔' },
  { header: '专业技能/特长', key: 'skills', required: false, hint: '用顿号分隔' },
  { header: '邮箱', key: 'email', required: false },
  { header: '所属队伍', key: 'team', required: false },
  { header: '志愿者编号', key: 'volunteerNo', required: false, hint: '导入时留空，审核通过后生成' },
  { header: '本人同意录入', key: 'consent', required: true, hint: '填“是”，并保留本人签字的登记表' },
];

/**
 * The national volunteer columns exactly (domain.md "Exchange formats"): the full-number export
 * for the national system writes these and no others, so 本人同意录入 stays the last column.
 */
export const NATIONAL_VOLUNTEER_COLUMNS: ColumnDef[] = NATIONAL_VOLUNTEERS;

/**
 * Shijian's roster: the national columns, then its own 志愿者类别 after them (never in between,
 * which would shift the national columns). A national file without it is still read; a new
 * volunteer's row then needs the category filled in.
 */
export const VOLUNTEER_COLUMNS: ColumnDef[] = [
  ...NATIONAL_VOLUNTEERS,
  { header: '志愿者类别', key: 'category', required: false, hint: '从下拉列表选择（本系统字段，新登记必填）' },
];

export const HOURS_COLUMNS: ColumnDef[] = [
  { header: '志愿者姓名', key: 'name', required: true },
  { header: '证件类型', key: 'idType', required: false },
  { header: '证件号码', key: 'idNumber', required: true },
  { header: '志愿者编号', key: 'volunteerNo', required: false },
  { header: '活动/项目名称', key: 'title', required: true },
  { header: '项目编号', key: 'projectNo', required: false },
  { header: '服务日期', key: 'serviceDate', required: true },
  { header: '开始时间', key: 'startTime', required: true },
  { header: '结束时间', key: 'endTime', required: true },
  { header: '服务时长(小时)', key: 'hours', required: true },
  { header: '服务地点', key: 'place', required: false },
  { header: '服务内容', key: 'content', required: false },
  { header: '组织单位', key: 'organiser', required: false },
  { header: '活动负责人', key: 'personInCharge', required: false },
  { header: '录入方式', key: 'entryMethod', required: false, hint: '团体录入 / 个人申请 / 扫码打卡' },
  { header: '备注', key: 'note', required: false },
];

/** ASVS 1.2.10: a cell starting with = + - @ tab or CR would run as a formula in Excel. */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
