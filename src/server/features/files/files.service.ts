import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { appendAudit } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import type { DbOrTrx } from '../../platform/db';
import { whoOf } from '../../platform/session';
import * as citers from './files.citers';
import * as q from './files.queries';

/** A feature's answer to "which units' records cite this file?" (see files.citers.ts). */
export type FileCiter = (db: DbOrTrx, fileId: string) => Promise<string[]>;
const FILE_CITERS: Record<string, FileCiter> = citers;

/** Every unit whose records cite the file, over all registered features. */
async function unitsCitingFile(db: DbOrTrx, fileId: string): Promise<string[]> {
  return (await Promise.all(Object.values(FILE_CITERS).map((cite) => cite(db, fileId)))).flat();
}

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Short videos (成果展示) may be larger than photos and documents. */
export const MAX_VIDEO_BYTES = 50 * 1024 * 1024;

const KINDS: { mime: string; exts: string[]; magic: number[]; at?: number; max?: number }[] = [
  { mime: 'image/jpeg', exts: ['.jpg', '.jpeg'], magic: [0xff, 0xd8, 0xff] },
  { mime: 'image/png', exts: ['.png'], magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mime: 'application/pdf', exts: ['.pdf'], magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  // ISO base media (MP4): a box size, then the 'ftyp' box type at byte 4.
  { mime: 'video/mp4', exts: ['.mp4'], magic: [0x66, 0x74, 0x79, 0x70], at: 4, max: MAX_VIDEO_BYTES },
  // Matroska/WebM: the EBML header.
  { mime: 'video/webm', exts: ['.webm'], magic: [0x1a, 0x45, 0xdf, 0xa3], max: MAX_VIDEO_BYTES },
];

/** The largest upload any kind takes: the multipart limit; each kind's own limit is checked after sniffing. */
export const MAX_ANY_UPLOAD_BYTES = Math.max(...KINDS.map((k) => k.max ?? MAX_UPLOAD_BYTES));

/** ASVS 5.2.2: the bytes must be what the extension says; the client's content type is not trusted. */
export function sniffKind(name: string, bytes: Buffer): string | null {
  const ext = path.extname(name).toLowerCase();
  const kind = KINDS.find((k) => k.exts.includes(ext));
  const at = kind?.at ?? 0;
  if (!kind || bytes.length < at + kind.magic.length) return null;
  return kind.magic.every((b, i) => bytes[at + i] === b) ? kind.mime : null;
}

function maxBytesOf(mime: string): number {
  return KINDS.find((k) => k.mime === mime)?.max ?? MAX_UPLOAD_BYTES;
}

export interface FileView {
  id: string;
  name: string;
  mime: string;
  size: number;
}

/**
 * The bytes land under their name whole or not at all: written to a temporary file beside it, synced,
 * then renamed. A full disk (ENOSPC) mid-write removes the temporary file — no 0-byte or truncated
 * upload is left behind (issue 12) — and the error answers 503 service.disk_full.
 */
async function writeWhole(file: string, bytes: Buffer): Promise<void> {
  const part = `${file}.${randomUUID()}.part`;
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(part, 'wx', 0o600);
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(part, file);
  } catch (err) {
    await handle?.close().catch(() => {});
    await rm(part, { force: true }).catch(() => {});
    throw err;
  }
}

