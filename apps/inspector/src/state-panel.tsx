// Panel 3: the stub's state as GET /__stub/state exports it, apps → users → conversations, each
// conversation's standard mark decoded bit by bit, its custom mark and its conversation groups.
import { useMemo, useState } from 'preact/hooks';
import { control } from './api.js';
import { decodeStandardMark, positionRanges } from './mark.js';
import type { AppState, ContactGroupState, ConversationState, StubState } from './model.js';
import { usePoll } from './poll.js';
import { clock, InputField, Problem } from './ui.js';

/** More users than this are not listed at once: the filter narrows them. */
const USERS_SHOWN = 200;
/**
 * The export is the whole state: past this many conversations it is fetched on demand only, so an
 * open page does not keep a stub under load busy exporting megabytes every few seconds.
 */
const AUTO_REFRESH_MAX_CONVERSATIONS = 20_000;

export function StatePanel(props: { sdkAppId: number | undefined; live: boolean }) {
  const [large, setLarge] = useState(false);
  const state = usePoll(
    async () => {
      const answer = await control<StubState>('GET', '/__stub/state');
      setLarge(conversationCount(answer.apps) > AUTO_REFRESH_MAX_CONVERSATIONS);
      return answer;
    },
    3000,
    props.live && !large,
    'state',
  );
  const apps = state.data?.apps ?? [];
  const app = apps.find((a) => a.sdkAppId === props.sdkAppId) ?? apps[0];
  return (
    <section class="panel" aria-labelledby="state-title" id="state">
      <header class="panel-head">
        <h2 id="state-title">State</h2>
        <p class="hint">
          apps → users → conversations, as GET /__stub/state exports them
          {large &&
            ` · over ${AUTO_REFRESH_MAX_CONVERSATIONS.toLocaleString()} conversations: refreshed on demand only`}
        </p>
        <button type="button" class="secondary" onClick={state.refresh}>
          Refresh state
        </button>
      </header>
      <Problem error={state.error} />
      {app !== undefined && <AppBrowser key={app.sdkAppId} app={app} />}
    </section>
  );
}

function AppBrowser(props: { app: AppState }) {
  const { app } = props;
  const [filter, setFilter] = useState('');
  const [onlyMarked, setOnlyMarked] = useState(true);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const users = useMemo(() => {
    const withData = new Set([...Object.keys(app.marks), ...Object.keys(app.contactGroups ?? {})]);
    const known = new Set(app.accounts);
    const all = [...app.accounts, ...[...withData].filter((u) => !known.has(u))];
    const needle = filter.trim().toLowerCase();
    return all
      .filter((u) => (needle === '' ? !onlyMarked || withData.has(u) : u.toLowerCase().includes(needle)))
      .sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  }, [app, filter, onlyMarked]);
  const user = selected ?? users.find((u) => (app.marks[u]?.length ?? 0) > 0);

  return (
    <div class="state-browser">
      <nav class="users" aria-label={`users of app ${app.sdkAppId}`}>
        <p class="app-line">
          App <strong>{app.sdkAppId}</strong>: {app.accounts.length} accounts, {app.groups.length} groups
        </p>
        <InputField
          label="Find a user"
          type="search"
          value={filter}
          onValue={setFilter}
          placeholder="UserID"
        />
        <label class="check">
          <input
            type="checkbox"
            checked={onlyMarked}
            onChange={(e) => setOnlyMarked(e.currentTarget.checked)}
          />
          only users with marks or groups
        </label>
        {users.length === 0 && <p class="empty">No user matches.</p>}
        <ul>
          {users.slice(0, USERS_SHOWN).map((u) => (
            <li key={u}>
              <button
                type="button"
                class={u === user ? 'user current' : 'user'}
                aria-current={u === user ? 'true' : undefined}
                onClick={() => setSelected(u)}
              >
                <span>{u}</span>
                <span class="count">{app.marks[u]?.length ?? 0}</span>
              </button>
            </li>
          ))}
        </ul>
        {users.length > USERS_SHOWN && (
          <p class="muted">{users.length - USERS_SHOWN} more: narrow the search.</p>
        )}
      </nav>
      {user === undefined ? (
        <p class="empty">No conversation of this app has a mark or a group yet.</p>
      ) : (
        <UserConversations
          user={user}
          marks={app.marks[user] ?? []}
          groups={app.contactGroups?.[user]?.GroupItem ?? []}
          imported={app.accounts.includes(user)}
        />
      )}
    </div>
  );
}

