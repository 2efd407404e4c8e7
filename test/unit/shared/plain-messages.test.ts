import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as account from '@shared/models/account';
import * as appInfo from '@shared/models/app-info';
import * as audit from '@shared/models/audit';
import * as connectingCare from '@shared/models/connecting-care';
import * as email from '@shared/models/email';
import * as operator from '@shared/models/operator';
import * as pharmacy from '@shared/models/pharmacy';
import * as registers from '@shared/models/registers';
import * as request from '@shared/models/request';
import * as service from '@shared/models/service';
import * as settings from '@shared/models/settings';
import { channels } from '@shared/ipc/contract';
import { installPlainMessages, plainIssueMessage } from '@shared/models/messages';

installPlainMessages();

/** What zod writes for programmers; none of it may reach a person. */
const ZOD_DEFAULT =
  /\bexpected (a |an )?[a-z]+(, received| to have)|expected one of|Too big|Too small|Invalid input|Invalid option|Invalid email|Invalid string|Invalid date|Unrecognized key|Invalid element|Invalid key/;

const BAD_VALUES: readonly unknown[] = [
  'x'.repeat(10_000),
  '',
  '   ',
  12345,
  -1,
  1.5,
  'not an email',
  null,
  true,
  [],
  ['x'.repeat(10_000)],
  [12345],
  {},
  { unexpected: 1 },
];

const modules = { account, appInfo, audit, connectingCare, email, operator, pharmacy, registers, request, service, settings };

/** Every zod schema the shared models export, by name. */
function sharedSchemas(): [string, z.ZodType][] {
  const found: [string, z.ZodType][] = [];
  for (const [file, exports] of Object.entries(modules))
    for (const [name, value] of Object.entries(exports)) if (value instanceof z.ZodType) found.push([`${file}.${name}`, value]);
  for (const [name, channel] of Object.entries(channels)) found.push([`channel ${name}`, (channel as { args: z.ZodType }).args]);
  return found;
}

/** The object inside refinements, transforms, defaults and wrappers, if there is one. */
function shapeOf(schema: z.ZodType, depth = 0): Record<string, z.ZodType> | null {
  if (depth > 8) return null;
  if (schema instanceof z.ZodObject) return schema.shape as Record<string, z.ZodType>;
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  for (const inner of [def.in, def.innerType, def.schema, def.out])
    if (inner instanceof z.ZodType) {
      const shape = shapeOf(inner, depth + 1);
      if (shape) return shape;
    }
  return null;
}

/** Inputs that break every field in a different way: too long, empty, the wrong type, a bad email… */
function badInputs(schema: z.ZodType): unknown[] {
  const shape = shapeOf(schema);
  const inputs: unknown[] = [...BAD_VALUES, undefined];
  if (shape) {
    const keys = Object.keys(shape);
    for (const bad of BAD_VALUES) inputs.push(Object.fromEntries(keys.map((k) => [k, bad])));
    // Each field wrong on its own, the rest missing, so refinements and nested objects are reached too.
    for (const k of keys) for (const bad of BAD_VALUES) inputs.push({ [k]: bad });
    for (const k of keys) inputs.push({ [k]: [{}] }, { [k]: { nested: 'x'.repeat(10_000) } });
  }
  return inputs;
}

describe('messages a person sees from the shared schemas', () => {
  const schemas = sharedSchemas();

  it('finds the schemas to walk', () => {
    expect(schemas.length).toBeGreaterThan(40);
  });

  it.each(schemas)('%s never says what zod says by default', (_name, schema) => {
    const seen: string[] = [];
    for (const input of badInputs(schema)) {
      const result = schema.safeParse(input);
      if (result.success) continue;
      for (const issue of result.error.issues) seen.push(issue.message);
    }
    expect(seen.filter((m) => ZOD_DEFAULT.test(m))).toEqual([]);
    expect(seen.filter((m) => !m.trim())).toEqual([]);
  });

  it('names the field in plain words', () => {
    const Card = z.object({ fullName: z.string().max(100), regions: z.array(z.string().max(80)).min(1), email: z.email() });
    const result = Card.safeParse({ fullName: 'x'.repeat(10_000), regions: ['y'.repeat(200)], email: 'nope' });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message)).toEqual([
      'Full name must be 100 characters or fewer',
      'Each of the regions must be 80 characters or fewer',
      'Enter the email address in the correct format, like name@nhs.net',
    ]);
    expect(Card.safeParse({ regions: [], email: 'a@nhs.net' }).error!.issues.map((i) => i.message)).toEqual([
      'Enter the full name',
      'Choose at least one for the regions',
    ]);
    expect(z.object({ madeAt: z.string() }).describe('x').safeParse({ madeAt: 5 }).error!.issues[0]!.message).toBe(
      'The date and time of the change must be text',
    );
  });

  it('uses a schema’s description as the field’s name', () => {
    expect(z.string().max(3).describe('Team name').safeParse('abcd').error!.issues[0]!.message).toBe(
      'Team name must be 3 characters or fewer',
    );
  });

  it('keeps the words a schema chose for itself', () => {
    expect(z.string().min(1, { error: 'Enter why they need access' }).safeParse('').error!.issues[0]!.message).toBe(
      'Enter why they need access',
    );
  });

  it('words every kind of problem without zod’s defaults', () => {
    for (const code of [
      'invalid_type',
      'too_big',
      'too_small',
      'invalid_format',
      'invalid_value',
      'unrecognized_keys',
      'invalid_union',
      'custom',
      'not_multiple_of',
    ])
      expect(plainIssueMessage({ code, path: ['jobTitle'], keys: ['extra'], origin: 'number', maximum: 3, minimum: 1 })).not.toMatch(
        ZOD_DEFAULT,
      );
  });
});
