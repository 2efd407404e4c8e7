import { useEffect, useRef, type ReactNode } from 'react';
import { ActionButton, ActionError } from '../../../components/action-button';
import { useAction } from '../../../components/use-action';

/**
 * The step before an action that cannot simply be undone: what will happen, then yes or cancel.
 * Focus moves to its heading when it opens, so keyboard and screen-reader users land on the question.
 */
export function ConfirmCard({
  id,
  title,
  children,
  confirmLabel,
  busyLabel,
  onConfirm,
  onCancel,
  after,
}: {
  id: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  onConfirm(): Promise<void>;
  onCancel(): void;
  /** Said after yes and cancel: a related step, so the way from the question to the answer stays one Tab. */
  after?: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const action = useAction(onConfirm);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="nhsuk-card" aria-labelledby={`${id}-title`} data-testid={id}>
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading" id={`${id}-title`} tabIndex={-1} ref={heading}>
          {title}
        </h3>
        {children}
        <div className="app-table-actions">
          <ActionButton
            className="nhsuk-button nhsuk-button--warning"
            busy={action.busy}
            busyLabel={busyLabel}
            onClick={() => void action.run()}
          >
            {confirmLabel}
          </ActionButton>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel} disabled={action.busy}>
            Cancel
          </button>
        </div>
        <ActionError error={action.error} />
        {after}
      </div>
    </section>
  );
}
