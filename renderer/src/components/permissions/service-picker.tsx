import type { UseFormReturn } from 'react-hook-form';
import { rolesByBasis } from '@shared/domain/permissions';
import { flattenTree, servicesCovered } from '@shared/domain/service-tree';
import type { AccountFields, AccountInput } from '@shared/models/account';
import type { Service } from '@shared/models/service';
import { fieldId } from '../form';
import { href, paths } from '../../navigation/paths';

type AccountForm = UseFormReturn<AccountInput, unknown, AccountFields>;

/**
 * Service relationships: the services the user's Relationship-based roles apply to, each with every
 * child service under it (seed 000). Shows the tree with counts and what the roles will reach.
 */
export function ServicePicker({ form, services }: { form: AccountForm; services: readonly Service[] }) {
  const regions = form.watch('regions') ?? [];
  const chosen = form.watch('serviceIds') ?? [];
  const roles = form.watch('roles') ?? [];
  const error = form.getFieldState('serviceIds', form.formState).error?.message;
  const inRegions = services.filter((s) => regions.includes(s.region) || chosen.includes(s.id));
  const tree = flattenTree(inRegions);
  const covered = servicesCovered(chosen, services);
  const relationshipRoles = rolesByBasis(roles).relationship;
  const id = fieldId('serviceIds');
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset className="nhsuk-fieldset" aria-describedby={`${id}-hint`}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">Service relationships</legend>
        <div className="nhsuk-hint" id={`${id}-hint`}>
          The user sees these services on their home page. Their Relationship-based roles apply to each chosen service and every child
          service under it.
        </div>
        {error && (
          <span className="nhsuk-error-message" id={`${id}-error`}>
            <span className="nhsuk-u-visually-hidden">Error:</span> {error}
          </span>
        )}
        {tree.length === 0 ? (
          <p className="nhsuk-body-s">
            There are no services in the chosen regions yet. <a href={href(paths.services())}>Add services</a> first.
          </p>
        ) : (
          <div className="nhsuk-checkboxes nhsuk-checkboxes--small app-service-tree">
            {tree.map(({ service, depth, descendants }, index) => (
              <div className="nhsuk-checkboxes__item" key={service.id} style={{ marginLeft: `${depth * 32}px` }}>
                <input
                  className="nhsuk-checkboxes__input"
                  id={index === 0 ? id : `${id}-${service.id}`}
                  type="checkbox"
                  value={service.id}
                  {...form.register('serviceIds')}
                />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={index === 0 ? id : `${id}-${service.id}`}>
                  {service.name}
                  <span className="nhsuk-u-visually-hidden">, </span>
                  <span className="nhsuk-body-s app-muted">
                    {' '}
                    {service.serviceType}
                    {service.odsCode ? `, ${service.odsCode}` : ''}
                    {descendants ? `, ${descendants} child service${descendants === 1 ? '' : 's'}` : ''}
                  </span>
                </label>
              </div>
            ))}
          </div>
        )}
        <p className="nhsuk-body-s" data-testid="relationship-reach">
          {relationshipRoles.length === 0
            ? 'No Relationship-based roles are ticked.'
            : chosen.length === 0
              ? `The Relationship-based roles (${relationshipRoles.join(', ')}) apply to no service until you choose one.`
              : `The Relationship-based roles (${relationshipRoles.join(', ')}) will apply to ${covered.size} service${covered.size === 1 ? '' : 's'}: the ${chosen.length} chosen and the services under them.`}
        </p>
      </fieldset>
    </div>
  );
}
