import { addLondonDays, londonDaysBetween } from './london-time';

/**
 * Outstanding user requests (seed 000, "Outstanding user requests" to "Rejecting accounts").
 */

/** "It is advised that a period of 28 days is allowed for users to validate their email address." */
export const EMAIL_VALIDATION_DAYS = 28;

/** Shown, exactly, when an unvalidated request is opened. */
export const UNVALIDATED_EMAIL_MESSAGE =
  'Unvalidated email. Email address must be validated by the user before this account can be approved';

/** Shown under the name in the queue. */
export const UNVALIDATED_LABEL = '(unvalidated email)';

/** Shown once the activation email is resent. */
export const RESENT_MESSAGE = 'Activation email has been resent…';

/** The guidance's advice when a user has not received the email. */
export const NOT_RECEIVED_ADVICE =
  'If the user has not received the email, ask them to check their junk mail folder and whether they entered their email address correctly onto the DoS. If this does not resolve the issue, resend the activation email as plain text or rich text.';

/** When the 28 days run out: the same London wall-clock time 28 calendar days after registration. */
export function validationDeadline(registeredAt: Date): Date {
  return addLondonDays(registeredAt, EMAIL_VALIDATION_DAYS);
}

/** True once 28 days have passed without validation: the request should be rejected. */
export function isValidationOverdue(registeredAt: Date, now: Date): boolean {
  return now.getTime() >= validationDeadline(registeredAt).getTime();
}

/** Days since registration, in London calendar days. */
export function daysSinceRegistration(registeredAt: Date, now: Date): number {
  return Math.max(0, londonDaysBetween(registeredAt, now));
}

export const VALIDATION_REJECTION_REASON =
  'Your email address was not validated within 28 days of your request. If you still need access to the DoS, please submit a new request and verify your email address by following the link in the email you are sent.';

/** Other products a requester may have meant (seed 000, "Rejecting accounts"). */
export const OTHER_PRODUCTS = [
  { id: 'pathways-dos', name: 'Pathways DoS', url: 'https://digital.nhs.uk/services/nhs-pathways' },
  { id: 'service-finder', name: 'NHS Service Finder', url: 'https://digital.nhs.uk/services/nhs-service-finder' },
  { id: 'profile-manager', name: 'Profile Update (now NHS Profile Manager)', url: 'https://organisation.nhswebsite.nhs.uk/sign-in' },
] as const;
export type OtherProductId = (typeof OTHER_PRODUCTS)[number]['id'];

/** Ready reasons for rejecting, in the guidance's terms; the operator can edit the words. */
export const READY_REASONS = [
  { id: 'not-validated', label: 'Email address not validated within 28 days', text: VALIDATION_REJECTION_REASON },
  ...OTHER_PRODUCTS.map((p) => ({
    id: `other-product:${p.id}`,
    label: `Another product is more appropriate: ${p.name}`,
    text: `Your request for access to the Directory of Services (DoS) has been rejected because ${p.name} is more appropriate for what you need. You can find it here: ${p.url}`,
  })),
  {
    id: 'not-appropriate',
    label: 'A DoS account is not appropriate for this role',
    text: 'Your request for access to the Directory of Services (DoS) has been rejected because a DoS account is not appropriate for your role. Please speak to your local DoS team if you think this is wrong.',
  },
  { id: 'other', label: 'Another reason', text: '' },
] as const;
