// GENERATED from openapi/control-plane.yaml by packages/types/scripts/generate.mjs. Do not edit:
// change the spec and run `npm run generate`.
/* eslint-disable */
export interface paths {
    "/__stub/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the stub is up, and which apps it serves */
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__stub/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Clears one app or all, then re-seeds the configured accounts and groups
         * @description Clears accounts, groups, marks, conversation groups, stats, limiter windows and faults of
         *     one app (`sdkAppId`) or of all, then imports the configured seed accounts and groups again.
         *     The request journal is not cleared (`DELETE /__stub/requests` does that).
         */
        post: operations["reset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__stub/state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The whole state of every app, as JSON */
        get: operations["exportState"];
        /**
         * Replaces the whole state
         * @description Apps the state does not list are emptied. The state is validated as a whole first; nothing changes when it is refused.
         */
        put: operations["importState"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__stub/seed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Imports accounts, creates groups and conversation groups */
        post: operations["seed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__stub/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per-second accepted / refused (60007) / failed calls per app and command */
        get: operations["stats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__stub/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The calls the stub received, newest first
         * @description The request journal keeps the last `--journal-size` calls to the API (default 10000; 0 turns
         *     it off, and then this answers an empty list with `enabled: false`). Every call to an API path
         *     is recorded, including the ones refused before their body was read (bad query, UserSig, not
         *     an admin, over the ceiling): their `body` is null. Filters combine with AND.
         */
        get: operations["listRequests"];
        put?: never;
        post?: never;
        /**
         * Empties the journal
         * @description Ids keep increasing after a clear, so a poller's `since` stays valid.
         */
        delete: operations["clearRequests"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__stub/requests/count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * How many journaled calls match a command and a partial body
         * @description What a CI test uses to verify that its service sent the right calls. Counts the entries
         *     still in the journal (see `RequestMatcher` for the matching rules).
         */
        post: operations["countRequests"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__stub/faults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The active faults, in the order they apply */
        get: operations["listFaults"];
        put?: never;
        /**
         * Adds a fault
         * @description A fault applies to the calls of its scope (app, command, `From_Account`) after the request
         *     gate (path, query, UserSig, admin, ceiling) has admitted them and their body has arrived, so
         *     a refused call never consumes a fault. It fires on every call of its scope, on the next
         *     `count` of them (then it expires and leaves the list), or with `probability` per call.
         *
         *     Several faults can match one call: they are looked at in the order they were added; every
         *     `latency` fault that fires adds its delay, and the first other fault that fires decides the
         *     answer (later ones are not consumed). A fault's own `latencyMs` delays the call when that
         *     fault fires.
         *
         *     A body without `kind` is the form of earlier versions and is still taken: `{ code }` is an
         *     `error` fault, `{ latencyMs }` alone a `latency` fault.
         */
        post: operations["addFault"];
        /** Removes every fault, or those scoped to one app */
        delete: operations["clearFaults"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__stub/faults/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Removes one fault */
        delete: operations["removeFault"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__stub/openapi.yaml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The API's OpenAPI document, as this stub implements it */
        get: operations["apiSpec"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__stub/control-plane.yaml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document */
        get: operations["controlPlaneSpec"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__stub/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The API reference, rendered with Redocly at build time
         * @description One self-contained HTML page (scripts and styles inline, no CDN), built by `npm run docs`
         *     as part of the stub's build and shipped in its `dist/`. A stub run from sources without a
         *     build answers 404 `not-built` with the command that makes it.
         */
        get: operations["apiDocs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__stub/provider-states": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The provider-state vocabulary, each state with its parameters and an example */
        get: operations["listProviderStates"];
        put?: never;
        /**
         * Sets up (or tears down) one provider state; answers the values Pact may inject
         * @description Pact's provider-state setup URL style: `{ state, params, action }`. The state is matched
         *     against the vocabulary's templates: its values are written in the name (`user0 has marked
         *     user1 with 1,2 and custom mark vip`) or the name is the template and `params` holds them
         *     (params win). `teardown` puts back the edition and ceiling a setup changed. An unknown state
         *     answers 404 `unknown-provider-state` naming the closest ones; a bad value 400 `invalid-input`.
         */
        post: operations["setUpProviderState"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Ok: {
            /** @constant */
            ok: true;
        };
        Cleared: {
            /** @constant */
            ok: true;
            /** @description How many entries (or faults) were removed. */
            removed: number;
        };
        ProviderStateRequest: {
            /**
             * @description A phrase of the vocabulary, or one of its templates with `params`.
             * @example user0 has marked user1 with 1,2 and custom mark vip
             * @example {user} is imported
             */
            state: string;
            /** @description The template's parameters (`{ "user": "alice" }`); they win over values in the name; `sdkappid` picks the app. */
            params?: {
                [key: string]: unknown;
            };
            /**
             * @default setup
             * @enum {string}
             */
            action?: "setup" | "teardown";
            /** @description The app to set the state up in; default the stub's first app. */
            sdkAppId?: number;
        };
        /** @description Strings Pact may inject (`fromProviderState('${sdkappid}', …)`); each state adds its own parameters (user, peer, GroupId, …). */
        ProviderStateValues: {
            sdkappid: string;
            /** @description The app's admin. */
            identifier: string;
            /** @description A UserSig for the admin, signed now with the app's key. */
            usersig: string;
        } & {
            [key: string]: string;
        };
        ProviderStateDefinition: {
            /** @description The name with `{param}` placeholders. */
            template: string;
            /** @description What the stub holds afterwards. */
            summary: string;
            example: string;
            /** @description Each parameter and its kind. */
            params: {
                [key: string]: "id" | "text" | "count" | "positions" | "edition" | "command" | "code" | "members";
            };
        };
        ProviderStateList: {
            /** @constant */
            ok: true;
            states: components["schemas"]["ProviderStateDefinition"][];
        };
        /**
         * @description Why the control plane refused a request. Stable: tests may match on it.
         *     - `invalid-json`: the body is not JSON (400)
         *     - `invalid-input`: a field has the wrong type or value; `error` names it (400)
         *     - `unknown-command`: `command` names no command of the API (400)
         *     - `invalid-fault`: the fault cannot be built as given; `error` says which rule (400)
         *     - `invalid-filter`: a query parameter of `GET /__stub/requests` is malformed (400)
         *     - `invalid-matcher`: the body of `POST /__stub/requests/count` is malformed (400)
         *     - `invalid-state`: `PUT /__stub/state` got a state that does not validate (400)
         *     - `unauthorized`: the bearer token is missing or wrong (401)
         *     - `forbidden`: a non-loopback Host, target or Origin (403)
         *     - `unknown-app`: `sdkAppId` is not an app of this stub (404)
         *     - `not-found`: no such control operation, or no such fault id (404)
         *     - `not-built`: `/__stub/docs` was not built into this stub (404)
         *     - `unknown-provider-state`: `POST /__stub/provider-states` names no state of the vocabulary; `error` lists the closest (404)
         *     - `body-too-large`: the body is over the control-plane limit (413)
         *     - `unsupported-media-type`: POST or PUT without `Content-Type: application/json` (415)
         *     - `store-unavailable`: the store could not write (nothing changed) or cannot be reached; retry (503)
         * @enum {string}
         */
        ControlErrorCode: "invalid-json" | "invalid-input" | "unknown-command" | "invalid-fault" | "invalid-filter" | "invalid-matcher" | "invalid-state" | "unauthorized" | "forbidden" | "unknown-app" | "not-found" | "unknown-provider-state" | "not-built" | "body-too-large" | "unsupported-media-type" | "store-unavailable";
        ControlErrorAnswer: {
            /** @constant */
            ok: false;
            /** @description What was wrong and how to fix it. */
            error: string;
            code: components["schemas"]["ControlErrorCode"];
            /** @description The API's ErrorCode for the same mistake in an API request, where there is one. */
            ErrorCode?: number;
        };
        /** @description The store behind the stub (`--store`). */
        StoreHealth: {
            /** @description `memory`, `redis` or `redis-cluster`. */
            kind: string;
            /** @description The store's URL, any password hidden. */
            url?: string;
            /**
             * @description `reconnecting` while Redis cannot be reached (API calls answer 50004 meanwhile).
             * @enum {string}
             */
            state: "connected" | "reconnecting" | "closed";
            /** @description A PING's round trip, when connected. */
            latencyMs?: number;
            error?: string;
        };
        Health: {
            store: components["schemas"]["StoreHealth"];
            /** @constant */
            ok: true;
            uptimeMs: number;
            /** @description The SDKAppIDs this stub serves, the default app first. */
            apps: number[];
            version: string;
        };
        ResetRequest: {
            /** @description Reset only this app; default every app. */
            sdkAppId?: number;
        };
        /**
         * @description The state of every app (`--state-file` snapshots use the same format). An import
         *     (`PUT /__stub/state`) is held to these schemas, whose limits are the API's own (x-limits of
         *     openapi.yaml: 1000 conversations a user, 20 conversation groups, the byte limits of UserID,
         *     GroupId, group names and CustomMark): a state the API could not have produced is refused.
         */
        StubState: {
            /** @constant */
            version: 1;
            apps: components["schemas"]["AppState"][];
        };
        StateUserID: string;
        StateGroupId: string;
        AppState: {
            sdkAppId: number;
            /** @description The imported UserIDs. */
            accounts: components["schemas"]["StateUserID"][];
            /** @description The groups (create_group), dissolved ones included. */
            groups: components["schemas"]["GroupState"][];
            /** @description Per From_Account, its marked or grouped conversations. */
            marks: {
                [key: string]: components["schemas"]["ConversationState"][];
            };
            /** @description Per From_Account, its conversation groups (absent in states written before them). */
            contactGroups?: {
                [key: string]: components["schemas"]["ContactGroupsState"];
            };
        };
        /** @description A group (create_group) as the state holds it. */
        GroupState: {
            GroupId: components["schemas"]["StateGroupId"];
            /** @enum {string} */
            Type: "Public" | "Private" | "ChatRoom" | "AVChatRoom" | "Community" | "Work" | "Meeting";
            Name: string;
            Owner_Account?: components["schemas"]["StateUserID"];
            dissolved: boolean;
        };
        /** @description One conversation of a user, as the state holds it. */
        ConversationState: {
            /**
             * @description 1 a one-to-one conversation (To_Account), 2 a group conversation (ToGroupId).
             * @enum {integer}
             */
            Type: 1 | 2;
            To_Account?: components["schemas"]["StateUserID"];
            ToGroupId?: components["schemas"]["StateGroupId"];
            /** @description The 64-bit standard mark as a decimal string (the API answers it in binary). */
            StandardMark: string;
            CustomMark?: string;
            /** @description Unix seconds of the conversation's last change. */
            Timestamp: number;
            /** @description Position in the user's first-marked order (0 = marked first); get_contact_group pages in this order. */
            firstMarkedSeq: number;
            /** @description The user's conversation groups holding it (GroupItem.GroupId). */
            ContactGroupId?: number[];
        };
        /** @description A user's conversation groups. */
        ContactGroupsState: {
            /** @description The GroupId the next create_contact_group gives (ids are never reused). */
            NextGroupId: number;
            GroupItem: components["schemas"]["ContactGroupState"][];
        };
        ContactGroupState: {
            GroupId: number;
            GroupName: string;
        };
        SeedRequest: {
            /** @description The app to seed; default the default app. */
            sdkAppId?: number;
            /** @description UserIDs to import (1 to 32 bytes each). */
            accounts?: string[];
            groups?: components["schemas"]["SeedGroup"][];
            /** @description Conversation groups to create (create_contact_group's rules; a name the user already has is skipped). */
            contactGroups?: components["schemas"]["SeedContactGroup"][];
        };
        SeedGroup: {
            GroupId: string;
            /**
             * @default Public
             * @enum {string}
             */
            Type?: "Public" | "Private" | "ChatRoom" | "AVChatRoom" | "Community" | "Work" | "Meeting";
            /** @description Default the GroupId (truncated to the name limit). */
            Name?: string;
            Owner_Account?: string;
        };
        SeedContactGroup: {
            From_Account: string;
            GroupName: string;
            ContactItem?: {
                /** @enum {integer} */
                Type: 1 | 2;
                To_Account?: string;
                ToGroupId?: string;
            }[];
        };
        SecondStats: {
            /** @description Unix second (from a clock that never steps back). */
            t: number;
            /** @description Calls the ceiling admitted. */
            accepted: number;
            /** @description Calls answered 60007 by the ceiling. */
            refused: number;
            /** @description Admitted calls whose answer carried a non-zero ErrorCode, or that an `http`, `drop` or `hang` fault broke. */
            errors: number;
        };
        CommandTotals: {
            accepted: number;
            refused: number;
            errors: number;
        };
        CommandSeries: {
            sdkAppId: number;
            /** @description The command's path without the leading slash. */
            command: string;
            /** @description Calls per second the sliding window admits (0 = no ceiling). */
            ceiling: number;
            /** @description The most calls ever admitted within one window since the last reset. */
            maxAcceptedInWindow: number;
            totals: components["schemas"]["CommandTotals"];
            /** @description The seconds with traffic, oldest first. */
            seconds: components["schemas"]["SecondStats"][];
        };
        StatsAnswer: {
            /** @constant */
            ok: true;
            /** @description The sliding window of the ceiling. */
            windowMs: number;
            series: components["schemas"]["CommandSeries"][];
            /**
             * @description The seconds (of the same span) in which this stub's event loop was held up 20 ms or more:
             *     by its own work, or by the machine keeping the process off the CPU. A load check reads them
             *     to tell fewer admitted calls in a second caused by a stalled stub from a wrong limiter.
             */
            stalls: components["schemas"]["LoopStall"][];
        };
        LoopStall: {
            /** @description Unix second (from a clock that never steps back) in which the delay was measured. */
            t: number;
            /** @description The longest the event loop was held up in the second before `t` ended, in ms. */
            maxDelayMs: number;
        };
        /** @description What the stub did with the call. */
        JournalAnswer: {
            /**
             * @description `answered`: an HTTP answer was written; `dropped`: the connection was destroyed without
             *     an answer (a `drop` fault); `hung`: no answer until the client gave up or the `hang`
             *     fault's bound passed.
             * @enum {string}
             */
            outcome: "answered" | "dropped" | "hung";
            /** @description 200 for every API answer; 5xx for an `http` fault; null when nothing was answered. */
            httpStatus: number | null;
            /** @enum {string} */
            ActionStatus?: "OK" | "FAIL";
            ErrorCode?: number;
            ErrorInfo?: string;
            /**
             * @description The per-item ResultCodes of a batch answer, in the order of its ResultItem
             *     (mark_contact), GroupResultItem[].ResultItem (create / update_contact_group) or
             *     ContactResultItem; absent when the answer has none.
             */
            ResultCodes?: number[];
            /** @description The id of the fault that shaped the answer, if one did. */
            fault?: string;
        };
        JournalEntry: {
            /** @description Increases by one per recorded call, never reused (not even after a clear). */
            id: number;
            /**
             * Format: date-time
             * @description When the request arrived.
             */
            time: string;
            /** @description The query's sdkappid; null when it was missing or not a number. */
            sdkAppId: number | null;
            /** @description The requested path without its leading slash (`v4/recentcontact/mark_contact`), also for paths the API does not have. */
            command: string;
            /** @description The query parameters as sent (the first value of a repeated name); `usersig` reads "[redacted]". */
            query: {
                [key: string]: string;
            };
            /**
             * @description The body parsed as JSON; the raw text when it is not JSON; null when the stub answered
             *     before reading it (the request gate refused the call). Bodies over 16 KiB
             *     (`journalBodyMaxBytes`) keep their first 16 KiB as text and set `bodyTruncated`.
             */
            body: unknown;
            /** @description The body's size in bytes as received (absent when it was not read). */
            bodyBytes?: number;
            /** @description True when `body` is the first 16 KiB of a larger body, as text. */
            bodyTruncated?: boolean;
            answer: components["schemas"]["JournalAnswer"];
            /** @description From the request's arrival to its answer (or to the drop / the end of a hang), in milliseconds. */
            latencyMs: number;
        };
        RequestList: {
            /** @constant */
            ok: true;
            /** @description False when the stub runs with `--journal-size 0`. */
            enabled: boolean;
            /** @description The matching entries, newest first, at most `limit`. */
            requests: components["schemas"]["JournalEntry"][];
            /** @description How many entries match the filters (before `limit`). */
            total: number;
            /**
             * @description Entries evicted since the last clear, oldest first, to keep the journal within its
             *     bounds (`capacity` entries, 64 MiB of bodies): calls that no filter can see any more.
             */
            dropped: number;
            /** @description The journal's size in entries (`--journal-size`). */
            capacity: number;
        };
        /**
         * @description An entry matches when all given members match:
         *     - `command`: the entry's command (path or operationId);
         *     - `From_Account`, `ErrorCode`, `sdkAppId`: equal to the body's From_Account, the answer's
         *       ErrorCode, the query's sdkappid;
         *     - `body`: a deep partial match of the entry's parsed body. An object matches when each of
         *       its members matches the member of the same name (members it does not name are ignored);
         *       an array matches when each of its elements matches some element of the body's array
         *       (any order; a subset: the body may hold more); anything else must be equal (JSON
         *       equality, so `1` does not match `"1"`). Entries whose body was not read, not JSON or
         *       truncated never match a `body` matcher.
         */
        RequestMatcher: {
            command: string;
            /** @description A partial body, e.g. `{ "MarkItem": [{ "ContactItem": { "To_Account": "bob" } }] }`. */
            body?: unknown;
            From_Account?: string;
            ErrorCode?: number;
            sdkAppId?: number;
        };
        RequestCount: {
            /** @constant */
            ok: true;
            count: number;
        };
        /**
         * @description A delay in milliseconds (0..600000): a fixed integer, a uniform `{ min, max }`, or a normal
         *     `{ mean, stddev }` (clamped to 0..600000).
         */
        LatencyDistribution: number | components["schemas"]["UniformLatency"] | components["schemas"]["NormalLatency"];
        UniformLatency: {
            min: number;
            max: number;
        };
        NormalLatency: {
            mean: number;
            stddev: number;
        };
        /** @description Which calls a fault applies to, and how often it fires. Every member is optional. */
        FaultScope: {
            /** @description A command's path or operationId; default every command (`item-error`: default mark_contact). */
            command?: string;
            /** @description Only calls to this app. */
            sdkAppId?: number;
            /** @description Only calls whose body's From_Account is this UserID. */
            From_Account?: string;
            /** @description Fire on the next `count` calls of the scope, then expire. Not with `probability`. */
            count?: number;
            /** @description Fire with this chance per call. Not with `count`. Neither = every call. */
            probability?: number;
        };
        /** @description Answers a request-level ErrorCode in the API's normal envelope (HTTP 200, ActionStatus FAIL); the command does not run. */
        ErrorFault: components["schemas"]["FaultScope"] & {
            /** @constant */
            kind: "error";
            /** @description Any code of the catalogue (`x-error-codes`) whose level is `request` or `request-or-item`, e.g. 50004, 60007, 70001, 90001. */
            code: number;
            /** @description Default a sentence naming the fault. */
            ErrorInfo?: string;
            latencyMs?: components["schemas"]["LatencyDistribution"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "error";
        };
        /**
         * @description Fails chosen conversations of a mark_contact call with an item-level ResultCode: those
         *     MarkItems are not applied and answer the code in their ResultItem; the other items run as
         *     usual and the request answers `ActionStatus: OK`. Only mark_contact has one result per
         *     request item naming its conversation, so `command` must be mark_contact (the default).
         */
        ItemErrorFault: components["schemas"]["FaultScope"] & {
            /** @constant */
            kind: "item-error";
            /** @description A code of the catalogue whose level is `item` or `request-or-item`, e.g. 51007, 51008, 50002. */
            ResultCode: number;
            ResultInfo?: string;
            /** @description The C2C conversations (Type 1) to fail. With ToGroupId, at least one of the two. */
            To_Account?: string[];
            /** @description The group conversations (Type 2) to fail. */
            ToGroupId?: string[];
            latencyMs?: components["schemas"]["LatencyDistribution"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "item-error";
        };
        /** @description Answers an HTTP 5xx status (a gateway in front of the API failing) with a body; the command does not run. */
        HttpFault: components["schemas"]["FaultScope"] & {
            /** @constant */
            kind: "http";
            status: number;
            /** @description Default `<status> <reason>`. */
            body?: string;
            /** @description Default `text/plain; charset=utf-8`. */
            contentType?: string;
            latencyMs?: components["schemas"]["LatencyDistribution"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "http";
        };
        /** @description Delays the call, then answers it as usual. */
        LatencyFault: components["schemas"]["FaultScope"] & {
            /** @constant */
            kind: "latency";
            latencyMs: components["schemas"]["LatencyDistribution"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "latency";
        };
        /** @description Destroys the connection once the request has arrived, without an answer (the client sees a reset / socket hang up); the command does not run. */
        DropFault: components["schemas"]["FaultScope"] & {
            /** @constant */
            kind: "drop";
            latencyMs?: components["schemas"]["LatencyDistribution"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "drop";
        };
        /**
         * @description Answers nothing until the client gives up (closes the connection); the command does not run.
         *     Bounded: after `maxMs` the stub destroys the connection itself, so a client without a
         *     timeout cannot make it hold sockets forever; a graceful stop ends hangs at once.
         */
        HangFault: components["schemas"]["FaultScope"] & {
            /** @constant */
            kind: "hang";
            /** @default 60000 */
            maxMs?: number;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "hang";
        };
        /** @description A fault to add; `kind` says what it does. */
        FaultSpec: components["schemas"]["ErrorFault"] | components["schemas"]["ItemErrorFault"] | components["schemas"]["HttpFault"] | components["schemas"]["LatencyFault"] | components["schemas"]["DropFault"] | components["schemas"]["HangFault"];
        /**
         * @deprecated
         * @description The form of earlier versions, without `kind`, still taken: `code` makes an `error` fault
         *     (delayed by `latencyMs` when given); `latencyMs` alone a `latency` fault.
         */
        LegacyFaultSpec: {
            command: string;
            code?: number;
            count?: number;
            probability?: number;
            latencyMs?: number;
            sdkAppId?: number;
        };
        /** @description An active fault; its spec with `command` in path form, plus its id and counters. */
        Fault: components["schemas"]["FaultState"] & (components["schemas"]["ErrorFault"] | components["schemas"]["ItemErrorFault"] | components["schemas"]["HttpFault"] | components["schemas"]["LatencyFault"] | components["schemas"]["DropFault"] | components["schemas"]["HangFault"]);
        FaultState: {
            /** @description `fault-<n>`, unique for the stub's lifetime. */
            id: string;
            /** @description How many calls it fired on. */
            fired: number;
            /** @description For a `count` fault, how many more calls it fires on. */
            remaining?: number;
        };
        FaultList: {
            /** @constant */
            ok: true;
            faults: components["schemas"]["Fault"][];
        };
        /** @description `id` is also at the top, where earlier versions answered it. */
        FaultAdded: {
            /** @constant */
            ok: true;
            id: string;
            fault: components["schemas"]["Fault"];
        };
    };
    responses: {
        /** @description Done. */
        Ok: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Ok"];
            };
        };
        /** @description Refused; `code` says why (see ControlErrorCode). */
        Refused: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ControlErrorAnswer"];
            };
        };
    };
    parameters: {
        /** @description A command's path (`v4/recentcontact/mark_contact`, leading slash optional) or its operationId (`markContact`). */
        CommandFilter: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stub is up. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            401: components["responses"]["Refused"];
            403: components["responses"]["Refused"];
        };
    };
    reset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ResetRequest"];
            };
        };
        responses: {
            200: components["responses"]["Ok"];
            400: components["responses"]["Refused"];
            401: components["responses"]["Refused"];
            403: components["responses"]["Refused"];
            404: components["responses"]["Refused"];
            415: components["responses"]["Refused"];
            503: components["responses"]["Refused"];
        };
    };
    exportState: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The state (the format of `--state-file` snapshots). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StubState"];
                };
            };
            401: components["responses"]["Refused"];
            403: components["responses"]["Refused"];
        };
    };
    importState: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StubState"];
            };
        };
        responses: {
            200: components["responses"]["Ok"];
            400: components["responses"]["Refused"];
            401: components["responses"]["Refused"];
            403: components["responses"]["Refused"];
            404: components["responses"]["Refused"];
            413: components["responses"]["Refused"];
            415: components["responses"]["Refused"];
            503: components["responses"]["Refused"];
        };
    };
    seed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SeedRequest"];
            };
        };
        responses: {
            200: components["responses"]["Ok"];
            400: components["responses"]["Refused"];
            401: components["responses"]["Refused"];
            403: components["responses"]["Refused"];
            404: components["responses"]["Refused"];
            415: components["responses"]["Refused"];
            503: components["responses"]["Refused"];
        };
    };
    stats: {
        parameters: {
            query?: {
                /** @description One app (also spelled `sdkAppId`); default every app. */
                sdkappid?: number;
                /** @description A command's path (`v4/recentcontact/mark_contact`, leading slash optional) or its operationId (`markContact`). */
                command?: components["parameters"]["CommandFilter"];
                /** @description How many seconds of history, at most 3600. */
                seconds?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One series per app and command. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatsAnswer"];
                };
            };
            400: components["responses"]["Refused"];
            401: components["responses"]["Refused"];
            403: components["responses"]["Refused"];
            404: components["responses"]["Refused"];
        };
    };
    listRequests: {
        parameters: {
            query?: {
                /** @description A command's path (`v4/recentcontact/mark_contact`, leading slash optional) or its operationId (`markContact`). */
                command?: components["parameters"]["CommandFilter"];
                /** @description Only calls whose body's `From_Account` is this UserID. */
                From_Account?: string;
                /** @description Only calls answered with this request-level ErrorCode (0 = success). */
                ErrorCode?: number;
                /** @description Only calls to this app (also spelled `sdkappid`). */
                sdkAppId?: number;
                /**
                 * @description Only calls received after this point: an entry id (an integer: entries with a greater
                 *     id) or an ISO 8601 time (entries received at or after it). Polling with the last seen
                 *     id never misses or repeats an entry.
                 */
                since?: string;
                /** @description At most this many entries (the newest that match). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The matching entries, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequestList"];
                };
            };
            400: components["responses"]["Refused"];
            401: components["responses"]["Refused"];
            403: components["responses"]["Refused"];
        };
    };
    clearRequests: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The journal is empty. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cleared"];
                };
            };
            401: components["responses"]["Refused"];
            403: components["responses"]["Refused"];
        };
    };
    countRequests: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequestMatcher"];
            };
        };
        responses: {
            /** @description The number of matching entries. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequestCount"];
                };
            };
            400: components["responses"]["Refused"];
            401: components["responses"]["Refused"];
            403: components["responses"]["Refused"];
            415: components["responses"]["Refused"];
        };
    };
    listFaults: {
        parameters: {
            query?: {
                /** @description Only the faults scoped to this app. */
                sdkAppId?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The active faults. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaultList"];
                };
            };
            400: components["responses"]["Refused"];
            401: components["responses"]["Refused"];
            403: components["responses"]["Refused"];
        };
    };
    addFault: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FaultSpec"] | components["schemas"]["LegacyFaultSpec"];
            };
        };
        responses: {
            /** @description The fault as it is now active, with its id. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaultAdded"];
                };
            };
            400: components["responses"]["Refused"];
            401: components["responses"]["Refused"];
            403: components["responses"]["Refused"];
            404: components["responses"]["Refused"];
            415: components["responses"]["Refused"];
        };
    };
    clearFaults: {
        parameters: {
            query?: {
                /** @description Only the faults scoped to this app. */
                sdkAppId?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The faults are gone. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cleared"];
                };
            };
            400: components["responses"]["Refused"];
            401: components["responses"]["Refused"];
            403: components["responses"]["Refused"];
        };
    };
    removeFault: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The fault's id, as `POST /__stub/faults` answered it. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Ok"];
            401: components["responses"]["Refused"];
            403: components["responses"]["Refused"];
            404: components["responses"]["Refused"];
        };
    };
    apiSpec: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description openapi.yaml */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/yaml": string;
                };
            };
            401: components["responses"]["Refused"];
            403: components["responses"]["Refused"];
        };
    };
    controlPlaneSpec: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description control-plane.yaml */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/yaml": string;
                };
            };
            401: components["responses"]["Refused"];
            403: components["responses"]["Refused"];
        };
    };
    apiDocs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rendered reference. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            401: components["responses"]["Refused"];
            403: components["responses"]["Refused"];
            404: components["responses"]["Refused"];
        };
    };
    listProviderStates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every state this stub can set up. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProviderStateList"];
                };
            };
            401: components["responses"]["Refused"];
            403: components["responses"]["Refused"];
        };
    };
    setUpProviderState: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProviderStateRequest"];
            };
        };
        responses: {
            /** @description Set up. The values Pact injects with `fromProviderState` expressions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProviderStateValues"];
                };
            };
            400: components["responses"]["Refused"];
            401: components["responses"]["Refused"];
            403: components["responses"]["Refused"];
            404: components["responses"]["Refused"];
            415: components["responses"]["Refused"];
            503: components["responses"]["Refused"];
        };
    };
}
