// Panel 4: the active faults (GET /__stub/faults), each removable, and a form that adds one of every
// kind the control plane knows: a request-level ErrorCode, an item-level ResultCode for chosen
// conversations, an HTTP 5xx, latency, a dropped connection, no answer at all.
import { COMMANDS, ERROR_CATALOGUE, type ErrorCatalogueEntry } from '@tim-marks/types';
import { useState } from 'preact/hooks';
import { control } from './api.js';
import type { Fault, FaultKind, FaultList, FaultSpec, LatencyDistribution } from './model.js';
import { useAction, usePoll } from './poll.js';
import { CommandField, Field, InputField, Problem, shortName } from './ui.js';

/** The longest latency or hang the stub takes (openapi/control-plane.yaml: maximum 600000). */
const FAULT_MAX_MS = 600_000;

const KINDS: { kind: FaultKind; label: string; does: string }[] = [
  {
    kind: 'error',
    label: 'ErrorCode',
    does: 'Answers a request-level ErrorCode (HTTP 200, ActionStatus FAIL); the command does not run.',
  },
  {
    kind: 'item-error',
    label: 'ResultCode for conversations',
    does: 'mark_contact only: the named conversations fail with an item ResultCode, the other items are applied.',
  },
  {
    kind: 'http',
    label: 'HTTP 5xx',
    does: 'Answers an HTTP 5xx status, as a failing gateway would; the command does not run.',
  },
  { kind: 'latency', label: 'Latency', does: 'Delays the call, then answers it as usual.' },
  {
    kind: 'drop',
    label: 'Dropped connection',
    does: 'Closes the connection without an answer (socket hang up).',
  },
  {
    kind: 'hang',
    label: 'No answer (hang)',
    does: 'Answers nothing until the client gives up, or closes the connection after the bound.',
  },
];

const CATALOGUE = Object.values(ERROR_CATALOGUE) as ErrorCatalogueEntry[];
const REQUEST_CODES = CATALOGUE.filter((e) => e.code !== 0 && e.level !== 'item');
const ITEM_CODES = CATALOGUE.filter((e) => e.code !== 0 && e.level !== 'request');
/** The form starts on the codes a retrying client meets most: 50004 and 51007. */
const FIRST_CODE = String(
  REQUEST_CODES.find((e) => e.name === 'INTERNAL_ERROR')?.code ?? REQUEST_CODES[0]?.code,
);
const FIRST_RESULT_CODE = String(
  ITEM_CODES.find((e) => e.name === 'GROUP_UNRESOLVED')?.code ?? ITEM_CODES[0]?.code,
);
const MARK_CONTACT = COMMANDS.markContact.slice(1);

