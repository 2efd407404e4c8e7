import { useEffect, useState } from 'react';
import type { AppInfo } from '@shared/models/app-info';
import { Form, fieldId, useZodForm } from '../../../components/form';
import { PageHeading } from '../../../components/page-heading';
import { SummaryList } from '../../../components/summary-list';
import { useApi } from '../../../platform/api-context';
import { useSession } from '../../../session/store';
import { useSaveSettings, useSettings } from '../data/settings';
import { RegionsForm } from '../schemas';
import { CcSettings } from './cc-settings';
import { DosTeamsSettings } from './dos-teams-settings';
import { EmailSettings } from './email-settings';
import { SettingsProblemNotice } from './settings-problem-notice';

/** Regions this desk works with, and where its data lives. */
export function SettingsPage() {
  const settings = useSettings();
  const api = useApi();
  const save = useSaveSettings();
  const announce = useSession((s) => s.announce);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const form = useZodForm(RegionsForm, { regionsText: settings.regions.join('\n') });
  const error = form.formState.errors.regionsText?.message;

  useEffect(() => {
    void api.getAppInfo().then((result) => result.ok && setInfo(result.data));
  }, [api]);
  useEffect(() => {
    if (!form.formState.isDirty) form.reset({ regionsText: settings.regions.join('\n') });
  }, [settings, form]);

  const id = fieldId('regionsText');
  return (
    <>
      <PageHeading>Settings</PageHeading>
      <SettingsProblemNotice />
      <h2>Regions</h2>
      <Form
        form={form}
        fieldOrder={['regionsText']}
        submitLabel="Save regions"
        onSubmit={async ({ regionsText }) => {
          await save({ regions: regionsText });
          form.reset({ regionsText: regionsText.join('\n') });
          announce('Regions saved.');
        }}
      >
        <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
          <label className="nhsuk-label" htmlFor={id}>
            Regions operators can cover
          </label>
          <div className="nhsuk-hint" id={`${id}-hint`}>
            One region per line. The default is the seven NHS England regions. Removing a region here does not change operators who already
            cover it.
          </div>
          {error && (
            <span className="nhsuk-error-message" id={`${id}-error`}>
              <span className="nhsuk-u-visually-hidden">Error:</span> {error}
            </span>
          )}
          <textarea
            className={`nhsuk-textarea${error ? ' nhsuk-textarea--error' : ''}`}
            id={id}
            rows={9}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
            {...form.register('regionsText')}
          />
        </div>
      </Form>
      <EmailSettings settings={settings} />
      <DosTeamsSettings key={settings.regions.join('|')} settings={settings} />
      <CcSettings key={JSON.stringify(settings.connectingCare)} settings={settings} />
      <h2>This desk</h2>
      {info ? (
        <SummaryList
          rows={[
            { key: 'Version', value: info.version },
            { key: 'Running as', value: info.shell === 'electron' ? 'Desktop app' : 'Browser preview' },
            { key: 'Data folder', value: <code>{info.dataFolder}</code> },
            { key: 'Platform', value: info.platform },
          ]}
        />
      ) : (
        <p>Loading…</p>
      )}
    </>
  );
}
