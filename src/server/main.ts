import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { buildApp } from './app';
import { tick } from './features/activities/activities.tick';
import { deliverEmails, smtpNotifier } from './features/notifications/notifier';
import { tickOrders } from './features/orders/orders.tick';
import { tickMeetings } from './features/meetings/meetings.tick';
import { tickPlan } from './features/plan/plan.tick';
import { bootstrapProduction, DEMO_PASSWORD, seedDemo } from './db/seed/maan';
import { systemClock } from './platform/clock';
import { type Config, loadConfig, loadDotEnv } from './platform/config';
import { copySqliteTo, type DbHandle, migrateToLatest, openDb } from './platform/db';
import type { Deps } from './platform/deps';

const USAGE = `用法: tsx src/server/main.ts <命令>
  start     迁移数据库（首次启动时写入马鞍街道演示数据），然后启动服务
  migrate   只执行数据库迁移
  seed      向空数据库写入马鞍街道演示数据
  backup    备份数据库（SQLite 在线备份到 DATA_DIR/backups；PostgreSQL 请用 pg_dump）`;

function open(config: Config): DbHandle {
  return openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
}

async function prepare(config: Config, handle: DbHandle): Promise<void> {
  const applied = await migrateToLatest(handle.db);
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
  const handle = open(config);
  await prepare(config, handle);
  const deps: Deps = { db: handle.db, dialect: handle.dialect, config, clock: systemClock };
  const app = await buildApp(deps);
  const shutdown = async () => {
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  // The clock moves activities on (start, end with hours, reminders). Every process may run it:
  // each step is a guarded update, so two processes never do the same step twice.
  const notifier = config.smtp ? smtpNotifier(config.smtp.url, config.smtp.from) : null;
  const runTick = async () => {
    await tick(deps).catch((err) => app.log.error({ err }, 'activity tick failed'));
    await tickOrders(deps).catch((err) => app.log.error({ err }, 'order tick failed'));
    await tickMeetings(deps).catch((err) => app.log.error({ err }, 'meeting tick failed'));
    await tickPlan(deps).catch((err) => app.log.error({ err }, 'plan tick failed'));
    if (notifier) await deliverEmails(deps, notifier).catch((err) => app.log.error({ err }, 'e-mail delivery failed'));
  };
  await runTick();
  const timer = setInterval(runTick, 60_000);
  app.addHook('onClose', async () => clearInterval(timer));
  await app.listen({ port: config.port, host: config.host });
  console.log(`实践 Shijian 已启动（${handle.describe}）`);
  console.log(`  门户     http://localhost:${config.port}/`);
  console.log(`  管理后台 http://localhost:${config.port}/login`);
  console.log(`  手机端   http://localhost:${config.port}/m`);
  console.log(`  接口文档 http://localhost:${config.port}/api/docs`);
}

async function backup(): Promise<void> {
  const config = loadConfig();
  if (config.databaseUrl) {
    console.log('PostgreSQL 请使用: pg_dump -Fc "$DATABASE_URL" > shijian-$(date +%F).dump （恢复: pg_restore -d <新库> 文件）');
    return;
  }
  const handle = open(config);
  const dir = path.join(config.dataDir, 'backups');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `shijian-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`);
  await copySqliteTo(handle.db, file);
  await handle.close();
  console.log(`已备份到 ${file}（另请妥善保管 ${path.join(config.dataDir, 'secret.key')}，没有它无法解密身份证号）`);
}

async function main(): Promise<void> {
  loadDotEnv();
  const cmd = process.argv[2];
  switch (cmd) {
    case 'start':
      return start();
    case 'migrate': {
      const config = loadConfig();
      const handle = open(config);
      const applied = await migrateToLatest(handle.db);
      console.log(applied.length ? `已执行: ${applied.join(', ')}` : '数据库已是最新');
      return handle.close();
    }
    case 'seed': {
      const config = loadConfig();
      const handle = open(config);
      await migrateToLatest(handle.db);
      console.log((await seedDemo({ db: handle.db, config }, systemClock.now())) ? '已写入演示数据' : '数据库中已有数据，未写入');
      return handle.close();
    }
    case 'backup':
      return backup();
    default:
      console.log(USAGE);
      process.exitCode = cmd ? 1 : 0;
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
