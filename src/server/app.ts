import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { constants as zlibConstants } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ERRORS } from '../shared/errors';
import { Admission, registerAdmission } from './platform/admission';
import { databaseRateStore } from './platform/processes';
import { accountsRoutes } from './features/accounts/accounts.routes';
import { authRoutes } from './features/accounts/auth.routes';
import { activitiesRoutes } from './features/activities/activities.routes';
import { auditRoutes } from './features/audit/audit.routes';
import { careRoutes } from './features/care/care.routes';
import { certificatesRoutes } from './features/certificates/certificates.routes';
import { filesRoutes } from './features/files/files.routes';
import { hoursRoutes } from './features/hours/hours.routes';
import { notificationsRoutes } from './features/notifications/notifications.routes';
import { teamsRoutes } from './features/teams/teams.routes';
import { venuesRoutes } from './features/venues/venues.routes';
import { volunteersRoutes } from './features/volunteers/volunteers.routes';
import { healthRoutes } from './features/health/health.routes';
import { open311KeysRoutes, open311Routes } from './features/open311/open311.routes';
import { ordersRoutes } from './features/orders/orders.routes';
import { orgRoutes } from './features/org/org.routes';
import { districtRoutes } from './features/district/district.routes';
import { programmesRoutes } from './features/programmes/programmes.routes';
import { settingsRoutes } from './features/settings/settings.routes';
import { fundsRoutes } from './features/funds/funds.routes';
import { meetingsRoutes } from './features/meetings/meetings.routes';
import { planRoutes } from './features/plan/plan.routes';
import { standardsRoutes } from './features/standards/standards.routes';
import { trainingRoutes } from './features/training/training.routes';
import { assessmentRoutes } from './features/assessment/assessment.routes';
import { needsRoutes } from './features/needs/needs.routes';
import { campaignsRoutes } from './features/campaigns/campaigns.routes';
import { newsRoutes } from './features/news/news.routes';
import { privacyRoutes } from './features/privacy/privacy.routes';
import { activityPlansRoutes } from './features/activity-plans/activity-plans.routes';
import { recognitionRoutes } from './features/recognition/recognition.routes';
import { marketRoutes } from './features/market/market.routes';
import { auditSequencer } from './platform/audit';
import { registerAuth } from './platform/auth';
import type { Deps } from './platform/deps';
import { requestSerializer } from './platform/log';
import { registerErrorHandler } from './platform/errors';
import { withRequestState } from './platform/request-state';
import { openapiHooks } from './platform/register';
import { pointsRoutes } from './features/points/points.routes';
import { showcaseRoutes } from './features/showcase/showcase.routes';
import { dashboardRoutes } from './features/dashboard/dashboard.routes';
import { reportsRoutes } from './features/reports/reports.routes';

// Validation messages in Chinese: "数值过小：期望 string >=1 字符".
z.config(z.locales.zhCN());

export interface AppOptions {
  /** Pino logger options, or false for none (tests). */
  logger?: boolean | object;
  /** Also run the audit sequencer on a timer this often (the server does; tests rely on the kicks). */
  auditLinkEveryMs?: number;
}

/** Builds the whole app: plugins, every feature's routes, the web build. Does not listen. */
export async function buildApp(deps: Deps, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = createServer(deps, opts);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  // Each request's own state (has it committed a change yet?), read by the error handler.
  app.addHook('onRequest', (_req, _reply, done) => withRequestState(done));
  // Before anything reads the database (the session hook included): a burst waits in line or gets a clear 503.
  registerAdmission(app, new Admission(deps.config.admission.active, deps.config.admission.maxWaitMs));

  await registerSecurity(app, deps);
  await registerCompression(app);
  await registerOpenApi(app);
  app.addHook('onRequest', async (req, reply) => {
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
  registerAuth(app, deps);
  registerAuditSequencer(app, deps, opts.auditLinkEveryMs);
  await registerFeatures(app, deps);
  await registerWeb(app, deps);
  return app;
}

type App = ReturnType<typeof createServer>;

/**
 * Links audit rows into the hash chain soon after they commit (platform/audit.ts): kicked, debounced,
 * when a write request has answered (its transaction has committed by then), and on a timer for the
 * writes no request made (the tick) and rows a killed process left unlinked.
 */
function registerAuditSequencer(app: App, deps: Deps, everyMs: number | undefined) {
  const sequencer = auditSequencer(deps.db, deps.config.keys.audit, (err) => app.log.error({ err }, 'audit sequencer failed'));
  app.addHook('onResponse', (req, _reply, done) => {
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS') sequencer.kick();
    done();
  });
  const timer = everyMs ? setInterval(() => void sequencer.run(), everyMs) : null;
  timer?.unref();
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await sequencer.close();
  });
}

