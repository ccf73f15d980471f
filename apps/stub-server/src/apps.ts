// The emulated apps: their SDKAppID, secret key, admins, edition and ceiling, the accounts and
// groups they are seeded with, and their per-command counters (the ceiling and the stats).
import { COMMANDS, type CommandName, type GroupType } from '@tim-marks/types';
import { type CeilingWindowFactory, inProcessWindows } from './limiter.js';
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
  /** The edition and ceiling as configured: what a provider state's teardown puts back. */
  readonly configured: { readonly edition: Edition; readonly rateLimit: number };
  readonly seedAccounts: readonly string[];
  readonly seedGroups: readonly SeedGroup[];
  readonly counters: Record<CommandName, CommandCounter>;

  /** `windows` makes each command's ceiling window: in this process (default) or shared (ceiling-redis.ts). */
  constructor(definition: AppDefinition, windows: CeilingWindowFactory = inProcessWindows) {
    this.sdkAppId = definition.sdkAppId;
    this.secretKey = definition.secretKey;
    this.admins = new Set(definition.admins);
    this.admin = definition.admins[0] as string;
    this.edition = definition.edition;
    this.configured = { edition: definition.edition, rateLimit: definition.rateLimit };
    this.seedAccounts = definition.accounts;
    this.seedGroups = definition.groups;
    const counters = {} as Record<CommandName, CommandCounter>;
    for (const [name, path] of Object.entries(COMMANDS) as [CommandName, string][]) {
      const command = path.slice(1);
      counters[name] = new CommandCounter(
        this.sdkAppId,
        command,
        windows(this.sdkAppId, command, definition.rateLimit),
      );
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

  /** Clears every command's stats and window; resolves once a shared window is cleared too. */
  async resetCounters(): Promise<void> {
    await Promise.all(Object.values(this.counters).map((counter) => counter.reset()));
  }
}
