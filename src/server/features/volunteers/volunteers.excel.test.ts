import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { VOLUNTEER_COLUMNS } from '../../../shared/exchange';
import { makeIdNumber } from '../../../shared/rules/id-number';
import { RegisterVolunteerInput } from '../../../shared/volunteers';
import {
  buildVolunteerTemplate,
  checkVolunteerRow,
  markDuplicatesInFile,
  type RosterRow,
  readVolunteerRoster,
  writeVolunteerCsv,
  writeVolunteerWorkbook,
} from './volunteers.excel';

const TODAY = '2025-06-01';
const STATIONS = ['南门社区实践站', '马鞍村实践站'];
const stationIdByName = new Map(STATIONS.map((name) => [name, randomUUID()]));
const ctx = { stationIdByName, today: TODAY };

const ADULT_ID = makeIdNumber('500102', '1990-05-17', 123); // 17th digit 3: male
const TEEN_ID = makeIdNumber('500102', '2010-01-01', 246); // 15 on TODAY
const CHILD_ID = makeIdNumber('500102', '2015-01-01', 246);
function badChecksum(id: string): string {
  const last = id[17] === '0' ? '1' : '0';
  return id.slice(0, 17) + last;
}

function colIndex(key: string): number {
  return VOLUNTEER_COLUMNS.findIndex((c) => c.key === key) + 1;
}

/** A complete valid row, keyed by ColumnDef.key. */
function person(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    name: '张三',
    idType: '01 居民身份证',
    idNumber: ADULT_ID,
    phone: '13800138000',
    gender: '',
    birthDate: '',
    ethnicity: '汉族',
    politicalStatus: '群众',
    education: '本科',
    employment: '在职',
    residenceArea: '重庆市涪陵区',
    station: STATIONS[0],
    serviceCategories: '理论宣讲、文化惠民',
    skills: '摄影、急救',
    email: '',
    team: '',
    volunteerNo: '',
    category: '热心群众',
    consent: '是',
    ...overrides,
  };
}

function rosterRow(values: Record<string, string>, rowNumber = 3): RosterRow {
  const all: Record<string, string> = {};
  for (const c of VOLUNTEER_COLUMNS) all[c.key] = values[c.key] ?? '';
  return { rowNumber, values: all };
}

async function loadWorkbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Fills the template's data rows from row 4 (below the example row), the way a person would. */
async function fillTemplate(people: Record<string, string>[], tweak?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = await loadWorkbook(await buildVolunteerTemplate(STATIONS));
  const ws = wb.getWorksheet('志愿者名册')!;
  people.forEach((p, i) => {
    for (const [key, value] of Object.entries(p)) if (value !== '') ws.getCell(i + 4, colIndex(key)).value = value;
  });
  tweak?.(ws);
  return toBuffer(wb);
}

function cellString(value: ExcelJS.CellValue): string {
  if (value && typeof value === 'object' && 'richText' in value) return value.richText.map((p) => p.text).join('');
  return String(value ?? '');
}