/** Fastify itself: logging without personal data, request ids, proxy trust, body and time limits. */
function createServer(deps: Deps, opts: AppOptions) {
  return Fastify({
    logger:
      opts.logger === undefined
        ? {
            level: deps.config.logLevel,
            // No personal data in logs: cookies, tokens and bodies never reach the log.
            redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
            // URLs without query values or private tokens: search terms and calendar links stay out of the log.
            serializers: { req: requestSerializer },
          }
        : opts.logger,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    // A slow client is cut off while its request is still arriving (requestTimeout); once a request
    // is being handled its socket is never closed under it, since its write may still commit and the
    // caller must learn the outcome. Work that cannot start in time is refused with 503 instead
    // (the database pool's acquire timeout, mapped in platform/errors.ts).
    requestTimeout: 30_000,
    connectionTimeout: 0,
  }).withTypeProvider<ZodTypeProvider>();
}

/** Security headers (CSP for the SPA and antd), cookies, uploads, and the login rate limit. */
async function registerSecurity(app: App, deps: Deps) {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd 6 is CSS-in-JS and injects <style> elements.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // Browsers ignore HSTS received over plain http (RFC 6797 §8.1), so a production answer may carry it:
    // once a browser has reached the site over HTTPS it keeps to HTTPS. COOKIE_SECURE=false turns it off.
    hsts: deps.config.env === 'production' && deps.config.cookieSecure !== false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 10, parts: 12 } });
  await app.register(fastifyRateLimit, {
    global: false,
    hook: 'onRequest',
    // Counted in the database, so several processes behind one address enforce one limit together.
    store: databaseRateStore(deps.db),
    // A database that cannot count does not lock everyone out: the login itself then answers 503.
    skipOnError: true,
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429,
      code: 'auth.rate_limited',
      message: ERRORS['auth.rate_limited'].message,
      retryAfterSeconds: Math.ceil(ctx.ttl / 1000),
    }),
  });
}

/** The OpenAPI document generated from the endpoint declarations, and its docs page with Try-it-out. */
async function registerOpenApi(app: App) {
  const openapi = openapiHooks();
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: '实践 Shijian 新时代文明实践平台 API',
        version: '0.1.0',
        description:
          '除登录、健康检查与门户接口外，所有接口需要登录（会话 Cookie）；写操作需携带 x-csrf-token（登录或 /api/auth/me 返回的 csrfToken）。' +
          '错误统一返回 {code, message, requestId}，code 见各接口的 4xx 说明。在本页“Try it out”时，登录后的写操作会自动带上 x-csrf-token。' +
          '只读账号（区中心查看）只能调用标有 x-self-service 的写操作（本人的密码、会话、消息等），其他写操作一律答 403 access.read_only。',
        license: { name: 'MIT', url: 'https://opensource.org/licenses/MIT' },
      },
      servers: [{ url: '/', description: '本服务器' }],
      tags: [
        { name: 'accounts', description: '登录、账号与角色' },
        { name: 'org', description: '组织架构：区中心、实践所、实践站、岗位、领导小组' },
        { name: 'settings', description: '规则设置（工作方案中的数字）' },
        { name: 'audit', description: '审计日志' },
        { name: 'volunteers', description: '志愿者登记、审核、人才库、导入导出' },
        { name: 'teams', description: '志愿服务队伍' },
        { name: 'hours', description: '服务记录（时长台账）、培训与表彰、星级' },
        { name: 'certificates', description: '志愿服务记录证明' },
        { name: 'files', description: '证明材料上传' },
        { name: 'programmes', description: '实践项目与品牌' },
        { name: 'venues', description: '阵地与功能室' },
        { name: 'activities', description: '活动：发布、报名、签到签退、时长、总结、日历' },
        { name: 'orders', description: '群众点单、审单、派单、接单、评单' },
        { name: 'care', description: '关爱对象（敏感个人信息）' },
        { name: 'open311', description: 'Open311 GeoReport v2 接口' },
        { name: 'notifications', description: '站内消息' },
        { name: 'public', description: '门户公开信息' },
        { name: 'health', description: '健康检查' },
        { name: 'funds', description: '经费：年度预算、支出台账（只增不改，冲减更正）、预算执行与报表' },
        { name: 'plan', description: '工作方案：任务分解、实施步骤、制度文件，活动计划的下发与承接' },
        { name: 'training', description: '培训：区中心、实践所举办的培训，参训登记与年度覆盖情况' },
        { name: 'standards', description: '“八有”建设标准：达标看板、证明材料与实践所确认' },
        { name: 'assessment', description: '考核：实践站考核指标、自评、审核、公布排名与报告' },
        { name: 'needs', description: '群众需求采集：实践站登记的群众需求、分类统计与导出' },
        { name: 'campaigns', description: '评选：十星文明户、身边好人等评选的推荐、评审、公示、异议与结果' },
        { name: 'market', description: '爱心超市：物品、捐赠与采购入库、库存台账、积分兑换预约与柜台领取、月度对账' },
        { name: 'showcase', description: '成果展示：品牌、精品活动、图片集、短视频、文化墙、宣传折页，人员出镜须有同意记录' },
        { name: 'dashboard', description: '数据大屏：志愿者、时长、活动、点单、阵地与实时动态的统计（公开版只有数字）' },
        { name: 'reports', description: '工作报表：实践所月报、年报（活动、志愿者与时长、点单、八有、培训、经费、联席会议），Excel 与 PDF 导出' },
        { name: 'news', description: '新闻宣传与信息报送：各单位新闻的撰写、发布、撤回，向区专栏报送及采用统计' },
        { name: 'privacy', description: '个人信息权利：本人下载自己的信息、申请删除，工作人员处理删除申请（个人信息保护法 第四十五、四十七条）' },
      ],
    },
    transform: openapi.transform,
    transformObject: (doc) => openapi.transformObject({ openapiObject: jsonSchemaTransformObject(doc) }),
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: {
      docExpansion: 'list',
      // "Try it out" for a logged-in user's writes: the session cookie goes along by itself; the
      // CSRF token is fetched the way the web app gets it (GET /api/auth/me answers it).
      // Serialised into the page as source, so it must stay self-contained.
      requestInterceptor: async (req: { method?: string; headers: Record<string, string> }) => {
        const method = (req.method ?? 'GET').toUpperCase();
        if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS' || req.headers['x-csrf-token']) return req;
        try {
          const res = await fetch('/api/auth/me', { credentials: 'same-origin', headers: { accept: 'application/json' } });
          const me = res.ok ? ((await res.json()) as { csrfToken?: string }) : null;
          if (me?.csrfToken) req.headers['x-csrf-token'] = me.csrfToken;
        } catch {
          // Not logged in or offline: the request goes without the token and the server says why.
        }
        return req;
      },
    } as Record<string, unknown>,
  });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => app.swagger());
}

