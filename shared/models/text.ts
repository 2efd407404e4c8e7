import { z } from 'zod';

/**
 * Characters that break email headers, CSV cells and log lines: CR, LF and the other C0/C1 controls.
 * Refused in every single-line field so that nothing a person types can smuggle a header or a row.
 */
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Angle brackets never belong in a name, a region or a job title; refusing them keeps markup out. */
const ANGLE_BRACKETS = /[<>]/;

/**
 * A single line of text typed by a person: trimmed, required, bounded, no line breaks or control
 * characters, no angle brackets.
 */
export function singleLine(label: string, max = 120) {
  return z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, { error: `Enter ${label}` })
    .max(max, { error: `${capitalise(label)} must be ${max} characters or fewer` })
    .refine((value) => !CONTROL_CHARS.test(value), {
      error: `${capitalise(label)} must not contain line breaks or control characters`,
    })
    .refine((value) => !ANGLE_BRACKETS.test(value), {
      error: `${capitalise(label)} must not contain < or >`,
    });
}

/**
 * The one email rule: an address on one line, checked for shape by `z.email()` (not for
 * deliverability), stored lower-case. Every schema with an email address uses this.
 */
export function emailAddress(label = 'an email address') {
  return z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, { error: `Enter ${label}` })
    .max(254, { error: 'Email address must be 254 characters or fewer' })
    .refine((value) => !CONTROL_CHARS.test(value), {
      error: 'Email address must not contain line breaks or control characters',
    })
    .pipe(z.email({ error: 'Enter an email address in the correct format, like name@nhs.net' }))
    .transform((value) => value.toLowerCase());
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
