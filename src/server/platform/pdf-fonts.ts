/** The embedded CJK font (Noto Sans Hans from `@embedpdf/fonts-sc`) for every Chinese PDF (certificates, minutes), read and parsed once per process. */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
type Pdf = PDFKit.PDFDocument;

// ---------------------------------------------------------------------------------------------
// Fonts: the OTF files are ~8 MB each; read them once per process and reuse the Buffers.
// ---------------------------------------------------------------------------------------------

const FONT_REGULAR = 'NotoSansHans-Regular';
const FONT_BOLD = 'NotoSansHans-Bold';

/**
 * Package root of `@embedpdf/fonts-sc`. Its `exports` map does not expose `./package.json`, so
 * resolving that subpath throws ERR_PACKAGE_PATH_NOT_EXPORTED; fall back to resolving the main
 * entry and walking up to the directory that holds the `fonts/` folder.
 */
function fontsPackageRoot(): string {
  const require = createRequire(import.meta.url);
  try {
    return dirname(require.resolve('@embedpdf/fonts-sc/package.json'));
  } catch {
    let dir = dirname(require.resolve('@embedpdf/fonts-sc'));
    for (let i = 0; i < 4; i++) {
      if (existsSync(join(dir, 'fonts', `${FONT_REGULAR}.otf`))) return dir;
      const pkg = join(dir, 'package.json');
      if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === '@embedpdf/fonts-sc') {
        return dir;
      }
      dir = dirname(dir);
    }
    throw new Error('pdf-fonts: cannot locate the fonts of @embedpdf/fonts-sc');
  }
}

let fontsPromise: Promise<{ regular: Buffer; bold: Buffer }> | null = null;

function loadFonts(): Promise<{ regular: Buffer; bold: Buffer }> {
  if (!fontsPromise) {
    const root = fontsPackageRoot();
    fontsPromise = Promise.all([readFile(join(root, 'fonts', `${FONT_REGULAR}.otf`)), readFile(join(root, 'fonts', `${FONT_BOLD}.otf`))]).then(
      ([regular, bold]) => ({ regular, bold }),
    );
    // Do not cache a failure forever: a later call may succeed (e.g. transient I/O error).
    fontsPromise.catch(() => {
      fontsPromise = null;
    });
  }
  return fontsPromise;
}

/**
 * Parsed (fontkit) font objects, reused across documents. Parsing the 8 MB CFF tables costs
 * ~100–150 ms per font per document and most of the garbage; pdfkit ≥ 0.20 accepts an
 * already-parsed fontkit `Font` in `registerFont` (duck-typed on `.layout`), and each document
 * still builds its own subset, so sharing the parsed font is safe (rendering is synchronous).
 * fontkit is not a direct dependency, so the parsed instance is taken from the first document
 * that loads the font; if pdfkit's internals ever change, `parsedFontOf` returns null and we
 * simply keep passing the Buffers (slower, same output).
 */
interface ParsedFont {
  layout: (...args: never[]) => unknown;
}
const parsedFonts: { R: ParsedFont | null; B: ParsedFont | null } = { R: null, B: null };

function parsedFontOf(pdf: Pdf): ParsedFont | null {
  const font = (pdf as unknown as { _font?: { font?: { layout?: unknown } } })._font?.font;
  return font && typeof font.layout === 'function' ? (font as ParsedFont) : null;
}

function registerCachedFont(pdf: Pdf, name: 'R' | 'B', buffer: Buffer): void {
  const parsed = parsedFonts[name];
  // The @types declare only path/Buffer sources; the parsed-font source is documented upstream.
  pdf.registerFont(name, parsed ? (parsed as unknown as Buffer) : buffer);
  if (!parsed) {
    pdf.font(name);
    parsedFonts[name] = parsedFontOf(pdf);
  }
}

/** Registers the embedded CJK font on a new document as 'R' (regular) and 'B' (bold). */
export async function registerChineseFonts(pdf: Pdf): Promise<void> {
  const fonts = await loadFonts();
  registerCachedFont(pdf, 'B', fonts.bold);
  registerCachedFont(pdf, 'R', fonts.regular);
}

/** The document's bytes once `pdf.end()` has been called; listen before drawing starts. */
export function bytesOf(pdf: Pdf): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
}