describe('import template', () => {
  it('has marked headers, a grey hint row, text columns, dropdowns and a guide sheet', async () => {
    const wb = await loadWorkbook(await buildVolunteerTemplate(STATIONS));
    expect(wb.worksheets.map((w) => w.name).slice(0, 2)).toEqual(['志愿者名册', '填写说明']);
    const ws = wb.worksheets[0];
    const headers = VOLUNTEER_COLUMNS.map((_, i) => cellString(ws.getCell(1, i + 1).value));
    expect(headers).toEqual(VOLUNTEER_COLUMNS.map((c) => (c.required ? `${c.header}*` : c.header)));
    expect(ws.getCell(1, 1).font?.bold).toBe(true);

    const idHint = ws.getCell(2, colIndex('idType'));
    expect(cellString(idHint.value)).toContain('01 居民身份证');
    expect(idHint.font?.italic).toBe(true);

    expect(ws.getColumn(colIndex('idNumber')).numFmt).toBe('@');
    expect(ws.getColumn(colIndex('phone')).numFmt).toBe('@');
    expect(ws.getColumn(colIndex('idNumber')).width).toBeGreaterThanOrEqual(20);

    const dropdown = (key: string) => ws.getCell(10, colIndex(key)).dataValidation;
    for (const key of ['idType', 'gender', 'politicalStatus', 'education', 'category', 'station', 'consent']) {
      expect(dropdown(key)?.type, key).toBe('list');
    }
    expect(dropdown('name')).toBeUndefined();

    // The station dropdown's source holds exactly the station names.
    const source = String(dropdown('station')?.formulae[0]);
    const [sheet, range] = source.split('!');
    const lists = wb.getWorksheet(sheet.replace(/'/g, ''))!;
    const [from, to] = range
      .replace(/\$/g, '')
      .split(':')
      .map((a) => lists.getCell(a));
    const names: string[] = [];
    for (let r = Number(from.row); r <= Number(to.row); r++) names.push(String(lists.getCell(r, Number(from.col)).value));
    expect(names).toEqual(STATIONS);

    const guide = wb.getWorksheet('填写说明')!;
    const text: string[] = [];
    guide.eachRow((row) => text.push(cellString(row.getCell(1).value)));
    const all = text.join('\n');
    expect(all).toContain('未满 14 周岁');
    expect(all).toContain('监护人');
    expect(all).toContain('最多 4 个');
    expect(all).toContain('理论宣讲');
    expect(all).toContain('签字');
  });

  it('works without station names (no empty dropdown)', async () => {
    const wb = await loadWorkbook(await buildVolunteerTemplate([]));
    expect(wb.worksheets[0].getCell(3, colIndex('station')).dataValidation).toBeUndefined();
  });

  it('reads back an untouched template as no rows: the hint row is skipped', async () => {
    const result = await readVolunteerRoster(await buildVolunteerTemplate(STATIONS));
    expect(result).toEqual({ rows: [], headerProblems: [] });
  });
});

describe('template round trip', () => {
  it('reads filled rows and checks them', async () => {
    const buf = await fillTemplate([
      person(),
      person({ name: '李四', idNumber: badChecksum(ADULT_ID), phone: '13900139000' }),
      person({ name: '王小五', idNumber: TEEN_ID, phone: '13700137000' }),
    ]);
    const { rows, headerProblems } = await readVolunteerRoster(buf);
    expect(headerProblems).toEqual([]);
    expect(rows.map((r) => r.rowNumber)).toEqual([4, 5, 6]);
    expect(rows[0].values.idNumber).toBe(ADULT_ID);
    expect(rows[0].values.station).toBe(STATIONS[0]);
    expect(rows[0].values.volunteerNo).toBe('');

    const checks = markDuplicatesInFile(rows.map((r) => checkVolunteerRow(r, ctx)));
    expect(checks[0].problems).toEqual([]);
    const input = checks[0].input!;
    expect(RegisterVolunteerInput.parse(input)).toEqual(input);
    expect(input).toMatchObject({
      name: '张三',
      idType: '01',
      idNumber: ADULT_ID,
      phone: '13800138000',
      stationId: stationIdByName.get(STATIONS[0]),
      category: '热心群众',
      politicalStatus: '群众',
      education: '本科',
      ethnicity: '汉族',
      serviceCategories: ['理论宣讲', '文化惠民'],
      skills: ['摄影', '急救'],
      consent: { method: 'signed_form', note: 'Excel 批量导入' },
    });
    expect(input).not.toHaveProperty('gender');
    expect(input).not.toHaveProperty('birthDate');
    expect(checks[0].extras).toEqual({ residenceArea: '重庆市涪陵区', employment: '在职', team: null, teamId: null });

    expect(checks[1].input).toBeNull();
    expect(checks[1].problems).toEqual(['证件号码：校验位不正确']);

    expect(checks[2].input).toBeNull();
    expect(checks[2].problems).toEqual(['出生日期：未满 18 周岁，需监护人到场同意后在系统中单独登记']);
  });

  it('reports an 18-digit ID stored as a number instead of guessing it back', async () => {
    const buf = await fillTemplate([person()], (ws) => {
      // What Excel keeps of an 18-digit number typed into a General cell: 15 significant digits.
      ws.getCell(4, colIndex('idNumber')).value = Number(`${ADULT_ID.slice(0, 15)}000`);
    });
    const { rows } = await readVolunteerRoster(buf);
    expect(rows).toHaveLength(1);
    expect(rows[0].cellProblems).toEqual([{ key: 'idNumber', code: 'number_not_text' }]);
    expect(rows[0].values.idNumber).toBe('');
    expect(Object.values(rows[0].values).join()).not.toMatch(/e\+?17|5\.00102/);
    const check = checkVolunteerRow(rows[0], ctx);
    expect(check.input).toBeNull();
    expect(check.problems).toHaveLength(1);
    expect(check.problems[0]).toMatch(/^证件号码：单元格是数字格式/);
  });

  it('turns numbers, dates, rich text, hyperlinks and formula results into text', async () => {
    const buf = await fillTemplate([person()], (ws) => {
      ws.getCell(4, colIndex('phone')).value = 13800138000;
      ws.getCell(4, colIndex('idType')).value = 1;
      ws.getCell(4, colIndex('name')).value = { richText: [{ text: '张' }, { text: '三', font: { bold: true } }] };
      ws.getCell(4, colIndex('email')).value = { text: 'zs@example.com', hyperlink: 'mailto:zs@example.com' };
      // A date pasted from another sheet brings its date format with it.
      const birth = ws.getCell(4, colIndex('birthDate'));
      birth.value = new Date(Date.UTC(1990, 4, 17));
      birth.numFmt = 'yyyy-mm-dd';
      ws.getCell(4, colIndex('category')).value = { formula: 'IF(1,"热心群众","")', result: '热心群众' };
    });
    const { rows } = await readVolunteerRoster(buf);
    expect(rows[0].values).toMatchObject({
      phone: '13800138000',
      idType: '1',
      name: '张三',
      email: 'zs@example.com',
      birthDate: '1990-05-17',
      category: '热心群众',
    });
    const check = checkVolunteerRow(rows[0], ctx);
    expect(check.problems).toEqual([]);
    expect(check.input).toMatchObject({ idType: '01', email: 'zs@example.com' });
  });

  it('finds the header below a title row and without the * marks, and skips blank rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.getCell('A1').value = '南门社区志愿者名册';
    VOLUNTEER_COLUMNS.forEach((c, i) => {
      ws.getCell(2, i + 1).value = ` ${c.header} `;
    });
    const p = person();
    VOLUNTEER_COLUMNS.forEach((c, i) => {
      ws.getCell(3, i + 1).value = p[c.key];
      ws.getCell(5, i + 1).value = p[c.key];
    });
    ws.getCell(4, 1).value = '   ';
    const { rows, headerProblems } = await readVolunteerRoster(await toBuffer(wb));
    expect(headerProblems).toEqual([]);
    expect(rows.map((r) => r.rowNumber)).toEqual([3, 5]);
  });

  it('lists missing required columns in Chinese', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    VOLUNTEER_COLUMNS.filter((c) => c.key !== 'idNumber' && c.key !== 'consent').forEach((c, i) => {
      ws.getCell(1, i + 1).value = c.header;
    });
    const { rows, headerProblems } = await readVolunteerRoster(await toBuffer(wb));
    expect(rows).toEqual([]);
    expect(headerProblems).toEqual(['缺少必填列：证件号码', '缺少必填列：本人同意录入']);
  });

  it('gives a header problem, not a throw, for a file that is not .xlsx', async () => {
    await expect(readVolunteerRoster(Buffer.from('姓名,证件号码\n张三,1\n'))).resolves.toEqual({
      rows: [],
      headerProblems: ['无法读取文件，请使用模板填写的 .xlsx 文件'],
    });
    await expect(readVolunteerRoster(Buffer.from('PK\u0003\u0004 not really a zip'))).resolves.toEqual({
      rows: [],
      headerProblems: ['无法读取文件，请使用模板填写的 .xlsx 文件'],
    });
    await expect(readVolunteerRoster(Buffer.alloc(0))).resolves.toMatchObject({ headerProblems: ['无法读取文件，请使用模板填写的 .xlsx 文件'] });
  });

  it('refuses more than 5000 data rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(VOLUNTEER_COLUMNS.map((c) => c.header));
    for (let i = 0; i < 5001; i++) ws.addRow(['张三', '01', `id${i}`]);
    const result = await readVolunteerRoster(await toBuffer(wb));
    expect(result).toEqual({ rows: [], headerProblems: ['一次最多导入 5000 行'] });
  });
});

