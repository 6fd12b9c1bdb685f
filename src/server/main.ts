import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from './app';
import { tick } from './features/activities/activities.tick';
import { deliverEmails, smtpNotifier } from './features/notifications/notifier';
import { tickOrders } from './features/orders/orders.tick';
import { tickMeetings } from './features/meetings/meetings.tick';
import { tickPlan } from './features/plan/plan.tick';
import { tickPoints } from './features/points/points.expiry';
import { tickMarket } from './features/market/market.tick';
import { sealPlainCareData } from './features/care/care.sealing';
import { sealPlainVolunteerContacts } from './features/volunteers/volunteers.sealing';
import { sealPlainCareOrders } from './features/orders/orders.sealing';
import { verifyTotals } from './features/hours/hours.totals';
import { verifyLedger } from './features/points/points.statement';
import { bootstrapProduction, DEMO_PASSWORD, seedDemo } from './db/seed/maan';
import { linkPendingAudit, signHeadAfterUpgrade } from './platform/audit';
import { systemClock } from './platform/clock';
import { type Config, loadConfig, loadDotEnv, plainHttpWarning, protectDataDir } from './platform/config';
import { runningServerPid, restoreBackup, takeBackup, writePidFile } from './platform/backup';
import { type DbHandle, migrateToLatest, openDb } from './platform/db';
import type { Deps } from './platform/deps';
import { forgetOldRateWindows, holdLease, releaseLease } from './platform/processes';

const USAGE = `用法: tsx src/server/main.ts <命令>
  start     迁移数据库（首次启动时写入马鞍街道演示数据），然后启动服务
  migrate   只执行数据库迁移
  seed      向空数据库写入马鞍街道演示数据
  backup    在线备份到 DATA_DIR/backups/shijian-<时间>/：数据库（SQLite 用 VACUUM INTO，PostgreSQL 用 pg_dump）、上传文件和清单
  restore <备份目录>  停止服务后恢复：旧文件移到 DATA_DIR/replaced-<时间>/，恢复后检查完整性和审计链
  verify-totals  核对每位志愿者的累计时长（已认定、待审核）和积分余额与台账是否一致，不一致时列出并以非零状态退出`;

function open(config: Config): DbHandle {
  return openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
}

/** Migrations, then the data steps that need the app's keys (migrations run without them). */
async function migrateAndSeal(config: Config, handle: DbHandle): Promise<string[]> {
  const applied = await migrateToLatest(handle.db);
  await signHeadAfterUpgrade(handle.db, config.keys.audit, applied);
  const sealed = await sealPlainCareData({ db: handle.db, config, clock: systemClock });
  if (sealed) console.log(`已加密 ${sealed} 位关爱对象的电话、住址和需求`);
  const sealedOrders = await sealPlainCareOrders({ db: handle.db, config, clock: systemClock });
  if (sealedOrders) console.log(`已加密 ${sealedOrders} 张为关爱对象代点的需求单上的电话和地址`);
  const sealedVolunteers = await sealPlainVolunteerContacts({ db: handle.db, config, clock: systemClock });
  if (sealedVolunteers) console.log(`已加密 ${sealedVolunteers} 位志愿者的紧急联系人和监护人电话`);
  return applied;
}

async function prepare(config: Config, handle: DbHandle): Promise<void> {
  const applied = await migrateAndSeal(config, handle);
  if (applied.length) console.log(`数据库迁移完成: ${applied.join(', ')}`);
  if (config.env === 'production') {
    const admin = await bootstrapProduction(handle.db, systemClock.now(), config.instituteName);
    if (admin) {
      console.log('\n================ 首次启动 ================');
      console.log(`管理员账号: ${admin.username}`);
      console.log(`一次性密码: ${admin.password}`);
      console.log('此密码只显示这一次，首次登录后必须修改。');
      console.log('==========================================\n');
    }
  } else if (await seedDemo({ db: handle.db, config }, systemClock.now())) {
    console.log(`已写入马鞍街道演示数据。演示账号: admin, station01…station20, leader01, volunteer01…, resident01…, district；密码 ${DEMO_PASSWORD}`);
  }
}

