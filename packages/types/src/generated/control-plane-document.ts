// GENERATED from openapi/control-plane.yaml by packages/types/scripts/generate.mjs. Do not edit:
// change the spec and run `npm run generate`.

/** The control plane's OpenAPI document as data (JSON-compatible): the stub checks imported states with its schemas. */
export const controlPlaneDocument: Record<string, unknown> = {
  "openapi": "3.1.0",
  "info": {
    "title": "tim-marks stub — control plane",
    "version": "0.1.0",
    "summary": "The test-tool operations of the tim-marks stub under /__stub/ (not part of the emulated API).",
    "license": {
      "name": "MIT",
      "identifier": "MIT"
    },
    "description": "The stub's own operations, for tests and people: health, state export / import, seeding, the\nper-second stats, the request journal, injected faults, and the stub's documents. They are not\npart of the Tencent Cloud IM API (`openapi.yaml` describes that) and follow plain HTTP rules:\na status per outcome, JSON bodies, `ok: true` on success.\n\n## Who may call it\n\nThe control plane can wipe or rewrite the whole state, so it answers only requests a web page\ncannot forge (the same rules for every route, including the inspector page under `/__stub/ui`):\n\n- without `--control-token`: the `Host` (and an absolute-form target's authority) must be a\n  loopback name or address (`localhost`, `*.localhost`, `127.0.0.0/8`, `[::1]`), which defeats\n  DNS rebinding — otherwise 403 `forbidden`;\n- with `--control-token T`: `Authorization: Bearer T` is required — otherwise 401 `unauthorized`;\n- an `Origin`, when sent, must be loopback — otherwise 403 `forbidden`;\n- `POST` and `PUT` need `Content-Type: application/json` (no form or simple cross-site request\n  can send it) — otherwise 415 `unsupported-media-type`;\n- bodies are read as they stream and refused past `--control-body-limit` (default 8 MiB) with\n  413 `body-too-large`.\n\nIt is on by default only when the stub listens on a loopback host (`--control` / `--no-control`).\n\n## Errors\n\nEvery refusal is a `ControlErrorAnswer`: `ok: false`, a sentence in `error`, a stable `code`\n(see `ControlErrorCode`) and, where the same mistake in an API request has one, the API's\n`ErrorCode`. Tests should match on `code`, not on the sentence.\n\n## In-process\n\nThe same operations exist on a stub started in-process (`startStub()`), as `stub.control.*`:\n`reset`, `exportState`, `importState`, `seed`, `stats`, `requests`, `countRequests`,\n`clearRequests`, `faults`, `addFault`, `removeFault`, `clearFaults`, `providerState`. They take and answer the\nschemas below (without the `ok` member) and throw a `ControlError` carrying the same `code`.\n"
  },
  "servers": [
    {
      "url": "http://127.0.0.1:8080",
      "description": "a stub started with its defaults (`npm start`)"
    }
  ],
  "security": [
    {},
    {
      "controlToken": []
    }
  ],
  "tags": [
    {
      "name": "stub",
      "description": "Health, state and seeding."
    },
    {
      "name": "stats",
      "description": "Per-second counts of accepted, refused (60007) and failed calls per command."
    },
    {
      "name": "journal",
      "description": "The calls the stub received, with their answers."
    },
    {
      "name": "faults",
      "description": "Breaking the stub on purpose, in every way the real API can break."
    },
    {
      "name": "documents",
      "description": "The stub's specs and the rendered API reference."
    },
    {
      "name": "provider-states",
      "description": "Pact provider states as a vocabulary (pacts/README.md): generic states with parameters, set up\nthe way Pact's provider-state setup URL expects; `tim-marks-stub verify` uses them.\n"
    }
  ],
  "paths": {
    "/__stub/health": {
      "get": {
        "operationId": "health",
        "tags": [
          "stub"
        ],
        "summary": "Whether the stub is up, and which apps it serves",
        "responses": {
          "200": {
            "description": "The stub is up.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Health"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Refused"
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          }
        }
      }
    },
    "/__stub/reset": {
      "post": {
        "operationId": "reset",
        "tags": [
          "stub"
        ],
        "summary": "Clears one app or all, then re-seeds the configured accounts and groups",
        "description": "Clears accounts, groups, marks, conversation groups, stats, limiter windows and faults of\none app (`sdkAppId`) or of all, then imports the configured seed accounts and groups again.\nThe request journal is not cleared (`DELETE /__stub/requests` does that).\n",
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ResetRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/Ok"
          },
          "400": {
            "$ref": "#/components/responses/Refused"
          },
          "401": {
            "$ref": "#/components/responses/Refused"
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          },
          "404": {
            "$ref": "#/components/responses/Refused"
          },
          "415": {
            "$ref": "#/components/responses/Refused"
          },
          "503": {
            "$ref": "#/components/responses/Refused"
          }
        }
      }
    },
    "/__stub/state": {
      "get": {
        "operationId": "exportState",
        "tags": [
          "stub"
        ],
        "summary": "The whole state of every app, as JSON",
        "responses": {
          "200": {
            "description": "The state (the format of `--state-file` snapshots).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/StubState"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Refused"
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          }
        }
      },
      "put": {
        "operationId": "importState",
        "tags": [
          "stub"
        ],
        "summary": "Replaces the whole state",
        "description": "Apps the state does not list are emptied. The state is validated as a whole first; nothing changes when it is refused.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/StubState"
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/Ok"
          },
          "400": {
            "$ref": "#/components/responses/Refused"
          },
          "401": {
            "$ref": "#/components/responses/Refused"
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          },
          "404": {
            "$ref": "#/components/responses/Refused"
          },
          "413": {
            "$ref": "#/components/responses/Refused"
          },
          "415": {
            "$ref": "#/components/responses/Refused"
          },
          "503": {
            "$ref": "#/components/responses/Refused"
          }
        }
      }
    },
    "/__stub/seed": {
      "post": {
        "operationId": "seed",
        "tags": [
          "stub"
        ],
        "summary": "Imports accounts, creates groups and conversation groups",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/SeedRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/Ok"
          },
          "400": {
            "$ref": "#/components/responses/Refused"
          },
          "401": {
            "$ref": "#/components/responses/Refused"
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          },
          "404": {
            "$ref": "#/components/responses/Refused"
          },
          "415": {
            "$ref": "#/components/responses/Refused"
          },
          "503": {
            "$ref": "#/components/responses/Refused"
          }
        }
      }
    },
    "/__stub/stats": {
      "get": {
        "operationId": "stats",
        "tags": [
          "stats"
        ],
        "summary": "Per-second accepted / refused (60007) / failed calls per app and command",
        "parameters": [
          {
            "name": "sdkappid",
            "in": "query",
            "description": "One app (also spelled `sdkAppId`); default every app.",
            "schema": {
              "type": "integer"
            }
          },
          {
            "$ref": "#/components/parameters/CommandFilter"
          },
          {
            "name": "seconds",
            "in": "query",
            "description": "How many seconds of history, at most 3600.",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "default": 300
            }
          }
        ],
        "responses": {
          "200": {
            "description": "One series per app and command.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/StatsAnswer"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Refused"
          },
          "401": {
            "$ref": "#/components/responses/Refused"
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          },
          "404": {
            "$ref": "#/components/responses/Refused"
          }
        }
      }
    },
    "/__stub/requests": {
      "get": {
        "operationId": "listRequests",
        "tags": [
          "journal"
        ],
        "summary": "The calls the stub received, newest first",
        "description": "The request journal keeps the last `--journal-size` calls to the API (default 10000; 0 turns\nit off, and then this answers an empty list with `enabled: false`). Every call to an API path\nis recorded, including the ones refused before their body was read (bad query, UserSig, not\nan admin, over the ceiling): their `body` is null. Filters combine with AND.\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/CommandFilter"
          },
          {
            "name": "From_Account",
            "in": "query",
            "description": "Only calls whose body's `From_Account` is this UserID.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "ErrorCode",
            "in": "query",
            "description": "Only calls answered with this request-level ErrorCode (0 = success).",
            "schema": {
              "type": "integer"
            }
          },
          {
            "name": "sdkAppId",
            "in": "query",
            "description": "Only calls to this app (also spelled `sdkappid`).",
            "schema": {
              "type": "integer"
            }
          },
          {
            "name": "since",
            "in": "query",
            "description": "Only calls received after this point: an entry id (an integer: entries with a greater\nid) or an ISO 8601 time (entries received at or after it). Polling with the last seen\nid never misses or repeats an entry.\n",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "limit",
            "in": "query",
            "description": "At most this many entries (the newest that match).",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 10000,
              "default": 100
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The matching entries, newest first.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RequestList"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Refused"
          },
          "401": {
            "$ref": "#/components/responses/Refused"
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          }
        }
      },
      "delete": {
        "operationId": "clearRequests",
        "tags": [
          "journal"
        ],
        "summary": "Empties the journal",
        "description": "Ids keep increasing after a clear, so a poller's `since` stays valid.",
        "responses": {
          "200": {
            "description": "The journal is empty.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Cleared"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Refused"
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          }
        }
      }
    },
    "/__stub/requests/count": {
      "post": {
        "operationId": "countRequests",
        "tags": [
          "journal"
        ],
        "summary": "How many journaled calls match a command and a partial body",
        "description": "What a CI test uses to verify that its service sent the right calls. Counts the entries\nstill in the journal (see `RequestMatcher` for the matching rules).\n",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/RequestMatcher"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The number of matching entries.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RequestCount"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Refused"
          },
          "401": {
            "$ref": "#/components/responses/Refused"
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          },
          "415": {
            "$ref": "#/components/responses/Refused"
          }
        }
      }
    },
    "/__stub/faults": {
      "get": {
        "operationId": "listFaults",
        "tags": [
          "faults"
        ],
        "summary": "The active faults, in the order they apply",
        "parameters": [
          {
            "name": "sdkAppId",
            "in": "query",
            "description": "Only the faults scoped to this app.",
            "schema": {
              "type": "integer"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The active faults.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/FaultList"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Refused"
          },
          "401": {
            "$ref": "#/components/responses/Refused"
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          }
        }
      },
      "post": {
        "operationId": "addFault",
        "tags": [
          "faults"
        ],
        "summary": "Adds a fault",
        "description": "A fault applies to the calls of its scope (app, command, `From_Account`) after the request\ngate (path, query, UserSig, admin, ceiling) has admitted them and their body has arrived, so\na refused call never consumes a fault. It fires on every call of its scope, on the next\n`count` of them (then it expires and leaves the list), or with `probability` per call.\n\nSeveral faults can match one call: they are looked at in the order they were added; every\n`latency` fault that fires adds its delay, and the first other fault that fires decides the\nanswer (later ones are not consumed). A fault's own `latencyMs` delays the call when that\nfault fires.\n\nA body without `kind` is the form of earlier versions and is still taken: `{ code }` is an\n`error` fault, `{ latencyMs }` alone a `latency` fault.\n",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "oneOf": [
                  {
                    "$ref": "#/components/schemas/FaultSpec"
                  },
                  {
                    "$ref": "#/components/schemas/LegacyFaultSpec"
                  }
                ]
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The fault as it is now active, with its id.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/FaultAdded"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Refused"
          },
          "401": {
            "$ref": "#/components/responses/Refused"
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          },
          "404": {
            "$ref": "#/components/responses/Refused"
          },
          "415": {
            "$ref": "#/components/responses/Refused"
          }
        }
      },
      "delete": {
        "operationId": "clearFaults",
        "tags": [
          "faults"
        ],
        "summary": "Removes every fault, or those scoped to one app",
        "parameters": [
          {
            "name": "sdkAppId",
            "in": "query",
            "description": "Only the faults scoped to this app.",
            "schema": {
              "type": "integer"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The faults are gone.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Cleared"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Refused"
          },
          "401": {
            "$ref": "#/components/responses/Refused"
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          }
        }
      }
    },
    "/__stub/faults/{id}": {
      "delete": {
        "operationId": "removeFault",
        "tags": [
          "faults"
        ],
        "summary": "Removes one fault",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "The fault's id, as `POST /__stub/faults` answered it.",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "$ref": "#/components/responses/Ok"
          },
          "401": {
            "$ref": "#/components/responses/Refused"
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          },
          "404": {
            "$ref": "#/components/responses/Refused"
          }
        }
      }
    },
    "/__stub/openapi.yaml": {
      "get": {
        "operationId": "apiSpec",
        "tags": [
          "documents"
        ],
        "summary": "The API's OpenAPI document, as this stub implements it",
        "responses": {
          "200": {
            "description": "openapi.yaml",
            "content": {
              "application/yaml": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Refused"
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          }
        }
      }
    },
    "/__stub/control-plane.yaml": {
      "get": {
        "operationId": "controlPlaneSpec",
        "tags": [
          "documents"
        ],
        "summary": "This document",
        "responses": {
          "200": {
            "description": "control-plane.yaml",
            "content": {
              "application/yaml": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Refused"
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          }
        }
      }
    },
    "/__stub/docs": {
      "get": {
        "operationId": "apiDocs",
        "tags": [
          "documents"
        ],
        "summary": "The API reference, rendered with Redocly at build time",
        "description": "One self-contained HTML page (scripts and styles inline, no CDN), built by `npm run docs`\nas part of the stub's build and shipped in its `dist/`. A stub run from sources without a\nbuild answers 404 `not-built` with the command that makes it.\n",
        "responses": {
          "200": {
            "description": "The rendered reference.",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Refused"
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          },
          "404": {
            "$ref": "#/components/responses/Refused"
          }
        }
      }
    },
    "/__stub/provider-states": {
      "get": {
        "operationId": "listProviderStates",
        "tags": [
          "provider-states"
        ],
        "summary": "The provider-state vocabulary, each state with its parameters and an example",
        "responses": {
          "200": {
            "description": "Every state this stub can set up.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ProviderStateList"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Refused"
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          }
        }
      },
      "post": {
        "operationId": "setUpProviderState",
        "tags": [
          "provider-states"
        ],
        "summary": "Sets up (or tears down) one provider state; answers the values Pact may inject",
        "description": "Pact's provider-state setup URL style: `{ state, params, action }`. The state is matched\nagainst the vocabulary's templates: its values are written in the name (`user0 has marked\nuser1 with 1,2 and custom mark vip`) or the name is the template and `params` holds them\n(params win). `teardown` puts back the edition and ceiling a setup changed. An unknown state\nanswers 404 `unknown-provider-state` naming the closest ones; a bad value 400 `invalid-input`.\n",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ProviderStateRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Set up. The values Pact injects with `fromProviderState` expressions.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ProviderStateValues"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Refused"
          },
          "401": {
            "$ref": "#/components/responses/Refused"
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          },
          "404": {
            "$ref": "#/components/responses/Refused"
          },
          "415": {
            "$ref": "#/components/responses/Refused"
          },
          "503": {
            "$ref": "#/components/responses/Refused"
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "controlToken": {
        "type": "http",
        "scheme": "bearer",
        "description": "Required (as `Authorization: Bearer <token>`) when the stub was started with `--control-token`; without one, only loopback Hosts are answered."
      }
    },
    "parameters": {
      "CommandFilter": {
        "name": "command",
        "in": "query",
        "description": "A command's path (`v4/recentcontact/mark_contact`, leading slash optional) or its operationId (`markContact`).",
        "schema": {
          "type": "string"
        }
      }
    },
    "responses": {
      "Ok": {
        "description": "Done.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Ok"
            }
          }
        }
      },
      "Refused": {
        "description": "Refused; `code` says why (see ControlErrorCode).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ControlErrorAnswer"
            }
          }
        }
      }
    },
    "schemas": {
      "Ok": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "ok"
        ],
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          }
        }
      },
      "Cleared": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "ok",
          "removed"
        ],
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "removed": {
            "type": "integer",
            "minimum": 0,
            "description": "How many entries (or faults) were removed."
          }
        }
      },
      "ProviderStateRequest": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "state"
        ],
        "properties": {
          "state": {
            "type": "string",
            "minLength": 1,
            "description": "A phrase of the vocabulary, or one of its templates with `params`.",
            "examples": [
              "user0 has marked user1 with 1,2 and custom mark vip",
              "{user} is imported"
            ]
          },
          "params": {
            "type": "object",
            "description": "The template's parameters (`{ \"user\": \"alice\" }`); they win over values in the name; `sdkappid` picks the app.",
            "additionalProperties": true
          },
          "action": {
            "type": "string",
            "enum": [
              "setup",
              "teardown"
            ],
            "default": "setup"
          },
          "sdkAppId": {
            "type": "integer",
            "description": "The app to set the state up in; default the stub's first app."
          }
        }
      },
      "ProviderStateValues": {
        "type": "object",
        "description": "Strings Pact may inject (`fromProviderState('${sdkappid}', …)`); each state adds its own parameters (user, peer, GroupId, …).",
        "required": [
          "sdkappid",
          "identifier",
          "usersig"
        ],
        "properties": {
          "sdkappid": {
            "type": "string"
          },
          "identifier": {
            "type": "string",
            "description": "The app's admin."
          },
          "usersig": {
            "type": "string",
            "description": "A UserSig for the admin, signed now with the app's key."
          }
        },
        "additionalProperties": {
          "type": "string"
        }
      },
      "ProviderStateDefinition": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "template",
          "summary",
          "example",
          "params"
        ],
        "properties": {
          "template": {
            "type": "string",
            "description": "The name with `{param}` placeholders."
          },
          "summary": {
            "type": "string",
            "description": "What the stub holds afterwards."
          },
          "example": {
            "type": "string"
          },
          "params": {
            "type": "object",
            "description": "Each parameter and its kind.",
            "additionalProperties": {
              "type": "string",
              "enum": [
                "id",
                "text",
                "count",
                "positions",
                "edition",
                "command",
                "code",
                "members"
              ]
            }
          }
        }
      },
      "ProviderStateList": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "ok",
          "states"
        ],
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "states": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ProviderStateDefinition"
            }
          }
        }
      },
      "ControlErrorCode": {
        "type": "string",
        "description": "Why the control plane refused a request. Stable: tests may match on it.\n- `invalid-json`: the body is not JSON (400)\n- `invalid-input`: a field has the wrong type or value; `error` names it (400)\n- `unknown-command`: `command` names no command of the API (400)\n- `invalid-fault`: the fault cannot be built as given; `error` says which rule (400)\n- `invalid-filter`: a query parameter of `GET /__stub/requests` is malformed (400)\n- `invalid-matcher`: the body of `POST /__stub/requests/count` is malformed (400)\n- `invalid-state`: `PUT /__stub/state` got a state that does not validate (400)\n- `unauthorized`: the bearer token is missing or wrong (401)\n- `forbidden`: a non-loopback Host, target or Origin (403)\n- `unknown-app`: `sdkAppId` is not an app of this stub (404)\n- `not-found`: no such control operation, or no such fault id (404)\n- `not-built`: `/__stub/docs` was not built into this stub (404)\n- `unknown-provider-state`: `POST /__stub/provider-states` names no state of the vocabulary; `error` lists the closest (404)\n- `body-too-large`: the body is over the control-plane limit (413)\n- `unsupported-media-type`: POST or PUT without `Content-Type: application/json` (415)\n- `store-unavailable`: the store could not write (nothing changed) or cannot be reached; retry (503)\n",
        "enum": [
          "invalid-json",
          "invalid-input",
          "unknown-command",
          "invalid-fault",
          "invalid-filter",
          "invalid-matcher",
          "invalid-state",
          "unauthorized",
          "forbidden",
          "unknown-app",
          "not-found",
          "unknown-provider-state",
          "not-built",
          "body-too-large",
          "unsupported-media-type",
          "store-unavailable"
        ]
      },
      "ControlErrorAnswer": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "ok",
          "error",
          "code"
        ],
        "properties": {
          "ok": {
            "type": "boolean",
            "const": false
          },
          "error": {
            "type": "string",
            "description": "What was wrong and how to fix it."
          },
          "code": {
            "$ref": "#/components/schemas/ControlErrorCode"
          },
          "ErrorCode": {
            "type": "integer",
            "description": "The API's ErrorCode for the same mistake in an API request, where there is one."
          }
        }
      },
      "StoreHealth": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "kind",
          "state"
        ],
        "description": "The store behind the stub (`--store`).",
        "properties": {
          "kind": {
            "type": "string",
            "description": "`memory`, `redis` or `redis-cluster`."
          },
          "url": {
            "type": "string",
            "description": "The store's URL, any password hidden."
          },
          "state": {
            "type": "string",
            "enum": [
              "connected",
              "reconnecting",
              "closed"
            ],
            "description": "`reconnecting` while Redis cannot be reached (API calls answer 50004 meanwhile)."
          },
          "latencyMs": {
            "type": "number",
            "description": "A PING's round trip, when connected."
          },
          "error": {
            "type": "string"
          }
        }
      },
      "Health": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "ok",
          "uptimeMs",
          "apps",
          "version",
          "store"
        ],
        "properties": {
          "store": {
            "$ref": "#/components/schemas/StoreHealth"
          },
          "ok": {
            "type": "boolean",
            "const": true
          },
          "uptimeMs": {
            "type": "integer"
          },
          "apps": {
            "type": "array",
            "description": "The SDKAppIDs this stub serves, the default app first.",
            "items": {
              "type": "integer"
            }
          },
          "version": {
            "type": "string"
          }
        }
      },
      "ResetRequest": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "sdkAppId": {
            "type": "integer",
            "description": "Reset only this app; default every app."
          }
        }
      },
      "StubState": {
        "type": "object",
        "description": "The state of every app (`--state-file` snapshots use the same format). An import\n(`PUT /__stub/state`) is held to these schemas, whose limits are the API's own (x-limits of\nopenapi.yaml: 1000 conversations a user, 20 conversation groups, the byte limits of UserID,\nGroupId, group names and CustomMark): a state the API could not have produced is refused.\n",
        "required": [
          "version",
          "apps"
        ],
        "properties": {
          "version": {
            "type": "integer",
            "const": 1
          },
          "apps": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/AppState"
            }
          }
        }
      },
      "StateUserID": {
        "type": "string",
        "minLength": 1,
        "x-max-bytes": 32
      },
      "StateGroupId": {
        "type": "string",
        "minLength": 1,
        "x-max-bytes": 48
      },
      "AppState": {
        "type": "object",
        "required": [
          "sdkAppId",
          "accounts",
          "groups",
          "marks"
        ],
        "properties": {
          "sdkAppId": {
            "type": "integer",
            "minimum": 1,
            "maximum": 4294967295
          },
          "accounts": {
            "type": "array",
            "description": "The imported UserIDs.",
            "items": {
              "$ref": "#/components/schemas/StateUserID"
            }
          },
          "groups": {
            "type": "array",
            "description": "The groups (create_group), dissolved ones included.",
            "items": {
              "$ref": "#/components/schemas/GroupState"
            }
          },
          "marks": {
            "type": "object",
            "description": "Per From_Account, its marked or grouped conversations.",
            "propertyNames": {
              "$ref": "#/components/schemas/StateUserID"
            },
            "additionalProperties": {
              "type": "array",
              "maxItems": 1000,
              "items": {
                "$ref": "#/components/schemas/ConversationState"
              }
            }
          },
          "contactGroups": {
            "type": "object",
            "description": "Per From_Account, its conversation groups (absent in states written before them).",
            "propertyNames": {
              "$ref": "#/components/schemas/StateUserID"
            },
            "additionalProperties": {
              "$ref": "#/components/schemas/ContactGroupsState"
            }
          }
        },
        "additionalProperties": false
      },
      "GroupState": {
        "type": "object",
        "description": "A group (create_group) as the state holds it.",
        "required": [
          "GroupId",
          "Type",
          "Name",
          "dissolved"
        ],
        "properties": {
          "GroupId": {
            "$ref": "#/components/schemas/StateGroupId"
          },
          "Type": {
            "type": "string",
            "enum": [
              "Public",
              "Private",
              "ChatRoom",
              "AVChatRoom",
              "Community",
              "Work",
              "Meeting"
            ]
          },
          "Name": {
            "type": "string",
            "minLength": 1,
            "x-max-bytes": 30
          },
          "Owner_Account": {
            "$ref": "#/components/schemas/StateUserID"
          },
          "dissolved": {
            "type": "boolean"
          }
        },
        "additionalProperties": false
      },
      "ConversationState": {
        "type": "object",
        "description": "One conversation of a user, as the state holds it.",
        "required": [
          "Type",
          "StandardMark",
          "Timestamp",
          "firstMarkedSeq"
        ],
        "properties": {
          "Type": {
            "type": "integer",
            "enum": [
              1,
              2
            ],
            "description": "1 a one-to-one conversation (To_Account), 2 a group conversation (ToGroupId)."
          },
          "To_Account": {
            "$ref": "#/components/schemas/StateUserID"
          },
          "ToGroupId": {
            "$ref": "#/components/schemas/StateGroupId"
          },
          "StandardMark": {
            "type": "string",
            "pattern": "^[0-9]{1,20}$",
            "description": "The 64-bit standard mark as a decimal string (the API answers it in binary)."
          },
          "CustomMark": {
            "type": "string",
            "x-max-bytes": 256
          },
          "Timestamp": {
            "type": "integer",
            "minimum": 0,
            "maximum": 4294967295,
            "description": "Unix seconds of the conversation's last change."
          },
          "firstMarkedSeq": {
            "type": "integer",
            "minimum": 0,
            "description": "Position in the user's first-marked order (0 = marked first); get_contact_group pages in this order."
          },
          "ContactGroupId": {
            "type": "array",
            "description": "The user's conversation groups holding it (GroupItem.GroupId).",
            "maxItems": 20,
            "uniqueItems": true,
            "items": {
              "type": "integer",
              "minimum": 1
            }
          }
        },
        "additionalProperties": false
      },
      "ContactGroupsState": {
        "type": "object",
        "description": "A user's conversation groups.",
        "required": [
          "NextGroupId",
          "GroupItem"
        ],
        "properties": {
          "NextGroupId": {
            "type": "integer",
            "minimum": 1,
            "maximum": 9007199254740991,
            "description": "The GroupId the next create_contact_group gives (ids are never reused)."
          },
          "GroupItem": {
            "type": "array",
            "maxItems": 20,
            "items": {
              "$ref": "#/components/schemas/ContactGroupState"
            }
          }
        },
        "additionalProperties": false
      },
      "ContactGroupState": {
        "type": "object",
        "required": [
          "GroupId",
          "GroupName"
        ],
        "properties": {
          "GroupId": {
            "type": "integer",
            "minimum": 1,
            "maximum": 9007199254740991
          },
          "GroupName": {
            "type": "string",
            "minLength": 1,
            "x-max-bytes": 32
          }
        },
        "additionalProperties": false
      },
      "SeedRequest": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "sdkAppId": {
            "type": "integer",
            "description": "The app to seed; default the default app."
          },
          "accounts": {
            "type": "array",
            "description": "UserIDs to import (1 to 32 bytes each).",
            "items": {
              "type": "string"
            }
          },
          "groups": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/SeedGroup"
            }
          },
          "contactGroups": {
            "type": "array",
            "description": "Conversation groups to create (create_contact_group's rules; a name the user already has is skipped).",
            "items": {
              "$ref": "#/components/schemas/SeedContactGroup"
            }
          }
        }
      },
      "SeedGroup": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "GroupId"
        ],
        "properties": {
          "GroupId": {
            "type": "string"
          },
          "Type": {
            "type": "string",
            "enum": [
              "Public",
              "Private",
              "ChatRoom",
              "AVChatRoom",
              "Community",
              "Work",
              "Meeting"
            ],
            "default": "Public"
          },
          "Name": {
            "type": "string",
            "description": "Default the GroupId (truncated to the name limit)."
          },
          "Owner_Account": {
            "type": "string"
          }
        }
      },
      "SeedContactGroup": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "From_Account",
          "GroupName"
        ],
        "properties": {
          "From_Account": {
            "type": "string"
          },
          "GroupName": {
            "type": "string"
          },
          "ContactItem": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "Type"
              ],
              "properties": {
                "Type": {
                  "type": "integer",
                  "enum": [
                    1,
                    2
                  ]
                },
                "To_Account": {
                  "type": "string"
                },
                "ToGroupId": {
                  "type": "string"
                }
              }
            }
          }
        }
      },
      "SecondStats": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "t",
          "accepted",
          "refused",
          "errors"
        ],
        "properties": {
          "t": {
            "type": "integer",
            "description": "Unix second (from a clock that never steps back)."
          },
          "accepted": {
            "type": "integer",
            "description": "Calls the ceiling admitted."
          },
          "refused": {
            "type": "integer",
            "description": "Calls answered 60007 by the ceiling."
          },
          "errors": {
            "type": "integer",
            "description": "Admitted calls whose answer carried a non-zero ErrorCode, or that an `http`, `drop` or `hang` fault broke."
          }
        }
      },
      "CommandTotals": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "accepted",
          "refused",
          "errors"
        ],
        "properties": {
          "accepted": {
            "type": "integer"
          },
          "refused": {
            "type": "integer"
          },
          "errors": {
            "type": "integer"
          }
        }
      },
      "CommandSeries": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "sdkAppId",
          "command",
          "ceiling",
          "maxAcceptedInWindow",
          "totals",
          "seconds"
        ],
        "properties": {
          "sdkAppId": {
            "type": "integer"
          },
          "command": {
            "type": "string",
            "description": "The command's path without the leading slash."
          },
          "ceiling": {
            "type": "integer",
            "description": "Calls per second the sliding window admits (0 = no ceiling)."
          },
          "maxAcceptedInWindow": {
            "type": "integer",
            "description": "The most calls ever admitted within one window since the last reset."
          },
          "totals": {
            "$ref": "#/components/schemas/CommandTotals"
          },
          "seconds": {
            "type": "array",
            "description": "The seconds with traffic, oldest first.",
            "items": {
              "$ref": "#/components/schemas/SecondStats"
            }
          }
        }
      },
      "StatsAnswer": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "ok",
          "windowMs",
          "series",
          "stalls"
        ],
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "windowMs": {
            "type": "integer",
            "description": "The sliding window of the ceiling."
          },
          "series": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/CommandSeries"
            }
          },
          "stalls": {
            "type": "array",
            "description": "The seconds (of the same span) in which this stub's event loop was held up 20 ms or more:\nby its own work, or by the machine keeping the process off the CPU. A load check reads them\nto tell fewer admitted calls in a second caused by a stalled stub from a wrong limiter.\n",
            "items": {
              "$ref": "#/components/schemas/LoopStall"
            }
          }
        }
      },
      "LoopStall": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "t",
          "maxDelayMs"
        ],
        "properties": {
          "t": {
            "type": "integer",
            "description": "Unix second (from a clock that never steps back) in which the delay was measured."
          },
          "maxDelayMs": {
            "type": "number",
            "description": "The longest the event loop was held up in the second before `t` ended, in ms."
          }
        }
      },
      "JournalAnswer": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "httpStatus",
          "outcome"
        ],
        "description": "What the stub did with the call.",
        "properties": {
          "outcome": {
            "type": "string",
            "enum": [
              "answered",
              "dropped",
              "hung"
            ],
            "description": "`answered`: an HTTP answer was written; `dropped`: the connection was destroyed without\nan answer (a `drop` fault); `hung`: no answer until the client gave up or the `hang`\nfault's bound passed.\n"
          },
          "httpStatus": {
            "type": [
              "integer",
              "null"
            ],
            "description": "200 for every API answer; 5xx for an `http` fault; null when nothing was answered."
          },
          "ActionStatus": {
            "type": "string",
            "enum": [
              "OK",
              "FAIL"
            ]
          },
          "ErrorCode": {
            "type": "integer"
          },
          "ErrorInfo": {
            "type": "string"
          },
          "ResultCodes": {
            "type": "array",
            "description": "The per-item ResultCodes of a batch answer, in the order of its ResultItem\n(mark_contact), GroupResultItem[].ResultItem (create / update_contact_group) or\nContactResultItem; absent when the answer has none.\n",
            "items": {
              "type": "integer"
            }
          },
          "fault": {
            "type": "string",
            "description": "The id of the fault that shaped the answer, if one did."
          }
        }
      },
      "JournalEntry": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "id",
          "time",
          "sdkAppId",
          "command",
          "query",
          "body",
          "answer",
          "latencyMs"
        ],
        "properties": {
          "id": {
            "type": "integer",
            "description": "Increases by one per recorded call, never reused (not even after a clear)."
          },
          "time": {
            "type": "string",
            "format": "date-time",
            "description": "When the request arrived."
          },
          "sdkAppId": {
            "type": [
              "integer",
              "null"
            ],
            "description": "The query's sdkappid; null when it was missing or not a number."
          },
          "command": {
            "type": "string",
            "description": "The requested path without its leading slash (`v4/recentcontact/mark_contact`), also for paths the API does not have."
          },
          "query": {
            "type": "object",
            "description": "The query parameters as sent (the first value of a repeated name); `usersig` reads \"[redacted]\".",
            "additionalProperties": {
              "type": "string"
            }
          },
          "body": {
            "description": "The body parsed as JSON; the raw text when it is not JSON; null when the stub answered\nbefore reading it (the request gate refused the call). Bodies over 16 KiB\n(`journalBodyMaxBytes`) keep their first 16 KiB as text and set `bodyTruncated`.\n"
          },
          "bodyBytes": {
            "type": "integer",
            "description": "The body's size in bytes as received (absent when it was not read)."
          },
          "bodyTruncated": {
            "type": "boolean",
            "description": "True when `body` is the first 16 KiB of a larger body, as text."
          },
          "answer": {
            "$ref": "#/components/schemas/JournalAnswer"
          },
          "latencyMs": {
            "type": "number",
            "description": "From the request's arrival to its answer (or to the drop / the end of a hang), in milliseconds."
          }
        }
      },
      "RequestList": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "ok",
          "enabled",
          "requests",
          "total",
          "dropped",
          "capacity"
        ],
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "enabled": {
            "type": "boolean",
            "description": "False when the stub runs with `--journal-size 0`."
          },
          "requests": {
            "type": "array",
            "description": "The matching entries, newest first, at most `limit`.",
            "items": {
              "$ref": "#/components/schemas/JournalEntry"
            }
          },
          "total": {
            "type": "integer",
            "description": "How many entries match the filters (before `limit`)."
          },
          "dropped": {
            "type": "integer",
            "description": "Entries evicted since the last clear, oldest first, to keep the journal within its\nbounds (`capacity` entries, 64 MiB of bodies): calls that no filter can see any more.\n"
          },
          "capacity": {
            "type": "integer",
            "description": "The journal's size in entries (`--journal-size`)."
          }
        }
      },
      "RequestMatcher": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "command"
        ],
        "description": "An entry matches when all given members match:\n- `command`: the entry's command (path or operationId);\n- `From_Account`, `ErrorCode`, `sdkAppId`: equal to the body's From_Account, the answer's\n  ErrorCode, the query's sdkappid;\n- `body`: a deep partial match of the entry's parsed body. An object matches when each of\n  its members matches the member of the same name (members it does not name are ignored);\n  an array matches when each of its elements matches some element of the body's array\n  (any order; a subset: the body may hold more); anything else must be equal (JSON\n  equality, so `1` does not match `\"1\"`). Entries whose body was not read, not JSON or\n  truncated never match a `body` matcher.\n",
        "properties": {
          "command": {
            "type": "string"
          },
          "body": {
            "description": "A partial body, e.g. `{ \"MarkItem\": [{ \"ContactItem\": { \"To_Account\": \"bob\" } }] }`."
          },
          "From_Account": {
            "type": "string"
          },
          "ErrorCode": {
            "type": "integer"
          },
          "sdkAppId": {
            "type": "integer"
          }
        }
      },
      "RequestCount": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "ok",
          "count"
        ],
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "count": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "LatencyDistribution": {
        "description": "A delay in milliseconds (0..600000): a fixed integer, a uniform `{ min, max }`, or a normal\n`{ mean, stddev }` (clamped to 0..600000).\n",
        "oneOf": [
          {
            "type": "integer",
            "minimum": 0,
            "maximum": 600000
          },
          {
            "$ref": "#/components/schemas/UniformLatency"
          },
          {
            "$ref": "#/components/schemas/NormalLatency"
          }
        ]
      },
      "UniformLatency": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "min",
          "max"
        ],
        "properties": {
          "min": {
            "type": "integer",
            "minimum": 0,
            "maximum": 600000
          },
          "max": {
            "type": "integer",
            "minimum": 0,
            "maximum": 600000
          }
        }
      },
      "NormalLatency": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "mean",
          "stddev"
        ],
        "properties": {
          "mean": {
            "type": "number",
            "minimum": 0,
            "maximum": 600000
          },
          "stddev": {
            "type": "number",
            "minimum": 0,
            "maximum": 600000
          }
        }
      },
      "FaultScope": {
        "type": "object",
        "description": "Which calls a fault applies to, and how often it fires. Every member is optional.",
        "properties": {
          "command": {
            "type": "string",
            "description": "A command's path or operationId; default every command (`item-error`: default mark_contact)."
          },
          "sdkAppId": {
            "type": "integer",
            "description": "Only calls to this app."
          },
          "From_Account": {
            "type": "string",
            "description": "Only calls whose body's From_Account is this UserID."
          },
          "count": {
            "type": "integer",
            "minimum": 1,
            "description": "Fire on the next `count` calls of the scope, then expire. Not with `probability`."
          },
          "probability": {
            "type": "number",
            "minimum": 0,
            "maximum": 1,
            "description": "Fire with this chance per call. Not with `count`. Neither = every call."
          }
        }
      },
      "ErrorFault": {
        "description": "Answers a request-level ErrorCode in the API's normal envelope (HTTP 200, ActionStatus FAIL); the command does not run.",
        "allOf": [
          {
            "$ref": "#/components/schemas/FaultScope"
          },
          {
            "type": "object",
            "required": [
              "kind",
              "code"
            ],
            "properties": {
              "kind": {
                "type": "string",
                "const": "error"
              },
              "code": {
                "type": "integer",
                "description": "Any code of the catalogue (`x-error-codes`) whose level is `request` or `request-or-item`, e.g. 50004, 60007, 70001, 90001."
              },
              "ErrorInfo": {
                "type": "string",
                "description": "Default a sentence naming the fault."
              },
              "latencyMs": {
                "$ref": "#/components/schemas/LatencyDistribution"
              }
            }
          },
          {
            "type": "object",
            "required": [
              "kind"
            ],
            "properties": {
              "kind": {
                "type": "string",
                "enum": [
                  "error"
                ],
                "description": "discriminator enum property added by openapi-typescript"
              }
            }
          }
        ]
      },
      "ItemErrorFault": {
        "description": "Fails chosen conversations of a mark_contact call with an item-level ResultCode: those\nMarkItems are not applied and answer the code in their ResultItem; the other items run as\nusual and the request answers `ActionStatus: OK`. Only mark_contact has one result per\nrequest item naming its conversation, so `command` must be mark_contact (the default).\n",
        "allOf": [
          {
            "$ref": "#/components/schemas/FaultScope"
          },
          {
            "type": "object",
            "required": [
              "kind",
              "ResultCode"
            ],
            "properties": {
              "kind": {
                "type": "string",
                "const": "item-error"
              },
              "ResultCode": {
                "type": "integer",
                "description": "A code of the catalogue whose level is `item` or `request-or-item`, e.g. 51007, 51008, 50002."
              },
              "ResultInfo": {
                "type": "string"
              },
              "To_Account": {
                "type": "array",
                "description": "The C2C conversations (Type 1) to fail. With ToGroupId, at least one of the two.",
                "items": {
                  "type": "string"
                }
              },
              "ToGroupId": {
                "type": "array",
                "description": "The group conversations (Type 2) to fail.",
                "items": {
                  "type": "string"
                }
              },
              "latencyMs": {
                "$ref": "#/components/schemas/LatencyDistribution"
              }
            }
          },
          {
            "type": "object",
            "required": [
              "kind"
            ],
            "properties": {
              "kind": {
                "type": "string",
                "enum": [
                  "item-error"
                ],
                "description": "discriminator enum property added by openapi-typescript"
              }
            }
          }
        ]
      },
      "HttpFault": {
        "description": "Answers an HTTP 5xx status (a gateway in front of the API failing) with a body; the command does not run.",
        "allOf": [
          {
            "$ref": "#/components/schemas/FaultScope"
          },
          {
            "type": "object",
            "required": [
              "kind",
              "status"
            ],
            "properties": {
              "kind": {
                "type": "string",
                "const": "http"
              },
              "status": {
                "type": "integer",
                "minimum": 500,
                "maximum": 599
              },
              "body": {
                "type": "string",
                "description": "Default `<status> <reason>`.",
                "maxLength": 65536
              },
              "contentType": {
                "type": "string",
                "description": "Default `text/plain; charset=utf-8`."
              },
              "latencyMs": {
                "$ref": "#/components/schemas/LatencyDistribution"
              }
            }
          },
          {
            "type": "object",
            "required": [
              "kind"
            ],
            "properties": {
              "kind": {
                "type": "string",
                "enum": [
                  "http"
                ],
                "description": "discriminator enum property added by openapi-typescript"
              }
            }
          }
        ]
      },
      "LatencyFault": {
        "description": "Delays the call, then answers it as usual.",
        "allOf": [
          {
            "$ref": "#/components/schemas/FaultScope"
          },
          {
            "type": "object",
            "required": [
              "kind",
              "latencyMs"
            ],
            "properties": {
              "kind": {
                "type": "string",
                "const": "latency"
              },
              "latencyMs": {
                "$ref": "#/components/schemas/LatencyDistribution"
              }
            }
          },
          {
            "type": "object",
            "required": [
              "kind"
            ],
            "properties": {
              "kind": {
                "type": "string",
                "enum": [
                  "latency"
                ],
                "description": "discriminator enum property added by openapi-typescript"
              }
            }
          }
        ]
      },
      "DropFault": {
        "description": "Destroys the connection once the request has arrived, without an answer (the client sees a reset / socket hang up); the command does not run.",
        "allOf": [
          {
            "$ref": "#/components/schemas/FaultScope"
          },
          {
            "type": "object",
            "required": [
              "kind"
            ],
            "properties": {
              "kind": {
                "type": "string",
                "const": "drop"
              },
              "latencyMs": {
                "$ref": "#/components/schemas/LatencyDistribution"
              }
            }
          },
          {
            "type": "object",
            "required": [
              "kind"
            ],
            "properties": {
              "kind": {
                "type": "string",
                "enum": [
                  "drop"
                ],
                "description": "discriminator enum property added by openapi-typescript"
              }
            }
          }
        ]
      },
      "HangFault": {
        "description": "Answers nothing until the client gives up (closes the connection); the command does not run.\nBounded: after `maxMs` the stub destroys the connection itself, so a client without a\ntimeout cannot make it hold sockets forever; a graceful stop ends hangs at once.\n",
        "allOf": [
          {
            "$ref": "#/components/schemas/FaultScope"
          },
          {
            "type": "object",
            "required": [
              "kind"
            ],
            "properties": {
              "kind": {
                "type": "string",
                "const": "hang"
              },
              "maxMs": {
                "type": "integer",
                "minimum": 1,
                "maximum": 600000,
                "default": 60000
              }
            }
          },
          {
            "type": "object",
            "required": [
              "kind"
            ],
            "properties": {
              "kind": {
                "type": "string",
                "enum": [
                  "hang"
                ],
                "description": "discriminator enum property added by openapi-typescript"
              }
            }
          }
        ]
      },
      "FaultSpec": {
        "description": "A fault to add; `kind` says what it does.",
        "oneOf": [
          {
            "$ref": "#/components/schemas/ErrorFault"
          },
          {
            "$ref": "#/components/schemas/ItemErrorFault"
          },
          {
            "$ref": "#/components/schemas/HttpFault"
          },
          {
            "$ref": "#/components/schemas/LatencyFault"
          },
          {
            "$ref": "#/components/schemas/DropFault"
          },
          {
            "$ref": "#/components/schemas/HangFault"
          }
        ],
        "discriminator": {
          "propertyName": "kind",
          "mapping": {
            "error": "#/components/schemas/ErrorFault",
            "item-error": "#/components/schemas/ItemErrorFault",
            "http": "#/components/schemas/HttpFault",
            "latency": "#/components/schemas/LatencyFault",
            "drop": "#/components/schemas/DropFault",
            "hang": "#/components/schemas/HangFault"
          }
        }
      },
      "LegacyFaultSpec": {
        "type": "object",
        "deprecated": true,
        "description": "The form of earlier versions, without `kind`, still taken: `code` makes an `error` fault\n(delayed by `latencyMs` when given); `latencyMs` alone a `latency` fault.\n",
        "required": [
          "command"
        ],
        "properties": {
          "command": {
            "type": "string"
          },
          "code": {
            "type": "integer"
          },
          "count": {
            "type": "integer",
            "minimum": 1
          },
          "probability": {
            "type": "number",
            "minimum": 0,
            "maximum": 1
          },
          "latencyMs": {
            "type": "integer",
            "minimum": 0,
            "maximum": 600000
          },
          "sdkAppId": {
            "type": "integer"
          }
        }
      },
      "Fault": {
        "description": "An active fault; its spec with `command` in path form, plus its id and counters.",
        "allOf": [
          {
            "$ref": "#/components/schemas/FaultState"
          },
          {
            "oneOf": [
              {
                "$ref": "#/components/schemas/ErrorFault"
              },
              {
                "$ref": "#/components/schemas/ItemErrorFault"
              },
              {
                "$ref": "#/components/schemas/HttpFault"
              },
              {
                "$ref": "#/components/schemas/LatencyFault"
              },
              {
                "$ref": "#/components/schemas/DropFault"
              },
              {
                "$ref": "#/components/schemas/HangFault"
              }
            ]
          }
        ]
      },
      "FaultState": {
        "type": "object",
        "required": [
          "id",
          "fired"
        ],
        "properties": {
          "id": {
            "type": "string",
            "description": "`fault-<n>`, unique for the stub's lifetime."
          },
          "fired": {
            "type": "integer",
            "description": "How many calls it fired on."
          },
          "remaining": {
            "type": "integer",
            "description": "For a `count` fault, how many more calls it fires on."
          }
        }
      },
      "FaultList": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "ok",
          "faults"
        ],
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "faults": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Fault"
            }
          }
        }
      },
      "FaultAdded": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "ok",
          "id",
          "fault"
        ],
        "description": "`id` is also at the top, where earlier versions answered it.",
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "id": {
            "type": "string"
          },
          "fault": {
            "$ref": "#/components/schemas/Fault"
          }
        }
      }
    }
  }
};
