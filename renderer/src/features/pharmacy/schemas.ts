import { z } from 'zod';
import type { HoursOverride } from '@shared/domain/pharmacy';
import { InHoursCallInput, OnCallChangeInput } from '@shared/models/pharmacy';

/**
 * Everything the handoff page asks, as its form holds it: the pharmacy, that Profile Manager was
 * tried, the in/out-of-hours decision, then the fields of whichever step applies. The time of an
 * on-call change is as typed (a datetime-local value, the computer's time).
 */
export interface HandoffFields {
  profileId: string;
  tried: boolean;
  override: HoursOverride;
  overrideReason: string;
  contractorName: string;
  note: string;
  kind: string;
  details: string;
  serviceIds: string[];
  accountId: string;
  madeAt: string;
}

/** The fields in page order, so the error summary lists problems top to bottom. */
export const HANDOFF_FIELD_ORDER = [
  'profileId',
  'tried',
  'override',
  'overrideReason',
  'contractorName',
  'note',
  'kind',
  'details',
  'serviceIds',
  'accountId',
  'madeAt',
] as const;

export const HANDOFF_DEFAULTS: HandoffFields = {
  profileId: '',
  tried: false,
  override: 'none',
  overrideReason: '',
  contractorName: '',
  note: '',
  kind: '',
  details: '',
  serviceIds: [],
  accountId: '',
  madeAt: '',
};

/** The in-hours call from the form, checked by the schema its write uses. */
export const InHoursForm = z.preprocess((value) => {
  const f = value as HandoffFields;
  return { profileId: f.profileId, contractorName: f.contractorName, note: f.note, override: f.override, overrideReason: f.overrideReason };
}, InHoursCallInput);

/** The on-call change from the form, checked by the schema its write uses. */
export const OnCallForm = z.preprocess((value) => {
  const f = value as HandoffFields;
  const made = new Date(f.madeAt);
  return {
    profileId: f.profileId,
    triedProfileManager: f.tried,
    contractorName: f.contractorName,
    kind: f.kind,
    details: f.details,
    serviceIds: f.serviceIds,
    accountId: f.accountId,
    madeAt: f.madeAt && !Number.isNaN(made.getTime()) ? made.toISOString() : '',
    override: f.override,
    overrideReason: f.overrideReason,
  };
}, OnCallChangeInput);

/** "2026-11-21T21:30" in the computer's time, for a datetime-local input. */
export function localInputValue(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