async function start(): Promise<void> {
  const config = loadConfig();
  const running = runningServerPid(config.dataDir);
  if (running) throw new Error(`另一个服务（进程 ${running}）正在使用 ${config.dataDir}`);
  const handle = open(config);
  protectDataDir(config.dataDir);
  const removePid = writePidFile(config.dataDir);
  await prepare(config, handle);
  const deps: Deps = { db: handle.db, dialect: handle.dialect, config, clock: systemClock };
  // Rows a killed process left unlinked are linked before the first request; then every second.
  await linkPendingAudit(deps.db, config.keys.audit);
  const app = await buildApp(deps, { auditLinkEveryMs: 1000 });
  const shutdown = async () => {
    await app.close();
    await handle.close();
    removePid();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  // The clock moves activities on (start, end with hours, reminders). One process at a time runs it,
  // holding the 'tick' lease (platform/processes.ts); each step is a guarded update besides, so even
  // two processes that both ran it would never do the same step twice.
  const notifier = config.smtp ? smtpNotifier(config.smtp.url, config.smtp.from) : null;
  const holder = `${os.hostname()}:${process.pid}:${randomUUID()}`;
  const runTick = async () => {
    const mine = await holdLease(deps.db, 'tick', holder, systemClock.now(), 3 * config.tickMs).catch(() => false);
    if (!mine) return;
    app.log.debug({ holder }, 'tick ran');
    await forgetOldRateWindows(deps.db, systemClock.now()).catch((err) => app.log.error({ err }, 'rate window cleanup failed'));
    await tick(deps).catch((err) => app.log.error({ err }, 'activity tick failed'));
    await tickOrders(deps).catch((err) => app.log.error({ err }, 'order tick failed'));
    await tickMeetings(deps).catch((err) => app.log.error({ err }, 'meeting tick failed'));
    await tickPlan(deps).catch((err) => app.log.error({ err }, 'plan tick failed'));
    await tickPoints(deps).catch((err) => app.log.error({ err }, 'points tick failed'));
    await tickMarket(deps).catch((err) => app.log.error({ err }, 'market tick failed'));
    if (notifier) await deliverEmails(deps, notifier).catch((err) => app.log.error({ err }, 'e-mail delivery failed'));
  };
  await runTick();
  const timer = setInterval(runTick, config.tickMs);
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await releaseLease(deps.db, 'tick', holder).catch(() => {});
  });
  await app.listen({ port: config.port, host: config.host });
  console.log(`实践 Shijian 已启动（${handle.describe}）`);
  console.log(`  门户     http://localhost:${config.port}/`);
  console.log(`  管理后台 http://localhost:${config.port}/login`);
  console.log(`  手机端   http://localhost:${config.port}/m`);
  console.log(`  接口文档 http://localhost:${config.port}/api/docs`);
  const warning = plainHttpWarning(config);
  if (warning) console.warn(`\n警告：${warning}\n`);
}

async function backup(): Promise<void> {
  const config = loadConfig();
  const handle = open(config);
  try {
    const { dir, manifest } = await takeBackup(handle, config, { at: systemClock.now() });
    console.log(`已备份到 ${dir}（数据库${manifest.uploads ? '、上传文件' : ''}和清单 manifest.json）`);
    console.log(
      `恢复时需要同一把主密钥（指纹 ${manifest.keyFingerprint}）：请另行妥善保管 SHIJIAN_SECRET 或 ${path.join(config.dataDir, 'secret.key')}，不要和备份放在一起。`,
    );
  } finally {
    await handle.close();
  }
}

async function restore(source: string | undefined): Promise<void> {
  if (!source) {
    console.error('用法: npm run restore -- <备份目录>');
    process.exitCode = 1;
    return;
  }
  const config = loadConfig();
  const report = await restoreBackup(config, path.resolve(source), { at: systemClock.now() });
  console.log(`已恢复。原有文件已移到 ${report.movedAside}`);
  console.log(`完整性检查: ${report.integrity}`);
  console.log(report.audit.ok ? `审计链校验通过（${report.audit.checked} 条）` : `审计链校验未通过: ${report.audit.reason}`);
  if (report.keyMatches === false) console.log('注意：备份清单中的密钥指纹与当前主密钥不一致，身份证号无法解密、审计链无法校验。请换用备份时的主密钥。');
  if (report.integrity !== 'ok' || !report.audit.ok) process.exitCode = 1;
}

/** The running totals kept beside the ledgers (hours, points) against the ledgers themselves. */
async function verifyTotalsCommand(): Promise<void> {
  const config = loadConfig();
  // It sums the whole ledger: no request's statement timeout (5 s is too short for a district's 5 million records).
  const handle = openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, pgStatementTimeoutMs: 0 });
  try {
    const hours = await verifyTotals(handle.db);
    console.log(hours.ok ? `服务时长累计核对通过（${hours.volunteers} 名志愿者）` : `服务时长累计与台账不一致：${hours.mismatches.length} 名志愿者`);
    for (const m of hours.mismatches) {
      const kept = m.totals ? `已认定 ${m.totals.approvedMinutes} 分钟、待审核 ${m.totals.pendingMinutes} 分钟` : '无累计记录';
      console.log(`  ${m.volunteerId}：台账 已认定 ${m.ledger.approvedMinutes} 分钟、待审核 ${m.ledger.pendingMinutes} 分钟；累计 ${kept}`);
    }
    const points = await verifyLedger(handle.db);
    console.log(points.ok ? `积分余额核对通过（${points.volunteers} 名志愿者）` : `积分余额与台账不一致：${points.mismatches.length} 名志愿者`);
    for (const m of points.mismatches) console.log(`  ${m.volunteerId}：余额 ${m.balance}，台账合计 ${m.entriesSum}`);
    if (!hours.ok || !points.ok) process.exitCode = 1;
  } finally {
    await handle.close();
  }
}

async function main(): Promise<void> {
  // Files the server makes (the database, its WAL, backups, keys, uploads) are the owner's alone.
  process.umask(0o077);
  loadDotEnv();
  const cmd = process.argv[2];
  switch (cmd) {
    case 'start':
      return start();
    case 'migrate': {
      const config = loadConfig();
      const handle = open(config);
      const applied = await migrateAndSeal(config, handle);
      console.log(applied.length ? `已执行: ${applied.join(', ')}` : '数据库已是最新');
      return handle.close();
    }
    case 'seed': {
      const config = loadConfig();
      const handle = open(config);
      await migrateAndSeal(config, handle);
      console.log((await seedDemo({ db: handle.db, config }, systemClock.now())) ? '已写入演示数据' : '数据库中已有数据，未写入');
      return handle.close();
    }
    case 'backup':
      return backup();
    case 'restore':
      return restore(process.argv[3]);
    case 'verify-totals':
      return verifyTotalsCommand();
    default:
      console.log(USAGE);
      process.exitCode = cmd ? 1 : 0;
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
