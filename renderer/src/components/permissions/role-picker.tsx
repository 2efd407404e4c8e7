import type { UseFormReturn } from 'react-hook-form';
import { EDIT_APPROVE_PAIRS, missingRequirements, pairMeaning, ROLE_GROUPS, ROLES } from '@shared/domain/permissions';
import { compareWithSet, getSuggestedSet, type UserTypeId } from '@shared/domain/user-types';
import type { AccountFields, AccountInput } from '@shared/models/account';
import { fieldId } from '../form';

type AccountForm = UseFormReturn<AccountInput, unknown, AccountFields>;

function roleHint(name: string): string {
  const role = ROLES.find((r) => r.name === name)!;
  const scope = role.basis ? ` Based on: ${role.basis}.` : '';
  const what = role.provides ? `Provides the ability to ${role.provides}.` : role.note!;
  return `${what}${scope}${role.inactive ? ` ${role.note}` : ''}`;
}

/**
 * The 27 roles as grouped checkboxes, with the user type's suggested set one click away, the
 * differences from it, the guidance's cautions, and the edit/approve pairs explained.
 */
export function RolePicker({ form, userType }: { form: AccountForm; userType: UserTypeId | '' }) {
  const chosen = form.watch('roles') ?? [];
  const held = new Set(chosen);
  const error = form.getFieldState('roles', form.formState).error?.message;
  const set = userType ? getSuggestedSet(userType) : null;
  const comparison = set?.roles ? compareWithSet(chosen, set.id) : null;
  const requirementProblems = missingRequirements(chosen);
  const pairs = EDIT_APPROVE_PAIRS.map((p) => ({ pair: p, ...pairMeaning(held, p) })).filter((p) => p.meaning !== 'none');
  const id = fieldId('roles');

  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <h2 className="nhsuk-heading-m">Permission roles</h2>
      <p className="nhsuk-body-s">Only give the user the permissions they need.</p>
      {set && (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          {set.roles ? (
            <>
              <p>
                Suggested set for <strong>{set.label}</strong>: {set.roles.length} roles
                {set.inferred ? ' (read from the guidance’s text: it gives no list)' : ''}.
                {set.optional.length > 0 && ` Optional: ${set.optional.map((o) => `${o.role} (${o.when})`).join('; ')}.`}
              </p>
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
                onClick={() => form.setValue('roles', [...set.roles!], { shouldDirty: true, shouldValidate: form.formState.isSubmitted })}
              >
                Apply suggested set
              </button>
            </>
          ) : (
            <p>{set.cautions[0]?.text}</p>
          )}
        </div>
      )}
      {comparison && (comparison.added.length > 0 || comparison.removed.length > 0) && (
        <div className="app-set-difference" data-testid="set-difference">
          <h3 className="nhsuk-heading-s">Different from the suggested set</h3>
          {comparison.added.length > 0 && <p>Added: {comparison.added.join(', ')}</p>}
          {comparison.removed.length > 0 && <p>Removed: {comparison.removed.join(', ')}</p>}
        </div>
      )}
      {comparison?.cautions.map((c) =>
        c.level === 'warning' ? (
          <div className="nhsuk-warning-callout" key={c.text}>
            <h3 className="nhsuk-warning-callout__label">
              <span role="text">
                <span className="nhsuk-u-visually-hidden">Important: </span>Guidance
              </span>
            </h3>
            <p>{c.text}</p>
          </div>
        ) : (
          <p className="nhsuk-body-s app-caution" key={c.text}>
            {c.text}
          </p>
        ),
      )}
      {error && (
        <span className="nhsuk-error-message" id={`${id}-error`}>
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </span>
      )}
      {requirementProblems.map((p) => (
        <p className="nhsuk-error-message" key={p} role="status">
          {p}
        </p>
      ))}
      {pairs.map((p) => (
        <p className="nhsuk-body-s" key={p.pair.edit} data-testid={`pair-${p.pair.edit}`}>
          {p.text}
        </p>
      ))}
      {ROLE_GROUPS.map((group, groupIndex) => (
        <fieldset className="nhsuk-fieldset" key={group.id}>
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{group.label}</legend>
          <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
            {ROLES.filter((r) => r.group === group.id).map((role, index) => {
              const optionId = groupIndex === 0 && index === 0 ? id : `${id}-${role.name}`;
              return (
                <div className="nhsuk-checkboxes__item" key={role.name}>
                  <input
                    className="nhsuk-checkboxes__input"
                    id={optionId}
                    type="checkbox"
                    value={role.name}
                    aria-describedby={`${optionId}-hint`}
                    {...form.register('roles')}
                  />
                  <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={optionId}>
                    {role.name}
                    {role.inactive && <strong className="nhsuk-tag nhsuk-tag--grey app-inline-tag">No longer active</strong>}
                  </label>
                  <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${optionId}-hint`}>
                    {roleHint(role.name)}
                  </div>
                </div>
              );
            })}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