/** Stores an upload under DATA_DIR/uploads; the database keeps who, what and a checksum. */
export async function saveUpload(deps: Deps, ctx: Ctx, input: { name: string; bytes: Buffer; purpose: string }): Promise<FileView> {
  if (input.bytes.length === 0) throw new AppError('files.missing');
  if (input.bytes.length > MAX_ANY_UPLOAD_BYTES) throw new AppError('files.too_large');
  const mime = sniffKind(input.name, input.bytes);
  if (!mime) throw new AppError('files.bad_type');
  if (input.bytes.length > maxBytesOf(mime)) throw new AppError('files.too_large');
  const id = randomUUID();
  const now = deps.clock.now();
  const rel = path.join(now.toISOString().slice(0, 7), `${id}${path.extname(input.name).toLowerCase()}`);
  const dir = path.join(deps.config.dataDir, 'uploads', path.dirname(rel));
  mkdirSync(dir, { recursive: true });
  const file = path.join(deps.config.dataDir, 'uploads', rel);
  await writeWhole(file, input.bytes);
  const unitId = ctx.actor.grants[0]?.unitId ?? null;
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const size = input.bytes.length;
  // A file nobody's row names is a file half-saved: when the row cannot be written, the file goes too.
  await recordUpload(file, () =>
    deps.db.transaction().execute(async (trx) => {
      await q.insertFile(trx, {
        id,
        unit_id: unitId,
        purpose: input.purpose,
        original_name: path.basename(input.name).slice(0, 120),
        mime,
        size,
        sha256,
        path: rel,
        uploaded_by: ctx.actor.accountId,
        created_at: now.toISOString(),
      });
      // What was stored and its checksum; not the content, nor the file name (names often carry a person's name).
      await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
        action: 'files.uploaded',
        objectType: 'file',
        objectId: id,
        unitId,
        changes: { file: { before: null, after: { purpose: input.purpose, mime, size, sha256 } } },
      });
    }),
  );
  return { id, name: path.basename(input.name), mime, size: input.bytes.length };
}

async function recordUpload(file: string, write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (err) {
    await rm(file, { force: true }).catch(() => {});
    throw err;
  }
}

/** The uploader, or staff whose scope covers the unit the file was uploaded in. */
export async function canUseFile(deps: Deps, ctx: Ctx, fileId: string): Promise<boolean> {
  const file = await q.getFile(deps.db, fileId);
  if (!file) return false;
  if (file.uploaded_by === ctx.actor.accountId) return true;
  return file.unit_id !== null && ctx.scope.can('files.use', file.unit_id);
}

/**
 * Reading is wider than reusing: besides the uploader and staff over the unit it was uploaded in,
 * staff whose scope covers a record citing the file (evidence, consent form, order photo, and every
 * feature registered in files.citers.ts: receipts, meeting attachments, plan evidence and documents,
 * training materials) and the person the record is about may open it.
 */
async function canReadFile(deps: Deps, ctx: Ctx, fileId: string): Promise<boolean> {
  if (await canUseFile(deps, ctx, fileId)) return true;
  const refs = await q.referencesTo(deps.db, fileId);
  if (refs.persons.includes(ctx.actor.personId)) return true;
  if (!ctx.scope.hasRole('files.read')) return false;
  const units = [...refs.units, ...(await unitsCitingFile(deps.db, fileId))];
  if (units.length === 0) return false;
  const scope = await ctx.scope.units('files.read');
  return units.some((u) => scope.has(u));
}

export async function readUpload(deps: Deps, ctx: Ctx, fileId: string) {
  if (!(await canReadFile(deps, ctx, fileId))) throw notFound();
  const file = await q.getFile(deps.db, fileId);
  if (!file) throw notFound();
  return { file, bytes: await readFile(path.join(deps.config.dataDir, 'uploads', file.path)) };
}

/** The portal shows brand, venue and on-sale goods photos to anyone; nothing else is public. */
export async function readPublicPhoto(deps: Deps, fileId: string) {
  const file = await q.getFile(deps.db, fileId);
  if (!file?.mime.startsWith('image/') || !(await q.isPublicPhoto(deps.db, fileId))) throw notFound();
  return { file, bytes: await readFile(path.join(deps.config.dataDir, 'uploads', file.path)) };
}

/** The stored bytes of a file a feature has decided to show publicly (成果展示); no access check here. */
export async function readPublishedFile(deps: Deps, fileId: string) {
  const file = await q.getFile(deps.db, fileId);
  if (!file) throw notFound();
  return { file, bytes: await readFile(path.join(deps.config.dataDir, 'uploads', file.path)) };
}

/**
 * An uploaded image's bytes for a feature that has itself decided the image is public (a published
 * news item's cover or body image): the caller checks; this reads.
 */
export async function readImageForPublic(deps: Deps, fileId: string) {
  const file = await q.getFile(deps.db, fileId);
  if (!file?.mime.startsWith('image/')) throw notFound();
  return { file, bytes: await readFile(path.join(deps.config.dataDir, 'uploads', file.path)) };
}
