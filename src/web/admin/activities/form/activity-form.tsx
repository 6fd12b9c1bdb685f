import { Alert, App, Breadcrumb, Button, Card, Form, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ACTIVITY_TYPES, type ActivityType } from '../../../../shared/activities';
import { errorMessage } from '../../../lib/api';
import { hoursBetween } from '../../../../shared/china-time';
import { useSubmit } from '../../../lib/form';
import { type ActivityView, useCreateActivity, useTransition, useUpdateActivity } from '../../../lib/queries/activities';
import { linkActivityToAssignment } from '../../../lib/queries/activity-plans';
import { hasRole } from '../../../lib/session';
import { useUnitOptions } from '../../components/use-unit-options';
import { useAdminSession } from '../../session-context';
import { BasicsSection } from './basics-section';
import { PlaceFields } from './place-fields';
import { RecruitSection } from './recruit-section';
import { RepeatFields, TimeFields } from './schedule-fields';
import { useActivityOptions } from './use-activity-options';
import { activityToValues, createInputOf, type FormValues, NEW_ACTIVITY, prefillFrom, toIso, updateInputOf } from './values';

type Then = 'draft' | 'publish' | 'submit';

/** The new-activity and edit-activity form: its sections, and saving (then publishing or submitting). */
export function ActivityForm({ activity }: { activity?: ActivityView }) {
  const session = useAdminSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateActivity();
  const update = useUpdateActivity();
  const transition = useTransition();
  const creditTouched = useRef(!!activity);
  const then = useRef<Then>('draft');
  const editing = !!activity;
  const isAdmin = hasRole(session, 'institute_admin', 'station_admin');

  const { options: unitOptions } = useUnitOptions({ kinds: ['institute', 'station'] });
  const defaultUnit = useMemo(() => {
    const station = session.roles.find((r) => unitOptions.some((o) => o.value === r.unitId) && r.role !== 'volunteer' && r.role !== 'resident');
    return station?.unitId ?? unitOptions[0]?.value;
  }, [session.roles, unitOptions]);
  // From an activity plan's item (活动计划 → 新建活动): prefilled, and linked back to the item once saved.
  const [search] = useSearchParams();
  const planAssignment = activity ? null : search.get('planAssignment');
  const initialValues = useMemo<Partial<FormValues>>(
    () => (activity ? activityToValues(activity) : { ...NEW_ACTIVITY, ...prefillFrom(search) }),
    [activity, search],
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
  const { units, venues, programmes, venueOptions, programmeOptions } = useActivityOptions(unitId);
  const venue = venues.data?.find((v) => v.id === venueId);

  const duration = startsAt && endsAt?.isAfter(startsAt) ? hoursBetween(toIso(startsAt) as string, toIso(endsAt) as string) : null;
  useEffect(() => {
    if (duration !== null && !creditTouched.current) form.setFieldsValue({ creditHours: Math.min(24, duration) });
  }, [duration, form]);

  const seats = (positions ?? []).reduce((s, p) => s + (Number(p?.headcount) || 0), 0);

  // Save (an edit, or a new activity or series), then publish or submit what was created. A
  // failed publish leaves the drafts saved: a warning, not a form error.
  const save = {
    isPending: create.isPending || update.isPending || transition.isPending,
    mutateAsync: async (values: FormValues): Promise<{ id: string; note: string }> => {
      if (activity) {
        await update.mutateAsync({ id: activity.id, input: updateInputOf(values, activity) });
        return { id: activity.id, note: '活动已修改，已报名的志愿者会收到变动通知' };
      }
      const created = await create.mutateAsync(createInputOf(values, credits));
      let note = created.items.length > 1 ? `已创建 ${created.items.length} 场系列活动` : '活动已创建';
      const action = then.current;
      if (action !== 'draft') {
        try {
          for (const a of created.items) await transition.mutateAsync({ id: a.id, action });
          note += action === 'publish' ? '并发布' : '并提交审核';
        } catch (err) {
          message.warning(`活动已保存为草稿，但${action === 'publish' ? '发布' : '提交审核'}失败：${errorMessage(err)}`);
        }
      }
      if (planAssignment) {
        try {
          await linkActivityToAssignment(planAssignment, created.items[0].id);
          note += '，已关联到活动计划';
        } catch (err) {
          message.warning(`活动已保存，但关联活动计划失败：${errorMessage(err)}，请在活动计划中手动关联`);
        }
      }
      return { id: created.items[0].id, note };
    },
  };
  const { submit, error, pending } = useSubmit(form, save, {
    input: (values) => values,
    onDone: ({ id, note }) => {
      message.success(note);
      navigate(planAssignment ? '/admin/activity-plans' : `/admin/activities/${id}`);
    },
    byCode: { 'venues.room_conflict': 'roomId', 'venues.room_too_small': 'roomId' },
  });
  const saveThen = (next: Then) => {
    then.current = next;
    void submit();
  };

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
        <BasicsSection
          editing={editing}
          credits={credits}
          unitOptions={unitOptions}
          unitsLoading={units.isPending}
          programmeOptions={programmeOptions}
          programmesLoading={programmes.isPending}
        />
        <Card variant="borderless" title={<h2 style={{ fontSize: 16, margin: 0 }}>时间和地点</h2>} style={{ marginBottom: 16 }}>
          <TimeFields editing={editing} credits={credits} duration={duration} />
          <PlaceFields
            editing={editing}
            venueOptions={venueOptions}
            venuesLoading={venues.isPending}
            venue={venue}
            venueId={venueId}
            roomId={roomId}
            startsAt={startsAt}
            endsAt={endsAt}
            seats={seats}
            activityId={activity?.id}
          />
          <RepeatFields editing={editing} inSeries={!!activity?.seriesId} repeatRule={repeatRule} />
        </Card>
        <RecruitSection editing={editing} seats={seats} />

        <Space wrap>
          {editing ? (
            <Button type="primary" onClick={() => saveThen('draft')} loading={pending}>
              保存修改
            </Button>
          ) : (
            <>
              <Button onClick={() => saveThen('draft')} loading={pending}>
                保存草稿
              </Button>
              {isAdmin ? (
                <Button type="primary" onClick={() => saveThen('publish')} loading={pending}>
                  保存并发布
                </Button>
              ) : (
                <Button type="primary" onClick={() => saveThen('submit')} loading={pending}>
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