describe('row checks', () => {
  const problemsOf = (overrides: Record<string, string>) => checkVolunteerRow(rosterRow(person(overrides)), ctx).problems;

  it('accepts the bare ID type code and a lower-case x', () => {
    const id = makeIdNumber('110101', '1985-12-01', 10);
    const idWithX = id.endsWith('X') ? id.toLowerCase() : id;
    expect(problemsOf({ idType: '01', idNumber: idWithX })).toEqual([]);
  });

  it('requires the required columns', () => {
    const check = checkVolunteerRow(rosterRow({}), ctx);
    expect(check.input).toBeNull();
    for (const header of ['姓名', '证件类型', '证件号码', '手机号码', '居住区域', '服务区域', '服务类别']) {
      expect(check.problems).toContain(`${header}：必填`);
    }
    // Not a national column, so a national file may lack it; a new volunteer still needs it.
    expect(check.problems).toContain('志愿者类别：必填（全国系统名册没有此列，新登记的志愿者须补填）');
    expect(check.problems).toContain('本人同意录入：未确认本人同意录入，不能导入');
  });

  it('refuses under-14s and minors, and checks the ID format', () => {
    expect(problemsOf({ idNumber: CHILD_ID })).toEqual(['出生日期：未满 14 周岁，不能登记为志愿者']);
    expect(problemsOf({ idNumber: '5001021990051712' })).toEqual(['证件号码：居民身份证号码应为 18 位，最后一位可以是 X']);
    expect(problemsOf({ idNumber: makeIdNumber('500102', '1990-02-30', 1) })).toEqual(['证件号码：出生日期部分不正确']);
  });

  it('derives gender and birth date from the ID and flags conflicting columns', () => {
    expect(problemsOf({ gender: '1 男', birthDate: '1990/5/17' })).toEqual([]);
    expect(problemsOf({ gender: '2', birthDate: '1990-05-18' })).toEqual([
      '性别：与证件号码不一致（证件号码显示为男）',
      '出生日期：与证件号码不一致（证件号码显示为 1990-05-17）',
    ]);
    expect(problemsOf({ gender: '未知' })).toEqual(['性别：应为 1 男 或 2 女']);
  });

  it('takes gender and birth date from the columns for other ID types', () => {
    const check = checkVolunteerRow(rosterRow(person({ idType: '04', idNumber: 'e12345678', gender: '2 女', birthDate: '1988-03-09' })), ctx);
    expect(check.problems).toEqual([]);
    expect(check.input).toMatchObject({ idType: '04', idNumber: 'E12345678', gender: 'female', birthDate: '1988-03-09' });
    expect(problemsOf({ idType: '02', idNumber: 'H1234567' })).toEqual(['性别：非居民身份证须填写性别', '出生日期：非居民身份证须填写出生日期']);
    expect(problemsOf({ idType: '04', idNumber: 'E12345678', gender: '1', birthDate: '2012-01-01' })).toEqual(['出生日期：未满 14 周岁，不能登记为志愿者']);
  });

  it('checks phone, station, categories, skills, consent and email', () => {
    expect(problemsOf({ phone: '1380013800' })).toEqual(['手机号码：应为 11 位手机号']);
    expect(checkVolunteerRow(rosterRow(person({ phone: '+86 138-0013-8000' })), ctx).phone).toBe('13800138000');
    expect(problemsOf({ station: '不存在站' })).toEqual(['服务区域：“不存在站”不是本单位的实践站，请从下拉列表选择']);
    expect(problemsOf({ category: '路人' })[0]).toMatch(/^志愿者类别：应为 党员干部/);
    expect(problemsOf({ serviceCategories: '理论宣讲，教育服务;文化惠民/乡风文明 健康促进' })).toEqual(['服务类别：最多 4 个，当前 5 个']);
    expect(problemsOf({ serviceCategories: '理论宣讲、跳广场舞' })).toEqual(['服务类别：“跳广场舞”不在服务类别列表中（见“填写说明”）']);
    expect(checkVolunteerRow(rosterRow(person({ serviceCategories: '理论宣讲；理论宣讲, 助老助残' })), ctx).input?.serviceCategories).toEqual([
      '理论宣讲',
      '助老助残',
    ]);
    expect(problemsOf({ skills: `摄影、${'长'.repeat(21)}` })).toEqual([`专业技能/特长：每项最多 20 个字：${'长'.repeat(21)}`]);
    expect(problemsOf({ consent: '否' })).toEqual(['本人同意录入：未确认本人同意录入，不能导入']);
    expect(problemsOf({ email: 'not-an-email' })).toEqual(['邮箱：邮箱格式不正确']);
    expect(checkVolunteerRow(rosterRow(person({ email: 'a@b.cn' })), ctx).input?.email).toBe('a@b.cn');
    expect(problemsOf({ politicalStatus: '党员', education: '高中' })).toEqual([]);
    expect(problemsOf({ education: '幼儿园' })[0]).toMatch(/^最高学历：/);
  });
});

