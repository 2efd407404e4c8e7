import type { ReactNode } from 'react';

interface ActionButtonProps {
  /** From `useAction`: while true the button says so and cannot be pressed again. */
  busy: boolean;
  onClick(): void;
  children: ReactNode;
  /** What the button says while the action runs; its label by default. */
  busyLabel?: ReactNode;
  className?: string;
  disabled?: boolean;
}

/** A button that runs an action: shows it is busy and cannot be pressed twice (GUIDE: one action hook). */
export function ActionButton({ busy, onClick, children, busyLabel, className = 'nhsuk-button', disabled }: ActionButtonProps) {
  return (
    <button
      type="button"
      className={className}
      disabled={busy || disabled}
      aria-disabled={busy || disabled ? true : undefined}
      aria-busy={busy || undefined}
      onClick={() => {
        if (!busy) onClick();
      }}
    >
      {busy && busyLabel ? busyLabel : children}
    </button>
  );
}

/** An action's error, next to its controls, announced when it appears. */
export function ActionError({ id, error }: { id?: string; error: string | null }): ReactNode {
  return error ? (
    <span className="nhsuk-error-message" id={id} role="alert">
      <span className="nhsuk-u-visually-hidden">Error:</span> {error}
    </span>
  ) : null;
}
