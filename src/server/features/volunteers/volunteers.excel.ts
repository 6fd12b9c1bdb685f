/**
 * Volunteer rosters as spreadsheets (domain.md, "Exchange formats"): the import template, reading a
 * filled-in roster, checking each row without the database, and the export as .xlsx and CSV.
 * Pure functions: the routes own the database, the upload size limit and the audit log.
 *
 * Columns come from src/shared/exchange.ts only. Every number (ID, phone) travels as text: Excel
 * keeps 15 significant digits, so an 18-digit ID typed into a number cell is already destroyed
 * when it reaches us and is reported, never guessed back.
 */
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors';
import { readFirstSheet } from '../../platform/xlsx-read';
import { z } from 'zod';
import { type ColumnDef, safeCell, VOLUNTEER_COLUMNS } from '../../../shared/exchange';
import { ageOn, birthDateFromId, genderFromId, idNumberProblem, normaliseIdNumber } from '../../../shared/rules/id-number';
import {
  ADULT_AGE,
  EDUCATION_LEVELS,
  ID_TYPES,
  MIN_VOLUNTEER_AGE,
  POLITICAL_STATUSES,
  RegisterVolunteerInput,
  SERVICE_CATEGORIES,
  VOLUNTEER_CATEGORIES,
} from '../../../shared/volunteers';

export type { ColumnDef };

export const ROSTER_SHEET = '志愿者名册';
export const GUIDE_SHEET = '填写说明';
/** Holds the dropdown lists (a sheet range has no 255-character limit, unlike an inline list). */
const LISTS_SHEET = '下拉选项';
export const MAX_IMPORT_ROWS = 5000;
/** Rows of the template that carry dropdowns and the text format: header + hint + MAX_IMPORT_ROWS. */
const TEMPLATE_LAST_ROW = MAX_IMPORT_ROWS + 2;
const MAX_SERVICE_CATEGORIES = 4;
const MAX_SKILLS = 10;

export const UNREADABLE_FILE = '无法读取文件，请使用模板填写的 .xlsx 文件';
export const TOO_MANY_ROWS = `一次最多导入 ${MAX_IMPORT_ROWS} 行`;
export const NO_HEADER_ROW = '未找到表头行，请使用模板填写（表头应包含 姓名、证件类型、证件号码 等列）';

const ID_TYPE_CODES = Object.keys(ID_TYPES) as (keyof typeof ID_TYPES)[];
type IdTypeCode = (typeof ID_TYPE_CODES)[number];
const ID_TYPE_OPTIONS = ID_TYPE_CODES.map((code) => `${code} ${ID_TYPES[code]}`);
const GENDER_OPTIONS = ['1 男', '2 女'];
const CONSENT_OPTIONS = ['是', '否'];
const DROPDOWN_HINT = '从下拉列表选择';

const columnByKey = new Map(VOLUNTEER_COLUMNS.map((c) => [c.key, c]));
function headerOf(key: string): string {
  return columnByKey.get(key)?.header ?? key;
}

/** Other headers seen in county and provincial rosters, accepted on import. */
const HEADER_ALIASES: Record<string, string[]> = {
  idNumber: ['身份证号码', '身份证号', '证件号'],
  phone: ['手机号', '手机', '联系电话', '联系方式'],
  station: ['所属实践站', '实践站', '服务站点'],
  skills: ['专业技能', '特长', '技能特长'],
  serviceCategories: ['服务类型', '服务意向'],
  residenceArea: ['居住地', '居住地区'],
  education: ['学历'],
  consent: ['本人同意', '是否本人同意'],
};

// ---------------------------------------------------------------------------------------------
// Template
// ---------------------------------------------------------------------------------------------

/** The hint shown under each header; the reader recognises exactly these texts to skip the row. */
function templateHint(col: ColumnDef): string {
  if (col.hint) return col.hint;
  return ['politicalStatus', 'education', 'category'].includes(col.key) ? DROPDOWN_HINT : '';
}

/** Display width in Excel's character units: CJK and full-width characters count double. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) > 0xff ? 2 : 1;
  return width;
}

const MIN_WIDTH_BY_KEY: Record<string, number> = {
  name: 12,
  idNumber: 22,
  phone: 15,
  birthDate: 13,
  residenceArea: 20,
  station: 22,
  serviceCategories: 26,
  skills: 22,
  email: 24,
  team: 16,
  category: 16,
};

function columnWidth(col: ColumnDef, hint: string): number {
  const header = displayWidth(col.header) + 4;
  // Hints wrap onto about three lines in the hint row.
  const hintWidth = Math.ceil(displayWidth(hint) / 3) + 2;
  return Math.min(36, Math.max(10, header, hintWidth, MIN_WIDTH_BY_KEY[col.key] ?? 0));
}

function columnLetter(index: number): string {
  let n = index;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** ExcelJS's typings omit `Worksheet.dataValidations`, which takes a range in one entry. */
