// Sending a form to the API: a saving flag, the server's message for an alert, and its field problems on the fields.
import type { FormInstance } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { useCallback, useState } from 'react';
import { toApiError } from '../api/client';
import { fieldProblems } from '../rules/form-errors';

interface FormSubmitOptions<F extends string> {
  /** The fields the form shows; problems with other fields stay in the alert only. */
  fields: readonly F[];
  /** Error codes that name one field, e.g. { login_taken: 'login' }. */
  fieldByCode?: Readonly<Partial<Record<string, F>>>;
  /** The form's translated text for a field the server found invalid. */
  invalidText?: Readonly<Partial<Record<F, string>>>;
}

export function useFormSubmit<Values extends object>(
  form: FormInstance<Values>,
  { fields, fieldByCode, invalidText }: FormSubmitOptions<keyof Values & string>,
) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = useCallback(
    <R>(action: () => Promise<R>, onSuccess: (result: R) => void) => {
      setSaving(true);
      setError(null);
      action().then(
        (result) => {
          setSaving(false);
          onSuccess(result);
        },
        (failure: unknown) => {
          setSaving(false);
          const apiError = toApiError(failure);
          setError(apiError.message);
          const problems = fieldProblems(apiError, fields, fieldByCode, invalidText);
          form.setFields(
            // A top-level key of Values is a valid name path; TypeScript cannot see that for a generic Values.
            problems.map((problem) => ({
              name: problem.field as NamePath<Values>,
              errors: [problem.message],
            })),
          );
        },
      );
    },
    [form, fields, fieldByCode, invalidText],
  );

  return { saving, error, submit };
}
