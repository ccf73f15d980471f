// Turns Ajv errors of the config file and the control plane's state into readable texts ("which field,
// what is wrong"). API requests are described by @tim-marks/types' rules (refusalText).
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

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
