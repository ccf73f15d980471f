// Panel 2: the request journal (GET /__stub/requests), newest first, filtered on the stub by command,
// From_Account and ErrorCode; each call opens to show its query, body and answer.
import { useState } from 'preact/hooks';
import { control, withQuery } from './api.js';
import type { JournalEntry, RequestList } from './model.js';
import { useAction, usePoll } from './poll.js';
import { CommandField, InputField, Json, Problem, shortName } from './ui.js';

const PAGE = 100;

export function JournalPanel(props: { sdkAppId: number | undefined; live: boolean }) {
  const [command, setCommand] = useState('');
  const [from, setFrom] = useState('');
  const [errorCode, setErrorCode] = useState('');
  const query = {
    sdkAppId: props.sdkAppId,
    command,
    From_Account: from.trim(),
    ErrorCode: errorCode.trim(),
    limit: PAGE,
  };
  const journal = usePoll(
    () => control<RequestList>('GET', withQuery('/__stub/requests', query)),
    1000,
    props.live,
    JSON.stringify(query),
  );
  const { problem: clearing, act } = useAction(journal.refresh);
  const clear = () => act(() => control('DELETE', '/__stub/requests'));
  const entries = journal.data?.requests ?? [];
  return (
    <section class="panel" aria-labelledby="journal-title" id="journal">
      <header class="panel-head">
        <h2 id="journal-title">Request journal</h2>
        <p class="hint">
          <JournalSummary list={journal.data} />
        </p>
        <button type="button" class="secondary" onClick={clear}>
          Clear journal
        </button>
      </header>
      <form class="filters" aria-label="journal filters" onSubmit={(e) => e.preventDefault()}>
        <CommandField label="Command" value={command} onValue={setCommand} none="any" />
        <InputField label="From_Account" type="search" value={from} onValue={setFrom} placeholder="any" />
        <InputField
          label="ErrorCode"
          type="search"
          inputMode="numeric"
          size={8}
          value={errorCode}
          onValue={setErrorCode}
          placeholder="any"
        />
      </form>
      <Problem error={journal.error ?? clearing} />
      {journal.data !== undefined && entries.length === 0 && <p class="empty">No call matches.</p>}
      {entries.length > 0 && (
        <div class="journal">
          <div class="journal-row journal-head" aria-hidden="true">
            <span>time</span>
            <span>command</span>
            <span>From_Account</span>
            <span>answer</span>
            <span>latency</span>
          </div>
          <ul aria-label="journal entries">
            {entries.map((entry) => (
              <JournalRow key={entry.id} entry={entry} />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function JournalRow(props: { entry: JournalEntry }) {
  const { entry } = props;
  const { answer } = entry;
  const from = fromAccount(entry.body);
  const code = answer.ErrorCode;
  const failedItems = (answer.ResultCodes ?? []).filter((c) => c !== 0).length;
  const outcome =
    answer.outcome !== 'answered'
      ? answer.outcome
      : answer.httpStatus !== 200
        ? `HTTP ${answer.httpStatus}`
        : code === undefined
          ? 'no answer'
          : code === 0
            ? failedItems > 0
              ? `OK, ${failedItems} item${failedItems === 1 ? '' : 's'} failed`
              : 'OK'
            : `${code}`;
  const tone =
    answer.httpStatus !== 200 || (code !== undefined && code !== 0) ? 'bad' : failedItems > 0 ? 'warn' : 'ok';
  return (
    <li class="journal-entry" aria-label={`call ${entry.id}: ${entry.command} ${outcome}`}>
      <details>
        <summary class="journal-row">
          <span class="mono nowrap">{timeOf(entry.time)}</span>
          <span class="mono">{shortName(entry.command)}</span>
          <span class="mono">{from ?? '—'}</span>
          <span>
            <span class={`badge ${tone}`}>{outcome}</span>
            {answer.fault !== undefined && <span class="badge fault">{answer.fault}</span>}
          </span>
          <span class="mono right">{entry.latencyMs.toFixed(1)} ms</span>
        </summary>
        <div class="journal-detail">
          <div>
            <h4>Request</h4>
            <p class="mono small">
              POST /{entry.command}?{new URLSearchParams(entry.query).toString()}
            </p>
            {entry.body === null || entry.body === undefined ? (
              <p class="muted small">The body was not read: the stub answered before it.</p>
            ) : (
              <Json value={entry.body} label={`request body of call ${entry.id}`} />
            )}
            {entry.bodyTruncated === true && (
              <p class="muted small">The first 16 KiB of {entry.bodyBytes} bytes.</p>
            )}
          </div>
          <div>
            <h4>Answer</h4>
            {answer.ErrorInfo !== undefined && answer.ErrorInfo !== '' && (
              <p class="small">{answer.ErrorInfo}</p>
            )}
            <Json value={answer} label={`answer of call ${entry.id}`} />
          </div>
        </div>
      </details>
    </li>
  );
}

function JournalSummary(props: { list: RequestList | undefined }) {
  const { list } = props;
  if (list === undefined) return <>the calls the stub received, newest first</>;
  if (!list.enabled) return <>the journal is off (the stub runs with --journal-size 0)</>;
  const shown = list.requests.length;
  return (
    <>
      {list.total} matching call{list.total === 1 ? '' : 's'}
      {shown < list.total ? `, newest ${shown} shown` : ''} · keeps the last {list.capacity}
      {list.dropped > 0 ? ` (${list.dropped} older dropped)` : ''}
    </>
  );
}

function fromAccount(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const from = (body as Record<string, unknown>).From_Account;
  return typeof from === 'string' ? from : undefined;
}

function timeOf(time: string | number): string {
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) return String(time);
  return `${date.toLocaleTimeString([], { hour12: false })}.${String(date.getMilliseconds()).padStart(3, '0')}`;
}
