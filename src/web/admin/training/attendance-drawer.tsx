import { App, Drawer, Radio, Segmented, Table } from 'antd';
import { useState } from 'react';
import { PRESENCE, TRAINEE_KINDS } from '../../../shared/training';
import { type Trainee, type TrainingSession, useMarkAttendance, useTrainees } from '../../lib/queries/training';

type Kind = Trainee['kind'];

/** 参训登记: the staff (or volunteers) of the holding unit and below, each marked present or absent. */
export function AttendanceDrawer({ session, onClose }: { session: TrainingSession; onClose: () => void }) {
  const { message } = App.useApp();
  const [kind, setKind] = useState<Kind>('staff');
  const [page, setPage] = useState(1);
  const trainees = useTrainees(session.id, { kind, page, pageSize: 20 });
  const mark = useMarkAttendance(session.id);
  const onMark = async (t: Trainee, status: 'present' | 'absent') => {
    try {
      await mark.mutateAsync({ kind: t.kind, refId: t.refId, status });
      message.success(`已登记${t.name}${PRESENCE[status]}`);
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <Drawer open title={`参训登记 · ${session.topic}`} width={640} onClose={onClose}>
      <Segmented<Kind>
        value={kind}
        onChange={(k) => {
          setKind(k);
          setPage(1);
        }}
        options={(Object.keys(TRAINEE_KINDS) as Kind[]).map((k) => ({ value: k, label: TRAINEE_KINDS[k] }))}
        style={{ marginBottom: 16 }}
      />
      <Table<Trainee>
        rowKey="refId"
        size="small"
        loading={trainees.isPending}
        dataSource={trainees.data?.items ?? []}
        locale={{ emptyText: kind === 'staff' ? '没有工作人员账号' : '没有已认证的志愿者' }}
        pagination={{ current: page, pageSize: 20, total: trainees.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 人` }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '单位', dataIndex: 'unitName' },
          {
            title: '出勤',
            key: 'status',
            width: 170,
            render: (_v, t) =>
              session.canWrite ? (
                <Radio.Group
                  size="small"
                  optionType="button"
                  value={t.status}
                  disabled={mark.isPending}
                  onChange={(e) => onMark(t, e.target.value)}
                  options={[
                    { value: 'present', label: PRESENCE.present },
                    { value: 'absent', label: PRESENCE.absent },
                  ]}
                />
              ) : t.status ? (
                PRESENCE[t.status]
              ) : (
                '未登记'
              ),
          },
        ]}
      />
    </Drawer>
  );
}
