// Turns a refused request into per-field messages for a form, plus what is left for a general alert.
import type { ApiError } from '../api/client';

export interface FieldProblem<F extends string> {
  field: F;
  message: string;
}

interface Issue {
  path: unknown;
  message: unknown;
}

function isIssue(value: unknown): value is Issue {
  return typeof value === 'object' && value !== null && 'message' in value && 'path' in value;
}

function issuesOf(details: unknown): Issue[] {
  if (Array.isArray(details)) return details.filter(isIssue);
  if (typeof details === 'object' && details !== null) {
    if ('issues' in details) return issuesOf(details.issues);
    if ('errors' in details) return issuesOf(details.errors);
  }
  return [];
}

/** The field an issue points at: ['body','login'], 'body/login', '/login' and '.login' all give 'login'. */
function fieldOf(path: unknown): string | undefined {
  const parts = Array.isArray(path) ? path.map(String) : typeof path === 'string' ? path.split(/[/.]/) : [];
  return parts.filter((part) => part !== '' && part !== 'body' && !/^\d+$/.test(part))[0];
}

/**
 * Field problems named by the error: validation issues from `details`, and the conflicts whose code names a
 * field (e.g. login_taken → login). Fields the form does not have are left out. A validation issue shows the
 * form's own translated text for that field when it has one, as issue texts come from the schema in English.
 */
export function fieldProblems<F extends string>(
  error: ApiError,
  formFields: readonly F[],
  fieldByCode?: Readonly<Partial<Record<string, F>>>,
  localized?: Readonly<Partial<Record<F, string>>>,
): FieldProblem<F>[] {
  const problems: FieldProblem<F>[] = [];
  const isFormField = (name: string | undefined): name is F =>
    name !== undefined && formFields.some((f) => f === name);
  const codeField = fieldByCode?.[error.code];
  if (codeField && isFormField(codeField)) problems.push({ field: codeField, message: error.message });
  for (const issue of issuesOf(error.details)) {
    const field = fieldOf(issue.path);
    if (isFormField(field) && !problems.some((problem) => problem.field === field)) {
      problems.push({ field, message: localized?.[field] ?? String(issue.message) });
    }
  }
  return problems;
}
