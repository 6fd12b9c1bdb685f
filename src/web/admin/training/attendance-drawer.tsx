import { QrcodeOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Flex, Radio, Segmented, Table, Typography } from 'antd';
import { ToneTag } from '../components/tags';
import { useRef, useState } from 'react';
import { PRESENCE, TRAINEE_KINDS } from '../../../shared/training';
import { errorMessage } from '../../lib/api';
import { type Trainee, type TrainingSession, useMarkAttendance, useSetMaterials, useTrainees, useTrainingSignInToken } from '../../lib/queries/training';
import { FileUpload } from '../components/file-upload';
import { SignInQrModal } from '../components/sign-in-qr';
import { MaterialLinks } from './material-links';

type Kind = Trainee['kind'];

/** 参训登记: the staff (or volunteers) of the holding unit and below, each marked present or absent. */
export function AttendanceDrawer({ session, onClose }: { session: TrainingSession; onClose: () => void }) {
  const { message } = App.useApp();
  const [kind, setKind] = useState<Kind>('staff');
  const [page, setPage] = useState(1);
  const trainees = useTrainees(session.id, { kind, page, pageSize: 20 });
  const mark = useMarkAttendance(session.id);
  const [showQr, setShowQr] = useState(false);
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
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        培训材料
      </Typography.Title>
      {session.canWrite ? <MaterialsEditor session={session} /> : <MaterialLinks session={session} />}
      <Flex justify="space-between" align="center" wrap gap={8} style={{ margin: '20px 0 12px' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          出勤
        </Typography.Title>
        {session.canWrite ? (
          <Button icon={<QrcodeOutlined />} onClick={() => setShowQr(true)}>
            签到二维码
          </Button>
        ) : null}
      </Flex>
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
        scroll={{ x: 460 }}
        loading={trainees.isPending}
        dataSource={trainees.data?.items ?? []}
        locale={{ emptyText: kind === 'staff' ? '没有工作人员账号' : '没有已认证的志愿者' }}
        pagination={{ current: page, pageSize: 20, total: trainees.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 人` }}
        columns={[
          {
            title: '姓名',
            dataIndex: 'name',
            width: 96,
            render: (n: string, t) => (
              <>
                {n}
                {t.method === 'self' ? (
                  <span style={{ marginInlineStart: 6 }}>
                    <ToneTag tone="green">扫码</ToneTag>
                  </span>
                ) : null}
              </>
            ),
          },
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
      {showQr ? <TrainingQr session={session} onClose={() => setShowQr(false)} /> : null}
    </Drawer>
  );
}

function TrainingQr({ session, onClose }: { session: TrainingSession; onClose: () => void }) {
  const token = useTrainingSignInToken(session.id);
  return (
    <SignInQrModal title={`培训签到：${session.topic}`} alt="培训签到二维码" token={token} onClose={onClose}>
      举办单位及下属单位的工作人员、志愿者用手机扫码签到（需登录本人账号），二维码每 30 秒自动更换；培训开始前 1 小时起可扫码。已签到 {session.presentCount}{' '}
      人。
    </SignInQrModal>
  );
}

/** Upload slides and handouts; each change saves the list (in order) and is audited. */
function MaterialsEditor({ session }: { session: TrainingSession }) {
  const { message } = App.useApp();
  const save = useSetMaterials(session.id);
  const saved = useRef(session.materials.map((m) => m.id).join(','));
  return (
    <FileUpload
      value={session.materials}
      purpose="evidence"
      max={20}
      buttonText="上传课件、讲义"
      onChange={(files) => {
        const ids = files.map((f) => f.id);
        if (ids.join(',') === saved.current) return;
        saved.current = ids.join(',');
        save.mutateAsync(ids).then(
          () => void message.success('培训材料已保存'),
          (err) => void message.error(errorMessage(err)),
        );
      }}
    />
  );
}
