import type { ComponentChildren } from 'preact';
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
export function clock(epoch: number, unit: 's' | 'ms' = 's'): string {
  const date = new Date(unit === 's' ? epoch * 1000 : epoch);
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
