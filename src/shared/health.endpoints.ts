import { z } from 'zod';
import { routes } from './routes';
import { defineEndpoint } from './endpoint';
import { named } from './openapi';

/** The health check's answer: `degraded` (still 200) when the database does not answer. */
export const HealthView = z.object({ status: z.enum(['ok', 'degraded']), db: z.enum(['ok', 'unavailable']), dialect: z.enum(['sqlite', 'postgres']) });

named({ HealthView });

export const health = defineEndpoint({
  ...routes.checkHealth,
  summary: '健康检查',
  description: '供负载均衡与监控使用，无需登录、不缓存；数据库无法连接时仍返回 200，status 为 degraded。',
  tags: ['health'],
  access: 'public',
  responses: { 200: HealthView },
});