function UserConversations(props: {
  user: string;
  marks: ConversationState[];
  groups: ContactGroupState[];
  imported: boolean;
}) {
  const { user, marks, groups } = props;
  const names = new Map(groups.map((g) => [g.GroupId, g.GroupName]));
  const ordered = [...marks].sort((a, b) => a.firstMarkedSeq - b.firstMarkedSeq);
  return (
    <div class="conversations">
      <h3>
        Conversations of <span class="mono">{user}</span>
        {!props.imported && <span class="badge warn">not imported</span>}
      </h3>
      {groups.length > 0 && (
        <table class="groups-table" aria-label={`conversation groups of ${user}`}>
          <thead>
            <tr>
              <th scope="col">GroupId</th>
              <th scope="col">GroupName</th>
              <th scope="col">conversations</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.GroupId}>
                <td class="mono">{g.GroupId}</td>
                <td>{g.GroupName}</td>
                <td>{marks.filter((m) => m.ContactGroupId?.includes(g.GroupId)).length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {ordered.length === 0 ? (
        <p class="empty">{user} has no marked or grouped conversation.</p>
      ) : (
        <table class="marks-table" aria-label={`conversations of ${user}`}>
          <thead>
            <tr>
              <th scope="col">conversation</th>
              <th scope="col">standard mark</th>
              <th scope="col">custom mark</th>
              <th scope="col">groups</th>
              <th scope="col">changed</th>
            </tr>
          </thead>
          <tbody>
            {ordered.map((m) => (
              <ConversationRow key={`${m.Type} ${m.To_Account ?? m.ToGroupId}`} mark={m} groupNames={names} />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function ConversationRow(props: { mark: ConversationState; groupNames: Map<number, string> }) {
  const { mark } = props;
  const peer = mark.Type === 1 ? mark.To_Account : mark.ToGroupId;
  const decoded = decodeStandardMark(mark.StandardMark);
  return (
    <tr aria-label={`${mark.Type === 1 ? 'C2C' : 'group'} ${peer}`}>
      <th scope="row">
        <span class={mark.Type === 1 ? 'badge c2c' : 'badge group'}>{mark.Type === 1 ? 'C2C' : 'group'}</span>{' '}
        <span class="mono">{peer}</span>
      </th>
      <td>
        {decoded === undefined ? (
          <span class="badge warn">unreadable: {mark.StandardMark}</span>
        ) : (
          <div class="bits" title={`StandardMark ${decoded.binary} (binary, bit 1 last)`}>
            {decoded.named.map((name) => (
              <span key={name} class={`bit bit-${name.toLowerCase()}`}>
                {name === 'Star' ? '★ ' : ''}
                {name.toLowerCase()}
              </span>
            ))}
            {decoded.reserved.length > 0 && (
              <span class="bit reserved">IM bits {positionRanges(decoded.reserved)}</span>
            )}
            {decoded.custom.length > 0 && (
              <span class="bit custom">custom bits {positionRanges(decoded.custom)}</span>
            )}
            {decoded.binary === '0' && <span class="muted">none</span>}
            <code class="binary">{decoded.binary}</code>
          </div>
        )}
      </td>
      <td>
        {mark.CustomMark === undefined ? (
          <span class="muted">—</span>
        ) : (
          <q class="custom-mark">{mark.CustomMark}</q>
        )}
      </td>
      <td>
        {(mark.ContactGroupId ?? []).map((id) => (
          <span key={id} class="badge grp">
            {props.groupNames.get(id) ?? '?'} <span class="muted">#{id}</span>
          </span>
        ))}
      </td>
      <td class="mono nowrap">{clock(mark.Timestamp)}</td>
    </tr>
  );
}

function conversationCount(apps: readonly AppState[]): number {
  let count = 0;
  for (const app of apps) for (const marks of Object.values(app.marks)) count += marks?.length ?? 0;
  return count;
}
