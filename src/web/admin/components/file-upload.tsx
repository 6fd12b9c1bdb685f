import { FilePdfOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../lib/api';
import { type FilePurpose, type UploadedFile, uploadFile } from '../../lib/queries/volunteers';

/** What a picker takes: the input's `accept`, the names it lets through, the size, and what to say otherwise. */
export interface UploadTypes {
  accept: string;
  pattern: RegExp;
  maxBytes: number;
  hint: string;
}
const DEFAULT_TYPES: UploadTypes = {
  accept: '.jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf',
  pattern: /\.(jpe?g|png|pdf)$/i,
  maxBytes: 10 * 1024 * 1024,
  hint: '只能上传 JPG、PNG 图片或 PDF 文件',
};

/** The link to a stored upload (evidence photo, signed form); staff in scope may open it. */
export function fileUrl(id: string): string {
  return `/api/files/${encodeURIComponent(id)}`;
}

/**
 * Upload JPG/PNG/PDF files to `POST /api/files` as soon as they are picked; the form field's value
 * is the list of uploaded files (ids go to the API). Works inside Form.Item (value/onChange).
 */
export function FileUpload({
  value = [],
  onChange,
  purpose,
  max = 9,
  buttonText = '上传文件',
  id,
  types = DEFAULT_TYPES,
}: {
  value?: UploadedFile[];
  onChange?: (files: UploadedFile[]) => void;
  purpose: FilePurpose;
  max?: number;
  buttonText?: string;
  id?: string;
  /** Which files the picker takes (default JPG/PNG/PDF ≤ 10 MB); the server checks again by their bytes. */
  types?: UploadTypes;
}) {
  const { message } = App.useApp();
  const [list, setList] = useState<UploadFile<UploadedFile>[]>(() =>
    value.map((f) => ({
      uid: f.id,
      name: f.name,
      status: 'done',
      response: f,
      // The link has no extension: without the type antd would take every stored file for an image.
      type: f.mime,
      url: fileUrl(f.id),
      thumbUrl: f.mime.startsWith('image/') ? fileUrl(f.id) : undefined,
    })),
  );

  const emit = (next: UploadFile<UploadedFile>[]) => {
    setList(next);
    onChange?.(next.filter((f) => f.status === 'done' && f.response).map((f) => f.response as UploadedFile));
  };

  return (
    <Upload<UploadedFile>
      accept={types.accept}
      listType="picture"
      fileList={list}
      maxCount={max}
      multiple={max > 1}
      beforeUpload={(file) => {
        const okType = types.pattern.test(file.name);
        if (!okType) {
          message.error(types.hint);
          return Upload.LIST_IGNORE;
        }
        if (file.size > types.maxBytes) {
          message.error(`「${file.name}」超过 ${types.maxBytes / 1024 / 1024} MB，请压缩后再上传`);
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={({ file, onSuccess, onError }) => {
        uploadFile(file as File, purpose).then(
          (uploaded) => onSuccess?.(uploaded),
          (err: unknown) => {
            message.error(errorMessage(err));
            onError?.(err instanceof Error ? err : new Error(errorMessage(err)));
          },
        );
      }}
      onChange={({ fileList }) =>
        emit(
          fileList.map((f) =>
            f.status === 'done' && f.response
              ? { ...f, url: fileUrl(f.response.id), thumbUrl: f.response.mime.startsWith('image/') ? fileUrl(f.response.id) : undefined }
              : f,
          ),
        )
      }
      iconRender={(file) => (file.name.toLowerCase().endsWith('.pdf') ? <FilePdfOutlined /> : undefined)}
      showUploadList={{ showPreviewIcon: false }}
    >
      {list.length < max ? (
        <Button icon={<UploadOutlined />} id={id}>
          {buttonText}
        </Button>
      ) : null}
    </Upload>
  );
}
