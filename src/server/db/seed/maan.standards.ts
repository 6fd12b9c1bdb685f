import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import type { Deps } from '../../platform/deps';
import type { Trx } from '../../platform/db';
import type { StandardConfirmationsTable, StandardEvidenceTable } from '../schema';
import type { SeedPeople } from './maan-volunteers';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A 320×200 stand-in "photo": a coloured board with a lighter band, as a real PNG the console can show. */
function demoPhoto([r, g, b]: [number, number, number]): Buffer {
  const w = 320;
  const h = 200;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    const band = y > 70 && y < 130;
    for (let x = 0; x < w; x++) {
      const o = y * (w * 3 + 1) + 1 + x * 3;
      const edge = x < 12 || x >= w - 12 || y < 12 || y >= h - 12;
      raw[o] = edge ? 90 : band ? 255 : r;
      raw[o + 1] = edge ? 60 : band ? 240 : g;
      raw[o + 2] = edge ? 40 : band ? 200 : b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const PHOTOS = {
  signboard: ['标牌.png', [200, 30, 30]],
  logo: ['徽标与服装.png', [220, 120, 20]],
  culture_wall: ['文化墙.png', [30, 110, 180]],
  exhibition_hall: ['展示厅.png', [40, 140, 90]],
} as const;
type Photo = keyof typeof PHOTOS;

/**
 * Ma'an's "八有" evidence and the institute's confirmations (工作方案 二、(二)): signboards, logos and
 * uniforms (统一标识) and culture walls, exhibition halls, short videos and media reports (成果展示)
 * for the institute and its stations — most confirmed, a few awaiting confirmation, one declined,
 * one withdrawn and the last station with nothing yet. The automatic standards follow the seeded data.
 */
export async function seedStandards(deps: Pick<Deps, 'config'>, trx: Trx, now: Date, p: SeedPeople): Promise<void> {
  const dir = path.join(deps.config.dataDir, 'uploads', 'demo');
  mkdirSync(dir, { recursive: true });
  const units = [p.instituteId, ...p.stationIds];
  // One stored picture per kind; each unit's evidence cites its own upload row of it, made in that unit, so its admins may open it.
  const photoIds = units.map(() => ({}) as Record<Photo, string>);
  for (const [key, [name, colour]] of Object.entries(PHOTOS) as [Photo, (typeof PHOTOS)[Photo]][]) {
    const png = demoPhoto([...colour]);
    const rel = path.join('demo', `standards-${key}.png`);
    writeFileSync(path.join(deps.config.dataDir, 'uploads', rel), png);
    const rows = units.map((unitId, i) => {
      photoIds[i][key] = randomUUID();
      const by = i === 0 ? p.adminAccountId : (p.stationAdminIds[i - 1] ?? p.adminAccountId);
      const file = { id: photoIds[i][key], unit_id: unitId, purpose: 'photo', original_name: name, mime: 'image/png', size: png.length, sha256: '', path: rel };
      return { ...file, uploaded_by: by, created_at: now.toISOString() };
    });
    await trx.insertInto('files').values(rows).execute();
  }
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();
  const evidence: StandardEvidenceTable[] = [];
  const confirmations: StandardConfirmationsTable[] = [];
  const add = (i: number, standard: string, kind: string, note: string, photo: Photo | null, link: string | null, age: number) => {
    const row: StandardEvidenceTable = {
      id: randomUUID(),
      unit_id: units[i],
      standard,
      kind,
      note,
      file_ids: JSON.stringify(photo ? [photoIds[i][photo]] : []),
      link,
      added_by: i === 0 ? p.adminAccountId : (p.stationAdminIds[i - 1] ?? p.adminAccountId),
      added_by_name: i === 0 ? '实践所管理员' : '实践站管理员',
      created_at: daysAgo(age),
      withdrawn_at: null,
      withdrawn_by: null,
      withdrawn_by_name: null,
      withdraw_reason: null,
    };
    evidence.push(row);
    return row;
  };
  const confirm = (i: number, standard: string, decision: 'met' | 'not_met', reason: string, ids: string[], age: number) =>
    confirmations.push({
      id: randomUUID(),
      unit_id: units[i],
      standard,
      decision,
      reason,
      evidence_ids: JSON.stringify(ids),
      by_account: p.adminAccountId,
      by_name: '实践所管理员',
      created_at: daysAgo(age),
    });

  for (let i = 0; i < units.length; i++) {
    if (i === 20) continue; // the last station has not started: both standards red
    const name = i === 0 ? '实践所' : '实践站';
    const sign = [add(i, 'signage', 'signboard', `${name}门口悬挂统一的新时代文明实践标牌`, 'signboard', null, 60 - i)];
    if (i === 0 || i % 3 === 0) sign.push(add(i, 'signage', 'uniform', '志愿者统一服装、帽子和徽标', 'logo', null, 58 - i));
    if (i === 17)
      confirm(
        i,
        'signage',
        'not_met',
        '标牌未按全区统一样式制作，请按样式重新制作后再提交',
        sign.map((e) => e.id),
        30,
      );
    else if (i !== 18 && i !== 19)
      confirm(
        i,
        'signage',
        'met',
        '标牌、徽标和服装符合统一样式',
        sign.map((e) => e.id),
        40 - i,
      );

    if (i === 16) continue; // 成果展示 not yet submitted
    const show = [
      add(
        i,
        'showcase',
        'culture_wall',
        i === 0 ? '实践所一楼文明实践成果展示墙' : '社区家风文化墙',
        i === 0 ? 'exhibition_hall' : 'culture_wall',
        null,
        50 - i,
      ),
    ];
    if (i === 0) show.push(add(i, 'showcase', 'media_report', '“智慧马鞍”公众号专题报道', null, 'https://mp.weixin.qq.com/', 45));
    if (i % 4 === 1) show.push(add(i, 'showcase', 'short_video', '志愿服务活动短视频', null, 'https://www.douyin.com/', 44 - i));
    if (i === 12) {
      // Withdrawn and replaced: the history shows both.
      const old = show[0];
      old.withdrawn_at = daysAgo(20);
      old.withdrawn_by = p.stationAdminIds[i - 1] ?? null;
      old.withdrawn_by_name = '实践站管理员';
      old.withdraw_reason = '照片拍得不清楚，已重新拍摄上传';
      show.push(add(i, 'showcase', 'culture_wall', '社区家风文化墙（重新拍摄）', 'culture_wall', null, 19));
    }
    if (i !== 19 && i !== 15)
      confirm(
        i,
        'showcase',
        'met',
        '成果展示阵地已建成并对群众开放',
        show.filter((e) => !e.withdrawn_at).map((e) => e.id),
        15,
      );
  }
  await trx.insertInto('standard_evidence').values(evidence).execute();
  await trx.insertInto('standard_confirmations').values(confirmations).execute();
}
