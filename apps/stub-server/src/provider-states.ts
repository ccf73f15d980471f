// Provider states as a vocabulary: generic, parameterised states a consumer's pact can name, set up
// over the control plane (`POST /__stub/provider-states`, in the shape of Pact's provider-state setup
// URL: { state, params, action: "setup" | "teardown" }). One implementation serves the stub's own
// provider verification, `tim-marks-stub verify` and any team's verifier.
//
// A state is matched against each template in turn: `{user} is imported` matches "user0 is imported"
// (user = user0), and also the template itself with params { user: "user0" }. A value in params wins
// over the one in the name. The answer carries the values a pact may inject with Pact's
// `fromProviderState` (sdkappid, identifier, usersig, and each parameter).
import {
  COMMANDS,
  type CommandName,
  checkItem,
  ErrorCode,
  LIMITS,
  type MarkItem,
  refusalText,
} from '@tim-marks/types';
import type {
  ProviderStateDefinition,
  ProviderStateRequest,
  ProviderStateValues,
} from '@tim-marks/types/control-plane';
import { type AppRuntime, EDITIONS, type Edition } from './apps.js';
import { toOp } from './commands/mark-contact.js';
import type { SeedContactGroup, StubControl } from './control.js';
import { ControlError, commandOf } from './control-error.js';
import { monotonicSecond } from './stats.js';
import type { Store } from './store/store.js';
import { credentialQuery } from './verify/credentials.js';

export type { ProviderStateDefinition, ProviderStateRequest, ProviderStateValues };

/** One member of a conversation group: a C2C peer or, written `group:ID`, a group conversation. */
type Member = { Type: 1; To_Account: string } | { Type: 2; ToGroupId: string };

type ParamValue = string | number | number[] | Edition | CommandName | Member[];

interface StateContext {
  app: AppRuntime;
  control: StubControl;
  store: Store;
}

type ParamKind = ProviderStateDefinition['params'][string];

interface StateImplementation extends ProviderStateDefinition {
  /** More words a person may use for this state, for the close matches of an unknown name. */
  keywords?: string;
  /** Answers the state's own injectable values (the parameters it was given). */
  setup(ctx: StateContext, params: Record<string, ParamValue>): Promise<Record<string, string> | undefined>;
}

/** The C2C peers `{user} has {n} marked conversations` marks: c0000, c0001, … */
export function markedPeer(i: number): string {
  return `c${String(i).padStart(4, '0')}`;
}

/** The names `{user} has {n} contact groups` creates: g00, g01, … */
export function contactGroupName(i: number): string {
  return `g${String(i).padStart(2, '0')}`;
}

/**
 * Applies MarkItems as the API would: each must pass the API's own item rules (a state the API could
 * not produce fails its setup, naming the rule), then the same store operations mark_contact makes.
 */
async function mark(ctx: StateContext, user: string, items: MarkItem[]): Promise<void> {
  items.forEach((item, i) => {
    const refusal = checkItem('markContact', item, i);
    if (refusal !== undefined) {
      throw new ControlError(
        `mark_contact would refuse marking ${peerOf(item)} for ${user} (${refusal.code}): ${refusalText(refusal)}`,
      );
    }
  });
  const ops = items.map(toOp);
  for (let start = 0; start < ops.length; start += LIMITS.markItemsPerCall) {
    const outcomes = await ctx.store.applyMarks(
      ctx.app.sdkAppId,
      user,
      ops.slice(start, start + LIMITS.markItemsPerCall),
      Math.floor(Date.now() / 1000),
    );
    if (outcomes === undefined) throw new ControlError(`${user} was never imported`);
    const refused = outcomes.findIndex((outcome) => outcome !== 'applied');
    if (refused >= 0) {
      throw new ControlError(
        `marking ${ops[start + refused]?.id} for ${user} was refused: ${outcomes[refused]}`,
      );
    }
  }
}

function peerOf(item: MarkItem): string {
  return item.ContactItem.Type === 1 ? item.ContactItem.To_Account : item.ContactItem.ToGroupId;
}

/** The MarkItem that gives a C2C conversation these standard mark positions and this custom mark. */
function markItem(peer: string, positions: readonly number[], custom: string): MarkItem {
  const ContactItem = { Type: 1 as const, To_Account: peer };
  return positions.length === 0
    ? { OptType: 2, ContactItem, CustomMark: custom }
    : { OptType: 3, ContactItem, SetMark: [...positions], CustomMark: custom };
}

