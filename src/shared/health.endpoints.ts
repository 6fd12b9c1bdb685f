import { z } from 'zod';
import { routes } from './routes';
import { defineEndpoint } from './endpoint';
import { named } from './openapi';

/** The readiness check's answer while the database answers; when it does not, the check answers 503. */
export const HealthView = z.object({
  status: z.literal('ok'),
  db: z.literal('ok'),
  dialect: z.enum(['sqlite', 'postgres']),
  /** Room to write: free space in DATA_DIR and, on SQLite, under its size limit; when full the check answers 503 service.disk_full. */
  disk: z.literal('ok'),
});
/** The liveness check: the process answers HTTP, whatever the database does. */
export const LiveView = z.object({ status: z.literal('ok') });

named({ HealthView, LiveView });

export const health = defineEndpoint({
  ...routes.checkHealth,
  summary: '健康检查',
  description:
    '就绪检查，供负载均衡与监控使用：无需登录、不缓存。数据库能应答时返回 200；数据库无法连接时返回 503 service.unavailable；存储空间已满（数据目录可用空间低于 DISK_MIN_FREE_MB，或刚有写入因空间不足失败）时返回 503 service.disk_full 与 disk: full；均带 Retry-After，负载均衡据此把请求转给其他实例。',
  tags: ['health'],
  access: 'public',
  responses: { 200: HealthView },
  errors: ['service.unavailable', 'service.disk_full'],
});

export const live = defineEndpoint({
  ...routes.checkLive,
  summary: '存活检查',
  description: '进程能应答 HTTP 即返回 200，不访问数据库；供进程守护判断是否需要重启（数据库故障时不应重启进程）。',
  tags: ['health'],
  access: 'public',
  responses: { 200: LiveView },
});
