// The inspector page: what the stub received, how it answered, what it holds, and what it is told to
// break. Everything comes from the control plane of the stub that serves the page.
import { useState } from 'preact/hooks';
import { control } from './api.js';
import { CeilingPanel } from './ceiling-panel.js';
import { FaultsPanel } from './faults-panel.js';
import { JournalPanel } from './journal-panel.js';
import type { HealthAnswer } from './model.js';
import { usePoll } from './poll.js';
import { StatePanel } from './state-panel.js';
import { Field } from './ui.js';

export function App() {
  const [live, setLive] = useState(true);
  const [chosenApp, setChosenApp] = useState<number | undefined>(undefined);
  const health = usePoll(() => control<HealthAnswer>('GET', '/__stub/health'), 5000, live, 'health');
  const apps = health.data?.apps ?? [];
  const sdkAppId = chosenApp ?? apps[0];
  return (
    <>
      <header class="top">
        <div class="brand">
          <span class="logo" aria-hidden="true">
            ★
          </span>
          <div>
            <h1>tim-marks stub inspector</h1>
            <p class="status" aria-live="polite">
              {health.error !== undefined ? (
                <span class="down">stub not answering: {health.error}</span>
              ) : health.data === undefined ? (
                'connecting…'
              ) : (
                <>
                  <span class="up">●</span> {location.host} · version {health.data.version} · up{' '}
                  {formatUptime(health.data.uptimeMs)}
                </>
              )}
            </p>
          </div>
        </div>
        <nav class="sections" aria-label="sections">
          <a href="#ceiling">Calls</a>
          <a href="#journal">Journal</a>
          <a href="#state">State</a>
          <a href="#faults">Faults</a>
        </nav>
        <div class="controls">
          {apps.length > 1 && (
            <Field class="field inline" label="App">
              {(id) => (
                <select
                  id={id}
                  value={String(sdkAppId)}
                  onChange={(e) => setChosenApp(Number(e.currentTarget.value))}
                >
                  {apps.map((id) => (
                    <option key={id} value={String(id)}>
                      {id}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          {apps.length === 1 && <span class="app-id">SDKAppID {sdkAppId}</span>}
          <label class="switch">
            <input type="checkbox" checked={live} onChange={(e) => setLive(e.currentTarget.checked)} />
            Live updates
          </label>
        </div>
      </header>
      <main>
        <CeilingPanel sdkAppId={sdkAppId} live={live} />
        <JournalPanel sdkAppId={sdkAppId} live={live} />
        <StatePanel sdkAppId={sdkAppId} live={live} />
        <FaultsPanel sdkAppId={sdkAppId} live={live} />
      </main>
    </>
  );
}

function formatUptime(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}
