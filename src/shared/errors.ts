/**
 * Every error the API can answer with: a stable code, its HTTP status and the Chinese message the
 * UI shows. The server maps typed errors through this table once; the web client looks codes up
 * here too, so a message is written in exactly one place.
 */
export const ERRORS = {
  'validation.failed': { status: 400, message: '提交的内容有误，请检查后重试' },
  'request.bad_json': { status: 400, message: '请求格式不正确' },
  'request.too_large': { status: 413, message: '提交的内容过大' },
  'request.unsupported_type': { status: 415, message: '不支持的内容类型' },
  'auth.required': { status: 401, message: '请先登录' },
  'auth.session_expired': { status: 401, message: '登录已过期，请重新登录' },
  'auth.invalid_credentials': { status: 401, message: '账号或密码错误' },
  'auth.locked': { status: 423, message: '连续输错密码次数过多，账号已临时锁定，请稍后再试' },
  'auth.disabled': { status: 401, message: '账号或密码错误' },
  'auth.rate_limited': { status: 429, message: '操作过于频繁，请稍后再试' },
  'auth.password_change_required': { status: 403, message: '首次登录或密码已过期，请先修改密码' },
  'auth.wrong_password': { status: 400, message: '当前密码不正确' },
  'csrf.invalid': { status: 403, message: '页面已失效，请刷新后重试' },
  'access.denied': { status: 403, message: '没有权限进行此操作' },
  'password.too_short': { status: 422, message: '密码至少需要 8 个字符' },
  'password.too_long': { status: 422, message: '密码最多 128 个字符' },
  'password.too_simple': { status: 422, message: '密码需包含大写字母、小写字母、数字、符号中的至少三类' },
  'password.common': { status: 422, message: '密码过于常见，容易被猜中，请换一个' },
  'password.contains_username': { status: 422, message: '密码不能包含账号名' },
  'password.reused': { status: 422, message: '新密码不能与最近 5 次使用过的密码相同' },
  'not_found': { status: 404, message: '内容不存在或无权查看' },
  'route.not_found': { status: 404, message: '接口不存在' },
  'org.duplicate_name': { status: 409, message: '同级单位中已有同名单位' },
  'org.bad_parent': { status: 422, message: '上级单位类型不符合要求' },
  'org.post_not_for_unit': { status: 422, message: '这个岗位不属于这一级单位' },
  'org.leading_group_institute_only': { status: 422, message: '领导小组只设在实践所' },
  'org.has_children': { status: 409, message: '该单位下还有下级单位，不能停用' },
  'account.duplicate_username': { status: 409, message: '账号名已被使用' },
  'account.duplicate_phone': { status: 409, message: '手机号已被其他账号使用' },
  'account.role_unit_mismatch': { status: 422, message: '该角色不能设在这一级单位上' },
  'account.self_disable': { status: 409, message: '不能停用自己的账号' },
  'settings.unknown_rule': { status: 404, message: '没有这项规则' },
  'settings.bad_value': { status: 422, message: '规则的取值不符合要求' },
  'volunteer.bad_id_number': { status: 422, message: '证件号码不正确，请核对（身份证号最后一位是校验位）' },
  'volunteer.birth_gender_required': { status: 422, message: '非居民身份证需要填写性别和出生日期' },
  'volunteer.too_young': { status: 422, message: '未满 14 周岁不能登记为志愿者，可以在家长陪同下参加活动' },
  'volunteer.guardian_required': { status: 422, message: '未满 18 周岁需要监护人同意，请填写监护人信息' },
  'volunteer.consent_required': { status: 422, message: '必须有本人同意的记录才能登记（本人在线同意、签字登记表或电话确认）' },
  'volunteer.consent_evidence_required': { status: 422, message: '以签字登记表确认同意的，请上传登记表照片' },
  'volunteer.duplicate': { status: 409, message: '该证件号码或手机号已登记为志愿者' },
  'volunteer.bad_transition': { status: 409, message: '志愿者当前状态下不能进行此操作' },
  'volunteer.reason_required': { status: 422, message: '请填写原因' },
  'volunteer.not_station': { status: 422, message: '请选择一个实践站' },
  'volunteer.password_required': { status: 422, message: '请设置登录密码' },
  'volunteer.not_found_self': { status: 404, message: '您还没有登记为志愿者' },
  'hours.self_approval': { status: 403, message: '不能审核自己的服务记录' },
  'hours.entered_by_approver': { status: 403, message: '录入人不能审核自己录入的记录，请由另一位工作人员审核' },
  'hours.needs_institute': { status: 403, message: '超过录入期限的记录需由实践所审核' },
  'hours.not_pending': { status: 409, message: '该记录已审核，不能再改动；如需更正请提交更正记录' },
  'hours.bad_time': { status: 422, message: '结束时间必须晚于开始时间，单条记录不超过 24 小时' },
  'hours.overlap': { status: 422, message: '该志愿者在这段时间已有服务记录' },
  'hours.future': { status: 422, message: '不能录入未来的服务' },
  'hours.reason_required': { status: 422, message: '不予认定时请填写原因' },
  'hours.not_approved': { status: 409, message: '只能对已认定的记录提交更正' },
  'hours.correction_below_zero': { status: 422, message: '更正后时长不能小于 0' },
  'hours.volunteer_not_certified': { status: 422, message: '只能为已认证的志愿者录入服务记录' },
  'hours.evidence_missing': { status: 422, message: '证明材料不存在或无权使用' },
  'hours.request_closed': { status: 409, message: '该更正申请已处理' },
  'teams.duplicate_name': { status: 409, message: '本单位已有同名队伍' },
  'teams.bad_kind': { status: 422, message: '分队设在实践所，小队设在实践站' },
  'teams.already_member': { status: 409, message: '已经是队员或已提交申请' },
  'teams.not_pending': { status: 409, message: '该申请已处理' },
  'teams.volunteer_not_certified': { status: 422, message: '只有已认证的志愿者可以加入队伍' },
  'certificates.revoked': { status: 409, message: '该证明已作废' },
  'files.too_large': { status: 413, message: '文件不能超过 10 MB' },
  'files.bad_type': { status: 415, message: '只能上传 JPG、PNG 图片或 PDF 文件，且内容须与扩展名一致' },
  'files.missing': { status: 400, message: '请选择要上传的文件' },
  'conflict': { status: 409, message: '数据已被他人修改，请刷新后重试' },
  'service.unavailable': { status: 503, message: '系统暂时无法处理，请稍后再试' },
  'internal': { status: 500, message: '系统出现问题，请稍后再试' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** The body of every error response. */
export interface ErrorBody {
  code: ErrorCode | string;
  message: string;
  requestId?: string;
  /** For validation errors: which field and what is wrong with it, in Chinese. */
  fields?: { path: string; message: string }[];
}

export function messageFor(code: string): string {
  return (ERRORS as Record<string, { message: string }>)[code]?.message ?? ERRORS.internal.message;
}
