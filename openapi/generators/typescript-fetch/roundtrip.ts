// The round trip of openapi/generators/README.md, through the client openapi-generator's
// `typescript-fetch` generator makes from openapi/openapi.yaml (in ./client).
import {
  ActionStatus,
  type C2CContactItemWithMarks,
  Configuration,
  type GroupContactItemWithMarks,
  GroupOpenHttpSvcApi,
  GroupType,
  ImOpenLoginSvcApi,
  OptType,
  RecentcontactApi,
} from './client/index';

const env = process.env as Record<string, string>;
const prefix = env.TIM_PREFIX;
const [owner, peer, group, ghost] = ['owner', 'peer', 'team', 'ghost'].map((name) => `${prefix}-${name}`);
let failures = 0;

function check(what: string, got: unknown, want: unknown): void {
  if (JSON.stringify(got) === JSON.stringify(want)) {
    console.log(`  ok   ${what}`);
  } else {
    console.log(`  FAIL ${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
    failures++;
  }
}

/** The five query parameters of every command; `random` is new for each request. */
const query = () => ({
  sdkappid: Number(env.TIM_SDKAPPID),
  identifier: env.TIM_IDENTIFIER,
  usersig: env.TIM_USERSIG,
  random: Math.floor(Math.random() * 2 ** 32),
  contenttype: 'json' as const,
});

async function main(): Promise<void> {
  const configuration = new Configuration({ basePath: env.TIM_STUB_URL });
  const accounts = new ImOpenLoginSvcApi(configuration);
  const groups = new GroupOpenHttpSvcApi(configuration);
  const marks = new RecentcontactApi(configuration);

  const imported = await accounts.accountImport({ ...query(), accountImportRequest: { userID: owner } });
  check('account_import ErrorCode', imported.errorCode, 0);

  const multi = await accounts.multiaccountImport({
    ...query(),
    multiaccountImportRequest: { accounts: [peer] },
  });
  check('multiaccount_import ErrorCode', multi.errorCode, 0);
  check('multiaccount_import FailAccounts', multi.failAccounts, []);

  const created = await groups.createGroup({
    ...query(),
    createGroupRequest: { ownerAccount: owner, type: GroupType.Public, name: 'Team', groupId: group },
  });
  check('create_group ErrorCode', created.errorCode, 0);
  check('create_group GroupId', created.groupId, group);

  const marked = await marks.markContact({
    ...query(),
    markContactRequest: {
      fromAccount: owner,
      markItem: [
        {
          optType: OptType.NUMBER_3,
          contactItem: { type: 1, toAccount: peer },
          setMark: [1, 2, 3],
          customMark: 'c2c ✓',
        },
        {
          optType: OptType.NUMBER_3,
          contactItem: { type: 2, toGroupId: group },
          setMark: [4],
          clearMark: [1],
          customMark: 'group',
        },
      ],
    },
  });
  check('mark_contact ActionStatus', marked.actionStatus, ActionStatus.Ok);
  check('mark_contact ErrorCode', marked.errorCode, 0);
  const results = marked.resultItem ?? [];
  check('mark_contact ResultItem count', results.length, 2);
  check(
    'mark_contact ResultItem[0]',
    [results[0]?.resultCode, results[0]?.contactItem],
    [0, { type: 1, toAccount: peer }],
  );
  check(
    'mark_contact ResultItem[1]',
    [results[1]?.resultCode, results[1]?.contactItem],
    [0, { type: 2, toGroupId: group }],
  );

  const page = await marks.getContactGroup({
    ...query(),
    getContactGroupRequest: { fromAccount: owner, startIndex: 0 },
  });
  check('get_contact_group ErrorCode', page.errorCode, 0);
  check('get_contact_group CompleteFlag', page.completeFlag, 1);
  check('get_contact_group NextStartIndex is a number', typeof page.nextStartIndex, 'number');
  const items = page.contactItem ?? [];
  check('get_contact_group item count', items.length, 2);
  // ContactItemWithMarks is a union narrowed by its literal `type`.
  const c2c = items.find((item): item is C2CContactItemWithMarks => item.type === 1);
  const grp = items.find((item): item is GroupContactItemWithMarks => item.type === 2);
  check('C2C item', [c2c?.toAccount, c2c?.standardMark, c2c?.customMark], [peer, '111', 'c2c ✓']);
  check('C2C item Timestamp is Unix seconds', (c2c?.timestamp ?? 0) > 1_600_000_000, true);
  check('group item', [grp?.toGroupId, grp?.standardMark, grp?.customMark], [group, '1000', 'group']);
  check('group item Timestamp is Unix seconds', (grp?.timestamp ?? 0) > 1_600_000_000, true);

  // A request-level error: HTTP 200, the error in the answer body.
  const refused = await marks.markContact({
    ...query(),
    markContactRequest: {
      fromAccount: ghost,
      markItem: [{ optType: OptType.NUMBER_2, contactItem: { type: 1, toAccount: peer }, customMark: 'x' }],
    },
  });
  check('unknown From_Account ActionStatus', refused.actionStatus, ActionStatus.Fail);
  check('unknown From_Account ErrorCode', refused.errorCode, 50001);
  check('unknown From_Account has no ResultItem', refused.resultItem ?? [], []);
}

main().then(
  () => process.exit(failures > 0 ? 1 : 0),
  (error: unknown) => {
    console.log(`  FAIL call: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