export function FaultsPanel(props: { sdkAppId: number | undefined; live: boolean }) {
  const faults = usePoll(() => control<FaultList>('GET', '/__stub/faults'), 1000, props.live, 'faults');
  const { problem, act } = useAction(faults.refresh);
  const list = faults.data?.faults ?? [];
  return (
    <section class="panel" aria-labelledby="faults-title" id="faults">
      <header class="panel-head">
        <h2 id="faults-title">Faults</h2>
        <p class="hint">applied in this order to the calls of their scope, after the ceiling</p>
        <button
          type="button"
          class="secondary"
          disabled={list.length === 0}
          onClick={() => act(() => control('DELETE', '/__stub/faults'))}
        >
          Remove all faults
        </button>
      </header>
      <Problem error={faults.error ?? problem} />
      {faults.data !== undefined && list.length === 0 && (
        <p class="empty">No active fault: every call is answered as the API would.</p>
      )}
      {list.length > 0 && (
        <table class="faults-table" aria-label="active faults">
          <thead>
            <tr>
              <th scope="col">id</th>
              <th scope="col">what</th>
              <th scope="col">scope</th>
              <th scope="col">fires</th>
              <th scope="col">fired</th>
              <th scope="col">
                <span class="visually-hidden">remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((fault) => (
              <tr key={fault.id} aria-label={`fault ${fault.id}`}>
                <td class="mono">{fault.id}</td>
                <td>{describe(fault)}</td>
                <td>{scopeOf(fault)}</td>
                <td>{triggerOf(fault)}</td>
                <td class="mono">{fault.fired}</td>
                <td>
                  <button
                    type="button"
                    class="danger small"
                    aria-label={`Remove ${fault.id}`}
                    onClick={() =>
                      act(() => control('DELETE', `/__stub/faults/${encodeURIComponent(fault.id)}`))
                    }
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AddFault
        sdkAppId={props.sdkAppId}
        onAdd={(spec) => act(() => control('POST', '/__stub/faults', spec))}
      />
    </section>
  );
}

function AddFault(props: { sdkAppId: number | undefined; onAdd: (spec: FaultSpec) => Promise<void> }) {
  const [kind, setKind] = useState<FaultKind>('error');
  const [command, setCommand] = useState(MARK_CONTACT);
  const [from, setFrom] = useState('');
  const [onlyApp, setOnlyApp] = useState(false);
  const [code, setCode] = useState(FIRST_CODE);
  const [resultCode, setResultCode] = useState(FIRST_RESULT_CODE);
  const [toAccounts, setToAccounts] = useState('');
  const [toGroups, setToGroups] = useState('');
  const [status, setStatus] = useState('503');
  const [latency, setLatency] = useState('');
  const [latencyMax, setLatencyMax] = useState('');
  const [hangMs, setHangMs] = useState('60000');
  const [trigger, setTrigger] = useState<'every' | 'count' | 'probability'>('count');
  const [count, setCount] = useState('1');
  const [probability, setProbability] = useState('0.5');
  const [invalid, setInvalid] = useState<string | undefined>(undefined);

  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      const spec = buildSpec();
      setInvalid(undefined);
      await props.onAdd(spec);
    } catch (error) {
      setInvalid(error instanceof Error ? error.message : String(error));
    }
  };

  const buildSpec = (): FaultSpec => {
    const scope = {
      ...(command === '' ? {} : { command }),
      ...(onlyApp && props.sdkAppId !== undefined ? { sdkAppId: props.sdkAppId } : {}),
      ...(from.trim() === '' ? {} : { From_Account: from.trim() }),
      ...(trigger === 'count' ? { count: integer('count', count, 1) } : {}),
      ...(trigger === 'probability' ? { probability: fraction(probability) } : {}),
    };
    const delay = latencyOf(latency, latencyMax);
    const delayed = delay === undefined ? {} : { latencyMs: delay };
    switch (kind) {
      case 'error':
        return { kind, code: Number(code), ...scope, ...delayed };
      case 'item-error': {
        const To_Account = list(toAccounts);
        const ToGroupId = list(toGroups);
        if (To_Account.length + ToGroupId.length === 0)
          throw new Error('name at least one To_Account or ToGroupId to fail');
        return {
          kind,
          ResultCode: Number(resultCode),
          ...(To_Account.length > 0 ? { To_Account } : {}),
          ...(ToGroupId.length > 0 ? { ToGroupId } : {}),
          ...scope,
          ...delayed,
        };
      }
      case 'http':
        return { kind, status: integer('HTTP status', status, 500, 599), ...scope, ...delayed };
      case 'latency':
        if (delay === undefined) throw new Error('give a latency in milliseconds');
        return { kind, ...scope, latencyMs: delay };
      case 'drop':
        return { kind, ...scope, ...delayed };
      case 'hang':
        return { kind, maxMs: integer('the longest hang', hangMs, 1, FAULT_MAX_MS), ...scope };
    }
  };

  return (
    <form class="add-fault" aria-label="add a fault" onSubmit={submit}>
      <h3>Add a fault</h3>
      <div class="form-grid">
        <Field label="Kind">
          {(id) => (
            <select
              id={id}
              value={kind}
              onChange={(e) => {
                const next = e.currentTarget.value as FaultKind;
                setKind(next);
                if (next === 'item-error') setCommand(MARK_CONTACT);
              }}
            >
              {KINDS.map((k) => (
                <option key={k.kind} value={k.kind}>
                  {k.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <CommandField
          label="Command"
          value={command}
          onValue={setCommand}
          none="every command"
          disabled={kind === 'item-error'}
        />
        <InputField label="From_Account (optional)" value={from} onValue={setFrom} placeholder="any user" />
        <p class="kind-note">{KINDS.find((k) => k.kind === kind)?.does}</p>
        {props.sdkAppId !== undefined && (
          <label class="check">
            <input type="checkbox" checked={onlyApp} onChange={(e) => setOnlyApp(e.currentTarget.checked)} />
            only app {props.sdkAppId}
          </label>
        )}
      </div>
      <div class="form-grid">
        {kind === 'error' && (
          <Field class="field wide" label="ErrorCode">
            {(id) => (
              <select id={id} value={code} onChange={(e) => setCode(e.currentTarget.value)}>
                {REQUEST_CODES.map((entry) => (
                  <option key={entry.code} value={String(entry.code)}>
                    {entry.code} {entry.name}
                    {entry.retryable ? ' (retryable)' : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {kind === 'item-error' && (
          <>
            <Field class="field wide" label="ResultCode">
              {(id) => (
                <select id={id} value={resultCode} onChange={(e) => setResultCode(e.currentTarget.value)}>
                  {ITEM_CODES.map((entry) => (
                    <option key={entry.code} value={String(entry.code)}>
                      {entry.code} {entry.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <InputField label="To_Account (comma-separated)" value={toAccounts} onValue={setToAccounts} />
            <InputField label="ToGroupId (comma-separated)" value={toGroups} onValue={setToGroups} />
          </>
        )}
        {kind === 'http' && (
          <InputField
            label="HTTP status"
            type="number"
            min={500}
            max={599}
            value={status}
            onValue={setStatus}
          />
        )}
        {kind === 'hang' ? (
          <InputField
            label="Give up after (ms)"
            type="number"
            min={1}
            max={FAULT_MAX_MS}
            value={hangMs}
            onValue={setHangMs}
          />
        ) : (
          <>
            <InputField
              label={kind === 'latency' ? 'Latency (ms)' : 'Added latency (ms, optional)'}
              type="number"
              min={0}
              max={FAULT_MAX_MS}
              value={latency}
              onValue={setLatency}
            />
            <InputField
              label="up to (ms, optional: uniform)"
              type="number"
              min={0}
              max={FAULT_MAX_MS}
              value={latencyMax}
              onValue={setLatencyMax}
            />
          </>
        )}
      </div>
      <fieldset class="trigger">
        <legend>Fires</legend>
        <label class="check">
          <input
            type="radio"
            name="fault-trigger"
            checked={trigger === 'count'}
            onChange={() => setTrigger('count')}
          />
          on the next
          <input
            type="number"
            min={1}
            class="tiny"
            aria-label="number of calls"
            value={count}
            onInput={(e) => setCount(e.currentTarget.value)}
          />
          calls
        </label>
        <label class="check">
          <input
            type="radio"
            name="fault-trigger"
            checked={trigger === 'probability'}
            onChange={() => setTrigger('probability')}
          />
          with probability
          <input
            type="number"
            min={0}
            max={1}
            step={0.05}
            class="tiny"
            aria-label="probability per call"
            value={probability}
            onInput={(e) => setProbability(e.currentTarget.value)}
          />
        </label>
        <label class="check">
          <input
            type="radio"
            name="fault-trigger"
            checked={trigger === 'every'}
            onChange={() => setTrigger('every')}
          />
          on every call
        </label>
      </fieldset>
      <Problem error={invalid} />
      <button type="submit" class="primary">
        Add fault
      </button>
    </form>
  );
}

function describe(fault: Fault): string {
  const delay =
    'latencyMs' in fault && fault.latencyMs !== undefined ? `, after ${latencyText(fault.latencyMs)}` : '';
  switch (fault.kind) {
    case 'error':
      return `ErrorCode ${fault.code} ${nameOf(fault.code)}${delay}`;
    case 'item-error': {
      const targets = [...(fault.To_Account ?? []), ...(fault.ToGroupId ?? []).map((g) => `group ${g}`)];
      return `ResultCode ${fault.ResultCode} ${nameOf(fault.ResultCode)} for ${targets.join(', ')}${delay}`;
    }
    case 'http':
      return `HTTP ${fault.status}${delay}`;
    case 'latency':
      return `latency ${latencyText(fault.latencyMs)}`;
    case 'drop':
      return `dropped connection${delay}`;
    case 'hang':
      return `no answer (gives up after ${((fault.maxMs ?? 60_000) / 1000).toLocaleString()} s)`;
    default:
      return JSON.stringify(fault);
  }
}

function nameOf(code: number): string {
  return (ERROR_CATALOGUE as Record<string, ErrorCatalogueEntry | undefined>)[String(code)]?.name ?? '';
}

function latencyText(latency: LatencyDistribution): string {
  if (typeof latency === 'number') return `${latency} ms`;
  if ('min' in latency) return `${latency.min}–${latency.max} ms`;
  return `${latency.mean} ± ${latency.stddev} ms`;
}

function scopeOf(fault: Fault): string {
  const parts = [fault.command === undefined ? 'every command' : shortName(fault.command)];
  if (fault.sdkAppId !== undefined) parts.push(`app ${fault.sdkAppId}`);
  if (fault.From_Account !== undefined) parts.push(`From_Account ${fault.From_Account}`);
  return parts.join(' · ');
}

function triggerOf(fault: Fault): string {
  if (fault.remaining !== undefined) return `${fault.remaining} more call${fault.remaining === 1 ? '' : 's'}`;
  if (fault.probability !== undefined) return `p = ${fault.probability}`;
  return 'every call';
}

function integer(what: string, text: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${what} must be an integer in ${min}..${max === Number.MAX_SAFE_INTEGER ? '' : max}`);
  }
  return value;
}

function fraction(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !(value >= 0 && value <= 1))
    throw new Error('the probability must be a number in 0..1');
  return value;
}

function latencyOf(fixed: string, upTo: string): number | { min: number; max: number } | undefined {
  if (fixed.trim() === '') return undefined;
  const min = integer('the latency', fixed, 0, FAULT_MAX_MS);
  if (upTo.trim() === '') return min;
  const max = integer('the longest latency', upTo, min, FAULT_MAX_MS);
  return { min, max };
}

function list(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
