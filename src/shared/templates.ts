// Reply templates: variables in braces, filled from the conversation when the agent inserts the reply.
// Unknown variables are left as typed, so a typo is visible rather than silently dropped.

export const templateVariables = [
  'customerName',
  'orderNumber',
  'agentName',
  'shopName',
  'position',
  'opensAt',
  'closesAt',
  'replyBy',
] as const;
export type TemplateVariable = (typeof templateVariables)[number];
export type TemplateValues = Partial<Record<TemplateVariable, string | number | null | undefined>>;

/** Replaces {name} with its value; a variable without a value becomes an empty string. */
export function renderTemplate(text: string, values: TemplateValues): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(templateVariables as readonly string[]).includes(name)) return whole;
    const value = values[name as TemplateVariable];
    return value === null || value === undefined ? '' : String(value);
  });
}