interface RangeValidations {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  const out: unknown = await wb.xlsx.writeBuffer();
  if (Buffer.isBuffer(out)) return out;
  return Buffer.from(out as ArrayBuffer);
}

const GUIDE_LINES = (): string[] => [
  '一、基本要求',
  '1. 请在“志愿者名册”工作表中从第 4 行开始填写，每行一名志愿者；第 2 行灰色文字是填写提示，第 3 行是示例（姓名以“【示例】”开头），都可保留，导入时自动跳过。',
  '2. 表头带红色 * 的列为必填项。请勿修改、删除表头，也不要合并单元格。',
  `3. 一次最多导入 ${MAX_IMPORT_ROWS} 行。`,
  '4. 证件号码、手机号码等所有内容均按文本填写。模板已将单元格设为“文本”格式，请勿改成“常规”或“数值”，否则 18 位证件号码会被 Excel 改成科学计数法、末三位变成 0，无法恢复，导入时该行会被退回。',
  '',
  '二、年龄要求（《志愿服务条例》第十五条、《个人信息保护法》第三十一条）',
  `1. 未满 ${MIN_VOLUNTEER_AGE} 周岁的不能登记为志愿者。`,
  `2. ${MIN_VOLUNTEER_AGE}–${ADULT_AGE - 1} 周岁的未成年人须经监护人同意。批量导入不接受未成年人：请监护人到场同意后，由工作人员在系统中单独登记。`,
  '',
  '三、各列填写说明',
  `1. 证件类型：${ID_TYPE_OPTIONS.join('；')}，从下拉列表选择。`,
  '2. 证件号码：居民身份证为 18 位，最后一位可以是 X，系统会检查校验位。',
  '3. 性别、出生日期：证件类型为 01 居民身份证时由证件号码自动识别，可以不填，填写的话须与证件号码一致；其他证件必须填写，性别填 1 男 或 2 女，出生日期格式为 YYYY-MM-DD。',
  '4. 手机号码：11 位中国大陆手机号。同一文件中证件号码、手机号码不能重复。',
  `5. 政治面貌：${POLITICAL_STATUSES.join('、')}。最高学历：${EDUCATION_LEVELS.join('、')}。`,
  '6. 居住区域：填写到区县，如 重庆市涪陵区。',
  '7. 服务区域：志愿者所属的实践站名称，从下拉列表选择。',
  `8. 服务类别：最多 ${MAX_SERVICE_CATEGORIES} 个，多个用顿号“、”分隔，须从以下类别中选择：${SERVICE_CATEGORIES.join('、')}。`,
  `9. 专业技能/特长：多个用顿号“、”分隔，最多 ${MAX_SKILLS} 个，每个不超过 20 个字。`,
  `10. 志愿者类别：${VOLUNTEER_CATEGORIES.join('、')}，从下拉列表选择。`,
  '11. 志愿者编号：导入时留空，审核通过后由系统生成。',
  '',
  '四、本人同意（《志愿服务记录与证明出具办法（试行）》第六条）',
  '1. 代为登记须经志愿者本人同意。“本人同意录入”一列只能填“是”，未确认本人同意的行不会导入。',
  '2. 请保留本人签字的志愿者登记表（纸质或拍照），以备核查。严禁在本人不知情的情况下登记（“被志愿”）。',
];

/** An .xlsx import template; see the module comment and domain.md "Exchange formats". */
export async function buildVolunteerTemplate(stationNames: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '实践';
  wb.created = new Date();

  const ws = wb.addWorksheet(ROSTER_SHEET, { views: [{ state: 'frozen', ySplit: 2 }] });
  const guide = wb.addWorksheet(GUIDE_SHEET);
  const lists = wb.addWorksheet(LISTS_SHEET, { state: 'hidden' });

  const listRanges = writeDropdownLists(lists, stationNames);
  writeRosterColumns(ws, listRanges);
  writeExampleRow(ws, stationNames[0] ?? '');
  writeGuide(guide);
  return toBuffer(wb);
}

