// Form checks taken from the shared Zod contract, so the form accepts exactly what the server accepts.
import type { FormRule } from 'antd';
import type { z } from 'zod';

/** An antd rule that runs a field's shared schema and shows `message` (translated) when it fails. */
export function schemaRule(schema: z.ZodType, message: string): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      if (!schema.safeParse(value).success) throw new Error(message);
    },
  };
}
