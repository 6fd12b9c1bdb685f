import { BoldOutlined, LinkOutlined, OrderedListOutlined, PictureOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { App, Button, Input, Modal, Space, Tooltip } from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../lib/api';
import { uploadFile } from '../../lib/queries/volunteers';
import { fileUrl } from '../components/file-upload';
import styles from './news.module.css';

/**
 * A small rich-text editor: a contenteditable with a toolbar (加粗 / 标题 / 列表 / 引用 / 链接 / 插入图片).
 * What it makes is only a suggestion: the server keeps the allow-listed tags and drops the rest.
 * Images are uploaded through the files endpoint first, then inserted as <img src="/api/files/…">.
 */
export function RichTextEditor({ value, onChange, id }: { value?: string; onChange?: (html: string) => void; id?: string }) {
  const { message } = App.useApp();
  const ref = useRef<HTMLDivElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const saved = useRef<Range | null>(null);
  const [linking, setLinking] = useState(false);
  const [href, setHref] = useState('https://');
  const [uploading, setUploading] = useState(false);

  // The initial content goes in once; afterwards the DOM is the source (no caret jumps).
  // biome-ignore lint/correctness/useExhaustiveDependencies: only on mount
  useEffect(() => {
    if (ref.current && value !== undefined && ref.current.innerHTML !== value) ref.current.innerHTML = value;
  }, []);

  const emit = () => onChange?.(ref.current?.innerHTML ?? '');
  const keepSelection = () => {
    const sel = window.getSelection();
    if (sel && sel.rangeCount > 0 && ref.current?.contains(sel.anchorNode)) saved.current = sel.getRangeAt(0).cloneRange();
  };
  const restoreSelection = () => {
    ref.current?.focus();
    const sel = window.getSelection();
    if (saved.current && sel) {
      sel.removeAllRanges();
      sel.addRange(saved.current);
    }
  };
  const exec = (command: string, arg?: string) => {
    restoreSelection();
    // execCommand is what every contenteditable toolbar still relies on; the server sanitises anyway.
    document.execCommand(command, false, arg);
    keepSelection();
    emit();
  };

  const insertImage = async (file: File) => {
    setUploading(true);
    try {
      const up = await uploadFile(file, 'photo');
      exec('insertHTML', `<img src="${fileUrl(up.id)}" alt="">`);
      message.success('图片已插入');
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setUploading(false);
      if (fileRef.current) fileRef.current.value = '';
    }
  };

  const tool = (label: string, icon: ReactNode, onClick: () => void) => (
    <Tooltip title={label}>
      <Button size="small" icon={icon} aria-label={label} onMouseDown={(e) => e.preventDefault()} onClick={onClick} />
    </Tooltip>
  );

  return (
    <div className={styles.editor}>
      <Space wrap size={4} className={styles.toolbar} role="toolbar" aria-label="正文格式">
        {tool('加粗', <BoldOutlined />, () => exec('bold'))}
        <Button size="small" onMouseDown={(e) => e.preventDefault()} onClick={() => exec('formatBlock', '<h2>')}>
          标题
        </Button>
        <Button size="small" onMouseDown={(e) => e.preventDefault()} onClick={() => exec('formatBlock', '<h3>')}>
          小标题
        </Button>
        <Button size="small" onMouseDown={(e) => e.preventDefault()} onClick={() => exec('formatBlock', '<p>')}>
          正文
        </Button>
        {tool('无序列表', <UnorderedListOutlined />, () => exec('insertUnorderedList'))}
        {tool('有序列表', <OrderedListOutlined />, () => exec('insertOrderedList'))}
        <Button size="small" onMouseDown={(e) => e.preventDefault()} onClick={() => exec('formatBlock', '<blockquote>')}>
          引用
        </Button>
        {tool('链接', <LinkOutlined />, () => {
          keepSelection();
          setLinking(true);
        })}
        <Button
          size="small"
          icon={<PictureOutlined />}
          loading={uploading}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            keepSelection();
            fileRef.current?.click();
          }}
        >
          插入图片
        </Button>
        <input
          ref={fileRef}
          type="file"
          accept=".jpg,.jpeg,.png,image/jpeg,image/png"
          aria-label="选择要插入的图片"
          style={{ display: 'none' }}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void insertImage(f);
          }}
        />
      </Space>
      {/* biome-ignore lint/a11y/useSemanticElements: rich text needs a contenteditable, a textarea holds plain text only */}
      <div
        id={id}
        ref={ref}
        className={styles.area}
        contentEditable
        suppressContentEditableWarning
        role="textbox"
        aria-multiline="true"
        aria-label="正文"
        tabIndex={0}
        onInput={emit}
        onBlur={() => {
          keepSelection();
          emit();
        }}
        onKeyUp={keepSelection}
        onMouseUp={keepSelection}
      />
      <Modal
        title="插入链接"
        open={linking}
        okText="插入"
        cancelText="取消"
        onCancel={() => setLinking(false)}
        onOk={() => {
          setLinking(false);
          if (/^(https?:\/\/|\/)/i.test(href.trim())) exec('createLink', href.trim());
          else message.error('链接须以 http://、https:// 或 / 开头');
        }}
      >
        <Input aria-label="链接地址" value={href} onChange={(e) => setHref(e.target.value)} />
      </Modal>
    </div>
  );
}