/** The hidden sheet of dropdown sources; answers each column key's range in it. */
function writeDropdownLists(lists: ExcelJS.Worksheet, stationNames: string[]): Map<string, string> {
  // Dropdown sources, one list per column of the hidden sheet, all as text.
  const stations = [...new Set(stationNames.map((s) => s.trim()).filter((s) => s !== ''))];
  const listSources: Record<string, readonly string[]> = {
    idType: ID_TYPE_OPTIONS,
    gender: GENDER_OPTIONS,
    politicalStatus: POLITICAL_STATUSES,
    education: EDUCATION_LEVELS,
    category: VOLUNTEER_CATEGORIES,
    station: stations,
    consent: CONSENT_OPTIONS,
  };
  const listRanges = new Map<string, string>();
  let listCol = 0;
  for (const [key, items] of Object.entries(listSources)) {
    if (items.length === 0) continue;
    listCol++;
    const letter = columnLetter(listCol);
    lists.getColumn(listCol).numFmt = '@';
    lists.getCell(1, listCol).value = headerOf(key);
    items.forEach((item, i) => {
      lists.getCell(i + 2, listCol).value = item;
    });
    listRanges.set(key, `'${LISTS_SHEET}'!$${letter}$2:$${letter}$${items.length + 1}`);
  }
  return listRanges;
}

/** The roster's header and hint rows, column widths, the text format, and the dropdowns. */
function writeRosterColumns(ws: ExcelJS.Worksheet, listRanges: Map<string, string>) {
  const headerRow = ws.getRow(1);
  const hintRow = ws.getRow(2);
  VOLUNTEER_COLUMNS.forEach((col, i) => {
    const index = i + 1;
    const hint = templateHint(col);
    const column = ws.getColumn(index);
    column.width = columnWidth(col, hint);
    // Text format for the whole column, so Excel keeps leading zeros and all 18 digits.
    column.numFmt = '@';

    const head = headerRow.getCell(index);
    head.value = col.required
      ? {
          richText: [
            { text: col.header, font: { bold: true } },
            { text: '*', font: { bold: true, color: { argb: 'FFFF0000' } } },
          ],
        }
      : col.header;
    head.font = { bold: true };
    head.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    head.border = { bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } } };

    const note = hintRow.getCell(index);
    note.value = hint;
    note.font = { italic: true, color: { argb: 'FF808080' }, size: 9 };
    note.alignment = { vertical: 'top', wrapText: true };

    const range = listRanges.get(col.key);
    if (range) {
      const letter = columnLetter(index);
      (ws as unknown as RangeValidations).dataValidations.add(`${letter}3:${letter}${TEMPLATE_LAST_ROW}`, {
        type: 'list',
        allowBlank: true,
        formulae: [range],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: col.header,
        error: `请从下拉列表中选择${col.header}`,
      });
    }
  });
  headerRow.height = 24;
  hintRow.height = 48;
}

/** A row's name starting with this is the template's example: shown to people, skipped on import. */
export const EXAMPLE_MARK = '【示例】';

/** Row 3: one filled-in example (a made-up ID with a valid check digit), greyed and skipped by the reader. */
function writeExampleRow(ws: ExcelJS.Worksheet, station: string) {
  const example: Record<string, string> = {
    name: `${EXAMPLE_MARK}张三`,
    idType: ID_TYPE_OPTIONS[0],
    idNumber: '11010519491231002X',
    phone: '13800138000',
    ethnicity: '汉族',
    politicalStatus: '群众',
    education: '本科',
    employment: '在职',
    residenceArea: '重庆市涪陵区',
    station,
    serviceCategories: `${SERVICE_CATEGORIES[0]}、${SERVICE_CATEGORIES[1]}`,
    skills: '摄影、急救',
    category: '热心群众',
    consent: '是',
  };
  const row = ws.getRow(3);
  VOLUNTEER_COLUMNS.forEach((col, i) => {
    const cell = row.getCell(i + 1);
    cell.value = example[col.key] ?? '';
    // A style of its own: ExcelJS shares one style object between the cells of a column.
    cell.style = { numFmt: '@', font: { italic: true, color: { argb: 'FF808080' } } };
  });
}

function writeGuide(guide: ExcelJS.Worksheet) {
  guide.getColumn(1).width = 110;
  guide.getCell(1, 1).value = '志愿者名册填写说明';
  guide.getCell(1, 1).font = { bold: true, size: 14 };
  GUIDE_LINES().forEach((line, i) => {
    const cell = guide.getCell(i + 3, 1);
    cell.value = line;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (/^[一二三四五]、/.test(line)) cell.font = { bold: true };
  });
}

// ---------------------------------------------------------------------------------------------
// Reading a roster
// ---------------------------------------------------------------------------------------------

export type CellProblemCode = 'number_not_text';
export interface CellProblem {
  key: string;
  code: CellProblemCode;
}
export interface RosterRow {
  /** The row number shown in Excel, so people can find the row. */
  rowNumber: number;
  /** Keyed by ColumnDef.key, trimmed ('' when empty or the column is absent). */
  values: Record<string, string>;
  /** Cells whose content was already lost in Excel (their value is ''); checkVolunteerRow reports them. */
  cellProblems?: CellProblem[];
}