/** Puts back the app's configured edition and ceiling (a teardown: whatever a state changed). */
function restoreSettings(control: StubControl, app: AppRuntime): void {
  control.setEdition(app.sdkAppId, app.configured.edition);
  control.setRateLimit(app.sdkAppId, app.configured.rateLimit);
}

const seed = (ctx: StateContext, spec: Parameters<StubControl['seed']>[0]) =>
  ctx.control.seed({ sdkAppId: ctx.app.sdkAppId, ...spec });

/** The state name that makes `tim-marks-stub verify` leave an interaction's credentials as recorded. */
export const KEEP_RECORDED_USERSIG = 'the request keeps its recorded usersig';

const STATES: StateImplementation[] = [
  {
    template: 'an app with edition {edition}',
    summary: `the app's edition (${EDITIONS.join(', ')}); standard marks need ultimate (51013 otherwise)`,
    example: 'an app with edition pro',
    keywords: 'ultimate pro standard not',
    params: { edition: 'edition' },
    async setup(ctx, { edition }) {
      ctx.control.setEdition(ctx.app.sdkAppId, edition as Edition);
      return { edition: String(edition) };
    },
  },
  {
    template: '{user} is imported',
    summary: 'the account exists (multiaccount_import); user0..user9 are imported after every reset anyway',
    example: 'user0 is imported',
    params: { user: 'id' },
    async setup(ctx, { user }) {
      await seed(ctx, { accounts: [user as string] });
      return { user: user as string };
    },
  },
  {
    template: '{user} is not imported',
    summary:
      'the account was never imported (mark_contact from it answers 50001); fails for an account the stub seeds',
    example: 'nobody is not imported',
    params: { user: 'id' },
    async setup(ctx, { user }) {
      if (await ctx.store.hasAccount(ctx.app.sdkAppId, user as string)) {
        throw new ControlError(`${user} is imported after every reset (a seed account): pick another UserID`);
      }
      return { user: user as string };
    },
  },
  {
    template: '{user} has marked {peer} with {positions} and custom mark {mark}',
    summary:
      "both accounts imported; user's C2C conversation with peer has the standard mark positions (e.g. 1,2 or none) and the custom mark (none = no custom mark)",
    example: 'user0 has marked user1 with 1,2 and custom mark vip',
    params: { user: 'id', peer: 'id', positions: 'positions', mark: 'text' },
    async setup(ctx, { user, peer, positions, mark: custom }) {
      await seed(ctx, { accounts: [user as string, peer as string] });
      await mark(ctx, user as string, [markItem(peer as string, positions as number[], custom as string)]);
      return { user: user as string, peer: peer as string };
    },
  },
  {
    template: '{user} has {n} marked conversations',
    summary: `user imported, with n C2C conversations ${markedPeer(0)}, ${markedPeer(1)}, … marked in that order, each starred (position 1) with custom mark vip (at most ${LIMITS.conversationsPerUser})`,
    example: 'user0 has 150 marked conversations',
    params: { user: 'id', n: 'count' },
    async setup(ctx, { user, n }) {
      const count = n as number;
      if (count > LIMITS.conversationsPerUser) {
        throw new ControlError(`n must be at most ${LIMITS.conversationsPerUser} (the per-user cap)`);
      }
      await seed(ctx, { accounts: [user as string] });
      const ops = Array.from({ length: count }, (_, i) => markItem(markedPeer(i), [1], 'vip'));
      await mark(ctx, user as string, ops);
      return { user: user as string };
    },
  },
  {
    template: 'group {GroupId} exists',
    summary: 'a Public group with that GroupId (create_group)',
    example: 'group team-1 exists',
    params: { GroupId: 'id' },
    async setup(ctx, { GroupId }) {
      await seed(ctx, { groups: [{ GroupId: GroupId as string }] });
      return { GroupId: GroupId as string };
    },
  },
  {
    template: 'group {GroupId} was dissolved',
    summary: 'the group was created, then dissolved (destroy_group): marking it answers 51007',
    example: 'group team-gone was dissolved',
    params: { GroupId: 'id' },
    async setup(ctx, { GroupId }) {
      await seed(ctx, { groups: [{ GroupId: GroupId as string }] });
      await ctx.store.destroyGroup(ctx.app.sdkAppId, GroupId as string);
      return { GroupId: GroupId as string };
    },
  },
  {
    template: '{user} has a contact group {name} with {members}',
    summary:
      'user (and each C2C member) imported; the conversation group holds the members, e.g. user1, user2 or group:team-1 (a group conversation; the group is created); ContactGroupId 1 when it is the first',
    example: 'user0 has a contact group work with user1',
    params: { user: 'id', name: 'text', members: 'members' },
    async setup(ctx, { user, name, members }) {
      const list = members as Member[];
      const peers = list.flatMap((m) => (m.Type === 1 ? [m.To_Account] : []));
      const groups = list.flatMap((m) => (m.Type === 2 ? [{ GroupId: m.ToGroupId }] : []));
      const group: SeedContactGroup = {
        From_Account: user as string,
        GroupName: name as string,
        ContactItem: list,
      };
      // One seed: it imports the accounts and creates the groups before the contact group.
      await seed(ctx, { accounts: [user as string, ...peers], groups, contactGroups: [group] });
      return { user: user as string, name: name as string };
    },
  },
  {
    template: '{user} has a contact group {name}',
    summary: 'user imported; an empty conversation group of that name',
    example: 'user0 has a contact group work',
    params: { user: 'id', name: 'text' },
    async setup(ctx, { user, name }) {
      await seed(ctx, {
        accounts: [user as string],
        contactGroups: [{ From_Account: user as string, GroupName: name as string }],
      });
      return { user: user as string, name: name as string };
    },
  },
  {
    template: '{user} has {n} contact groups',
    summary: `user imported, with n empty conversation groups ${contactGroupName(0)}, ${contactGroupName(1)}, … (at most ${LIMITS.contactGroupsPerUser}: a create then answers 51010)`,
    example: `user0 has ${LIMITS.contactGroupsPerUser} contact groups`,
    params: { user: 'id', n: 'count' },
    async setup(ctx, { user, n }) {
      const count = n as number;
      if (count > LIMITS.contactGroupsPerUser) {
        throw new ControlError(`n must be at most ${LIMITS.contactGroupsPerUser} (the per-user cap)`);
      }
      await seed(ctx, {
        accounts: [user as string],
        contactGroups: Array.from({ length: count }, (_, i) => ({
          From_Account: user as string,
          GroupName: contactGroupName(i),
        })),
      });
      return { user: user as string };
    },
  },
  {
    template: 'the {command} ceiling is exhausted',
    summary:
      "the app's calls of the command in the current second reach its ceiling (the configured one, 1 when off): the next call answers 60007",
    example: 'the mark_contact ceiling is exhausted',
    keywords: 'rate limited limit 60007 throttled',
    params: { command: 'command' },
    async setup(ctx, { command }) {
      if (ctx.app.rateLimit === 0) ctx.control.setRateLimit(ctx.app.sdkAppId, 1);
      const counter = ctx.app.counters[command as CommandName];
      const admit = () => counter.admit(performance.now(), monotonicSecond());
      // Fills the sliding second (in-process, or the shared window on Redis, whose admissions are
      // promises): the verifier's request, which follows at once, is refused. All at once, so that on
      // Redis they leave in one write and fill the window in one round trip: one at a time, 200 round
      // trips on a loaded machine outlasted the window itself, whose first admissions left it.
      await Promise.all(Array.from({ length: ctx.app.rateLimit }, admit));
      if (await admit()) throw new ControlError('the ceiling did not fill');
      return { command: COMMANDS[command as CommandName].slice(1) };
    },
  },
  {
    template: 'the next {command} fails with {code}',
    summary: `the next call of the command answers the code (${ErrorCode.INTERNAL_ERROR} internal error or ${ErrorCode.NETWORK_TIMEOUT} timeout) once`,
    example: `the next mark_contact fails with ${ErrorCode.INTERNAL_ERROR}`,
    keywords: 'error internal timeout fault',
    params: { command: 'command', code: 'code' },
    async setup(ctx, { command, code }) {
      ctx.control.injectFault({
        command: command as CommandName,
        code: code as typeof ErrorCode.INTERNAL_ERROR,
        count: 1,
        sdkAppId: ctx.app.sdkAppId,
      });
      return {};
    },
  },
  {
    template: KEEP_RECORDED_USERSIG,
    summary:
      'nothing in the stub: tells `tim-marks-stub verify` to send the interaction with the sdkappid, identifier and usersig the pact recorded (for pacts of 70001, 70003, 70009 … answers)',
    example: KEEP_RECORDED_USERSIG,
    keywords: 'expired invalid signature credentials',
    params: {},
    async setup() {
      return {};
    },
  },
];

