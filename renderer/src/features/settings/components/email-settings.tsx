import { useEffect, useState } from 'react';
import type { SecretStatusResult } from '@shared/ipc/api';
import { DELIVERY_LABELS } from '@shared/models/email';
import type { Settings } from '@shared/models/settings';
import { Form, useZodForm } from '../../../components/form';
import { Radios } from '../../../components/radios';
import { TextField } from '../../../components/text-field';
import { useApi } from '../../../platform/api-context';
import { useSession } from '../../../session/store';
import { useSaveSettings, useSmtpPassword } from '../data/settings';
import { EmailSettingsForm } from '../schemas';

const FIELDS = ['defaultDelivery', 'host', 'port', 'security', 'user', 'password'] as const;

function defaults(settings: Settings) {
  const smtp = settings.email.smtp;
  return {
    defaultDelivery: settings.email.defaultDelivery,
    host: smtp?.host ?? '',
    port: smtp ? String(smtp.port) : '587',
    security: smtp?.security ?? ('starttls' as const),
    user: smtp?.user ?? '',
    password: '',
  };
}

/** How emails leave DoS Desk, and the SMTP server with its password (held by main only). */
export function EmailSettings({ settings }: { settings: Settings }) {
  const api = useApi();
  const save = useSaveSettings();
  const setPassword = useSmtpPassword();
  const announce = useSession((s) => s.announce);
  const [status, setStatus] = useState<SecretStatusResult | null>(null);
  const [checking, setChecking] = useState<string | null>(null);
  const form = useZodForm(EmailSettingsForm, defaults(settings));

  useEffect(() => {
    void api.getSmtpStatus().then((r) => r.ok && setStatus(r.data));
  }, [api, settings]);
  useEffect(() => {
    if (!form.formState.isDirty) form.reset(defaults(settings));
  }, [settings, form]);

  return (
    <>
      <h2>Email</h2>
      <Form
        form={form}
        fieldOrder={FIELDS}
        submitLabel="Save email settings"
        onSubmit={async ({ email, password }) => {
          await save({ email });
          if (password) setStatus(await setPassword(password));
          form.reset({ ...defaults({ ...settings, email }), password: '' });
          announce('Email settings saved.');
        }}
        secondary={
          status?.passwordStored ? (
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              onClick={async () => {
                setStatus(await setPassword(null));
                announce('The SMTP password was removed.');
              }}
            >
              Remove saved password
            </button>
          ) : null
        }
      >
        <Radios
          form={form}
          name="defaultDelivery"
          legend="Send emails by default using"
          hint="You can choose differently for each email."
          options={(['mail-client', 'smtp', 'copy'] as const).map((d) => ({ value: d, label: DELIVERY_LABELS[d] }))}
        />
        <h3>SMTP server</h3>
        <p className="nhsuk-body-s">Leave the server name blank if you do not send through SMTP.</p>
        <TextField
          form={form}
          name="host"
          label="SMTP server name"
          hint="For example, smtp.example.nhs.uk"
          spellCheck={false}
          autoComplete="off"
        />
        <TextField form={form} name="port" label="Port" hint="Usually 587 for STARTTLS or 465 for TLS" width={10} autoComplete="off" />
        <Radios
          form={form}
          name="security"
          legend="Connection security"
          options={[
            { value: 'starttls', label: 'STARTTLS' },
            { value: 'tls', label: 'TLS' },
            { value: 'none', label: 'None', hint: 'Only for a server on this computer.' },
          ]}
        />
        <TextField
          form={form}
          name="user"
          label="User name"
          hint="Leave blank if the server needs no sign-in"
          spellCheck={false}
          autoComplete="off"
        />
        <TextField
          form={form}
          name="password"
          type="password"
          label="Password"
          autoComplete="new-password"
          hint={
            status?.passwordStored
              ? `A password is saved${status.passwordPersisted ? ', encrypted on this computer' : ' until DoS Desk closes: this computer has no secure storage'}. Leave blank to keep it.`
              : status && !status.secureStorage
                ? 'This computer has no secure storage, so the password is kept only until DoS Desk closes. It is never written down in plain text.'
                : 'Stored encrypted on this computer, never shown again.'
          }
        />
      </Form>
      {status?.configured && (
        <p>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            onClick={async () => {
              setChecking('Checking…');
              const result = await api.testSmtp();
              setChecking(result.ok ? result.data.message : result.error.message);
            }}
          >
            Test the SMTP connection
          </button>
        </p>
      )}
      {checking && (
        <p role="status" className="nhsuk-body-s">
          {checking}
        </p>
      )}
    </>
  );
}
