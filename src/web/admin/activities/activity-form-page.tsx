import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Col,
  DatePicker,
  Divider,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Result,
  Row,
  Select,
  Skeleton,
  Space,
  Switch,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ACTIVITY_TYPES, type ActivityType } from '../../../shared/activities';
import { PROGRAMME_BLOCKS } from '../../../shared/programmes';
import { ApiError, errorMessage } from '../../lib/api';
import { chinaWallClock, clock, fromChinaWallClock, hoursBetween, hoursText } from '../../lib/activities/time';
import {
  type ActivityView,
  type UpdateActivityInput,
  useActivity,
  useCreateActivity,
  useRoomBookings,
  useTransition,
  useUpdateActivity,
} from '../../lib/queries/activities';
import { useProgrammes } from '../../lib/queries/programmes';
import { useVenues } from '../../lib/queries/venues';
import { hasRole } from '../../lib/session';
import { useTitle } from '../../lib/title';
import { applyServerErrors } from '../form-errors';
import { useAdminSession } from '../session-context';
import { useUnitOptions } from '../components/use-unit-options';
import { useUnits } from '../../lib/queries/org';

const LOCKED = ['in_progress', 'ended', 'summarised', 'cancelled'];
const PICKER_FORMAT = 'YYYY-MM-DD HH:mm';

interface FormValues {
  unitId: string;
  programmeId?: string;
  type: ActivityType;
  title: string;
  content?: string;
  venueId?: string;
  roomId?: string;
  address?: string;
  lng?: number;
  lat?: number;
  geofenceMeters?: number;
  startsAt?: Dayjs;
  endsAt?: Dayjs;
  creditHours?: number;
  positions: { id?: string; name: string; headcount: number }[];
  minAge?: number;
  maxAge?: number;
  requiredSkills: string[];
  insuranceRequired: boolean;
  signupOpensAt?: Dayjs;
  signupClosesAt?: Dayjs;
  cancelCutoffAt?: Dayjs;
  needsApproval: boolean;
  waitlist: boolean;
  contactName?: string;
  contactPhone?: string;
  repeatRule: 'none' | 'weekly' | 'monthly';
  repeatCount?: number;
  scope: 'one' | 'following';
}

/** The picker shows China wall-clock time, whatever zone the browser is in. */
const toIso = (d: Dayjs | undefined | null) => (d ? fromChinaWallClock(d.format('YYYY-MM-DDTHH:mm')) : undefined);
const toPicker = (iso: string | null | undefined) => (iso ? dayjs(chinaWallClock(iso)) : undefined);
const blank = (v: string | undefined | null) => {
  const t = v?.trim();
  return t ? t : undefined;
};

function activityToValues(a: ActivityView): FormValues {
  return {
    unitId: a.unitId,
    programmeId: a.programmeId ?? undefined,
    type: a.type,
    title: a.title,
    content: a.content ?? undefined,
    venueId: a.venueId ?? undefined,
    roomId: a.roomId ?? undefined,
    address: a.address ?? undefined,
    lng: a.lng ?? undefined,
    lat: a.lat ?? undefined,
    geofenceMeters: a.geofenceMeters ?? undefined,
    startsAt: toPicker(a.startsAt),
    endsAt: toPicker(a.endsAt),
    creditHours: a.creditHours,
    positions: a.positions.map((p) => ({ id: p.id, name: p.name, headcount: p.headcount })),
    minAge: a.minAge ?? undefined,
    maxAge: a.maxAge ?? undefined,
    requiredSkills: a.requiredSkills,
    insuranceRequired: a.insuranceRequired,
    signupOpensAt: toPicker(a.signupOpensAt),
    signupClosesAt: toPicker(a.signupClosesAt),
    cancelCutoffAt: toPicker(a.cancelCutoffAt),
    needsApproval: a.needsApproval,
    waitlist: a.waitlist,
    contactName: a.contactName ?? undefined,
    contactPhone: a.contactPhone ?? undefined,
    repeatRule: 'none',
    scope: 'one',
  };
}

