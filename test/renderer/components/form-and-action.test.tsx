import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ActionButton, ActionError } from '../../../renderer/src/components/action-button';
import { Form, useZodForm } from '../../../renderer/src/components/form';
import { TextField } from '../../../renderer/src/components/text-field';
import { useAction } from '../../../renderer/src/components/use-action';
import { InputError } from '../../../renderer/src/db/guards';

const Card = z.object({ fullName: z.string().max(100), email: z.email(), date: z.string() });

function CardForm({ onSubmit }: { onSubmit(values: z.output<typeof Card>): Promise<void> }) {
  const form = useZodForm(Card, { fullName: '', email: '', date: '' });
  return (
    <Form
      form={form}
      fieldOrder={['fullName', 'email', 'date']}
      submitLabel="Save"
      serverFields={{ receivedOn: 'date' }}
      onSubmit={onSubmit}
    >
      <TextField form={form} name="fullName" label="Full name" hint="As on their NHS smartcard" />
      <TextField form={form} name="email" label="Email address" />
      <TextField form={form} name="date" label="Date" />
    </Form>
  );
}

describe('the shared form', () => {
  it('lists every problem in a summary that takes focus, in plain words, with each field marked invalid', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(async () => undefined);
    render(<CardForm onSubmit={onSubmit} />);
    await user.click(screen.getByLabelText('Full name'));
    await user.paste('x'.repeat(101));
    await user.type(screen.getByLabelText('Email address'), 'not an email');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const summary = await screen.findByRole('alert');
    await waitFor(() => expect(summary).toHaveFocus());
    const links = screen.getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual([
      'Full name must be 100 characters or fewer',
      'Enter the email address in the correct format, like name@nhs.net',
    ]);
    const name = screen.getByLabelText('Full name');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name.getAttribute('aria-describedby')).toBe('field-fullName-hint field-fullName-error');
    expect(screen.getByLabelText('Email address')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Date')).not.toHaveAttribute('aria-invalid');
    await user.click(links[1]!);
    expect(screen.getByLabelText('Email address')).toHaveFocus();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('shows an error the data layer raises against the field it names, under this form’s name for it', async () => {
    const user = userEvent.setup();
    render(
      <CardForm
        onSubmit={async () => {
          throw new InputError('The back office cannot have received it before it was sent.', 'receivedOn');
        }}
      />,
    );
    await user.type(screen.getByLabelText('Full name'), 'Jo Bloggs');
    await user.type(screen.getByLabelText('Email address'), 'jo@nhs.net');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('link', { name: 'The back office cannot have received it before it was sent.' });
    expect(screen.getByLabelText('Date')).toHaveAttribute('aria-invalid', 'true');
  });
});

function Runner({ work }: { work(): Promise<void> }) {
  const { run, busy, error } = useAction(work);
  return (
    <>
      <ActionError error={error} />
      <ActionButton busy={busy} busyLabel="Sending…" onClick={() => void run()}>
        Send
      </ActionButton>
    </>
  );
}

describe('the action hook', () => {
  it('runs once however often the button is pressed while busy, and says it is busy', async () => {
    let finish = () => {};
    const work = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    render(<Runner work={work} />);
    const button = screen.getByRole('button', { name: 'Send' });
    button.click();
    button.click();
    await screen.findByRole('button', { name: 'Sending…' });
    screen.getByRole('button', { name: 'Sending…' }).click();
    expect(screen.getByRole('button', { name: 'Sending…' })).toBeDisabled();
    finish();
    await screen.findByRole('button', { name: 'Send' });
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('turns a failure into a sentence a person can act on', async () => {
    render(
      <Runner
        work={async () => {
          throw new TypeError("Cannot read properties of undefined (reading 'id')");
        }}
      />,
    );
    screen.getByRole('button', { name: 'Send' }).click();
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/Something unexpected went wrong/));
    expect(screen.getByRole('alert')).not.toHaveTextContent(/reading 'id'/);
  });
});
