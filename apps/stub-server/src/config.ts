// The config file (`--config FILE`): several apps, each with its SDKAppID, secret key, admins,
// edition and ceiling, and the accounts and groups it is seeded with. Validated with a schema of
// its own; every problem is reported with the field it concerns (`apps[1].edition: must be one of …`).

import { LIMITS } from '@tim-marks/types';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { type AppDefinition, EDITIONS, type Edition, type SeedGroup } from './apps.js';
import { describeError } from './commands/describe.js';
import { addMaxBytesKeyword } from './schemas.js';

export interface AppConfig {
  sdkAppId: number;
  /** Default: `--secret-key` (or the development key). */
  secretKey?: string;
  /** The App admin accounts; default: [`--admin`]. */
  admins?: string[];
  /** Default: `--edition` (or `ultimate`). */
  edition?: Edition;
  /** Calls per second per command, 0 = no ceiling; default: `--rate-limit` (or LIMITS.callsPerSecondPerCommand). */
  rateLimit?: number;
  /** Accounts imported at start and after every reset. */
  accounts?: string[];
  /** Groups created at start and after every reset. */
  groups?: SeedGroup[];
}

export interface StubConfig {
  apps: AppConfig[];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'ConfigError';
  }
}

const userId = { type: 'string', minLength: 1, 'x-max-bytes': LIMITS.userIdMaxBytes };

const CONFIG_SCHEMA = {
  type: 'object',
  required: ['apps'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    $comment: { type: 'string' },
    apps: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['sdkAppId'],
        additionalProperties: false,
        properties: {
          $comment: { type: 'string' },
          sdkAppId: { type: 'integer', minimum: 1, maximum: 4294967295 },
          secretKey: { type: 'string', minLength: 1 },
          admins: { type: 'array', minItems: 1, items: userId },
          edition: { enum: [...EDITIONS] },
          rateLimit: { type: 'integer', minimum: 0 },
          accounts: { type: 'array', items: userId },
          groups: {
            type: 'array',
            items: {
              type: 'object',
              required: ['GroupId'],
              additionalProperties: false,
              properties: {
                GroupId: { type: 'string', minLength: 1, 'x-max-bytes': LIMITS.groupIdMaxBytes },
                Type: {
                  enum: ['Public', 'Private', 'ChatRoom', 'AVChatRoom', 'Community', 'Work', 'Meeting'],
                },
                Name: { type: 'string', minLength: 1, 'x-max-bytes': LIMITS.groupNameMaxBytes },
                Owner_Account: userId,
              },
            },
          },
        },
      },
    },
  },
} as const;

let validator: ReturnType<Ajv2020['compile']> | undefined;

function compile() {
  return addMaxBytesKeyword(new Ajv2020({ allErrors: true, strict: false })).compile(CONFIG_SCHEMA);
}

/** Checks a parsed config file; throws ConfigError naming every bad field. */
export function validateConfig(value: unknown): StubConfig {
  validator ??= compile();
  if (!validator(value)) {
    const problems = (validator.errors ?? []).map((error) => {
      if (error.keyword === 'additionalProperties') {
        const where = describeError(error).replace(/ must NOT have additional properties$/, '');
        return `${where === 'the body' ? '' : `${where}: `}unknown field ${String(error.params.additionalProperty)}`;
      }
      return describeError(error).replace(/^the body /, 'the config ');
    });
    throw new ConfigError([...new Set(problems)]);
  }
  const config = value as StubConfig;
  const problems: string[] = [];
  const seen = new Set<number>();
  config.apps.forEach((app, i) => {
    if (seen.has(app.sdkAppId)) problems.push(`apps[${i}].sdkAppId ${app.sdkAppId} is declared twice`);
    seen.add(app.sdkAppId);
    const accounts = new Set(app.accounts ?? []);
    const groupIds = new Set<string>();
    (app.groups ?? []).forEach((group, j) => {
      if (groupIds.has(group.GroupId))
        problems.push(`apps[${i}].groups[${j}].GroupId ${group.GroupId} is declared twice`);
      groupIds.add(group.GroupId);
      if (group.Owner_Account !== undefined && !accounts.has(group.Owner_Account)) {
        problems.push(
          `apps[${i}].groups[${j}].Owner_Account ${group.Owner_Account} is not in apps[${i}].accounts`,
        );
      }
    });
  });
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

export interface AppDefaults {
  secretKey: string;
  admin: string;
  edition: Edition;
  rateLimit: number;
}

/** The config's apps with every default filled in. */
export function appsFromConfig(config: StubConfig, defaults: AppDefaults): AppDefinition[] {
  return config.apps.map((app) => ({
    sdkAppId: app.sdkAppId,
    secretKey: app.secretKey ?? defaults.secretKey,
    admins: app.admins ?? [defaults.admin],
    edition: app.edition ?? defaults.edition,
    rateLimit: app.rateLimit ?? defaults.rateLimit,
    accounts: app.accounts ?? [],
    groups: app.groups ?? [],
  }));
}