/** `/admin/activities/new` and `/admin/activities/:id/edit`. */
export default function ActivityFormPage() {
  const { id = '' } = useParams();
  const editing = !!id;
  const activity = useActivity(id, editing);
  useTitle(editing ? `修改活动${activity.data ? `：${activity.data.title}` : ''}` : '新建活动');

  if (editing && activity.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (editing && activity.error) {
    const missing = activity.error instanceof ApiError && (activity.error.status === 404 || activity.error.status === 403);
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={<h1 style={{ fontSize: 24, margin: 0 }}>{missing ? '活动不存在或无权查看' : '活动加载失败'}</h1>}
        subTitle={activity.error.message}
        extra={<Link to="/admin/activities">返回活动</Link>}
      />
    );
  }
  if (editing && activity.data && (!activity.data.canManage || LOCKED.includes(activity.data.status))) {
    return (
      <Result
        status="warning"
        title={<h1 style={{ fontSize: 24, margin: 0 }}>这个活动现在不能修改</h1>}
        subTitle={activity.data.canManage ? '活动已开始、已结束或已取消。' : '只有活动所属单位的管理员可以修改。'}
        extra={<Link to={`/admin/activities/${id}`}>返回活动详情</Link>}
      />
    );
  }
  return <ActivityForm activity={editing ? activity.data : undefined} />;
}

