/**
 * The seven NHS England regions: the default list of regions an operator can cover.
 * DoS access is granted and approved per region (seed 000, "Outstanding user requests": "You will
 * only see requests for regions you have access to"). Teams can edit the list in Settings.
 */
export const NHS_ENGLAND_REGIONS = [
  'East of England',
  'London',
  'Midlands',
  'North East and Yorkshire',
  'North West',
  'South East',
  'South West',
] as const;
