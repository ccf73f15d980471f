// The provider states the client's pact names, each set up through the stub's in-process control
// plane (the same operations /__stub/ exposes) or, where the state is made of API data, through the
// stub's own API. Before every interaction the stub is reset to its configured start.
import { COMMANDS, type CommandName, ErrorCode, LIMITS } from '@tim-marks/types';
import type { Stub } from '../../src/stub.js';

type StateHandler = (params?: unknown) => Promise<void>;

export interface ProviderStates {
  /** By state name, as the pacts spell them. */
  handlers: Record<string, StateHandler>;
  /** Run before each interaction: the stub as started (reset, Ultimate edition, configured ceiling). */
  reset(): Promise<void>;
  /** What went wrong in a setup. Pact only logs a failing state handler; the tests assert this is empty. */
  errors: string[];
}

interface Answer {
  ActionStatus: string;
  ErrorCode: number;
  ErrorInfo: string;
  ResultItem?: { ResultCode: number; ResultInfo: string }[];
}

/** One command through the stub's HTTP API, signed for its admin. */
async function send(stub: Stub, command: CommandName, body: unknown): Promise<Answer> {
  const response = await fetch(stub.commandUrl(command), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Answer;
}

async function sendOk(stub: Stub, command: CommandName, body: unknown): Promise<Answer> {
  const answer = await send(stub, command, body);
  if (answer.ErrorCode !== ErrorCode.OK) {
    throw new Error(`${COMMANDS[command]} answered ${answer.ErrorCode}: ${answer.ErrorInfo}`);
  }
  return answer;
}

/**
 * Marks `count` C2C conversations of user0, c0000, c0001, …, in that order, each starred with the
 * custom mark `vip` (the shape the pact's get_contact_group items expect).
 */
async function markConversations(stub: Stub, count: number): Promise<void> {
  const ids = Array.from({ length: count }, (_, i) => `c${String(i).padStart(4, '0')}`);
  for (let start = 0; start < ids.length; start += LIMITS.markItemsPerCall) {
    const MarkItem = ids.slice(start, start + LIMITS.markItemsPerCall).map((To_Account) => ({
      OptType: 3,
      ContactItem: { Type: 1, To_Account },
      SetMark: [1],
      CustomMark: 'vip',
    }));
    const answer = await sendOk(stub, 'markContact', { From_Account: 'user0', MarkItem });
    const failed = answer.ResultItem?.find((item) => item.ResultCode !== ErrorCode.OK);
    if (failed !== undefined) throw new Error(`marking failed: ${failed.ResultCode} ${failed.ResultInfo}`);
  }
}

export function providerStates(stub: Stub): ProviderStates {
  const app = stub.apps[0];
  if (app === undefined) throw new Error('the stub has no app');
  const { sdkAppId } = app;
  const errors: string[] = [];

  const setups: Record<string, () => Promise<void>> = {
    // user0..user9 are the default app's seed accounts; seeding again is harmless and says so here.
    'user0 is imported': () => stub.control.seed({ sdkAppId, accounts: ['user0'] }),
    // A reset leaves only the seed accounts.
    'no account "nobody" was ever imported': async () => {},
    'the app is not Ultimate': async () => stub.control.setEdition(sdkAppId, 'pro'),
    'user0 has 1000 marked conversations c0000..c0999': () =>
      markConversations(stub, LIMITS.conversationsPerUser),
    'user0 has 150 marked conversations c0000..c0149': () => markConversations(stub, 150),
    'the group team-gone was dissolved': async () => {
      await stub.control.seed({ sdkAppId, groups: [{ GroupId: 'team-gone' }] });
      await sendOk(stub, 'destroyGroup', { GroupId: 'team-gone' });
    },
    'the group team-1 exists': () => stub.control.seed({ sdkAppId, groups: [{ GroupId: 'team-1' }] }),
    'user0 has the conversation group "work" (GroupId 1) holding user1': () =>
      stub.control.seed({
        sdkAppId,
        contactGroups: [
          { From_Account: 'user0', GroupName: 'work', ContactItem: [{ Type: 1, To_Account: 'user1' }] },
        ],
      }),
    'user0 has 20 conversation groups g00..g19': () =>
      stub.control.seed({
        sdkAppId,
        contactGroups: Array.from({ length: LIMITS.contactGroupsPerUser }, (_, i) => ({
          From_Account: 'user0',
          GroupName: `g${String(i).padStart(2, '0')}`,
        })),
      }),
    // A ceiling of one call per sliding second, used up here: the verifier's request, which follows
    // at once (well within the second), is refused with 60007.
    'the mark_contact ceiling is exhausted': async () => {
      stub.control.setRateLimit(sdkAppId, 1);
      const answer = await send(stub, 'markContact', {
        From_Account: 'user0',
        MarkItem: [{ OptType: 2, ContactItem: { Type: 1, To_Account: 'user1' }, CustomMark: '' }],
      });
      if (answer.ErrorCode === ErrorCode.RATE_LIMITED)
        throw new Error('the call using the ceiling was refused');
    },
    'the next mark_contact fails with 50004': async () => {
      stub.control.injectFault({ command: 'markContact', code: ErrorCode.INTERNAL_ERROR, count: 1 });
    },
    // The pact's usersig for this interaction was signed in 2023 for one day: the stub's own expiry
    // check answers 70001 without any hook.
    'the UserSig in the pact has expired': async () => {},
  };

  const handlers: Record<string, StateHandler> = {};
  for (const [name, setup] of Object.entries(setups)) {
    handlers[name] = async () => {
      try {
        await setup();
      } catch (error) {
        errors.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
        throw error;
      }
    };
  }

  const reset = async () => {
    await stub.control.reset(sdkAppId);
    stub.control.setEdition(sdkAppId, app.edition);
    stub.control.setRateLimit(sdkAppId, app.rateLimit);
  };
  return { handlers, reset, errors };
}