/** Rows read before giving up: far more than MAX_IMPORT_ROWS, bounds memory on hostile files. */
const READ_MAX_ROWS = 20_000;
const READ_MAX_COLS = 200;
const HEADER_SEARCH_ROWS = 20;

function normaliseHeader(text: string): string {
  return text.replace(/[\s*＊]/g, '');
}

const headerLookup = (() => {
  const map = new Map<string, string>();
  for (const col of VOLUNTEER_COLUMNS) map.set(normaliseHeader(col.header), col.key);
  for (const [key, aliases] of Object.entries(HEADER_ALIASES)) {
    for (const alias of aliases) if (!map.has(normaliseHeader(alias))) map.set(normaliseHeader(alias), key);
  }
  return map;
})();

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const day = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  return h === 0 && m === 0 ? day : `${day} ${pad2(h)}:${pad2(m)}`;
}

interface CellText {
  text: string;
  numberNotText: boolean;
}

/** Any ExcelJS cell value as text; numbers past Excel's 15 significant digits are flagged. */
function cellText(value: unknown): CellText {
  if (value === null || value === undefined) return { text: '', numberNotText: false };
  if (typeof value === 'string') return { text: value, numberNotText: false };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { text: '', numberNotText: false };
    if (Math.abs(value) >= 1e15) return { text: '', numberNotText: true };
    return { text: String(value), numberNotText: false };
  }
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', numberNotText: false };
  if (value instanceof Date) return { text: dateText(value), numberNotText: false };
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) {
      const text = v.richText.map((part: unknown) => (part && typeof part === 'object' && 'text' in part ? String(part.text ?? '') : '')).join('');
      return { text, numberNotText: false };
    }
    if ('hyperlink' in v) return cellText(v.text);
    if ('formula' in v || 'sharedFormula' in v) return cellText(v.result);
    if ('error' in v) return { text: '', numberNotText: false };
    if ('text' in v) return cellText(v.text);
  }
  return { text: '', numberNotText: false };
}

/**
 * Reads the first worksheet of a filled-in roster; never throws for a bad file, except one that would
 * expand far past any roster (a zip bomb: 413 import.xlsx_too_large, refused before parsing). The parse
 * runs in a worker (platform/xlsx-read.ts), so a hostile file cannot stall the server.
 */
export async function readVolunteerRoster(buf: Buffer): Promise<{ rows: RosterRow[]; headerProblems: string[] }> {
  // Validations and formatting are not needed to read values, and a huge validation range would
  // be expanded cell by cell by ExcelJS.
  const sheet = await readFirstSheet(buf, {
    ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst', 'drawing', 'picture', 'tableParts'],
    maxRows: READ_MAX_ROWS,
    maxCols: READ_MAX_COLS,
  });
  if (!sheet.ok) {
    if (sheet.reason === 'too_large') throw new AppError('import.xlsx_too_large');
    return { rows: [], headerProblems: [sheet.reason === 'too_many_rows' ? TOO_MANY_ROWS : UNREADABLE_FILE] };
  }
  const cellsOf = new Map(sheet.rows);
  const lastRow = sheet.rows.at(-1)?.[0] ?? 0;

  // The header row: the first of the top rows matching the most known headers.
  let headerRowNumber = 0;
  let columnOf = new Map<string, number>();
  const duplicateHeaders: string[] = [];
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, lastRow); r++) {
    const found = new Map<string, number>();
    const dupes: string[] = [];
    (cellsOf.get(r) ?? []).forEach((value, c) => {
      const key = headerLookup.get(normaliseHeader(cellText(value).text));
      if (!key) return;
      if (found.has(key)) dupes.push(headerOf(key));
      else found.set(key, c);
    });
    if (found.size > columnOf.size) {
      headerRowNumber = r;
      columnOf = found;
      duplicateHeaders.splice(0, duplicateHeaders.length, ...dupes);
    }
  }
  if (headerRowNumber === 0) return { rows: [], headerProblems: [NO_HEADER_ROW] };

  const headerProblems = VOLUNTEER_COLUMNS.filter((c) => c.required && !columnOf.has(c.key)).map((c) => `缺少必填列：${c.header}`);
  for (const header of [...new Set(duplicateHeaders)]) headerProblems.push(`表头重复：${header}，请只保留一列`);
  if (headerProblems.length > 0) return { rows: [], headerProblems };

  const rows: RosterRow[] = [];
  let tooMany = false;
  for (const [rowNumber, cells] of sheet.rows) {
    if (tooMany || rowNumber <= headerRowNumber) continue;
    const values: Record<string, string> = {};
    const cellProblems: CellProblem[] = [];
    let blank = true;
    for (const col of VOLUNTEER_COLUMNS) {
      const index = columnOf.get(col.key);
      const { text, numberNotText } = index === undefined ? { text: '', numberNotText: false } : cellText(cells[index]);
      values[col.key] = text.trim();
      if (numberNotText) cellProblems.push({ key: col.key, code: 'number_not_text' });
      if (values[col.key] !== '' || numberNotText) blank = false;
    }
    if (blank) continue;
    if (rowNumber === headerRowNumber + 1 && isHintRow(values)) continue;
    if (values.name?.startsWith(EXAMPLE_MARK)) continue;
    if (rows.length >= MAX_IMPORT_ROWS) {
      tooMany = true;
      continue;
    }
    rows.push(cellProblems.length > 0 ? { rowNumber, values, cellProblems } : { rowNumber, values });
  }
  if (tooMany) return { rows: [], headerProblems: [TOO_MANY_ROWS] };
  return { rows, headerProblems: [] };
}

