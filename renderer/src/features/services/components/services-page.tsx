import { flattenTree } from '@shared/domain/service-tree';
import { PageHeading } from '../../../components/page-heading';
import { useSession } from '../../../session/store';
import { CsvImport } from '../../../components/csv-import';
import { useServices } from '../data/services';
import { useServiceActions } from '../data/use-service-actions';
import { CapacityTag, StatusTag } from './service-tags';
import { href, paths } from '../../../navigation/paths';
import { useDesk } from '../../../entities/desk/desk-context';

/** The services directory as a tree, with add, edit and CSV import. */
export function ServicesPage() {
  const { settings } = useDesk();
  const regions = settings.regions;
  const services = useServices();
  const tree = services ? flattenTree(services) : [];
  return (
    <>
      <PageHeading>Services</PageHeading>
      <p>The services DoS accounts relate to. A user related to a service also reaches every child service under it.</p>
      <div className="app-table-actions">
        <a className="nhsuk-button nhsuk-button--secondary" href={href(paths.newService())} draggable={false}>
          Add a service
        </a>
        <a className="nhsuk-button nhsuk-button--secondary" href={href(paths.capacityReport())} draggable={false}>
          Daily capacity report
        </a>
      </div>
      {services === undefined ? (
        <p>Loading services…</p>
      ) : tree.length === 0 ? (
        <p>There are no services yet.</p>
      ) : (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption">{`${services.length} service${services.length === 1 ? '' : 's'}`}</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                Service
              </th>
              <th scope="col" className="nhsuk-table__header">
                Type
              </th>
              <th scope="col" className="nhsuk-table__header">
                ODS code
              </th>
              <th scope="col" className="nhsuk-table__header">
                Region
              </th>
              <th scope="col" className="nhsuk-table__header">
                Status
              </th>
              <th scope="col" className="nhsuk-table__header">
                Capacity
              </th>
              <th scope="col" className="nhsuk-table__header">
                Child services
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {tree.map(({ service, depth, descendants }) => (
              <tr className="nhsuk-table__row" key={service.id}>
                <td className="nhsuk-table__cell" style={{ paddingLeft: `${depth * 24}px` }}>
                  {depth > 0 && <span aria-hidden="true">└ </span>}
                  <a href={href(paths.service(service.id))}>{service.name}</a>
                </td>
                <td className="nhsuk-table__cell">{service.serviceType}</td>
                <td className="nhsuk-table__cell">{service.odsCode || '–'}</td>
                <td className="nhsuk-table__cell">{service.region}</td>
                <td className="nhsuk-table__cell">
                  <StatusTag service={service} />
                </td>
                <td className="nhsuk-table__cell">{service.capacity ? <CapacityTag rag={service.capacity.rag} /> : '–'}</td>
                <td className="nhsuk-table__cell">{descendants}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ImportServices regions={regions} />
    </>
  );
}

function ImportServices({ regions }: { regions: readonly string[] }) {
  const actions = useServiceActions(regions);
  const announce = useSession((s) => s.announce);
  return (
    <CsvImport
      heading="Import services from CSV"
      columns={['name', 'serviceType', 'odsCode', 'region', 'parentOdsCode']}
      noun="services"
      preview={async (csv) => (await actions.preview(csv)).map((r) => ({ ...r, label: r.raw.name ?? '' }))}
      commit={(rows) => actions.commit(rows)}
      onImported={(n) => announce(`${n} service${n === 1 ? '' : 's'} imported.`)}
    />
  );
}
