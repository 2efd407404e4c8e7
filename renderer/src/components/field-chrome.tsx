import type { ReactNode } from 'react';

/** Ids and the aria-describedby list for a field with an optional hint and error. */
export function describedBy(id: string, hint?: string | null, error?: string | null): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/** The NHS hint and inline error that sit between a label and its control. */
export function HintAndError({ id, hint, error }: { id: string; hint?: string | null; error?: string | null }): ReactNode {
  return (
    <>
      {hint && (
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <span className="nhsuk-error-message" id={`${id}-error`}>
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </span>
      )}
    </>
  );
}

/** A labelled NHS form group: label, hint, error, then the control. */
export function LabelledField({
  id,
  label,
  hint,
  error,
  labelHidden,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  /** The label is read out but not shown, where a table's headers already say it. */
  labelHidden?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <label className={labelHidden ? 'nhsuk-u-visually-hidden' : 'nhsuk-label'} htmlFor={id}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      {children}
    </div>
  );
}
