import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The server's shape, held by a test (ARCHITECTURE.md, "Services by use case, each table with one
 * writer"): short functions, use-case files under ~350 lines, platform below features, a feature's
 * queries its own, Kysely only in queries files, and each table written by one owner.
 *
 * Migrations and seeds are out of scope: migrations are frozen, seeds are one long demo script.
 * An allow-list entry names a known offender in a file another change owns; remove it once that
 * file is split.
 */

/** A function, method or arrow function longer than this many lines (from its first to its last line) is an offender. */
const MAX_FUNCTION_LINES = 80;
/** A non-test file under features/ longer than this many lines is an offender; `*.queries.ts` are exempt (one function per statement). */
const MAX_FEATURE_FILE_LINES = 350;

/**
 * Known offenders, with why they wait: a file (every function in it) or `file:function`, relative
 * to src/server. An entry that no longer offends fails the test, so these lists only shrink.
 */
const LONG_FUNCTIONS_ALLOWED: Record<string, string> = {};
const LONG_FILES_ALLOWED: Record<string, string> = {
  'features/volunteers/volunteers.excel.ts':
    'the roster exchange format: template, reader, row checks and export share one column table; to split into volunteers.roster-*.ts (pure functions, no queries)',
};
/** Tables with more than one writer, and why. */
const SHARED_WRITERS_ALLOWED: Record<string, string> = {
  sessions: 'platform/session touches last_seen_at on every request (platform may not import features); accounts opens and ends sessions',
};

const SERVER = path.dirname(fileURLToPath(import.meta.url));

interface Source {
  /** Relative to src/server, with forward slashes. */
  rel: string;
  file: ts.SourceFile;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(full) : [full];
  });
}

const sources: Source[] = listFiles(SERVER)
  .map((full) => path.relative(SERVER, full).split(path.sep).join('/'))
  .filter((rel) => rel.endsWith('.ts') && !rel.endsWith('.d.ts') && !rel.endsWith('.test.ts'))
  .filter((rel) => !rel.startsWith('db/migrations/') && !rel.startsWith('db/seed/'))
  .sort()
  .map((rel) => ({ rel, file: ts.createSourceFile(rel, readFileSync(path.join(SERVER, rel), 'utf8'), ts.ScriptTarget.Latest, true) }));

function lineOf(file: ts.SourceFile, pos: number): number {
  return file.getLineAndCharacterOfPosition(pos).line + 1;
}

function walk(node: ts.Node, visit: (n: ts.Node) => void) {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

/** `features/<name>/…` → name; platform files → 'platform'; anything else → null. */
function ownerOf(rel: string): string | null {
  const m = /^features\/([^/]+)\//.exec(rel);
  if (m) return m[1];
  return rel.startsWith('platform/') ? 'platform' : null;
}

/** Module specifiers of every import and re-export, resolved relative to src/server when relative. */
function importsOf(s: Source): { spec: string; target: string | null; line: number }[] {
  const out: { spec: string; target: string | null; line: number }[] = [];
  for (const st of s.file.statements) {
    if ((ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)) {
      const spec = st.moduleSpecifier.text;
      const target = spec.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(s.rel), spec)) : null;
      out.push({ spec, target, line: lineOf(s.file, st.getStart()) });
    }
  }
  return out;
}

const QUERY_BUILDER_CALLS = new Set(['selectFrom', 'selectNoFrom', 'insertInto', 'replaceInto', 'updateTable', 'deleteFrom', 'mergeInto']);
const WRITE_CALLS = new Set(['insertInto', 'replaceInto', 'updateTable', 'deleteFrom', 'mergeInto']);

/** Where Kysely's builder may appear: queries files (features and platform), and platform/db.ts which opens the database. */
function mayBuildQueries(rel: string): boolean {
  return rel.endsWith('.queries.ts') || rel === 'platform/db.ts';
}

