// The state a control-plane import accepts is described once, in openapi/control-plane.yaml, with the
// API's limits written into its schemas as numbers. They must be the spec's own (x-limits): a limit
// changed in openapi.yaml and not there would let an import hold what the API refuses.
import { describe, expect, it } from 'vitest';
import { controlPlaneDocument } from '../src/control-plane.js';
import { LIMITS } from '../src/index.js';

type Schema = Record<string, unknown>;
const schemas = (controlPlaneDocument.components as { schemas: Record<string, Schema> }).schemas;
const at = (schema: Schema, ...path: string[]): Schema =>
  path.reduce((node, key) => (node as Record<string, Schema>)[key] as Schema, schema);

describe("the state schemas carry the API's limits", () => {
  it.each([
    ['a UserID', at(schemas.StateUserID!, 'x-max-bytes'), LIMITS.userIdMaxBytes],
    ['a GroupId', at(schemas.StateGroupId!, 'x-max-bytes'), LIMITS.groupIdMaxBytes],
    ['a group name', at(schemas.GroupState!, 'properties', 'Name', 'x-max-bytes'), LIMITS.groupNameMaxBytes],
    [
      'conversations a user',
      at(schemas.AppState!, 'properties', 'marks', 'additionalProperties', 'maxItems'),
      LIMITS.conversationsPerUser,
    ],
    [
      'a CustomMark',
      at(schemas.ConversationState!, 'properties', 'CustomMark', 'x-max-bytes'),
      LIMITS.customMarkMaxBytes,
    ],
    [
      'conversation groups holding a conversation',
      at(schemas.ConversationState!, 'properties', 'ContactGroupId', 'maxItems'),
      LIMITS.contactGroupsPerUser,
    ],
    [
      'conversation groups a user',
      at(schemas.ContactGroupsState!, 'properties', 'GroupItem', 'maxItems'),
      LIMITS.contactGroupsPerUser,
    ],
    [
      'a conversation group name',
      at(schemas.ContactGroupState!, 'properties', 'GroupName', 'x-max-bytes'),
      LIMITS.contactGroupNameMaxBytes,
    ],
  ])('%s', (_, declared, limit) => {
    expect(declared).toBe(limit);
  });
});
