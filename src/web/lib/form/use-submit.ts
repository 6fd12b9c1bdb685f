import type { FormInstance } from 'antd';
import { useState } from 'react';
import { applyServerErrors } from './server-errors';

/** The part of a TanStack mutation a form needs. */
export interface Mutation<TVars, TResult> {
  mutateAsync: (vars: TVars) => Promise<TResult>;
  isPending: boolean;
}

export interface SubmitOptions<TValues, TVars, TResult> {
  /** Form values → the mutation's variables (trim, format dates, drop empty optionals). */
  input: (values: TValues) => TVars;
  /** After the server said yes: a message, close the modal, navigate. */
  onDone?: (result: TResult, values: TValues) => void;
  /** Also told of a failure, e.g. to read a code's details (the duplicate's id). */
  onError?: (error: unknown) => void;
  /** Error code → the field it belongs on (see `applyServerErrors`). */
  byCode?: Record<string, string>;
  /** API path → form field, where the form names a field differently. */
  aliases?: Record<string, string>;
}

/**
 * The one submit path of a console form: validate (stop quietly if a field is wrong: antd shows
 * it), call the mutation, and on failure put the server's field errors onto the fields; what is
 * left is returned as `error` for an alert above the form.
 */
export function useSubmit<TValues, TVars, TResult>(
  form: FormInstance<TValues>,
  mutation: Mutation<TVars, TResult>,
  { input, onDone, onError, byCode, aliases }: SubmitOptions<TValues, TVars, TResult>,
) {
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setError(null);
    try {
      const result = await mutation.mutateAsync(input(values));
      onDone?.(result, values);
    } catch (err) {
      onError?.(err);
      setError(applyServerErrors(form, err, byCode, aliases));
    }
  };
  return { submit, error, setError, pending: mutation.isPending };
}
export type Submit = ReturnType<typeof useSubmit>;
