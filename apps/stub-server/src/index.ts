// @tim-marks/stub-server: a stateful, faithful, fast stub of the Tencent Cloud IM conversation-marks REST API.
export type { AppDefinition, Edition, SeedGroup } from './apps.js';
export { EDITIONS } from './apps.js';
export { type AppConfig, ConfigError, type StubConfig, validateConfig } from './config.js';
export { CONNECT_REFUSALS } from './connect-proxy.js';
export {
  ControlError,
  type ControlPages,
  type SeedSpec,
  type StatsAnswer,
  type StatsQuery,
  type StubControl,
} from './control.js';
export {
  DEFAULT_ADMIN,
  DEFAULT_EDITION,
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEFAULT_RATE_LIMIT,
  DEFAULT_SDKAPPID,
  DEFAULT_SEED_ACCOUNTS,
  DEVELOPMENT_SECRET_KEY,
} from './defaults.js';
export type { Fault, FaultSpec, LegacyFaultSpec } from './faults.js';
export {
  DEFAULT_JOURNAL_SIZE,
  JOURNAL_BODIES_MAX_BYTES,
  JOURNAL_BODY_MAX_BYTES,
  type JournalEntry,
  type RequestFilter,
  type RequestMatcher,
} from './journal.js';
export { LOG_LEVELS, type LogLevel, type LogSink } from './logger.js';
export type { CommandSeries, SecondStats } from './stats.js';
export type { AppState, GroupRecord, MarkState, Store, StubState } from './store/store.js';
export { type Stub, type StubAppInfo, type StubOptions, type StubTls, startStub } from './stub.js';
export { CERTIFICATE_HOSTS, TENCENT_API_HOSTS } from './tencent-hosts.js';
export {
  DEFAULT_TLS_DIR,
  TLS_FILES,
  TlsMaterialError,
  type TlsOption,
  TRUSTSTORE_PASSWORD,
} from './tls-material.js';