describe('server architecture', () => {
  it('finds the server sources', () => {
    expect(sources.length).toBeGreaterThan(50);
    expect(sources.some((s) => s.rel === 'app.ts')).toBe(true);
  });

  it(`has no function longer than ${MAX_FUNCTION_LINES} lines`, () => {
    const offenders: string[] = [];
    const used = new Set<string>();
    for (const s of sources) {
      walk(s.file, (n) => {
        if (
          !(
            ts.isFunctionDeclaration(n) ||
            ts.isFunctionExpression(n) ||
            ts.isArrowFunction(n) ||
            ts.isMethodDeclaration(n) ||
            ts.isConstructorDeclaration(n) ||
            ts.isGetAccessorDeclaration(n) ||
            ts.isSetAccessorDeclaration(n)
          ) ||
          !n.body
        )
          return;
        const start = lineOf(s.file, n.getStart());
        const length = lineOf(s.file, n.getEnd()) - start + 1;
        if (length <= MAX_FUNCTION_LINES) return;
        const allowed = [s.rel, `${s.rel}:${nameOf(n)}`].find((key) => LONG_FUNCTIONS_ALLOWED[key]);
        if (allowed) used.add(allowed);
        else offenders.push(`${s.rel}:${start} ${nameOf(n)} (${length} lines)`);
      });
    }
    expect(offenders, `functions over ${MAX_FUNCTION_LINES} lines: split them into named steps`).toEqual([]);
    const stale = Object.keys(LONG_FUNCTIONS_ALLOWED).filter((key) => !used.has(key));
    expect(stale, 'these allow-list entries no longer offend: delete them').toEqual([]);
  });

  it(`has no feature file over ${MAX_FEATURE_FILE_LINES} lines except *.queries.ts`, () => {
    const long = sources
      .filter((s) => s.rel.startsWith('features/') && !s.rel.endsWith('.queries.ts'))
      .map((s) => ({ rel: s.rel, lines: s.file.text.split('\n').length - (s.file.text.endsWith('\n') ? 1 : 0) }))
      .filter((f) => f.lines > MAX_FEATURE_FILE_LINES);
    const offenders = long.filter((f) => !LONG_FILES_ALLOWED[f.rel]).map((f) => `${f.rel} (${f.lines} lines)`);
    expect(offenders, `files over ${MAX_FEATURE_FILE_LINES} lines: split them by use case`).toEqual([]);
    const stale = Object.keys(LONG_FILES_ALLOWED).filter((rel) => !long.some((f) => f.rel === rel));
    expect(stale, 'these allow-list entries no longer offend: delete them').toEqual([]);
  });

  it('keeps platform/ free of imports from features/', () => {
    const offenders = sources
      .filter((s) => s.rel.startsWith('platform/'))
      .flatMap((s) => importsOf(s).map((i) => ({ ...i, rel: s.rel })))
      .filter((i) => i.target?.startsWith('features/'))
      .map((i) => `${i.rel}:${i.line} imports ${i.spec}`);
    expect(offenders).toEqual([]);
  });

  it("never imports another feature's queries (platform's own queries files are the platform's API)", () => {
    const offenders = sources
      .filter((s) => s.rel.startsWith('features/'))
      .flatMap((s) => importsOf(s).map((i) => ({ ...i, rel: s.rel })))
      .filter((i) => i.target?.startsWith('features/') && /\.queries$/.test(i.target) && ownerOf(i.target) !== ownerOf(i.rel))
      .map((i) => `${i.rel}:${i.line} imports ${i.spec}`);
    expect(offenders).toEqual([]);
  });

  it('uses the Kysely query builder and sql`` only in *.queries.ts (and platform/db.ts)', () => {
    const offenders: string[] = [];
    for (const s of sources) {
      if (mayBuildQueries(s.rel)) continue;
      walk(s.file, (n) => {
        const builder =
          ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && QUERY_BUILDER_CALLS.has(n.expression.name.text)
            ? `.${n.expression.name.text}(`
            : null;
        const tagged = ts.isTaggedTemplateExpression(n) && ts.isIdentifier(n.tag) && n.tag.text === 'sql' ? 'sql``' : null;
        const what = builder ?? tagged;
        if (what) offenders.push(`${s.rel}:${lineOf(s.file, n.getStart())} ${what}`);
      });
    }
    expect(offenders, 'move these statements into a *.queries.ts').toEqual([]);
  });

  it('has one writer per table', () => {
    const writers = new Map<string, Set<string>>();
    for (const s of sources) {
      const owner = ownerOf(s.rel) ?? s.rel;
      walk(s.file, (n) => {
        if (!ts.isCallExpression(n) || !ts.isPropertyAccessExpression(n.expression) || !WRITE_CALLS.has(n.expression.name.text)) return;
        const [table] = n.arguments;
        if (!table || !ts.isStringLiteralLike(table)) return;
        const name = table.text.split(/\s+/)[0];
        writers.set(name, (writers.get(name) ?? new Set()).add(owner));
      });
    }
    expect(writers.get('service_records')).toEqual(new Set(['hours']));
    const offenders = [...writers]
      .filter(([table, owners]) => owners.size > 1 && !SHARED_WRITERS_ALLOWED[table])
      .map(([table, owners]) => `${table}: ${[...owners].sort().join(', ')}`);
    expect(offenders, "a table is written by one feature; others call that feature's exported function").toEqual([]);
  });
});

function nameOf(n: ts.Node): string {
  if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isFunctionExpression(n)) && n.name) return n.name.getText();
  if (ts.isConstructorDeclaration(n)) return 'constructor';
  const parent = n.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText();
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText();
  if (parent && ts.isCallExpression(parent)) return `(callback of ${parent.expression.getText().slice(0, 40)})`;
  return '(anonymous)';
}
