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
