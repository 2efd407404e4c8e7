import { createContext, useContext, useEffect, useId, useRef, type ReactNode } from 'react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type FieldErrors, type FieldValues, type UseFormReturn, type DefaultValues } from 'react-hook-form';
import type { z } from 'zod';
import { plainErrorMessage } from '../platform/plain-error';

/** react-hook-form driven by the entity's zod schema (GUIDE §3: one schema for form, IPC and write). */
export function useZodForm<S extends z.ZodType<FieldValues, FieldValues>>(schema: S, defaultValues: DefaultValues<z.input<S>>) {
  return useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never) as never,
    defaultValues,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    // The NHS pattern moves focus to the error summary, whose links lead to each field.
    shouldFocusError: false,
  });
}

export function fieldId(name: string, prefix = ''): string {
  // A list's own error (react-hook-form puts it under "root") points at the list's field.
  return `${prefix ? `${prefix}-` : ''}field-${name.replace(/\.root$/, '').replace(/\./g, '-')}`;
}

/** Set by a `<Form idPrefix>` that appears more than once on a page (one per row), so ids stay unique. */
const IdPrefix = createContext('');

/** The id of a field inside the current `<Form>`. */
export function useFieldId(name: string): string {
  return fieldId(name, useContext(IdPrefix));
}

interface Problem {
  name: string;
  message: string;
}

/** Flattens nested react-hook-form errors into one list, in the order the fields appear. */
export function collectProblems(errors: FieldErrors, order: readonly string[], prefix = ''): Problem[] {
  const found: Problem[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!value) continue;
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value.message === 'string' && value.message) found.push({ name, message: value.message });
    else if (typeof value === 'object') found.push(...collectProblems(value as FieldErrors, [], name));
  }
  const rank = (n: string) => {
    const i = order.findIndex((o) => n === o || n.startsWith(`${o}.`));
    return i === -1 ? order.length : i;
  };
  return found.sort((a, b) => rank(a.name) - rank(b.name));
}

/** The NHS error summary: every problem, each a link that moves focus to its field. */
export function ErrorSummary({
  problems,
  title = 'There is a problem',
  idPrefix = '',
}: {
  problems: Problem[];
  title?: string;
  idPrefix?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = `error-summary-title-${useId().replace(/:/g, '')}`;
  const key = problems.map((p) => `${p.name}:${p.message}`).join('|');
  useEffect(() => {
    if (problems.length) ref.current?.focus();
  }, [key, problems.length]);
  if (!problems.length) return null;
  return (
    <div className="nhsuk-error-summary" aria-labelledby={titleId} role="alert" tabIndex={-1} ref={ref}>
      <h2 className="nhsuk-error-summary__title" id={titleId}>
        {title}
      </h2>
      <div className="nhsuk-error-summary__body">
        <ul className="nhsuk-list nhsuk-error-summary__list">
          {problems.map((p) => (
            <li key={p.name}>
              <a
                href={`#${fieldId(p.name, idPrefix)}`}
                onClick={(event) => {
                  // Hash links drive routing here, so move focus by hand.
                  event.preventDefault();
                  document.getElementById(fieldId(p.name, idPrefix))?.focus();
                }}
              >
                {p.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

interface FormProps<T extends FieldValues, O> {
  form: UseFormReturn<T, unknown, O>;
  onSubmit(values: O): Promise<void> | void;
  submitLabel: string;
  /** Field names in page order, so the summary lists problems top to bottom. */
  fieldOrder: readonly string[];
  children: ReactNode;
  secondary?: ReactNode;
  /** The submit button's NHS style: `nhsuk-button` by default. */
  submitClassName?: string;
  /** What the submit button says while the work runs. */
  busyLabel?: string;
  /** Needed when the same form appears more than once on a page, such as one per row. */
  idPrefix?: string;
  /** Reset the fields to their starting values after a successful submit. */
  resetOnSuccess?: boolean;
  /** Where the data layer names a field differently (`receivedOn` for this form's `date`). */
  serverFields?: Readonly<Record<string, string>>;
}

/**
 * The one generic form: no browser validation, an error summary on failed submit, a single submit
 * button that cannot be pressed twice while saving. Errors thrown by `onSubmit` that carry a
 * `field` appear against that field; others appear in the summary.
 */
export function Form<T extends FieldValues, O>({
  form,
  onSubmit,
  submitLabel,
  fieldOrder,
  children,
  secondary,
  submitClassName = 'nhsuk-button',
  busyLabel = 'Saving…',
  idPrefix = '',
  resetOnSuccess = false,
  serverFields = {},
}: FormProps<T, O>) {
  const { errors, isSubmitting } = form.formState;
  const problems = collectProblems(errors, [...fieldOrder, 'root']);
  return (
    <form
      noValidate
      onSubmit={form.handleSubmit(async (values) => {
        try {
          await onSubmit(values);
          if (resetOnSuccess) form.reset();
        } catch (error) {
          const message = plainErrorMessage(error);
          const named = (error as { field?: unknown }).field;
          const field = typeof named === 'string' ? (serverFields[named] ?? named) : undefined;
          if (field && fieldOrder.includes(field.split('.')[0]!)) form.setError(field as never, { type: 'server', message });
          else form.setError('root.server' as never, { type: 'server', message });
        }
      })}
    >
      <ErrorSummary problems={problems} idPrefix={idPrefix} />
      <IdPrefix.Provider value={idPrefix}>{children}</IdPrefix.Provider>
      <div className="app-table-actions">
        <button className={submitClassName} type="submit" disabled={isSubmitting} aria-disabled={isSubmitting}>
          {isSubmitting ? busyLabel : submitLabel}
        </button>
        {secondary}
      </div>
    </form>
  );
}