function ActivityForm({ activity }: { activity?: ActivityView }) {
  const session = useAdminSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const programmes = useProgrammes();
  const venues = useVenues();
  const create = useCreateActivity();
  const update = useUpdateActivity();
  const transition = useTransition();
  const [error, setError] = useState<string | null>(null);
  const creditTouched = useRef(!!activity);
  const editing = !!activity;
  const isAdmin = hasRole(session, 'institute_admin', 'station_admin');

  const units = useUnits();
  const { options: unitOptions } = useUnitOptions({ kinds: ['institute', 'station'] });
  const defaultUnit = useMemo(() => {
    const station = session.roles.find((r) => unitOptions.some((o) => o.value === r.unitId) && r.role !== 'volunteer' && r.role !== 'resident');
    return station?.unitId ?? unitOptions[0]?.value;
  }, [session.roles, unitOptions]);

  const initialValues = useMemo<Partial<FormValues>>(
    () =>
      activity
        ? activityToValues(activity)
        : {
            type: 'service',
            positions: [{ name: '志愿者', headcount: 10 }],
            requiredSkills: [],
            insuranceRequired: false,
            needsApproval: false,
            waitlist: true,
            repeatRule: 'none',
            repeatCount: 4,
            scope: 'one',
          },
    [activity],
  );

  useEffect(() => {
    if (!activity && defaultUnit && !form.getFieldValue('unitId')) form.setFieldsValue({ unitId: defaultUnit });
  }, [activity, defaultUnit, form]);

  const unitId = Form.useWatch('unitId', form);
  const type = Form.useWatch('type', form) ?? 'service';
  const venueId = Form.useWatch('venueId', form);
  const roomId = Form.useWatch('roomId', form);
  const startsAt = Form.useWatch('startsAt', form);
  const endsAt = Form.useWatch('endsAt', form);
  const repeatRule = Form.useWatch('repeatRule', form);
  const positions = Form.useWatch('positions', form);
  const credits = ACTIVITY_TYPES[type as ActivityType]?.creditsHours ?? true;

  // Units above and below the chosen unit: the venues and programmes the server accepts for it.
  const related = useMemo(() => {
    const all = units.data ?? [];
    const ids = new Set<string>();
    if (!unitId) return ids;
    let cur = all.find((u) => u.id === unitId);
    while (cur) {
      ids.add(cur.id);
      const parent = cur.parentId;
      cur = parent ? all.find((u) => u.id === parent) : undefined;
    }
    const stack = [unitId];
    while (stack.length) {
      const next = stack.pop() as string;
      ids.add(next);
      for (const u of all) if (u.parentId === next && !ids.has(u.id)) stack.push(u.id);
    }
    return ids;
  }, [units.data, unitId]);
  // A unit this person cannot see (e.g. a station admin's institute) may still own venues and
  // programmes the activity can use; the server checks the real tree.
  const fits = useCallback((ownerId: string) => related.has(ownerId) || !(units.data ?? []).some((u) => u.id === ownerId), [related, units.data]);

  const venueOptions = useMemo(
    () => (venues.data ?? []).filter((v) => v.mode === 'offline' && !v.archived && fits(v.unitId)).map((v) => ({ value: v.id, label: `${v.name}（${v.unitName}）` })),
    [venues.data, fits],
  );
  const venue = venues.data?.find((v) => v.id === venueId);
  const rooms = (venue?.rooms ?? []).filter((r) => !r.archived);
  const room = rooms.find((r) => r.id === roomId);

  const programmeOptions = useMemo(
    () =>
      (Object.keys(PROGRAMME_BLOCKS) as (keyof typeof PROGRAMME_BLOCKS)[])
        .map((block) => ({
          label: PROGRAMME_BLOCKS[block],
          options: (programmes.data ?? []).filter((p) => p.block === block && !p.archived && fits(p.unitId)).map((p) => ({ value: p.id, label: p.name })),
        }))
        .filter((g) => g.options.length > 0),
    [programmes.data, fits],
  );

  const duration = startsAt && endsAt?.isAfter(startsAt) ? hoursBetween(toIso(startsAt) as string, toIso(endsAt) as string) : null;
  useEffect(() => {
    if (duration !== null && !creditTouched.current) form.setFieldsValue({ creditHours: Math.min(24, duration) });
  }, [duration, form]);

  const seats = (positions ?? []).reduce((s, p) => s + (Number(p?.headcount) || 0), 0);

  const submit = async (then: 'draft' | 'publish' | 'submit') => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setError(null);
    try {
      if (activity) {
        const input: UpdateActivityInput = {
          title: values.title.trim(),
          content: blank(values.content) ?? null,
          programmeId: values.programmeId ?? null,
          startsAt: toIso(values.startsAt),
          endsAt: toIso(values.endsAt),
          address: blank(values.address) ?? null,
          contactName: blank(values.contactName) ?? null,
          contactPhone: blank(values.contactPhone) ?? null,
          positions: values.positions.map((p) => ({ ...(p.id ? { id: p.id } : {}), name: p.name.trim(), headcount: p.headcount })),
          scope: activity.seriesId ? values.scope : 'one',
        };
        await update.mutateAsync({ id: activity.id, input });
        message.success('活动已修改，已报名的志愿者会收到变动通知');
        navigate(`/admin/activities/${activity.id}`);
        return;
      }
      const created = await create.mutateAsync({
        unitId: values.unitId,
        programmeId: values.programmeId,
        type: values.type,
        title: values.title.trim(),
        content: blank(values.content),
        venueId: values.venueId,
        roomId: values.roomId,
        address: blank(values.address),
        lng: values.venueId ? undefined : (values.lng ?? undefined),
        lat: values.venueId ? undefined : (values.lat ?? undefined),
        geofenceMeters: values.geofenceMeters ?? undefined,
        startsAt: toIso(values.startsAt) as string,
        endsAt: toIso(values.endsAt) as string,
        creditHours: credits ? values.creditHours : undefined,
        positions: values.positions.map((p) => ({ name: p.name.trim(), headcount: p.headcount })),
        minAge: values.minAge ?? undefined,
        maxAge: values.maxAge ?? undefined,
        requiredSkills: values.requiredSkills.map((s) => s.trim()).filter(Boolean),
        insuranceRequired: values.insuranceRequired,
        signupOpensAt: toIso(values.signupOpensAt),
        signupClosesAt: toIso(values.signupClosesAt),
        cancelCutoffAt: toIso(values.cancelCutoffAt),
        needsApproval: values.needsApproval,
        waitlist: values.waitlist,
        contactName: blank(values.contactName),
        contactPhone: blank(values.contactPhone),
        repeat: values.repeatRule !== 'none' && values.repeatCount ? { rule: values.repeatRule, count: values.repeatCount } : undefined,
      });
      const first = created.items[0];
      let note = created.items.length > 1 ? `已创建 ${created.items.length} 场系列活动` : '活动已创建';
      if (then !== 'draft') {
        try {
          for (const a of created.items) await transition.mutateAsync({ id: a.id, action: then });
          note += then === 'publish' ? '并发布' : '并提交审核';
        } catch (err) {
          message.warning(`活动已保存为草稿，但${then === 'publish' ? '发布' : '提交审核'}失败：${errorMessage(err)}`);
        }
      }
      message.success(note);
      navigate(`/admin/activities/${first.id}`);
    } catch (err) {
      setError(applyServerErrors(form, err, { 'venues.room_conflict': 'roomId', 'venues.room_too_small': 'roomId' }));
    }
  };

  const busy = create.isPending || update.isPending || transition.isPending;
  const fixedAfterCreate = editing ? '创建后不能修改' : undefined;

  return (
    <>
      <Breadcrumb
        aria-label="当前位置"
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/admin/activities">活动</Link> },
          ...(activity ? [{ title: <Link to={`/admin/activities/${activity.id}`}>{activity.title}</Link> }] : []),
          { title: activity ? '修改' : '新建活动' },
        ]}
      />
      <Typography.Title level={1} style={{ fontSize: 22, margin: '0 0 16px' }}>
        {activity ? `修改活动：${activity.title}` : '新建活动'}
      </Typography.Title>
      {editing ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="活动创建后，可以修改名称、内容、实践项目、时间、地址、联系人和岗位名额；单位、类型、场地、报名条件等不能修改，如需调整请取消后重新创建。"
        />
      ) : null}
      {/* No submit button: Enter in a field (e.g. confirming a date) must not save this long form. */}
      <Form<FormValues>
        name="activity"
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={initialValues}
        onValuesChange={(changed) => {
          if ('creditHours' in changed) creditTouched.current = true;
          if ('venueId' in changed) form.setFieldsValue({ roomId: undefined });
        }}
        style={{ maxWidth: 1000 }}
      >
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Card variant="borderless" title={<h2 style={{ fontSize: 16, margin: 0 }}>基本信息</h2>} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="unitId" label="举办单位" rules={[{ required: true, message: '请选择举办单位' }]} extra={fixedAfterCreate}>
                <Select options={unitOptions} loading={units.isPending} disabled={editing} showSearch={{ optionFilterProp: 'label' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="programmeId" label="实践项目">
                <Select allowClear placeholder="选择所属实践项目（可不选）" options={programmeOptions} loading={programmes.isPending} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="type" label="活动类型" rules={[{ required: true }]} extra={fixedAfterCreate}>
            <Radio.Group
              disabled={editing}
              optionType="button"
              options={(Object.keys(ACTIVITY_TYPES) as ActivityType[]).map((t) => ({ value: t, label: ACTIVITY_TYPES[t].label }))}
            />
          </Form.Item>
          {!credits ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title="不计志愿服务时长"
              description="会议、值班、排练和团队建设不属于志愿服务，不记录志愿服务时长（《志愿服务记录与证明出具办法》第十九条）。"
            />
          ) : null}
          <Form.Item
            name="title"
            label="活动名称"
            rules={[
              { required: true, whitespace: true, message: '请输入活动名称' },
              { min: 2, max: 60, message: '名称为 2–60 个字' },
            ]}
          >
            <Input maxLength={60} placeholder="如：敬老助老·空巢老人上门探访" />
          </Form.Item>
          <Form.Item name="content" label="活动内容" rules={[{ max: 2000, message: '最多 2000 个字' }]}>
            <Input.TextArea rows={4} maxLength={2000} showCount placeholder="服务对象、服务内容、注意事项等" />
          </Form.Item>
        </Card>

        <Card variant="borderless" title={<h2 style={{ fontSize: 16, margin: 0 }}>时间和地点</h2>} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="startsAt" label="开始时间" rules={[{ required: true, message: '请选择开始时间' }]}>
                <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format={PICKER_FORMAT} style={{ width: '100%' }} placeholder="选择开始时间" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="endsAt"
                label="结束时间"
                dependencies={['startsAt']}
                rules={[
                  { required: true, message: '请选择结束时间' },
                  ({ getFieldValue }) => ({
                    validator: (_, v?: Dayjs) => {
                      const s = getFieldValue('startsAt') as Dayjs | undefined;
                      return !v || !s || v.isAfter(s) ? Promise.resolve() : Promise.reject(new Error('结束时间必须晚于开始时间'));
                    },
                  }),
                ]}
              >
                <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format={PICKER_FORMAT} style={{ width: '100%' }} placeholder="选择结束时间" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              {credits ? (
                <Form.Item
                  name="creditHours"
                  label="计入服务时长（小时）"
                  extra={duration !== null ? `活动时长 ${hoursText(duration)}；按实际签到时长记录，不超过此数` : '默认等于活动时长'}
                  rules={[{ type: 'number', min: 0, max: 24, message: '0–24 小时' }]}
                >
                  <InputNumber min={0} max={24} step={0.5} precision={2} style={{ width: '100%' }} disabled={editing} />
                </Form.Item>
              ) : (
                <Form.Item label="计入服务时长">
                  <Typography.Text type="secondary">不计志愿服务时长</Typography.Text>
                </Form.Item>
              )}
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="venueId" label="阵地" extra={editing ? fixedAfterCreate : '选择阵地后，地址和签到位置默认使用阵地的'}>
                <Select allowClear placeholder="在阵地举办（可不选，填写地址）" options={venueOptions} loading={venues.isPending} disabled={editing} showSearch={{ optionFilterProp: 'label' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="roomId" label="功能室" extra={room ? `最多容纳 ${room.capacity} 人${seats > room.capacity ? `，少于招募人数 ${seats} 人` : ''}` : undefined}>
                <Select
                  allowClear
                  placeholder={venue ? (rooms.length ? '预订功能室（可不选）' : '该阵地没有功能室') : '先选择阵地'}
                  disabled={editing || !venue || rooms.length === 0}
                  options={rooms.map((r) => ({ value: r.id, label: `${r.name}（${r.capacity} 人）` }))}
                />
              </Form.Item>
            </Col>
          </Row>
          {roomId && startsAt ? <RoomDay roomId={roomId} day={startsAt.format('YYYY-MM-DD')} from={toIso(startsAt)} to={toIso(endsAt)} ignore={activity?.id} /> : null}
          <Form.Item name="address" label="地址" rules={[{ max: 120, message: '最多 120 个字' }]}>
            <Input maxLength={120} placeholder={venue?.address ?? '活动地点的详细地址'} />
          </Form.Item>
          {!venueId && !editing ? (
            <Row gutter={16}>
              <Col xs={12} md={8}>
                <Form.Item name="lng" label="经度" rules={[{ type: 'number', min: -180, max: 180, message: '经度在 -180 到 180 之间' }]}>
                  <InputNumber style={{ width: '100%' }} step={0.0001} placeholder="如：107.3950" />
                </Form.Item>
              </Col>
              <Col xs={12} md={8}>
                <Form.Item name="lat" label="纬度" rules={[{ type: 'number', min: -90, max: 90, message: '纬度在 -90 到 90 之间' }]}>
                  <InputNumber style={{ width: '100%' }} step={0.0001} placeholder="如：29.7030" />
                </Form.Item>
              </Col>
            </Row>
          ) : null}
          <Form.Item name="geofenceMeters" label="签到范围（米）" extra="志愿者扫码时如提供了位置，超出此距离不能签到；不填则不限制">
            <InputNumber min={50} max={5000} step={50} style={{ width: 200 }} disabled={editing} placeholder="如：500" />
          </Form.Item>
          {!editing ? (
            <Space align="start" wrap>
              <Form.Item name="repeatRule" label="重复">
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: 'none', label: '不重复' },
                    { value: 'weekly', label: '每周' },
                    { value: 'monthly', label: '每月' },
                  ]}
                />
              </Form.Item>
              {repeatRule && repeatRule !== 'none' ? (
                <Form.Item name="repeatCount" label="共几场" rules={[{ required: true, type: 'number', min: 2, max: 52, message: '2–52 场' }]}>
                  <InputNumber min={2} max={52} addonAfter="场" style={{ width: 140 }} />
                </Form.Item>
              ) : null}
            </Space>
          ) : activity?.seriesId ? (
            <Form.Item name="scope" label="这是系列活动中的一场，修改应用于">
              <Radio.Group
                options={[
                  { value: 'one', label: '仅本场' },
                  { value: 'following', label: '本场及以后各场' },
                ]}
              />
            </Form.Item>
          ) : null}
        </Card>

        <Card variant="borderless" title={<h2 style={{ fontSize: 16, margin: 0 }}>招募</h2>} style={{ marginBottom: 16 }}>
          <Form.List
            name="positions"
            rules={[{ validator: async (_, v?: unknown[]) => (v?.length ? undefined : Promise.reject(new Error('至少设置一个岗位'))) }]}
          >
            {(fields, { add, remove }, { errors }) => (
              <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
                <legend style={{ fontSize: 14, marginBottom: 8 }}>岗位和名额（共 {seats} 人）</legend>
                {fields.map((field, i) => {
                  const existing = !!form.getFieldValue(['positions', field.name, 'id']);
                  return (
                    <Flex key={field.key} gap={8} align="baseline" wrap>
                      <Form.Item
                        name={[field.name, 'name']}
                        rules={[
                          { required: true, whitespace: true, message: '请输入岗位名称' },
                          { max: 20, message: '最多 20 个字' },
                        ]}
                        style={{ flex: '1 1 240px', marginBottom: 12 }}
                      >
                        <Input placeholder="岗位名称，如：引导员" aria-label={`第 ${i + 1} 个岗位名称`} maxLength={20} />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'headcount']}
                        rules={[{ required: true, type: 'number', min: 1, max: 1000, message: '名额 1–1000' }]}
                        style={{ marginBottom: 12 }}
                      >
                        <InputNumber min={1} max={1000} addonAfter="人" aria-label={`第 ${i + 1} 个岗位名额`} style={{ width: 140 }} />
                      </Form.Item>
                      {fields.length > 1 && !existing ? (
                        <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label={`删除第 ${i + 1} 个岗位`} />
                      ) : null}
                    </Flex>
                  );
                })}
                <Form.ErrorList errors={errors} />
                {fields.length < 20 ? (
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', headcount: 5 })} style={{ marginBottom: 16 }}>
                    添加岗位
                  </Button>
                ) : null}
              </fieldset>
            )}
          </Form.List>
          <Divider style={{ margin: '8px 0 16px' }} />
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Form.Item name="minAge" label="最小年龄" rules={[{ type: 'number', min: 0, max: 120, message: '0–120' }]}>
                <InputNumber min={0} max={120} addonAfter="岁" style={{ width: '100%' }} disabled={editing} placeholder="不限" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="maxAge"
                label="最大年龄"
                dependencies={['minAge']}
                rules={[
                  { type: 'number', min: 0, max: 120, message: '0–120' },
                  ({ getFieldValue }) => ({
                    validator: (_, v?: number) => {
                      const min = getFieldValue('minAge') as number | undefined;
                      return v == null || min == null || v >= min ? Promise.resolve() : Promise.reject(new Error('不能小于最小年龄'));
                    },
                  }),
                ]}
              >
                <InputNumber min={0} max={120} addonAfter="岁" style={{ width: '100%' }} disabled={editing} placeholder="不限" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="requiredSkills"
                label="需要的技能"
                extra="输入后按回车添加；报名者须具备全部技能"
                rules={[{ type: 'array', max: 10, message: '最多 10 项' }]}
              >
                <Select mode="tags" placeholder="如：急救、驾驶、摄影" disabled={editing} tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="insuranceRequired" label="需要志愿者保险" valuePropName="checked" extra="有风险的服务应为志愿者投保（条例第十七条）">
                <Switch disabled={editing} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="needsApproval" label="报名需要审核" valuePropName="checked">
                <Switch disabled={editing} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="waitlist" label="满员后可候补" valuePropName="checked">
                <Switch disabled={editing} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="signupOpensAt" label="报名开始" extra="不填则发布后即可报名">
                <DatePicker showTime={{ format: 'HH:mm' }} format={PICKER_FORMAT} style={{ width: '100%' }} disabled={editing} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="signupClosesAt" label="报名截止" extra="不填则到活动开始">
                <DatePicker showTime={{ format: 'HH:mm' }} format={PICKER_FORMAT} style={{ width: '100%' }} disabled={editing} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="cancelCutoffAt" label="取消报名截止" extra="不填则到活动开始">
                <DatePicker showTime={{ format: 'HH:mm' }} format={PICKER_FORMAT} style={{ width: '100%' }} disabled={editing} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="contactName" label="联系人" rules={[{ max: 32, message: '最多 32 个字' }]}>
                <Input maxLength={32} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="contactPhone" label="联系人手机" rules={[{ pattern: /^1[3-9]\d{9}$/, message: '请输入 11 位手机号' }]}>
                <Input inputMode="tel" maxLength={11} />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Space wrap>
          {editing ? (
            <Button type="primary" onClick={() => void submit('draft')} loading={busy}>
              保存修改
            </Button>
          ) : (
            <>
              <Button onClick={() => void submit('draft')} loading={busy}>
                保存草稿
              </Button>
              {isAdmin ? (
                <Button type="primary" onClick={() => void submit('publish')} loading={busy}>
                  保存并发布
                </Button>
              ) : (
                <Button type="primary" onClick={() => void submit('submit')} loading={busy}>
                  保存并提交审核
                </Button>
              )}
            </>
          )}
          <Button onClick={() => navigate(activity ? `/admin/activities/${activity.id}` : '/admin/activities')}>取消</Button>
        </Space>
      </Form>
    </>
  );
}

/** What else holds the room that day, so a clash shows before saving. */
function RoomDay({ roomId, day, from, to, ignore }: { roomId: string; day: string; from?: string; to?: string; ignore?: string }) {
  const bookings = useRoomBookings(roomId, day);
  const items = (bookings.data ?? []).filter((b) => b.activityId !== ignore);
  const clashes = (b: { startsAt: string; endsAt: string }) => !!from && !!to && Date.parse(b.startsAt) < Date.parse(to) && Date.parse(b.endsAt) > Date.parse(from);
  return (
    <Alert
      type={items.some(clashes) ? 'error' : 'info'}
      showIcon
      style={{ marginBottom: 16 }}
      title={`功能室 ${day} 的预订情况`}
      description={
        bookings.isPending ? (
          '正在查询…'
        ) : bookings.error ? (
          bookings.error.message
        ) : items.length === 0 ? (
          '当天没有其他预订'
        ) : (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {items.map((b) => (
              <li key={b.activityId}>
                {clock(b.startsAt)}–{clock(b.endsAt)} {b.title}
                {clashes(b) ? <strong style={{ color: '#a8071a' }}>（与本活动时间冲突）</strong> : null}
              </li>
            ))}
          </ul>
        )
      }
    />
  );
}
