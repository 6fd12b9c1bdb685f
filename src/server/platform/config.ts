import { randomBytes, hkdfSync } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Config {
  env: 'production' | 'development' | 'test';
  port: number;
  host: string;
  dataDir: string;
  /** postgres://… runs on PostgreSQL; empty means the embedded SQLite file under dataDir. */
  databaseUrl: string | null;
  /** Keys derived from one master secret: column encryption, blind indexes, the audit chain. */
  keys: { encryption: Buffer; index: Buffer; audit: Buffer; checkin: Buffer; ical: Buffer };
  /**
   * Whether the session cookie is Secure (and named `__Host-sid`): `true` always (COOKIE_SECURE=true),
   * `false` never, `'auto'` (the default) by the request — Secure exactly when it came over HTTPS (or
   * X-Forwarded-Proto https behind a trusted proxy), so a plain-HTTP intranet address still signs in.
   */
  cookieSecure: boolean | 'auto';
  trustProxy: boolean;
  logLevel: string;
  loginRateLimit: { max: number; windowMs: number };
  /** How many requests do database work at once, and how long one may wait for its turn before a 503 (platform/admission.ts). */
  admission: { active: number; maxWaitMs: number };
  /** Below this much free space in DATA_DIR (or under SQLite's max_page_count) the readiness check answers 503 disk full. */
  diskMinFreeBytes: number;
  /** How often the time-driven steps run (ms); the lease that keeps them to one process lasts three times this. */
  tickMs: number;
  lockout: { maxFailures: number; lockSeconds: number };
  session: { staffIdleSeconds: number; staffAbsoluteSeconds: number; selfIdleSeconds: number; selfAbsoluteSeconds: number };
  /** Where the built web app lives; the server serves it when present. */
  webDir: string;
  /** The address people reach the product at, for links in certificates, calendars and Open311; null: the request's own. */
  publicUrl: string | null;
  /** The name of the institute the production bootstrap creates (changed later in the console). */
  instituteName: string;
  /** Map tiles (an intranet tile server); null keeps the offline plot. */
  map: { tileUrl: string | null; attribution: string | null };
  /** Outgoing mail for notices (nodemailer's URL form); null sends none. */
  smtp: { url: string; from: string } | null;
}

function int(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new Error(`配置项应为整数: ${value}`);
  return n;
}

/**
 * The master secret lives outside the database so that a stolen database dump does not carry the
 * key to its own ID numbers or the means to re-sign a tampered audit chain. SHIJIAN_SECRET (64 hex)
 * wins; otherwise a key is made once under DATA_DIR with owner-only permissions.
 */
function loadSecret(dataDir: string, fromEnv: string | undefined): Buffer {
  if (fromEnv) {
    if (!/^[0-9a-f]{64}$/i.test(fromEnv)) throw new Error('SHIJIAN_SECRET 应为 64 位十六进制字符串');
    return Buffer.from(fromEnv, 'hex');
  }
  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  const secret = randomBytes(32);
  writeFileSync(file, secret.toString('hex'), { mode: 0o600 });
  return secret;
}

/**
 * DATA_DIR holds the database, the key and the uploads: owner-only (0700), and the database files
 * 0600, also for a directory made before this rule or by hand with the default umask.
 */
export function protectDataDir(dataDir: string): void {
  chmodSync(dataDir, 0o700);
  for (const name of ['shijian.sqlite', 'shijian.sqlite-wal', 'shijian.sqlite-shm', 'secret.key']) {
    const file = path.join(dataDir, name);
    if (existsSync(file)) chmodSync(file, 0o600);
  }
}

function derive(master: Buffer, label: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `shijian:${label}`, 32));
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const mode = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const dataDir = path.resolve(env.DATA_DIR || 'data');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const master = loadSecret(dataDir, env.SHIJIAN_SECRET);
  return {
    env: mode,
    port: int(env.PORT, 3000),
    host: env.HOST || '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL?.trim() || null,
    keys: {
      encryption: derive(master, 'encryption'),
      index: derive(master, 'index'),
      audit: derive(master, 'audit'),
      checkin: derive(master, 'checkin'),
      ical: derive(master, 'ical'),
    },
    cookieSecure: env.COOKIE_SECURE === 'true' ? true : env.COOKIE_SECURE === 'false' ? false : 'auto',
    trustProxy: env.TRUST_PROXY === 'true',
    logLevel: env.LOG_LEVEL || (mode === 'test' ? 'silent' : 'info'),
    loginRateLimit: { max: int(env.LOGIN_RATE_LIMIT, 20), windowMs: int(env.LOGIN_RATE_WINDOW_MS, 60_000) },
    admission: { active: int(env.ADMISSION_ACTIVE, 10), maxWaitMs: int(env.ADMISSION_WAIT_MS, 4000) },
    diskMinFreeBytes: int(env.DISK_MIN_FREE_MB, 64) * 1024 * 1024,
    tickMs: int(env.TICK_MS, 60_000),
    lockout: { maxFailures: 5, lockSeconds: 15 * 60 },
    session: {
      staffIdleSeconds: 30 * 60,
      staffAbsoluteSeconds: 12 * 3600,
      selfIdleSeconds: 7 * 24 * 3600,
      selfAbsoluteSeconds: 30 * 24 * 3600,
    },
    webDir: path.resolve(env.WEB_DIR || 'dist/web'),
    publicUrl: env.PUBLIC_URL?.trim().replace(/\/+$/, '') || null,
    instituteName: env.INSTITUTE_NAME?.trim() || '新时代文明实践所',
    map: { tileUrl: env.MAP_TILE_URL?.trim() || null, attribution: env.MAP_ATTRIBUTION?.trim() || null },
    smtp: env.SMTP_URL?.trim() ? { url: env.SMTP_URL.trim(), from: env.SMTP_FROM?.trim() || 'noreply@localhost' } : null,
    ...overrides,
  };
}

/** Reads a `.env` beside the package when there is one; real environment variables win. */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

/** Why a production start should warn: no HTTPS in sight, so sessions travel in the clear (null: nothing to say). */
export function plainHttpWarning(config: Pick<Config, 'env' | 'publicUrl' | 'cookieSecure'>): string | null {
  if (config.env !== 'production' || config.cookieSecure === true || config.publicUrl?.startsWith('https://')) return null;
  return '生产环境未配置 HTTPS（PUBLIC_URL 不是 https:// 且 COOKIE_SECURE 未设为 true）：通过 HTTP 访问时会话 Cookie 不带 Secure，口令和会话在网络上明文传输。请在前面加 TLS 反向代理并设置 PUBLIC_URL=https://… 或 COOKIE_SECURE=true。';
}

/** Where links that leave the product point: PUBLIC_URL, or the address this request came in on. */
export function publicBaseUrl(config: Pick<Config, 'publicUrl'>, req: { protocol: string; host: string }): string {
  return config.publicUrl ?? `${req.protocol}://${req.host}`;
}