describe('duplicates within the file', () => {
  it('flags every later row with the same ID number or phone', () => {
    const other = makeIdNumber('500102', '1980-01-01', 55);
    const checks = markDuplicatesInFile([
      checkVolunteerRow(rosterRow(person(), 3), ctx),
      checkVolunteerRow(rosterRow(person({ phone: '13900139000' }), 4), ctx),
      checkVolunteerRow(rosterRow(person({ idNumber: other }), 5), ctx),
      checkVolunteerRow(rosterRow(person({ idNumber: ADULT_ID.replace(/X$/, 'x') }), 6), ctx),
      checkVolunteerRow(rosterRow(person({ idNumber: makeIdNumber('500102', '1981-01-01', 55), phone: '13600136000' }), 7), ctx),
    ]);
    expect(checks[0].problems).toEqual([]);
    expect(checks[0].input).not.toBeNull();
    expect(checks[1].problems).toEqual(['证件号码：与第 3 行重复']);
    expect(checks[1].input).toBeNull();
    expect(checks[2].problems).toEqual(['手机号码：与第 3 行重复']);
    expect(checks[3].problems).toEqual(['证件号码：与第 3 行重复', '手机号码：与第 3 行重复']);
    expect(checks[4].problems).toEqual([]);
  });
});

describe('export', () => {
  const rows = [
    person({ name: '=HYPERLINK("http://evil","点我")', email: 'a@b.cn', volunteerNo: '0012345' }),
    person({ name: '王, "小"\n五', idNumber: '11010119850101001X', phone: '01234567890' }),
  ];

  it('writes a CSV with BOM, CRLF, the national field order and neutralised formulas', () => {
    const csv = writeVolunteerCsv(rows);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const [header] = csv.slice(1).split('\r\n');
    expect(header).toBe(VOLUNTEER_COLUMNS.map((c) => `"${c.header}"`).join(','));
    expect(csv).toContain('"\'=HYPERLINK(""http://evil"",""点我"")"');
    expect(csv).toContain('"王, ""小""\n五"');
    expect(csv).toContain('"11010119850101001X"');
    expect(csv).toContain('"01234567890"');
    expect(csv).toContain('"0012345"');
    // Three records; the newline inside a quoted field is not a record break.
    expect(
      csv
        .slice(1)
        .split('\r\n')
        .filter((l) => l !== ''),
    ).toHaveLength(3);
  });

  it('uses the given columns', () => {
    const csv = writeVolunteerCsv([{ name: '张三', phone: '13800138000' }], [VOLUNTEER_COLUMNS[0], VOLUNTEER_COLUMNS[3]]);
    expect(csv).toBe('\uFEFF"姓名","手机号码"\r\n"张三","13800138000"\r\n');
  });

  it('writes an .xlsx with plain headers, a frozen header row and text cells', async () => {
    const wb = await loadWorkbook(await writeVolunteerWorkbook(rows, '志愿者名册/2025:导出'));
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('志愿者名册_2025_导出');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(VOLUNTEER_COLUMNS.map((_, i) => ws.getCell(1, i + 1).value)).toEqual(VOLUNTEER_COLUMNS.map((c) => c.header));
    expect(ws.getCell(2, colIndex('name')).value).toBe('\'=HYPERLINK("http://evil","点我")');
    expect(ws.getCell(3, colIndex('idNumber')).value).toBe('11010119850101001X');
    expect(ws.getCell(3, colIndex('phone')).value).toBe('01234567890');
    expect(ws.getCell(2, colIndex('volunteerNo')).value).toBe('0012345');
    expect(ws.getCell(2, colIndex('idNumber')).numFmt).toBe('@');
    expect(ws.rowCount).toBe(3);
  });

  it('round-trips through the reader', async () => {
    const { rows: read, headerProblems } = await readVolunteerRoster(await writeVolunteerWorkbook([person()], '导出'));
    expect(headerProblems).toEqual([]);
    expect(read).toEqual([{ rowNumber: 2, values: person() }]);
  });
});
