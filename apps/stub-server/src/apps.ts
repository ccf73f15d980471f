// The emulated apps: their SDKAppID, secret key, admins, edition and ceiling, the accounts and
// groups they are seeded with, and their per-command counters (the ceiling and the stats).
import { COMMANDS, type CommandName, type GroupType } from '@tim-marks/types';
import { CommandCounter } from './stats.js';

export const EDITIONS = ['ultimate', 'pro', 'standard'] as const;
export type Edition = (typeof EDITIONS)[number];

export interface SeedGroup {
  GroupId: string;
  Type?: GroupType;
  Name?: string;
  Owner_Account?: string;
}

/** One app as declared (CLI flags or a config file entry), all defaults filled in. */
export interface AppDefinition {
  sdkAppId: number;
  secretKey: string;
  admins: string[];
  edition: Edition;
  /** Calls per second per command; 0 = no ceiling. */
  rateLimit: number;
  accounts: string[];
  groups: SeedGroup[];
}

export class AppRuntime {
  readonly sdkAppId: number;
  readonly secretKey: string;
  readonly admins: ReadonlySet<string>;
  /** The first admin: the one the CLI example and `stub.admin` use. */
  readonly admin: string;
  edition: Edition;
  readonly seedAccounts: readonly string[];
  readonly seedGroups: readonly SeedGroup[];
  readonly counters: Record<CommandName, CommandCounter>;

  constructor(definition: AppDefinition) {
    this.sdkAppId = definition.sdkAppId;
    this.secretKey = definition.secretKey;
    this.admins = new Set(definition.admins);
    this.admin = definition.admins[0] as string;
    this.edition = definition.edition;
    this.seedAccounts = definition.accounts;
    this.seedGroups = definition.groups;
    const counters = {} as Record<CommandName, CommandCounter>;
    for (const [name, path] of Object.entries(COMMANDS) as [CommandName, string][]) {
      counters[name] = new CommandCounter(this.sdkAppId, path.slice(1), definition.rateLimit);
    }
    this.counters = counters;
  }

  get ultimate(): boolean {
    return this.edition === 'ultimate';
  }

  get rateLimit(): number {
    return this.counters.markContact.window.ceiling;
  }

  setRateLimit(callsPerSecond: number): void {
    for (const counter of Object.values(this.counters)) counter.window.ceiling = callsPerSecond;
  }

  resetCounters(): void {
    for (const counter of Object.values(this.counters)) counter.reset();
  }
}