/** The template's hint row: every filled cell holds its column's hint text. */
function isHintRow(values: Record<string, string>): boolean {
  let matched = 0;
  for (const col of VOLUNTEER_COLUMNS) {
    const value = values[col.key];
    if (value === '') continue;
    if (value !== templateHint(col) && value !== (col.hint ?? '')) return false;
    matched++;
  }
  return matched > 0;
}

// ---------------------------------------------------------------------------------------------
// Checking a row
// ---------------------------------------------------------------------------------------------

export interface RowCheck {
  rowNumber: number;
  /** Ready for the registration service when `problems` is empty, else null. */
  input: RegisterVolunteerInput | null;
  /** Chinese, each prefixed with its column header. */
  problems: string[];
  /** Normalised, for duplicate checks here and against the database (null when empty). */
  idNumber: string | null;
  phone: string | null;
  /** Roster columns RegisterVolunteerInput has no field for; the caller stores them where it can. */
  extras?: { residenceArea: string; employment: string | null; team: string | null; teamId: string | null };
}

const LIST_SEPARATORS = /[、，,;；/／]+/;
const SERVICE_SEPARATORS = /[、，,;；/／\s]+/;

function splitList(text: string, separators: RegExp): string[] {
  return [
    ...new Set(
      text
        .split(separators)
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ];
}

export function parseIdType(text: string): IdTypeCode | null {
  const s = text.replace(/\s+/g, '');
  const code = /^0?([1-4])(?!\d)/.exec(s);
  if (code) return `0${code[1]}` as IdTypeCode;
  if (s === '身份证' || s === '居民身份证') return '01';
  if (s.includes('港澳')) return '02';
  if (s.includes('台湾') || s.includes('台胞')) return '03';
  if (s.includes('护照')) return '04';
  return null;
}

function parseGender(text: string): 'male' | 'female' | null {
  const s = text.replace(/\s+/g, '');
  if (/^(1|1男|男|男性)$/.test(s)) return 'male';
  if (/^(2|2女|女|女性)$/.test(s)) return 'female';
  return null;
}

/** YYYY-MM-DD from the usual ways people type a date, or null. */
function parseDate(text: string): string | null {
  const s = text.replace(/\s+/g, '');
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${pad2(mo)}-${pad2(d)}`;
}

function normalisePhone(text: string): string {
  return text.replace(/[\s\-－]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
}

const POLITICAL_ALIASES: Record<string, (typeof POLITICAL_STATUSES)[number]> = { 党员: '中共党员', 预备党员: '中共预备党员', 团员: '共青团员' };
const EDUCATION_ALIASES: Record<string, (typeof EDUCATION_LEVELS)[number]> = {
  高中: '高中/中专',
  中专: '高中/中专',
  研究生: '硕士',
  大学本科: '本科',
  专科: '大专',
};

const GENDER_LABEL = { male: '男', female: '女' } as const;
const Email = z.email();
// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Which column a RegisterVolunteerInput field came from, for messages from the final parse. */
const FIELD_COLUMN: Record<string, string> = { stationId: 'station' };

/** One row's cells as text, and the problems found so far, each prefixed with its column header. */
interface RowCells {
  v: (key: string) => string;
  /** Filled in, and not destroyed by Excel. */
  present: (key: string) => boolean;
  add: (key: string, message: string) => void;
  /** At most `max` characters and no control characters; says what is wrong when not. */
  textOk: (key: string, max: number) => boolean;
  problems: string[];
}

function cellsOf(row: RosterRow): RowCells {
  const v = (key: string): string => row.values[key]?.trim() ?? '';
  const problems: string[] = [];
  const add = (key: string, message: string) => problems.push(`${headerOf(key)}：${message}`);
  const lost = new Set((row.cellProblems ?? []).map((p) => p.key));

  // Cells Excel already destroyed: reported once, and the column's other checks are skipped.
  for (const col of VOLUNTEER_COLUMNS) {
    if (!lost.has(col.key) || col.key === 'volunteerNo') continue;
    add(col.key, '单元格是数字格式，超过 15 位的数字已被 Excel 改写，请将该列设为文本格式后重新填写');
  }
  for (const col of VOLUNTEER_COLUMNS) {
    if (col.required && col.key !== 'consent' && !lost.has(col.key) && v(col.key) === '') add(col.key, '必填');
  }
  const present = (key: string) => !lost.has(key) && v(key) !== '';
  const textOk = (key: string, max: number): boolean => {
    const s = v(key);
    if ([...s].length > max) {
      add(key, `最多 ${max} 个字`);
      return false;
    }
    if (CONTROL_CHARS.test(s)) {
      add(key, '包含不可见的控制字符');
      return false;
    }
    return true;
  };
  return { v, present, add, textOk, problems };
}

interface RowIdentity {
  idType: IdTypeCode | null;
  idNumber: string | null;
  gender: 'male' | 'female' | null;
  birthDate: string | null;
}

/** ID type and number (check digit for a resident ID), and gender and birth date: from the ID for type 01, where the columns may only confirm them. */
function checkRowIdentity(c: RowCells, today: string): RowIdentity {
  const { v, present, add } = c;
  let idType: IdTypeCode | null = null;
  if (present('idType')) {
    idType = parseIdType(v('idType'));
    if (!idType) add('idType', `应为 ${ID_TYPE_OPTIONS.join('、')} 之一`);
  }

  let idNumber: string | null = null;
  let idValid = false;
  if (present('idNumber')) {
    idNumber = normaliseIdNumber(v('idNumber'));
    if (idType === '01') {
      const problem = idNumberProblem(idNumber);
      if (problem === 'format') add('idNumber', '居民身份证号码应为 18 位，最后一位可以是 X');
      else if (problem === 'birth_date') add('idNumber', '出生日期部分不正确');
      else if (problem === 'checksum') add('idNumber', '校验位不正确');
      else idValid = true;
    } else if (idType) {
      if (!/^[A-Z0-9()（）-]{5,32}$/.test(idNumber)) add('idNumber', '应为 5–32 位字母或数字');
      else idValid = true;
    }
  }

  let gender: 'male' | 'female' | null = null;
  let birthDate: string | null = null;
  const genderColumn = present('gender') ? parseGender(v('gender')) : null;
  if (present('gender') && !genderColumn) add('gender', '应为 1 男 或 2 女');
  const birthColumn = present('birthDate') ? parseDate(v('birthDate')) : null;
  if (present('birthDate') && !birthColumn) add('birthDate', '格式应为 YYYY-MM-DD');
  if (idType === '01') {
    if (idValid && idNumber) {
      gender = genderFromId(idNumber);
      birthDate = birthDateFromId(idNumber);
      if (genderColumn && genderColumn !== gender) add('gender', `与证件号码不一致（证件号码显示为${GENDER_LABEL[gender]}）`);
      if (birthColumn && birthDate && birthColumn !== birthDate) add('birthDate', `与证件号码不一致（证件号码显示为 ${birthDate}）`);
    }
  } else if (idType) {
    gender = genderColumn;
    birthDate = birthColumn;
    if (!present('gender')) add('gender', '非居民身份证须填写性别');
    if (!present('birthDate')) add('birthDate', '非居民身份证须填写出生日期');
  }
  if (birthDate) {
    const age = ageOn(birthDate, today);
    if (age < MIN_VOLUNTEER_AGE) add('birthDate', `未满 ${MIN_VOLUNTEER_AGE} 周岁，不能登记为志愿者`);
    else if (age < ADULT_AGE) add('birthDate', `未满 ${ADULT_AGE} 周岁，需监护人到场同意后在系统中单独登记`);
  }
  return { idType, idNumber, gender, birthDate };
}

/** Phone, ethnicity, political status, education, employment and residence: the 办法 第五条 profile. */
function checkRowProfile(c: RowCells) {
  const { v, present, add, textOk } = c;
  let phone: string | null = null;
  if (present('phone')) {
    phone = normalisePhone(v('phone'));
    if (!/^1[3-9]\d{9}$/.test(phone)) add('phone', '应为 11 位手机号');
  }

  let ethnicity: string | undefined;
  if (present('ethnicity') && textOk('ethnicity', 16)) ethnicity = v('ethnicity');

  let politicalStatus: (typeof POLITICAL_STATUSES)[number] | undefined;
  if (present('politicalStatus')) {
    const s = v('politicalStatus');
    politicalStatus = (POLITICAL_STATUSES as readonly string[]).includes(s) ? (s as (typeof POLITICAL_STATUSES)[number]) : POLITICAL_ALIASES[s];
    if (!politicalStatus) add('politicalStatus', `应为 ${POLITICAL_STATUSES.join('、')} 之一`);
  }

  let education: (typeof EDUCATION_LEVELS)[number] | undefined;
  if (present('education')) {
    const s = v('education');
    education = (EDUCATION_LEVELS as readonly string[]).includes(s) ? (s as (typeof EDUCATION_LEVELS)[number]) : EDUCATION_ALIASES[s];
    if (!education) add('education', `应为 ${EDUCATION_LEVELS.join('、')} 之一`);
  }

  if (present('employment')) textOk('employment', 32);
  if (present('residenceArea')) textOk('residenceArea', 64);
  return { phone, ethnicity, politicalStatus, education };
}

/** Where and how they serve: station, service categories, skills, e-mail, team, category, and the consent column. */
function checkRowService(c: RowCells, stationIdByName: Map<string, string>, teams: Map<string, string>) {
  const { v, present, add, textOk } = c;
  let stationId: string | undefined;
  if (present('station')) {
    stationId = stationIdByName.get(v('station'));
    if (!stationId) add('station', `“${v('station')}”不是本单位的实践站，请从下拉列表选择`);
  }

  const serviceCategories = present('serviceCategories') ? splitList(v('serviceCategories'), SERVICE_SEPARATORS) : [];
  if (present('serviceCategories')) {
    const unknown = serviceCategories.filter((s) => !(SERVICE_CATEGORIES as readonly string[]).includes(s));
    if (unknown.length > 0) add('serviceCategories', `“${unknown.join('、')}”不在服务类别列表中（见“填写说明”）`);
    if (serviceCategories.length > MAX_SERVICE_CATEGORIES) add('serviceCategories', `最多 ${MAX_SERVICE_CATEGORIES} 个，当前 ${serviceCategories.length} 个`);
  }

  const skills = present('skills') ? splitList(v('skills'), LIST_SEPARATORS) : [];
  if (skills.length > MAX_SKILLS) add('skills', `最多 ${MAX_SKILLS} 个`);
  const longSkills = skills.filter((s) => [...s].length > 20);
  if (longSkills.length > 0) add('skills', `每项最多 20 个字：${longSkills.join('、')}`);

  let email: string | undefined;
  if (present('email')) {
    email = v('email');
    if (!Email.safeParse(email).success) add('email', '邮箱格式不正确');
  }

  let teamId: string | undefined;
  if (present('team') && textOk('team', 64) && stationId) {
    teamId = teams.get(teamKey(stationId, v('team')));
    if (!teamId) add('team', `“${v('team')}”不是${v('station')}的队伍，请填写本站已有的队伍名称或留空`);
  }

  let category: (typeof VOLUNTEER_CATEGORIES)[number] | undefined;
  if (present('category')) {
    const s = v('category');
    if ((VOLUNTEER_CATEGORIES as readonly string[]).includes(s)) category = s as (typeof VOLUNTEER_CATEGORIES)[number];
    else add('category', `应为 ${VOLUNTEER_CATEGORIES.join('、')} 之一`);
  } else add('category', '必填（全国系统名册没有此列，新登记的志愿者须补填）');

  if (v('consent') !== '是') add('consent', '未确认本人同意录入，不能导入');
  return { stationId, serviceCategories, skills, email, category, teamId };
}

/** The checked fields through the shared schema, which has the last word: an import can never create what the form would refuse. */
function parseRegistration(
  c: RowCells,
  identity: RowIdentity,
  profile: ReturnType<typeof checkRowProfile>,
  service: ReturnType<typeof checkRowService>,
): RegisterVolunteerInput | null {
  const { idType, idNumber, gender, birthDate } = identity;
  const candidate: Record<string, unknown> = {
    name: c.v('name'),
    idType,
    idNumber,
    phone: profile.phone,
    stationId: service.stationId,
    category: service.category,
    serviceCategories: service.serviceCategories,
    skills: service.skills,
    consent: { method: 'signed_form', note: 'Excel 批量导入' },
  };
  if (idType !== '01') {
    candidate.gender = gender ?? undefined;
    candidate.birthDate = birthDate ?? undefined;
  }
  if (profile.politicalStatus) candidate.politicalStatus = profile.politicalStatus;
  if (profile.education) candidate.education = profile.education;
  if (profile.ethnicity) candidate.ethnicity = profile.ethnicity;
  if (service.email) candidate.email = service.email;

  const parsed = RegisterVolunteerInput.safeParse(candidate);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    const key = FIELD_COLUMN[field] ?? field;
    c.problems.push(columnByKey.has(key) ? `${headerOf(key)}：${issue.message}` : issue.message);
  }
  return null;
}

/** Validates one row without the database; see domain.md "National rules and field practice". */
/** The key of a station's team in `RowContext.teams`. */
export function teamKey(stationId: string, name: string): string {
  return `${stationId}\u0000${name}`;
}

export interface RowContext {
  stationIdByName: Map<string, string>;
  today: string;
  /** The stations' teams by `teamKey(stationId, name)` → team id; a 所属队伍 must be one of them. */
  teams?: Map<string, string>;
}

export function checkVolunteerRow(row: RosterRow, ctx: RowContext): RowCheck {
  const c = cellsOf(row);
  if (c.present('name')) c.textOk('name', 32);
  const identity = checkRowIdentity(c, ctx.today);
  const profile = checkRowProfile(c);
  const service = checkRowService(c, ctx.stationIdByName, ctx.teams ?? new Map());

  const extras = { residenceArea: c.v('residenceArea'), employment: c.v('employment') || null, team: c.v('team') || null, teamId: service.teamId ?? null };
  const result: RowCheck = { rowNumber: row.rowNumber, input: null, problems: c.problems, idNumber: identity.idNumber, phone: profile.phone, extras };
  if (c.problems.length > 0) return result;
  result.input = parseRegistration(c, identity, profile, service);
  return result;
}

/** Same ID number or phone more than once in the file: a problem on every later row. */
export function markDuplicatesInFile(checks: RowCheck[]): RowCheck[] {
  const firstById = new Map<string, number>();
  const firstByPhone = new Map<string, number>();
  for (const check of checks) {
    const id = check.idNumber;
    if (id) {
      const first = firstById.get(id);
      if (first === undefined) firstById.set(id, check.rowNumber);
      else check.problems.push(`${headerOf('idNumber')}：与第 ${first} 行重复`);
    }
    const phone = check.phone;
    if (phone) {
      const first = firstByPhone.get(phone);
      if (first === undefined) firstByPhone.set(phone, check.rowNumber);
      else check.problems.push(`${headerOf('phone')}：与第 ${first} 行重复`);
    }
    if (check.problems.length > 0) check.input = null;
  }
  return checks;
}

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

/** Excel refuses \ / ? * [ ] : in sheet names and more than 31 characters. */
function safeSheetName(name: string): string {
  const cleaned = [
    ...name
      .replace(/[\\/?*[\]:]/g, '_')
      .replace(/^'+|'+$/g, '')
      .trim(),
  ]
    .slice(0, 31)
    .join('');
  return cleaned === '' ? ROSTER_SHEET : cleaned;
}

/** Columns written as real date cells (yyyy-mm-dd) in a workbook; everything else is text. */
const DATE_KEYS = new Set(['birthDate']);

/** Export as .xlsx: plain headers in column order, frozen header row with a filter, dates as date cells, every other cell text. */
export async function writeVolunteerWorkbook(rows: Record<string, string>[], sheetName: string, columns: ColumnDef[] = VOLUNTEER_COLUMNS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '实践';
  wb.created = new Date();
  const ws = wb.addWorksheet(safeSheetName(sheetName), { views: [{ state: 'frozen', ySplit: 1 }] });
  columns.forEach((col, i) => {
    const column = ws.getColumn(i + 1);
    column.numFmt = '@';
    column.width = columnWidth(col, '');
  });
  const header = ws.getRow(1);
  columns.forEach((col, i) => {
    const cell = header.getCell(i + 1);
    cell.value = safeCell(col.header);
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
  rows.forEach((row, r) => {
    const line = ws.getRow(r + 2);
    columns.forEach((col, i) => {
      const text = String(row[col.key] ?? '');
      const cell = line.getCell(i + 1);
      const day = DATE_KEYS.has(col.key) ? parseDate(text) : null;
      if (day) {
        cell.value = new Date(`${day}T00:00:00Z`);
        cell.numFmt = 'yyyy-mm-dd';
      } else cell.value = safeCell(text);
    });
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, columns.length) } };
  return toBuffer(wb);
}

function csvField(value: string): string {
  return `"${safeCell(value).replace(/"/g, '""')}"`;
}

/** CSV in the national system's field order: UTF-8 with BOM, CRLF, every field quoted (RFC 4180). */
export function writeVolunteerCsv(rows: Record<string, string>[], columns: ColumnDef[] = VOLUNTEER_COLUMNS): string {
  const lines = [columns.map((c) => csvField(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(String(row[c.key] ?? ''))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