/** The vocabulary, for documentation and `GET /__stub/provider-states`. */
export const PROVIDER_STATES: readonly ProviderStateDefinition[] = STATES.map(
  ({ template, summary, example, params }) => ({ template, summary, example, params }),
);

/**
 * Property names that code inspecting a state-handler table asks for (JSON.stringify, await, util.inspect):
 * a table answering every name (tim-marks-stub verify, the stub's own pact tests) must not answer these.
 */
export const NOT_STATES: ReadonlySet<string> = new Set([
  'toJSON',
  'then',
  'constructor',
  'valueOf',
  'toString',
  'inspect',
]);

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function templatePattern(template: string): RegExp {
  const parts = template.split(PLACEHOLDER);
  // split with a capture group alternates literal text and placeholder names.
  const source = parts.map((part, i) => (i % 2 === 0 ? escapeRegExp(part) : `(?<${part}>.+?)`)).join('');
  return new RegExp(`^${source}$`, 'i');
}

const PATTERNS = new Map(STATES.map((state) => [state, templatePattern(state.template)]));

/** `name` matched against the template of `state`, as matchState matches it (any case, trimmed). */
function matchTemplate(state: StateImplementation, name: string): RegExpExecArray | null {
  return (PATTERNS.get(state) as RegExp).exec(name.trim());
}

