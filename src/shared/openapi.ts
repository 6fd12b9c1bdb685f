import { z } from 'zod';

/** The body of every error response (documented once as the `Error` component). */
export const ErrorView = z
  .looseObject({
    code: z.string().meta({ description: '稳定的错误码，见 src/shared/errors.ts', example: 'not_found' }),
    message: z.string().meta({ description: '中文提示，可直接展示给用户' }),
    requestId: z.string().meta({ description: '请求编号，排查问题时提供给管理员' }),
    fields: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .meta({ description: '校验失败时：哪个字段、什么问题' }),
  })
  .meta({ id: 'Error' });

/**
 * Names shared schemas for OpenAPI: each becomes one entry under `components.schemas` (by its
 * export name) and is referenced from every operation that uses it.
 */
export function named(schemas: Record<string, z.ZodType>): void {
  for (const [id, schema] of Object.entries(schemas)) {
    if (!z.globalRegistry.has(schema)) z.globalRegistry.add(schema, { id });
  }
}
