import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import type { Deps } from '../../platform/deps';
import type { Trx } from '../../platform/db';
import { bytesOf, registerChineseFonts } from '../../platform/pdf-fonts';
import type { ShowcaseItemsTable, ShowcasePeopleTable } from '../schema';
import type { SeedPeople } from './maan-volunteers';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
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

/** A small generated picture (a two-colour gradient with a sun and hills): the demo's stand-in for a photo. */
export function demoPng(seed: number, w = 320, h = 240): Buffer {
  const [r1, g1, b1] = [(seed * 67) % 200, (seed * 131) % 200, 120 + ((seed * 29) % 120)];
  const raw = Buffer.alloc((w * 3 + 1) * h);
  const sunX = w * (0.25 + ((seed * 37) % 50) / 100);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0;
    for (let x = 0; x < w; x++) {
      const t = y / h;
      const hill = h * (0.62 + 0.12 * Math.sin((x / w) * Math.PI * 2 + seed));
      const sun = (x - sunX) ** 2 + (y - h * 0.3) ** 2 < (h * 0.12) ** 2;
      const [r, g, b] = sun ? [250, 200, 60] : y > hill ? [40 + (seed % 5) * 10, 120 + (seed % 3) * 20, 60] : [r1 + 55 * t, g1 + 55 * t, b1];
      const o = y * (w * 3 + 1) + 1 + x * 3;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** 宣传折页: a two-page A5 leaflet in Chinese, drawn with pdfkit and the embedded CJK font. */
async function leafletPdf(): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A5', margin: 40, lang: 'zh-CN', info: { Title: '马鞍街道新时代文明实践宣传折页', Creator: 'Shijian 实践' } });
  const done = bytesOf(pdf);
  await registerChineseFonts(pdf);
  pdf.rect(0, 0, pdf.page.width, 90).fill('#a8071a');
  pdf.font('B').fontSize(20).fillColor('#fff').text('马鞍街道新时代文明实践', 40, 34);
  pdf.moveDown(3).font('B').fontSize(14).fillColor('#1f2329').text('我们做什么');
  pdf.font('R').fontSize(11).text('学思想、讲政策、传文化、育新风、优服务。实践所统筹、实践站落地，志愿服务队常态开展活动。', { lineGap: 4 });
  pdf.moveDown().font('B').fontSize(14).text('怎样参与');
  pdf
    .font('R')
    .fontSize(11)
    .text('1. 到就近的新时代文明实践站登记成为志愿者；\n2. 在“实践”平台报名活动、记录服务时长；\n3. 有需要时在门户“群众点单”，志愿者上门服务。', {
      lineGap: 4,
    });
  pdf.addPage();
  pdf.font('B').fontSize(14).fillColor('#1f2329').text('七加一');
  pdf.font('R').fontSize(11).text('学习理论、共享邻里情、温暖润童心、文化惠民、移风易俗、健康生活、平安法治，加上一个社区特色品牌。', { lineGap: 4 });
  pdf.moveDown().font('R').fontSize(10).fillColor('#4a515c').text('（演示数据）');
  pdf.end();
  return done;
}

interface Item {
  unit: string;
  kind: ShowcaseItemsTable['kind'];
  title: string;
  description: string;
  cover?: string;
  media?: { fileId: string; caption?: string }[];
  activityId?: string | null;
  programmeId?: string | null;
  featured?: boolean;
  status?: ShowcaseItemsTable['status'];
  people?: { name: string; kind: 'volunteer' | 'resident'; consent?: boolean; masked?: boolean }[];
  withdrawReason?: string;
}

/**
 * 成果展示 in the Ma'an demo: the institute's and two stations' brands, two featured activities
 * (their closing summaries come along), a gallery with captions, the culture wall, a leaflet PDF;
 * a draft that cannot be published yet (a resident without a consent record) and one withdrawn item.
 * No demo video: none can be made offline; the upload path is tested instead.
 */
export async function seedShowcase(deps: Pick<Deps, 'config'>, trx: Trx, now: Date, p: SeedPeople): Promise<void> {
  const at = now.toISOString();
  mkdirSync(path.join(deps.config.dataDir, 'uploads', 'demo'), { recursive: true });
  const file = async (unitId: string, name: string, bytes: Buffer, mime: string) => {
    const id = randomUUID();
    const rel = path.join('demo', `showcase-${id}${path.extname(name)}`);
    writeFileSync(path.join(deps.config.dataDir, 'uploads', rel), bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await trx
      .insertInto('files')
      .values({
        id,
        unit_id: unitId,
        purpose: 'photo',
        original_name: name,
        mime,
        size: bytes.length,
        sha256,
        path: rel,
        uploaded_by: p.adminAccountId,
        created_at: at,
      })
      .execute();
    return id;
  };
  let n = 0;
  const photo = (unitId: string, name: string) => file(unitId, name, demoPng(++n), 'image/png');
  const inst = p.instituteId;
  const [s0 = inst, s1 = inst, s2 = inst] = p.stationIds;

  const programme = await trx.selectFrom('programmes').select('id').where('unit_id', '=', inst).orderBy('sort').executeTakeFirst();
  const held = await trx
    .selectFrom('activities')
    .innerJoin('activity_summaries', 'activity_summaries.activity_id', 'activities.id')
    .select(['activities.id', 'activities.unit_id', 'activities.title'])
    .orderBy('activities.starts_at', 'desc')
    .limit(2)
    .execute();

  const items: Item[] = [
    {
      unit: inst,
      kind: 'brand',
      title: '马鞍聚力 · 文明同行',
      description: '实践所“一所一品”：以七加一项目为骨架，把理论宣讲、邻里互助和文化惠民送到群众家门口。',
      cover: await photo(inst, '品牌主图.png'),
      media: [{ fileId: await photo(inst, '品牌活动一.png') }, { fileId: await photo(inst, '品牌活动二.png') }],
      programmeId: programme?.id ?? null,
      featured: true,
    },
    {
      unit: s0,
      kind: 'brand',
      title: '金银社区 · 邻里一家亲',
      description: '“一社区一特色”：楼道议事会、邻里互助角和每月一次的百家宴。',
      cover: await photo(s0, '邻里一家亲.png'),
    },
    ...held.map(
      (a, i): Item => ({
        unit: a.unit_id,
        kind: 'featured',
        title: `精品活动：${a.title}`,
        description: '活动总结与现场照片。',
        cover: undefined,
        activityId: a.id,
        featured: i === 0,
        people: [{ name: '刘志强', kind: 'volunteer', consent: true }],
      }),
    ),
    {
      unit: s1,
      kind: 'gallery',
      title: '重阳敬老 · 图片集',
      description: '志愿者为辖区老人义诊、理发、包饺子。',
      cover: undefined,
      media: [
        { fileId: await photo(s1, '义诊.png'), caption: '志愿者为老人测量血压' },
        { fileId: await photo(s1, '理发.png'), caption: '爱心理发' },
        { fileId: await photo(s1, '包饺子.png'), caption: '和老人一起包饺子' },
        { fileId: await photo(s1, '合影.png'), caption: '活动合影' },
      ],
      featured: true,
      people: [
        { name: '陈秀兰', kind: 'resident', consent: true },
        { name: '赵建国', kind: 'volunteer', consent: true },
        { name: '孙美华', kind: 'resident', masked: true },
      ],
    },
    {
      unit: inst,
      kind: 'wall',
      title: '社会主义核心价值观文化墙',
      description: '富强、民主、文明、和谐，自由、平等、公正、法治，爱国、敬业、诚信、友善。\n位于实践所一楼连廊，配以本街道好人好事的故事。',
      media: [{ fileId: await photo(inst, '文化墙.png') }],
    },
    {
      unit: inst,
      kind: 'leaflet',
      title: '新时代文明实践宣传折页',
      description: '我们做什么、怎样参与、七加一项目一览。',
      cover: await photo(inst, '折页封面.png'),
      media: [{ fileId: await file(inst, '新时代文明实践宣传折页.pdf', await leafletPdf(), 'application/pdf') }],
    },
    {
      unit: s2,
      kind: 'gallery',
      title: '垃圾分类宣传进小区（待补同意记录）',
      description: '照片中有居民正脸，尚未取得本人同意，暂不能发布。',
      media: [{ fileId: await photo(s2, '垃圾分类.png'), caption: '志愿者讲解分类方法' }],
      status: 'draft',
      people: [{ name: '周玉芬', kind: 'resident' }],
    },
    {
      unit: s0,
      kind: 'wall',
      title: '旧版村规民约墙',
      description: '村规民约修订后旧版撤下。',
      media: [{ fileId: await photo(s0, '村规民约.png') }],
      status: 'withdrawn',
      withdrawReason: '村规民约已修订，旧版不再展示',
    },
  ];

  const rows: ShowcaseItemsTable[] = [];
  const people: ShowcasePeopleTable[] = [];
  const withdrawals: { id: string; item_id: string; reason: string; by_account: string; by_name: string; created_at: string }[] = [];
  items.forEach((it, i) => {
    const id = randomUUID();
    const status = it.status ?? 'published';
    rows.push({
      id,
      unit_id: it.unit,
      kind: it.kind,
      title: it.title,
      description: it.description,
      cover_file_id: it.cover ?? null,
      media: JSON.stringify((it.media ?? []).map((m) => ({ fileId: m.fileId, caption: m.caption ?? null }))),
      activity_id: it.activityId ?? null,
      programme_id: it.programmeId ?? null,
      sort: i,
      featured: it.featured ? 1 : 0,
      status,
      published_at: status === 'draft' ? null : at,
      created_by: p.adminAccountId,
      created_at: at,
      updated_at: at,
    });
    for (const [position, person] of (it.people ?? []).entries()) {
      people.push({
        id: randomUUID(),
        item_id: id,
        position,
        name: person.name,
        kind: person.kind,
        masked: person.masked ? 1 : 0,
        consent_recorded_by: person.consent ? '站点工作人员' : null,
        consent_on: person.consent ? at.slice(0, 10) : null,
        consent_scope: person.consent ? '门户成果展示（照片与姓名）' : null,
        created_by: p.adminAccountId,
        created_at: at,
      });
    }
    if (it.withdrawReason)
      withdrawals.push({ id: randomUUID(), item_id: id, reason: it.withdrawReason, by_account: p.adminAccountId, by_name: '实践所管理员', created_at: at });
  });
  await trx.insertInto('showcase_items').values(rows).execute();
  if (people.length > 0) await trx.insertInto('showcase_people').values(people).execute();
  if (withdrawals.length > 0) await trx.insertInto('showcase_withdrawals').values(withdrawals).execute();
}