const KEEP_RECORDED = STATES.find((state) => state.template === KEEP_RECORDED_USERSIG) as StateImplementation;

/** Whether a state name means KEEP_RECORDED_USERSIG, matched as the vocabulary matches it (any case, trimmed). */
export function keepsRecordedUsersig(name: string): boolean {
  return matchTemplate(KEEP_RECORDED, name) !== null;
}

function unquote(text: string): string {
  const trimmed = text.trim();
  const match = /^(["'`“])(.*)(["'`”])$/.exec(trimmed);
  return match === null ? trimmed : (match[2] as string);
}

function parseParam(name: string, kind: ParamKind, raw: unknown): ParamValue {
  const bad = (what: string) => new ControlError(`${name} must be ${what}, got ${JSON.stringify(raw)}`);
  const text = typeof raw === 'string' ? unquote(raw) : raw;
  switch (kind) {
    case 'id':
      if (typeof text !== 'string' || text === '' || /\s/.test(text)) throw bad('an id without spaces');
      return text;
    case 'text':
      if (typeof text !== 'string') throw bad('a text');
      return /^(none|no custom mark)$/i.test(text) ? '' : text;
    case 'count': {
      const n = typeof text === 'number' ? text : /^[0-9]+$/.test(String(text)) ? Number(text) : Number.NaN;
      if (!Number.isInteger(n) || n < 0) throw bad('a whole number');
      return n;
    }
    case 'positions': {
      const list = Array.isArray(text)
        ? text
        : typeof text === 'number'
          ? [text]
          : typeof text === 'string' && !/^(none|no positions|\[\s*\])$/i.test(text)
            ? text
                .replace(/^\[|\]$/g, '')
                .split(/\s*(?:,|\band\b)\s*/)
                .filter((p) => p !== '')
                .map((p) => (/^[0-9]+$/.test(p) ? Number(p) : Number.NaN))
            : typeof text === 'string'
              ? []
              : undefined;
      if (list === undefined || !list.every((p) => Number.isInteger(p) && p >= 1 && p <= 64)) {
        throw bad('standard mark positions 1..64 such as "1,2" or none');
      }
      return list as number[];
    }
    case 'edition':
      if (!(EDITIONS as readonly unknown[]).includes(text)) throw bad(`one of ${EDITIONS.join(', ')}`);
      return text as Edition;
    case 'command': {
      const command =
        typeof text === 'string' ? commandOf(text.includes('/') ? text : commandPath(text)) : undefined;
      if (command === undefined) throw bad('a command such as mark_contact or v4/recentcontact/mark_contact');
      return command;
    }
    case 'code': {
      const code = Number(text);
      if (code !== ErrorCode.INTERNAL_ERROR && code !== ErrorCode.NETWORK_TIMEOUT) {
        throw bad(`${ErrorCode.INTERNAL_ERROR} or ${ErrorCode.NETWORK_TIMEOUT}`);
      }
      return code;
    }
    case 'members': {
      const items = Array.isArray(text)
        ? text.map(String)
        : typeof text === 'string'
          ? text.split(/\s*(?:,|\band\b)\s*/).filter((m) => m !== '')
          : [];
      if (items.length === 0) throw bad('members such as "user1, group:team-1"');
      return items.map((item): Member => {
        const group = /^group[: ]\s*(\S+)$/.exec(unquote(item));
        return group ? { Type: 2, ToGroupId: group[1] as string } : { Type: 1, To_Account: unquote(item) };
      });
    }
  }
}

/** `mark_contact` → its path; operationIds and paths pass through commandOf as they are. */
function commandPath(text: string): string {
  const path = Object.values(COMMANDS).find((p) => p.endsWith(`/${text}`));
  return path ?? text;
}

/** Edit distance, for the close matches of an unknown state. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const saved = row[j] as number;
      row[j] = Math.min(
        (row[j] as number) + 1,
        (row[j - 1] as number) + 1,
        previous + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      previous = saved;
    }
  }
  return row[b.length] as number;
}

/** 1 for the same word, falling towards 0 as the edit distance grows. */
function wordSimilarity(a: string, b: string): number {
  return 1 - distance(a, b) / Math.max(a.length, b.length);
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/\{[a-z]+\}/gi, ' ')
    .split(/[^a-z0-9_]+/)
    .filter((word) => word !== '');
}

/** How well each word of one side finds a close word on the other, both ways, in 0..2. */
function similarity(name: string, template: string): number {
  const a = words(name);
  const b = words(template);
  if (a.length === 0 || b.length === 0) return 0;
  const best = (word: string, among: string[]) =>
    Math.max(...among.map((other) => wordSimilarity(word, other)));
  const mean = (list: string[], among: string[]) =>
    list.reduce((sum, w) => sum + best(w, among), 0) / list.length;
  return mean(a, b) + mean(b, a);
}

/** The templates closest to an unknown name, best first. */
export function closeStates(name: string, count = 3): string[] {
  return STATES.map((state) => ({
    template: state.template,
    score: similarity(name, `${state.template} ${state.keywords ?? ''}`),
  }))
    .sort((a, b) => b.score - a.score)
    .slice(0, count)
    .map(({ template }) => template);
}

interface Matched {
  state: StateImplementation;
  params: Record<string, ParamValue>;
}

/** The state a name means, with its parsed parameters; a ControlError for an unknown name or a bad value. */
export function matchState(name: string, params: Record<string, unknown> = {}): Matched {
  const problems: string[] = [];
  for (const state of STATES) {
    const match = matchTemplate(state, name);
    if (match === null) continue;
    try {
      const parsed: Record<string, ParamValue> = {};
      for (const [param, kind] of Object.entries(state.params)) {
        const inName = match.groups?.[param];
        const raw = param in params ? params[param] : inName === `{${param}}` ? undefined : inName;
        if (raw === undefined) throw new ControlError(`${param} is missing (in the name or in params)`);
        parsed[param] = parseParam(param, kind, raw);
      }
      return { state, params: parsed };
    } catch (error) {
      if (!(error instanceof ControlError)) throw error;
      problems.push(`"${state.template}": ${error.message}`);
    }
  }
  if (problems.length > 0) {
    throw new ControlError(`provider state "${name}" has a bad parameter: ${problems.join('; ')}`);
  }
  throw new ControlError(
    `unknown provider state "${name}"; closest: ${closeStates(name)
      .map((t) => `"${t}"`)
      .join(', ')}; every state: GET /__stub/provider-states or tim-marks-stub verify --list-states`,
    404,
    undefined,
    'unknown-provider-state',
  );
}

/** Sets up (or tears down) one provider state and answers the values Pact may inject. */
export async function runProviderState(
  deps: { apps: ReadonlyMap<number, AppRuntime>; store: Store; control: StubControl },
  request: ProviderStateRequest,
): Promise<ProviderStateValues> {
  if (
    typeof request !== 'object' ||
    request === null ||
    typeof request.state !== 'string' ||
    request.state === ''
  ) {
    throw new ControlError('the body must be { state, params?, action?: "setup" | "teardown" }');
  }
  const action = request.action ?? 'setup';
  if (action !== 'setup' && action !== 'teardown') {
    throw new ControlError(`action must be setup or teardown, got ${JSON.stringify(action)}`);
  }
  const params = request.params ?? {};
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new ControlError('params must be an object');
  }
  const wanted = request.sdkAppId ?? (params.sdkappid === undefined ? undefined : Number(params.sdkappid));
  const app = wanted === undefined ? (deps.apps.values().next().value as AppRuntime) : deps.apps.get(wanted);
  if (app === undefined) {
    throw new ControlError(`sdkAppId ${wanted} is not an app of this stub`, 404, undefined, 'unknown-app');
  }
  const { state, params: parsed } = matchState(request.state, params);
  let values: Record<string, string> | undefined = {};
  if (action === 'setup')
    values = await state.setup({ app, control: deps.control, store: deps.store }, parsed);
  else restoreSettings(deps.control, app);
  return {
    ...credentialQuery({ sdkAppId: app.sdkAppId, identifier: app.admin, secretKey: app.secretKey }),
    ...values,
  };
}
