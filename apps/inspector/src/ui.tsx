import { COMMANDS } from '@tim-marks/types';
import type { ComponentChildren, InputHTMLAttributes } from 'preact';
import { useId } from 'preact/hooks';

// Small pieces every panel uses.
export function Problem(props: { error: string | undefined }) {
  if (props.error === undefined) return null;
  return (
    <p class="problem" role="alert">
      {props.error}
    </p>
  );
}

export function Json(props: { value: unknown; label: string }) {
  return (
    <section aria-label={props.label}>
      <pre class="json">{JSON.stringify(props.value, null, 2)}</pre>
    </section>
  );
}

/** Unix seconds or milliseconds → local `HH:MM:SS` (and the date when it is not today). */
export function clock(epochSeconds: number): string {
  const date = new Date(epochSeconds * 1000);
  const today = new Date().toDateString() === date.toDateString();
  const time = date.toLocaleTimeString([], { hour12: false });
  return today ? time : `${date.toLocaleDateString()} ${time}`;
}

/**
 * A labelled form control. The label is tied by `for`/`id` rather than wrapped around the control,
 * so the control's accessible name is the label alone (a wrapping label would add the value).
 */
export function Field(props: {
  label: ComponentChildren;
  class?: string;
  children: (id: string) => ComponentChildren;
}) {
  const id = useId();
  return (
    <div class={props.class ?? 'field'}>
      <label for={id}>{props.label}</label>
      {props.children(id)}
    </div>
  );
}

/** A labelled input whose text the caller keeps (numbers too: the form checks them when sent). */
export function InputField(props: {
  label: string;
  value: string;
  onValue: (text: string) => void;
  type?: 'text' | 'search' | 'number';
  placeholder?: string;
  min?: number;
  max?: number;
  size?: number;
  inputMode?: 'numeric';
}) {
  const { label, value, onValue, type = 'text', ...attributes } = props;
  return (
    <Field label={label}>
      {(id) => {
        // Preact types an input by its `type` literal; this one takes a few, so the props are built first.
        const input = {
          id,
          type,
          ...attributes,
          value,
          onInput: (e: Event) => onValue((e.currentTarget as HTMLInputElement).value),
        };
        return <input {...(input as InputHTMLAttributes<HTMLInputElement>)} />;
      }}
    </Field>
  );
}

/** A labelled choice of the API's commands by path (`v4/recentcontact/mark_contact`), or none. */
export function CommandField(props: {
  label: string;
  value: string;
  onValue: (path: string) => void;
  none: string;
  disabled?: boolean;
}) {
  return (
    <Field label={props.label}>
      {(id) => (
        <select
          id={id}
          value={props.value}
          disabled={props.disabled}
          onChange={(e) => props.onValue(e.currentTarget.value)}
        >
          <option value="">{props.none}</option>
          {Object.values(COMMANDS).map((path) => (
            <option key={path} value={path.slice(1)}>
              {shortName(path)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** `v4/recentcontact/mark_contact` → `mark_contact`. */
export function shortName(command: string): string {
  return command.slice(command.lastIndexOf('/') + 1);
}
