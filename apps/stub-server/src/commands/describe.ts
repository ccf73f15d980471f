// Turns Ajv errors into the readable ErrorInfo / ResultInfo texts the API gives ("which field, what is wrong").
import type { ErrorObject } from 'ajv/dist/2020.js';

/** `/MarkItem/0/SetMark/1` → `MarkItem[0].SetMark[1]`. */
export function fieldName(instancePath: string): string {
  let name = '';
  for (const part of instancePath.split('/').slice(1)) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    name += /^[0-9]+$/.test(key) ? `[${key}]` : name === '' ? key : `.${key}`;
  }
  return name;
}

export function describeError(error: ErrorObject): string {
  const field = fieldName(error.instancePath);
  const params = error.params as Record<string, unknown>;
  let message = error.message ?? 'is invalid';
  if (error.keyword === 'required')
    return `${field ? `${field}.` : ''}${String(params.missingProperty)} is required`;
  if (error.keyword === 'enum') message = `must be one of ${(params.allowedValues as unknown[]).join(', ')}`;
  if (error.keyword === 'const') message = `must be ${JSON.stringify(params.allowedValue)}`;
  return `${field || 'the body'} ${message}`;
}

/** The most useful error of a list: a concrete one rather than the oneOf / allOf summary. */
export function firstError(errors: readonly ErrorObject[]): ErrorObject | undefined {
  return (
    errors.find((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && e.keyword !== 'if') ?? errors[0]
  );
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
