import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Flex, Form, Input, Select, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import type { FileView } from '../../../shared/files';
import { DocumentInput } from '../../../shared/plan';
import { DOCUMENT_TYPES, type DocumentType } from '../../../shared/rules/plan-flow';
import { FormModal, limitsOf, rulesFrom, useSubmit } from '../../lib/form';
import { formatDateTime } from '../../lib/format';
import { type DocumentView, useAddDocument, useRulesDocuments } from '../../lib/queries/plan';
import { hasRole } from '../../lib/session';
import { FileUpload, fileUrl } from '../components/file-upload';
import { useUnitOptions } from '../components/use-unit-options';
import { useAdminSession } from '../session-context';

const F = DocumentInput.shape;
const TYPE_OPTIONS = (Object.keys(DOCUMENT_TYPES) as DocumentType[]).map((t) => ({ value: t, label: DOCUMENT_TYPES[t] }));

/** The units whose documents this person may register: all for an institute admin, their own station otherwise. */
function useWritableUnits() {
  const session = useAdminSession();
  const isInstitute = hasRole(session, 'institute_admin');
  const own = useMemo(() => new Set(session.roles.filter((g) => g.role === 'station_admin' || g.role === 'institute_admin').map((g) => g.unitId)), [session]);
  return useUnitOptions({ kinds: ['institute', 'station'], within: isInstitute ? undefined : own });
}

/** 制度文件: each unit's documents, the latest version of each title (or every version). */
export function DocumentsTab({ canWrite }: { canWrite: boolean }) {
  const [unitId, setUnitId] = useState<string | undefined>();
  const [versions, setVersions] = useState<'latest' | 'all'>('latest');
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const units = useUnitOptions({ kinds: ['institute', 'station'] });
  const list = useRulesDocuments({ page, pageSize: 20, unitId, versions });

  return (
    <>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="单位"
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="全部单位"
          options={units.options}
          value={unitId}
          onChange={(v) => {
            setUnitId(v);
            setPage(1);
          }}
          style={{ minWidth: 200 }}
        />
        <Select
          aria-label="版本"
          options={[
            { value: 'latest', label: '只看最新版本' },
            { value: 'all', label: '全部版本' },
          ]}
          value={versions}
          onChange={(v) => {
            setVersions(v);
            setPage(1);
          }}
          style={{ minWidth: 140 }}
        />
        {canWrite ? (
          <Button type="primary" icon={<UploadOutlined />} onClick={() => setAdding(true)} style={{ marginInlineStart: 'auto' }}>
            上传制度文件
          </Button>
        ) : null}
      </Flex>
      {list.error ? <Alert type="error" showIcon title="制度文件加载失败" description={list.error.message} /> : null}
      <Table<DocumentView>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 860 }}
        locale={{ emptyText: '还没有制度文件' }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, showTotal: (t) => `共 ${t} 份`, onChange: setPage }}
        columns={[
          { title: '单位', dataIndex: 'unitName', width: 170 },
          { title: '类别', dataIndex: 'type', width: 110, render: (t: DocumentType) => <Tag>{DOCUMENT_TYPES[t]}</Tag> },
          {
            title: '标题',
            dataIndex: 'title',
            render: (title: string, d) => (
              <a href={fileUrl(d.fileId)} target="_blank" rel="noreferrer">
                {title}
              </a>
            ),
          },
          { title: '版本', dataIndex: 'version', width: 80 },
          { title: '施行日期', dataIndex: 'effectiveOn', width: 110 },
          { title: '登记', key: 'by', width: 200, render: (_v, d) => `${d.byName} · ${formatDateTime(d.at)}` },
        ]}
      />
      {adding ? <AddDocumentModal onClose={() => setAdding(false)} /> : null}
    </>
  );
}

interface Values {
  unitId: string;
  type: DocumentType;
  title: string;
  version: string;
  effectiveOn: Dayjs;
  file?: FileView[];
}

function AddDocumentModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddDocument();
  const units = useWritableUnits();
  const submit = useSubmit(form, add, {
    input: (v) => ({
      unitId: v.unitId,
      type: v.type,
      title: v.title.trim(),
      version: v.version.trim(),
      effectiveOn: v.effectiveOn.format('YYYY-MM-DD'),
      fileId: v.file?.[0]?.id ?? '',
    }),
    onDone: () => {
      message.success('已登记制度文件');
      onClose();
    },
    byCode: { 'plan.bad_unit': 'unitId', 'plan.bad_file': 'file' },
    aliases: { fileId: 'file' },
  });
  return (
    <FormModal
      name="rules-document"
      form={form}
      submit={submit}
      title="上传制度文件"
      onClose={onClose}
      requiredMark="optional"
      initialValues={{ unitId: units.options[0]?.value, version: '1.0', effectiveOn: dayjs() }}
    >
      <Form.Item name="unitId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
        <Select showSearch optionFilterProp="label" options={units.options} />
      </Form.Item>
      <Form.Item name="type" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
        <Select options={TYPE_OPTIONS} />
      </Form.Item>
      <Form.Item name="title" label="标题" rules={rulesFrom(F.title, { required: '请填写标题' })} extra="与已有文件同名即登记为该文件的新版本">
        <Input maxLength={limitsOf(F.title).maxLength} placeholder="如：联席会议制度" />
      </Form.Item>
      <Form.Item name="version" label="版本" rules={rulesFrom(F.version, { required: '请填写版本' })}>
        <Input maxLength={limitsOf(F.version).maxLength} />
      </Form.Item>
      <Form.Item name="effectiveOn" label="施行日期" rules={[{ required: true, message: '请选择施行日期' }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="file" label="文件" rules={[{ required: true, type: 'array', min: 1, message: '请上传文件' }]}>
        <FileUpload purpose="evidence" max={1} buttonText="选择文件（PDF 或图片）" />
      </Form.Item>
    </FormModal>
  );
}