/** Every feature's routes. */
async function registerFeatures(app: App, deps: Deps) {
  await app.register(healthRoutes(deps));
  await app.register(authRoutes(deps));
  await app.register(accountsRoutes(deps));
  await app.register(orgRoutes(deps));
  await app.register(settingsRoutes(deps));
  await app.register(auditRoutes(deps));
  await app.register(filesRoutes(deps));
  await app.register(notificationsRoutes(deps));
  await app.register(volunteersRoutes(deps));
  await app.register(teamsRoutes(deps));
  await app.register(hoursRoutes(deps));
  await app.register(certificatesRoutes(deps));
  await app.register(programmesRoutes(deps));
  await app.register(venuesRoutes(deps));
  await app.register(activitiesRoutes(deps));
  await app.register(ordersRoutes(deps));
  await app.register(careRoutes(deps));
  await app.register(open311KeysRoutes(deps));
  await app.register(open311Routes(deps));
  await app.register(fundsRoutes(deps));
  await app.register(meetingsRoutes(deps));
  await app.register(planRoutes(deps));
  await app.register(trainingRoutes(deps));
  await app.register(standardsRoutes(deps));
  await app.register(assessmentRoutes(deps));
  await app.register(needsRoutes(deps));
  await app.register(activityPlansRoutes(deps));
  await app.register(campaignsRoutes(deps));
  await app.register(recognitionRoutes(deps));
  await app.register(pointsRoutes(deps));
  await app.register(marketRoutes(deps));
  await app.register(showcaseRoutes(deps));
  await app.register(dashboardRoutes(deps));
  await app.register(reportsRoutes(deps));
  await app.register(newsRoutes(deps));
  await app.register(privacyRoutes(deps));
  await app.register(districtRoutes(deps));
}

/**
 * JSON, XML, iCal and the like are compressed for clients that ask (brotli at a low quality, which
 * costs little CPU, or gzip); small replies go as they are. Static files come pre-compressed from the
 * build instead (see registerWeb), and binary downloads (PDF, xlsx, images) are not compressible types.
 */
async function registerCompression(app: App) {
  await app.register(fastifyCompress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } },
  });
}

/** Hashed build files (and the .br/.gz beside them) never change under their name: a browser may keep them for a year. */
const HASHED_ASSET = /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+(\.br|\.gz)?$/;

/**
 * The web build, if there is one: static files (the `.br` / `.gz` the build wrote beside them when the
 * browser accepts one), and index.html for every SPA path. index.html is revalidated on every load so
 * a new release is picked up at once; the hashed assets it names are immutable.
 */
async function registerWeb(app: App, deps: Deps) {
  const webDir = deps.config.webDir;
  const hasWeb = existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDir,
      prefix: '/',
      wildcard: true,
      index: 'index.html',
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, filePath) => {
        res.header('cache-control', HASHED_ASSET.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const url = req.url.split('?')[0];
    // The SPA owns every path without a file extension; API paths and missing assets are real 404s.
    if (!hasWeb || url.startsWith('/api/') || path.extname(url) !== '') {
      return reply.code(404).send({ code: 'route.not_found', message: ERRORS['route.not_found'].message, requestId: String(req.id) });
    }
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });
}
