// The adapter for an external, OpenAI-compatible LLM that classifies a customer message (off by default). It
// answers within the configured timeout or not at all: on a timeout, an error or an answer outside the known
// labels, the local model's classification stands.
import {
  complaintCategories,
  problemTypes,
  type ComplaintCategory,
  type ProblemType,
} from '../../shared/assist.js';
import type { Config } from '../../server/config.js';
import type { Classification } from './model.js';

export type LlmConfig = NonNullable<Config['assistLlm']>;

const instructions = [
  'You classify one customer-service message from a Chinese e-commerce shop.',
  `Reply with JSON only: {"problemType": one of ${problemTypes.join('|')}, "complaintCategory": one of ${complaintCategories.join('|')} when problemType is complaint, else null}.`,
].join('\n');

function parseAnswer(content: string): Pick<Classification, 'problemType' | 'complaintCategory'> | null {
  const json = content.slice(content.indexOf('{'), content.lastIndexOf('}') + 1);
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object') return null;
  const { problemType, complaintCategory } = value as Record<string, unknown>;
  if (!problemTypes.includes(problemType as ProblemType)) return null;
  if (problemType !== 'complaint')
    return { problemType: problemType as ProblemType, complaintCategory: null };
  const category = complaintCategories.includes(complaintCategory as ComplaintCategory)
    ? (complaintCategory as ComplaintCategory)
    : 'other';
  return { problemType: 'complaint', complaintCategory: category };
}

export async function classifyWithLlm(
  config: LlmConfig,
  text: string,
  local: Classification,
  fetcher: typeof fetch = fetch,
): Promise<Classification & { by: 'llm' | 'local' }> {
  try {
    const response = await fetcher(`${config.url.replace(/\/$/, '')}/chat/completions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}),
      },
      body: JSON.stringify({
        model: config.model,
        temperature: 0,
        messages: [
          { role: 'system', content: instructions },
          { role: 'user', content: text },
        ],
      }),
      signal: AbortSignal.timeout(config.timeoutMs),
    });
    if (!response.ok) return { ...local, by: 'local' };
    const body = (await response.json()) as { choices?: Array<{ message?: { content?: string } }> };
    const parsed = parseAnswer(body.choices?.[0]?.message?.content ?? '');
    return parsed ? { ...parsed, confidence: 1, by: 'llm' } : { ...local, by: 'local' };
  } catch {
    return { ...local, by: 'local' };
  }
}
