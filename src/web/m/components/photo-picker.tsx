import { useId, useState } from 'react';
import { errorMessage } from '../../lib/api';
import styles from '../mobile.module.css';
import o from '../orders/orders.module.css';

const OK_NAME = /\.(jpe?g|png)$/i;
const MAX_BYTES = 10 * 1024 * 1024;

export interface PhotoPickerProps<P extends { id: string }> {
  photos: P[];
  onChange: (p: P[]) => void;
  max?: number;
  label?: string;
}

/**
 * Pick photos from the album or the camera (JPG or PNG up to 10 MB); each uploads at once and shows
 * as a thumbnail that can be removed. The page says how to upload and where a photo is read from,
 * so the light pages keep their own zod-free calls.
 */
export function PhotoPicker<P extends { id: string }>({
  photos,
  onChange,
  max = 3,
  label = '添加照片',
  upload,
  urlOf,
}: PhotoPickerProps<P> & { upload: (file: File) => Promise<P>; urlOf: (id: string) => string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  const pick = async (files: FileList | null) => {
    setError(null);
    const list = [...(files ?? [])].slice(0, max - photos.length);
    if (!list.length) return;
    setBusy(true);
    const added: P[] = [];
    for (const f of list) {
      if (!OK_NAME.test(f.name)) {
        setError('只能上传 JPG 或 PNG 照片');
        continue;
      }
      if (f.size > MAX_BYTES) {
        setError('照片超过 10 MB，请换一张');
        continue;
      }
      try {
        added.push(await upload(f));
      } catch (err) {
        setError(`照片上传失败：${errorMessage(err)}`);
      }
    }
    setBusy(false);
    if (added.length) onChange([...photos, ...added]);
  };

  return (
    <div>
      <ul className={o.photos} aria-label="已添加的照片">
        {photos.map((p, i) => (
          <li key={p.id} className={o.photo}>
            <img src={urlOf(p.id)} alt={`照片 ${i + 1}`} />
            <button type="button" className={o.photoRemove} aria-label={`删除照片 ${i + 1}`} onClick={() => onChange(photos.filter((x) => x.id !== p.id))}>
              ×
            </button>
          </li>
        ))}
        {photos.length < max ? (
          <li>
            <label className={o.addPhoto} htmlFor={id}>
              <svg viewBox="0 0 24 24" width="30" height="30" aria-hidden="true" focusable="false">
                <path
                  d="M9 3 7.2 5H4a2 2 0 0 0-2 2v11a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2h-3.2L15 3zm3 5a5 5 0 1 1 0 10 5 5 0 0 1 0-10zm0 2a3 3 0 1 0 0 6 3 3 0 0 0 0-6z"
                  fill="currentColor"
                />
              </svg>
              {busy ? '上传中…' : label}
              <input
                id={id}
                type="file"
                accept="image/jpeg,image/png"
                multiple={max - photos.length > 1}
                disabled={busy}
                onChange={(e) => {
                  void pick(e.target.files);
                  e.target.value = '';
                }}
              />
            </label>
          </li>
        ) : null}
      </ul>
      {error ? (
        <p className={styles.fieldError} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
