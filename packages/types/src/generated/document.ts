// GENERATED from openapi/openapi.yaml by packages/types/scripts/generate.mjs. Do not edit:
// change the spec and run `npm run generate`.

/** The OpenAPI document as data (JSON-compatible). */
export const openapiDocument: Record<string, unknown> = {
  "openapi": "3.1.0",
  "info": {
    "title": "Tencent Cloud IM REST API — conversation marks and groups",
    "version": "0.1.0",
    "summary": "mark_contact, get_contact_group, the conversation-group commands and the setup commands a stub needs.",
    "license": {
      "name": "MIT",
      "identifier": "MIT"
    },
    "description": "The slice of the Tencent Cloud IM server REST API that reads and writes conversation marks\n(`v4/recentcontact/mark_contact`, `v4/recentcontact/get_contact_group`), plus the account and\ngroup commands needed to create what marks refer to.\n\nThis document is the single source of truth of the tim-marks toolkit: the generated types,\nthe error catalogue (`x-error-codes`), the limits (`x-limits`) and the regions (`x-region` on\neach server) are read from it by the client, the stub server and the load harness.\n\n## Conventions shared by every command\n\n- Every command is `POST`, with a JSON body (never empty: send `{}`), and the five query\n  parameters `sdkappid`, `identifier`, `usersig`, `random`, `contenttype=json`. Names and\n  values are case-sensitive.\n- The HTTP status is **200 for every API-level answer**, success or failure; only network-level\n  failures (502, 503, 504) use another status. Success or failure is in the body:\n  `ActionStatus` (`OK` / `FAIL`), `ErrorCode` (0 = success), `ErrorInfo`, `ErrorDisplay`.\n- Batch commands also answer a `ResultCode` / `ResultInfo` per item.\n- The server gives up after 3 s; clients should wait longer and keep connections alive.\n\n## Where the public documents are silent\n\nEach assumption is written once, as `x-assumption`, on the part of this document it governs:\nthe error catalogue entries (`x-error-codes`: the order of the request checks is on 60002),\n`x-limits` (the sliding window, the page size, bytes versus characters), the operations,\nthe stub's server entry (the regional hosts through its CONNECT proxy), and the schemas\n`MarkItem`, `MarkResultItem`, `MarkContactAnswer`, `OptType`, `MarkPosition`, `CustomMark`,\n`StandardMark`, `AccountImportRequest` and `MultiaccountImportRequest`.\n\n## Generating a client in your language\n\nFeed this file, unchanged, to your generator; no patch or generator option is needed. The\ntim-marks repository checks these on every `npm test` (`openapi/generators/`): each client is\ngenerated, compiled, and run against the stub (accounts, a group, a C2C and a group mark read\nback intact, and a request-level error read from the answer body).\n\n```sh\njava -jar openapi-generator-cli-7.25.0.jar generate -g python -i openapi.yaml -o client-python\njava -jar openapi-generator-cli-7.25.0.jar generate -g go -i openapi.yaml -o client-go\njava -jar openapi-generator-cli-7.25.0.jar generate -g typescript-fetch -i openapi.yaml -o client-ts\njava -jar openapi-generator-cli-7.25.0.jar generate -g java -i openapi.yaml -o client-java\noapi-codegen -package timmarks -o timmarks.gen.go openapi.yaml\nopenapi-python-client generate --path openapi.yaml --output-path client-python\nnpx openapi-typescript openapi.yaml -o openapi.d.ts\n```\n\n`ContactItem` and `ContactItemWithMarks` are `oneOf` unions told apart by the integer `Type`\n(`const` 1 = C2C, 2 = group); generated clients expose them as a union (or one field per\nbranch). Answers are named `<Command>Answer` (`MarkContactAnswer`, ...). Every answer is HTTP\n200: read `ErrorCode` from the body. `Timestamp`, `StartIndex` and `NextStartIndex` are 64-bit.\n",
    "contact": {
      "name": "tim-marks",
      "url": "https://cloud.tencent.com/document/product/269/105592"
    }
  },
  "servers": [
    {
      "url": "https://console.tim.qq.com",
      "description": "China (backup domain adminapi.my-imcloud.com)",
      "x-region": "china"
    },
    {
      "url": "https://adminapisgp.im.qcloud.com",
      "description": "Singapore",
      "x-region": "singapore"
    },
    {
      "url": "https://adminapikr.im.qcloud.com",
      "description": "Seoul",
      "x-region": "seoul"
    },
    {
      "url": "https://adminapijpn.im.qcloud.com",
      "description": "Tokyo",
      "x-region": "tokyo"
    },
    {
      "url": "https://adminapiger.im.qcloud.com",
      "description": "Frankfurt",
      "x-region": "frankfurt"
    },
    {
      "url": "https://adminapiind.im.qcloud.com",
      "description": "Mumbai",
      "x-region": "mumbai"
    },
    {
      "url": "https://adminapiusa.im.qcloud.com",
      "description": "Silicon Valley",
      "x-region": "siliconvalley"
    },
    {
      "url": "https://adminapiidn.im.qcloud.com",
      "description": "Jakarta",
      "x-region": "jakarta"
    },
    {
      "url": "https://adminapiksa.im.qcloud.com",
      "description": "Riyadh",
      "x-region": "riyadh"
    },
    {
      "url": "http://127.0.0.1:8080",
      "description": "The tim-marks stub server, started with `npm start` (see the README). With `--tls` the same port also serves `https://`, and answers `CONNECT` for every host above on port 443, so a service whose SDK fixes one of them reaches the stub with `HTTPS_PROXY=http://127.0.0.1:8080`.",
      "x-region": "local",
      "x-assumption": "Through the stub, every regional host above stands for its `x-region` and serves the same apps and the same state as the stub's own URL: an SDKAppID lives in one region in reality, but the stub does not split its apps by host. `--config` decides which apps exist, not the host they are reached by. CONNECT to any other host, or to a host above on another port, answers 403: the stub never connects anywhere itself."
    }
  ],
  "security": [
    {
      "UserSig": []
    }
  ],
  "tags": [
    {
      "name": "recentcontact",
      "description": "Conversation marks and groups (`v4/recentcontact/`)."
    },
    {
      "name": "im_open_login_svc",
      "description": "Account import, so that From_Account and To_Account exist."
    },
    {
      "name": "group_open_http_svc",
      "description": "Group creation and dissolution, so that ToGroupId resolves."
    }
  ],
  "x-limits": {
    "markItemsPerCall": 100,
    "conversationsPerUser": 1000,
    "customMarkMaxBytes": 256,
    "standardMarkBits": 64,
    "markPositionMin": 1,
    "markPositionMax": 64,
    "imReservedBitsMax": 32,
    "callsPerSecondPerCommand": 200,
    "rateWindowMs": 1000,
    "getContactGroupPageSize": 100,
    "accountsPerMultiImport": 100,
    "userIdMaxBytes": 32,
    "groupIdMaxBytes": 48,
    "groupNameMaxBytes": 30,
    "contactGroupsPerUser": 20,
    "contactGroupNameMaxBytes": 32,
    "contactGroupItemsPerCall": 100,
    "searchContactItemsPerCall": 300,
    "randomMax": 4294967295,
    "serverTimeoutMs": 3000,
    "x-assumption": [
      "The ceiling is a sliding window: in no 1000 ms interval does one SDKAppID get more than `callsPerSecondPerCommand` calls of one command accepted. Only calls that passed authentication count; calls refused with 60007 do not count.",
      "get_contact_group answers at most `getContactGroupPageSize` conversations a page (the official page does not document a size; this one is chosen and documented here).",
      "`customMarkMaxBytes` counts UTF-8 bytes. JSON Schema's `maxLength` counts characters, so the schema carries the byte limit as `x-max-bytes` and the character bound only as a coarse upper bound.",
      "`contactGroupItemsPerCall` bounds the ContactItem of create_contact_group and the ContactUpdateItem of update_contact_group (the official pages give no number; 100 is this project's choice, the same as mark_contact's MarkItem, and more answers 51006). `contactGroupNameMaxBytes` counts UTF-8 bytes."
    ]
  },
  "x-error-codes": [
    {
      "code": 0,
      "name": "OK",
      "meaning": "Success.",
      "level": "request",
      "retryable": false,
      "scope": "common"
    },
    {
      "code": 50001,
      "name": "ACCOUNT_NOT_IMPORTED",
      "meaning": "The requesting UserID (From_Account) was never imported into Tencent Cloud IM; import it first.",
      "level": "request",
      "retryable": false,
      "scope": "recentcontact"
    },
    {
      "code": 50002,
      "name": "INVALID_PARAMETER",
      "meaning": "Invalid request parameter; ErrorInfo (or ResultInfo for an item) says which.",
      "level": "request-or-item",
      "retryable": false,
      "scope": "recentcontact"
    },
    {
      "code": 50003,
      "name": "ADMIN_REQUIRED",
      "meaning": "The request needs App admin rights.",
      "level": "request",
      "retryable": false,
      "scope": "recentcontact",
      "x-assumption": "A valid UserSig whose identifier is not an App admin answers 50003 on recentcontact commands (the code the official page documents) and 60010 on other services."
    },
    {
      "code": 50004,
      "name": "INTERNAL_ERROR",
      "meaning": "Internal server error; retry.",
      "level": "request",
      "retryable": true,
      "scope": "recentcontact"
    },
    {
      "code": 50005,
      "name": "NETWORK_TIMEOUT",
      "meaning": "Network timeout; retry later.",
      "level": "request",
      "retryable": true,
      "scope": "recentcontact"
    },
    {
      "code": 51006,
      "name": "MARK_ITEM_COUNT",
      "meaning": "The request names no conversation, or more than 100.",
      "level": "request",
      "x-assumption": "Also answered by update_contact_group when UpdateGroupType 2 names no ContactUpdateItem or more than 100, by create_contact_group when ContactItem has more than 100 (an empty ContactItem creates an empty group), and by search_contact_group when ContactItem is empty or has more than 300.",
      "retryable": false,
      "scope": "recentcontact"
    },
    {
      "code": 51007,
      "name": "GROUP_UNRESOLVED",
      "meaning": "Group conversation whose GroupID could not be resolved (internal error, or the group was dissolved).",
      "level": "item",
      "retryable": false,
      "scope": "recentcontact"
    },
    {
      "code": 51008,
      "name": "CONVERSATION_LIMIT",
      "meaning": "The user's conversations with marks or groups would exceed 1000.",
      "level": "item",
      "retryable": false,
      "scope": "recentcontact"
    },
    {
      "code": 51009,
      "name": "CONTACT_GROUP_NOT_FOUND",
      "meaning": "The conversation group does not exist (conversation-group commands).",
      "level": "request",
      "x-assumption": "update_contact_group with an OldGroupName the user has no group of, and del_contact_group with such a GroupName, fail as a whole with 51009 and change nothing. Names compare exactly (case-sensitive, byte for byte).",
      "retryable": false,
      "scope": "recentcontact"
    },
    {
      "code": 51010,
      "name": "CONTACT_GROUP_COUNT",
      "meaning": "More than 20 conversation groups (conversation-group commands).",
      "level": "request",
      "x-assumption": "create_contact_group by a user who already has 20 groups fails as a whole with 51010; a deleted group frees its place at once.",
      "retryable": false,
      "scope": "recentcontact"
    },
    {
      "code": 51011,
      "name": "CONTACT_GROUP_NAME",
      "meaning": "The conversation group name is empty or over 32 bytes (conversation-group commands).",
      "level": "request",
      "x-assumption": "Answers a GroupName (create), a NewGroupName (rename, also when absent) that is empty or over 32 UTF-8 bytes, and a name the user already gives another group: names are unique per user, compared exactly (case-sensitive), so \"Work\" and \"work\" are two groups. Renaming a group to its own name succeeds and changes nothing.",
      "retryable": false,
      "scope": "recentcontact"
    },
    {
      "code": 51012,
      "name": "PINNED_LIMIT",
      "meaning": "The pinned-conversation limit is exceeded.",
      "level": "request",
      "retryable": false,
      "scope": "recentcontact"
    },
    {
      "code": 51013,
      "name": "NOT_ULTIMATE",
      "meaning": "Standard marks or conversation groups were changed by an app that is not Ultimate edition.",
      "level": "request",
      "retryable": false,
      "scope": "recentcontact",
      "x-assumption": "A mark_contact request with any item of OptType 1 or 3 on an app that is not Ultimate fails as a whole with 51013 (custom-mark-only items in the same request are not applied either). create_contact_group, update_contact_group and del_contact_group on an app that is not Ultimate fail as a whole with 51013; get_contact_group and search_contact_group only read and work on every edition. (The English official pages now name the editions that may use conversation groups \"Pro, Pro Plus or Enterprise\"; the stub keeps its one `ultimate` switch.)"
    },
    {
      "code": 60002,
      "name": "HTTP_PARSE_ERROR",
      "meaning": "HTTP parse error (bad URL or query string).",
      "level": "request",
      "retryable": false,
      "scope": "common",
      "x-assumption": "Answers query parameters that cannot be used: an sdkappid that is not digits, a random that is missing, not an integer or outside 0..4294967295, a contenttype other than exactly `json`, and malformed HTTP. The request checks run in this order: path (60009), method (60008), sdkappid (60012 missing, 60002 malformed), random and contenttype (60002), app (60006), usersig (70002, 70003, 70014, 70013, 70001, 70009), identifier missing (60004), App admin (50003 / 60010), the ceiling (60007), the body (60008 too large, 60003 not JSON), then the command."
    },
    {
      "code": 60003,
      "name": "INVALID_JSON",
      "meaning": "The request body is not valid JSON (or is not a JSON object).",
      "level": "request",
      "retryable": false,
      "scope": "common",
      "x-assumption": "Also answers a body that is not UTF-8, that is not a JSON object, that nests too deep, or that holds more JSON values than the server parses (the tim-marks stub: 64 levels, 65,536 values, 8,192 object members). Duplicate keys are not an error: the last one counts."
    },
    {
      "code": 60004,
      "name": "ACCOUNT_OR_SIGNATURE",
      "meaning": "The account or the signature in the URL or the body is wrong.",
      "level": "request",
      "retryable": false,
      "scope": "common"
    },
    {
      "code": 60006,
      "name": "INVALID_SDKAPPID",
      "meaning": "The SDKAppID is invalid.",
      "level": "request",
      "retryable": false,
      "scope": "common",
      "x-assumption": "An `sdkappid` the server does not know answers 60006."
    },
    {
      "code": 60007,
      "name": "RATE_LIMITED",
      "meaning": "The REST command's call frequency is over its limit.",
      "level": "request",
      "retryable": true,
      "scope": "common",
      "x-assumption": "Over-frequency answers 60007 with ActionStatus FAIL and HTTP 200."
    },
    {
      "code": 60008,
      "name": "SERVICE_TIMEOUT",
      "meaning": "Service timeout, or a bad HTTP request format (wrong method, body too large, client too slow).",
      "level": "request",
      "retryable": false,
      "scope": "common",
      "x-assumption": "Answers a method other than POST, a body or headers over the server's size limit, and a client too slow to send its headers or body."
    },
    {
      "code": 60009,
      "name": "UNKNOWN_RESOURCE",
      "meaning": "Bad request resource (the URL names no known command).",
      "level": "request",
      "retryable": false,
      "scope": "common",
      "x-assumption": "A path that names no known command answers 60009 in the usual error body, HTTP 200."
    },
    {
      "code": 60010,
      "name": "NOT_ADMIN",
      "meaning": "The request needs App admin rights (identifier is not an App admin).",
      "level": "request",
      "retryable": false,
      "scope": "common"
    },
    {
      "code": 60011,
      "name": "APP_RATE_LIMITED",
      "meaning": "The SDKAppID's overall request frequency is over its limit.",
      "level": "request",
      "retryable": true,
      "scope": "common",
      "x-assumption": "The tim-marks stub also answers 60011 to a body of 64 KiB or more once such bodies have used their share of its time (5 ms a second, a bucket of 12 ms, each charged at least 10 ms a MiB when let in, by default), without parsing it."
    },
    {
      "code": 60012,
      "name": "MISSING_SDKAPPID",
      "meaning": "The URL has no sdkappid.",
      "level": "request",
      "retryable": false,
      "scope": "common"
    },
    {
      "code": 60015,
      "name": "ACCOUNT_TYPE",
      "meaning": "An account field in the body has the wrong type (it must be a string).",
      "level": "request-or-item",
      "retryable": false,
      "scope": "common",
      "x-assumption": "Request-level for From_Account, UserID, any entry of Accounts and Owner_Account (the whole request fails); item-level for a MarkItem's To_Account."
    },
    {
      "code": 70001,
      "name": "USERSIG_EXPIRED",
      "meaning": "The UserSig has expired; sign a new one.",
      "level": "request",
      "retryable": false,
      "scope": "common"
    },
    {
      "code": 70002,
      "name": "USERSIG_EMPTY",
      "meaning": "The UserSig is empty.",
      "level": "request",
      "retryable": false,
      "scope": "common"
    },
    {
      "code": 70003,
      "name": "USERSIG_INVALID",
      "meaning": "The UserSig is invalid (it cannot be decoded).",
      "level": "request",
      "retryable": false,
      "scope": "common"
    },
    {
      "code": 70009,
      "name": "USERSIG_SIGNATURE",
      "meaning": "The UserSig's signature does not verify (wrong secret key).",
      "level": "request",
      "retryable": false,
      "scope": "common"
    },
    {
      "code": 70013,
      "name": "USERSIG_IDENTIFIER",
      "meaning": "The UserSig was made for another identifier.",
      "level": "request",
      "retryable": false,
      "scope": "common"
    },
    {
      "code": 70014,
      "name": "USERSIG_SDKAPPID",
      "meaning": "The UserSig was made for another SDKAppID.",
      "level": "request",
      "retryable": false,
      "scope": "common"
    },
    {
      "code": 10004,
      "name": "GROUP_INVALID_PARAMETER",
      "meaning": "Invalid parameter in a group command (group_open_http_svc).",
      "level": "request",
      "retryable": false,
      "scope": "group_open_http_svc",
      "x-assumption": "Also answers a create_group whose Owner_Account was never imported."
    },
    {
      "code": 10010,
      "name": "GROUP_NOT_FOUND",
      "meaning": "The group does not exist or was dissolved (group_open_http_svc).",
      "level": "request",
      "retryable": false,
      "scope": "group_open_http_svc"
    },
    {
      "code": 10021,
      "name": "GROUP_ID_IN_USE",
      "meaning": "The requested GroupId is already used by another group (group_open_http_svc).",
      "level": "request",
      "retryable": false,
      "scope": "group_open_http_svc",
      "x-assumption": "The id of a dissolved group stays taken; marks stored for it stay readable."
    },
    {
      "code": 70402,
      "name": "ACCOUNT_INVALID_PARAMETER",
      "meaning": "Invalid parameter in an account command, such as an empty or over-long UserID (im_open_login_svc).",
      "level": "request",
      "retryable": false,
      "scope": "im_open_login_svc"
    }
  ],
  "paths": {
    "/v4/recentcontact/mark_contact": {
      "post": {
        "operationId": "markContact",
        "tags": [
          "recentcontact"
        ],
        "summary": "Create or update the standard and custom marks of conversations",
        "description": "Sets or clears standard-mark bits and sets the custom mark of up to 100 conversations of\n`From_Account` in one call. Marks are independent of the recent-contacts list; marks and\nconversation groups together cover at most 1000 conversations per user. Standard marks are\nfor the Ultimate edition only (51013 otherwise); custom marks work on every edition.\nLimited to 200 calls per second per SDKAppID (`x-limits.callsPerSecondPerCommand`).\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/sdkappid"
          },
          {
            "$ref": "#/components/parameters/identifier"
          },
          {
            "$ref": "#/components/parameters/usersig"
          },
          {
            "$ref": "#/components/parameters/random"
          },
          {
            "$ref": "#/components/parameters/contenttype"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/MarkContactRequest"
              },
              "examples": {
                "seed": {
                  "summary": "The official example — star, mark unread and fold a C2C conversation, with a custom mark",
                  "value": {
                    "From_Account": "user0",
                    "MarkItem": [
                      {
                        "OptType": 3,
                        "ContactItem": {
                          "Type": 1,
                          "To_Account": "user1"
                        },
                        "SetMark": [
                          1,
                          2,
                          3
                        ],
                        "CustomMark": "abcd"
                      }
                    ]
                  }
                },
                "group": {
                  "summary": "Clear the star of a group conversation",
                  "value": {
                    "From_Account": "user0",
                    "MarkItem": [
                      {
                        "OptType": 1,
                        "ContactItem": {
                          "Type": 2,
                          "ToGroupId": "@TGS#1NVTZEAE4"
                        },
                        "ClearMark": [
                          1
                        ]
                      }
                    ]
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/MarkContactAnswer"
          }
        }
      }
    },
    "/v4/recentcontact/get_contact_group": {
      "post": {
        "operationId": "getContactGroup",
        "tags": [
          "recentcontact"
        ],
        "summary": "Read the marked and grouped conversations of a user, page by page",
        "description": "Answers the conversations of `From_Account` that carry a mark or belong to a conversation\ngroup, with their standard mark, custom mark, group ids and time of last change, and the\nuser's conversation groups. Start with `StartIndex` 0, then pass the previous answer's\n`NextStartIndex` until `CompleteFlag` is 1. Limited to 200 calls per second per SDKAppID.\n",
        "x-assumption": "A conversation is listed while it has a mark or belongs to a conversation group; pages are ordered by the time it first entered that set (oldest first; it re-enters last after leaving). Every page carries the user's whole GroupItem list, in GroupId order, including empty groups; ContactGroupId lists a conversation's group ids in ascending order and is left out when it belongs to none. The page size is `x-limits.getContactGroupPageSize`. The last page answers CompleteFlag 1 and NextStartIndex 0, as the official example does; a StartIndex at or past the end answers an empty last page. An unknown From_Account answers 50001.",
        "parameters": [
          {
            "$ref": "#/components/parameters/sdkappid"
          },
          {
            "$ref": "#/components/parameters/identifier"
          },
          {
            "$ref": "#/components/parameters/usersig"
          },
          {
            "$ref": "#/components/parameters/random"
          },
          {
            "$ref": "#/components/parameters/contenttype"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/GetContactGroupRequest"
              },
              "examples": {
                "firstPage": {
                  "summary": "The first page",
                  "value": {
                    "From_Account": "user0",
                    "StartIndex": 0
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/GetContactGroupAnswer"
          }
        }
      }
    },
    "/v4/recentcontact/create_contact_group": {
      "post": {
        "operationId": "createContactGroup",
        "tags": [
          "recentcontact"
        ],
        "summary": "Create one conversation group of a user, with its first conversations",
        "description": "Creates one conversation group (`GroupContactItem` holds exactly one) named `GroupName`\nand puts the listed conversations in it. A user has at most 20 groups (51010); the name is\n1..32 UTF-8 bytes and unique among the user's groups (51011). Grouped and marked\nconversations together are at most 1000 per user (51008, per conversation). Ultimate edition\nonly (51013). Limited to 200 calls per second per SDKAppID.\n",
        "x-assumption": "Checks, in order: From_Account (50002 missing, 60015 not a string), GroupContactItem holding exactly one group (50002), ContactItem count (51006 over 100), the edition (51013), From_Account imported (50001), the name (51011), the group count (51010); these fail the whole request and create nothing. Then the group is created and each conversation is added alone: a malformed ContactItem (50002 / 60015), a ToGroupId that does not resolve (51007) or the 1000 cap (51008) fail that conversation only, through its ResultItem; the group is created even when every conversation failed, and may be empty. A conversation listed twice is added once and answers 0 both times. GroupId is assigned per user: 1 for the first group, then one more than the highest id the user was ever given; ids of deleted groups are never reused.",
        "parameters": [
          {
            "$ref": "#/components/parameters/sdkappid"
          },
          {
            "$ref": "#/components/parameters/identifier"
          },
          {
            "$ref": "#/components/parameters/usersig"
          },
          {
            "$ref": "#/components/parameters/random"
          },
          {
            "$ref": "#/components/parameters/contenttype"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateContactGroupRequest"
              },
              "examples": {
                "official": {
                  "summary": "The official example — a group with one C2C conversation",
                  "value": {
                    "From_Account": "user15",
                    "GroupContactItem": [
                      {
                        "GroupName": "test0",
                        "ContactItem": [
                          {
                            "Type": 1,
                            "To_Account": "user0"
                          }
                        ]
                      }
                    ]
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/CreateContactGroupAnswer"
          }
        }
      }
    },
    "/v4/recentcontact/update_contact_group": {
      "post": {
        "operationId": "updateContactGroup",
        "tags": [
          "recentcontact"
        ],
        "summary": "Rename a conversation group, or add and remove its conversations",
        "description": "`UpdateType` is 1. `UpdateGroup.UpdateGroupType` 1 renames the group `OldGroupName` to\n`NewGroupName`; 2 adds (`ContactOptType` 1) or removes (`ContactOptType` 2) the conversations\nof `ContactUpdateItem`. An unknown `OldGroupName` answers 51009. Ultimate edition only\n(51013). Limited to 200 calls per second per SDKAppID.\n",
        "x-assumption": "The answer has the shape of create_contact_group's: one GroupResultItem with the group as it is after the change and, for UpdateGroupType 2, one ResultItem per ContactUpdateItem in request order (empty for a rename). Checks, in order: From_Account (50002 / 60015), UpdateType and UpdateGroup well-formed (50002), ContactUpdateItem count for type 2 (51006: 1..100), the edition (51013), From_Account imported (50001), OldGroupName known (51009), NewGroupName for type 1 (51011). Item-level: malformed ContactItem (50002 / 60015), a ToGroupId that does not resolve on add (51007), the 1000 cap on add (51008). Adding a conversation already in the group, and removing one that is not, succeed and change nothing. A group whose last conversation is removed stays, empty. A conversation that leaves its last group and has no mark leaves the 1000 count.",
        "parameters": [
          {
            "$ref": "#/components/parameters/sdkappid"
          },
          {
            "$ref": "#/components/parameters/identifier"
          },
          {
            "$ref": "#/components/parameters/usersig"
          },
          {
            "$ref": "#/components/parameters/random"
          },
          {
            "$ref": "#/components/parameters/contenttype"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/UpdateContactGroupRequest"
              },
              "examples": {
                "rename": {
                  "summary": "Rename a group",
                  "value": {
                    "From_Account": "user15",
                    "UpdateType": 1,
                    "UpdateGroup": {
                      "UpdateGroupType": 1,
                      "OldGroupName": "test0",
                      "NewGroupName": "work"
                    }
                  }
                },
                "members": {
                  "summary": "Add one conversation, remove another",
                  "value": {
                    "From_Account": "user15",
                    "UpdateType": 1,
                    "UpdateGroup": {
                      "UpdateGroupType": 2,
                      "OldGroupName": "work",
                      "ContactUpdateItem": [
                        {
                          "ContactOptType": 1,
                          "ContactItem": {
                            "Type": 2,
                            "ToGroupId": "@TGS#1NVTZEAE4"
                          }
                        },
                        {
                          "ContactOptType": 2,
                          "ContactItem": {
                            "Type": 1,
                            "To_Account": "user0"
                          }
                        }
                      ]
                    }
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/UpdateContactGroupAnswer"
          }
        }
      }
    },
    "/v4/recentcontact/del_contact_group": {
      "post": {
        "operationId": "delContactGroup",
        "tags": [
          "recentcontact"
        ],
        "summary": "Delete a conversation group by name",
        "description": "Deletes the group named in `GroupName` (one per call). Its conversations leave the group;\nthose with no mark and no other group leave the 1000 count. An unknown name answers 51009.\nUltimate edition only (51013). Limited to 200 calls per second per SDKAppID.\n",
        "x-assumption": "GroupName must hold exactly one name (50002 otherwise). The answer's GroupItem is the deleted group. Checks, in order: From_Account (50002 / 60015), GroupName (50002), the edition (51013), From_Account imported (50001), the group known (51009).",
        "parameters": [
          {
            "$ref": "#/components/parameters/sdkappid"
          },
          {
            "$ref": "#/components/parameters/identifier"
          },
          {
            "$ref": "#/components/parameters/usersig"
          },
          {
            "$ref": "#/components/parameters/random"
          },
          {
            "$ref": "#/components/parameters/contenttype"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/DelContactGroupRequest"
              },
              "examples": {
                "one": {
                  "summary": "Delete the group \"work\"",
                  "value": {
                    "From_Account": "user15",
                    "GroupName": [
                      "work"
                    ]
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/DelContactGroupAnswer"
          }
        }
      }
    },
    "/v4/recentcontact/search_contact_group": {
      "post": {
        "operationId": "searchContactGroup",
        "tags": [
          "recentcontact"
        ],
        "summary": "Read the marks and groups of named conversations",
        "description": "Answers, for up to 300 named conversations, their marks and conversation groups shaped as\nget_contact_group's items, with the user's conversation groups. Works on every edition.\nLimited to 200 calls per second per SDKAppID.\n",
        "x-assumption": "A named conversation that has no mark and no group is left out of ContactResultItem; the others come in request order, each once. Checks: From_Account (50002 / 60015), ContactItem count (51006: 1..300), each ContactItem well-formed (50002 for the request), From_Account imported (50001). GroupItem lists every group of the user, in GroupId order.",
        "parameters": [
          {
            "$ref": "#/components/parameters/sdkappid"
          },
          {
            "$ref": "#/components/parameters/identifier"
          },
          {
            "$ref": "#/components/parameters/usersig"
          },
          {
            "$ref": "#/components/parameters/random"
          },
          {
            "$ref": "#/components/parameters/contenttype"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/SearchContactGroupRequest"
              },
              "examples": {
                "two": {
                  "summary": "Two conversations",
                  "value": {
                    "From_Account": "user15",
                    "ContactItem": [
                      {
                        "Type": 1,
                        "To_Account": "user0"
                      },
                      {
                        "Type": 2,
                        "ToGroupId": "@TGS#1NVTZEAE4"
                      }
                    ]
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/SearchContactGroupAnswer"
          }
        }
      }
    },
    "/v4/im_open_login_svc/account_import": {
      "post": {
        "operationId": "accountImport",
        "tags": [
          "im_open_login_svc"
        ],
        "summary": "Import one account",
        "description": "Imports one UserID so that it can mark conversations and be marked. Importing an existing account succeeds.",
        "parameters": [
          {
            "$ref": "#/components/parameters/sdkappid"
          },
          {
            "$ref": "#/components/parameters/identifier"
          },
          {
            "$ref": "#/components/parameters/usersig"
          },
          {
            "$ref": "#/components/parameters/random"
          },
          {
            "$ref": "#/components/parameters/contenttype"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/AccountImportRequest"
              },
              "examples": {
                "user0": {
                  "summary": "Import user0",
                  "value": {
                    "UserID": "user0",
                    "Nick": "User Zero"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/AccountImportAnswer"
          }
        }
      }
    },
    "/v4/im_open_login_svc/multiaccount_import": {
      "post": {
        "operationId": "multiaccountImport",
        "tags": [
          "im_open_login_svc"
        ],
        "summary": "Import up to 100 accounts",
        "description": "Imports several UserIDs at once; the ones that could not be imported are answered in `FailAccounts`.",
        "parameters": [
          {
            "$ref": "#/components/parameters/sdkappid"
          },
          {
            "$ref": "#/components/parameters/identifier"
          },
          {
            "$ref": "#/components/parameters/usersig"
          },
          {
            "$ref": "#/components/parameters/random"
          },
          {
            "$ref": "#/components/parameters/contenttype"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/MultiaccountImportRequest"
              },
              "examples": {
                "three": {
                  "summary": "Import three accounts",
                  "value": {
                    "Accounts": [
                      "user1",
                      "user2",
                      "user3"
                    ]
                  }
                },
                "accountList": {
                  "summary": "The newer form, with nicknames and avatars",
                  "value": {
                    "AccountList": [
                      {
                        "UserID": "user1",
                        "Nick": "User One",
                        "FaceUrl": "https://example.com/user1.png"
                      },
                      {
                        "UserID": "user2"
                      }
                    ]
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/MultiaccountImportAnswer"
          }
        }
      }
    },
    "/v4/group_open_http_svc/create_group": {
      "post": {
        "operationId": "createGroup",
        "tags": [
          "group_open_http_svc"
        ],
        "summary": "Create a group",
        "description": "Creates a group, with the given `GroupId` or one the server chooses, so that group conversations can be marked.",
        "parameters": [
          {
            "$ref": "#/components/parameters/sdkappid"
          },
          {
            "$ref": "#/components/parameters/identifier"
          },
          {
            "$ref": "#/components/parameters/usersig"
          },
          {
            "$ref": "#/components/parameters/random"
          },
          {
            "$ref": "#/components/parameters/contenttype"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateGroupRequest"
              },
              "examples": {
                "work": {
                  "summary": "A work group with a chosen id",
                  "value": {
                    "Owner_Account": "user0",
                    "Type": "Public",
                    "Name": "Team",
                    "GroupId": "team-1"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/CreateGroupAnswer"
          }
        }
      }
    },
    "/v4/group_open_http_svc/destroy_group": {
      "post": {
        "operationId": "destroyGroup",
        "tags": [
          "group_open_http_svc"
        ],
        "summary": "Dissolve a group",
        "description": "Dissolves a group; later marks of its conversation fail with 51007.",
        "parameters": [
          {
            "$ref": "#/components/parameters/sdkappid"
          },
          {
            "$ref": "#/components/parameters/identifier"
          },
          {
            "$ref": "#/components/parameters/usersig"
          },
          {
            "$ref": "#/components/parameters/random"
          },
          {
            "$ref": "#/components/parameters/contenttype"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/DestroyGroupRequest"
              },
              "examples": {
                "team": {
                  "summary": "Dissolve team-1",
                  "value": {
                    "GroupId": "team-1"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/DestroyGroupAnswer"
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "UserSig": {
        "type": "apiKey",
        "in": "query",
        "name": "usersig",
        "description": "A TLSSigAPIv2 UserSig made for `identifier` with the app's secret key. Every call also carries `sdkappid`, `identifier`, `random` and `contenttype` (see the parameters)."
      }
    },
    "parameters": {
      "sdkappid": {
        "name": "sdkappid",
        "in": "query",
        "required": true,
        "description": "The app's SDKAppID, assigned by the IM console. Missing → 60012; unknown → 60006.",
        "schema": {
          "type": "integer",
          "format": "int64",
          "minimum": 1,
          "maximum": 4294967295
        },
        "example": 1400000000
      },
      "identifier": {
        "name": "identifier",
        "in": "query",
        "required": true,
        "description": "The calling account; it must be an App admin (50003 on recentcontact commands, 60010 elsewhere).",
        "schema": {
          "type": "string",
          "minLength": 1
        },
        "example": "administrator"
      },
      "usersig": {
        "name": "usersig",
        "in": "query",
        "required": true,
        "description": "The UserSig of `identifier` (TLSSigAPIv2). Empty → 70002; undecodable → 70003; expired → 70001.",
        "schema": {
          "type": "string",
          "minLength": 1
        },
        "example": "eJwtzM0KgkAUhmHvhbOX5QwmTGAJIJcbAIpwz0aIvOn"
      },
      "random": {
        "name": "random",
        "in": "query",
        "required": true,
        "description": "A random unsigned 32-bit integer, new for each request.",
        "schema": {
          "type": "integer",
          "format": "int64",
          "minimum": 0,
          "maximum": 4294967295
        },
        "example": 99999999
      },
      "contenttype": {
        "name": "contenttype",
        "in": "query",
        "required": true,
        "description": "The request format; always `json`.",
        "schema": {
          "type": "string",
          "const": "json"
        },
        "example": "json"
      }
    },
    "responses": {
      "MarkContactAnswer": {
        "description": "The result of every MarkItem, in request order (HTTP 200 also for every API-level error).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/MarkContactAnswer"
            },
            "examples": {
              "seed": {
                "summary": "The official example",
                "value": {
                  "ResultItem": [
                    {
                      "OptType": 3,
                      "ContactItem": {
                        "Type": 1,
                        "To_Account": "user1"
                      },
                      "ResultCode": 0,
                      "ResultInfo": ""
                    }
                  ],
                  "ActionStatus": "OK",
                  "ErrorCode": 0,
                  "ErrorInfo": "",
                  "ErrorDisplay": ""
                }
              },
              "partial": {
                "summary": "One item applied, one refused because its group was dissolved",
                "value": {
                  "ResultItem": [
                    {
                      "OptType": 2,
                      "ContactItem": {
                        "Type": 1,
                        "To_Account": "user1"
                      },
                      "ResultCode": 0,
                      "ResultInfo": ""
                    },
                    {
                      "OptType": 2,
                      "ContactItem": {
                        "Type": 2,
                        "ToGroupId": "team-1"
                      },
                      "ResultCode": 51007,
                      "ResultInfo": "ToGroupId team-1: the group does not exist or was dissolved"
                    }
                  ],
                  "ActionStatus": "OK",
                  "ErrorCode": 0,
                  "ErrorInfo": "",
                  "ErrorDisplay": ""
                }
              },
              "tooMany": {
                "summary": "A request-level failure",
                "value": {
                  "ActionStatus": "FAIL",
                  "ErrorCode": 51006,
                  "ErrorInfo": "MarkItem must name 1 to 100 conversations, got 101",
                  "ErrorDisplay": ""
                }
              }
            }
          }
        }
      },
      "GetContactGroupAnswer": {
        "description": "One page of the user's marked conversations and their conversation groups.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/GetContactGroupAnswer"
            },
            "examples": {
              "lastPage": {
                "summary": "A single, last page",
                "value": {
                  "ContactItem": [
                    {
                      "Type": 1,
                      "To_Account": "user1",
                      "StandardMark": "111",
                      "CustomMark": "abcd",
                      "Timestamp": 1672502400
                    }
                  ],
                  "GroupItem": [],
                  "CompleteFlag": 1,
                  "NextStartIndex": 0,
                  "ActionStatus": "OK",
                  "ErrorCode": 0,
                  "ErrorInfo": "",
                  "ErrorDisplay": ""
                }
              }
            }
          }
        }
      },
      "CreateContactGroupAnswer": {
        "description": "The new group and the outcome of each of its conversations.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/CreateContactGroupAnswer"
            },
            "examples": {
              "official": {
                "summary": "The official example's shape",
                "value": {
                  "GroupResultItem": [
                    {
                      "GroupItem": {
                        "GroupName": "test0",
                        "GroupId": 1
                      },
                      "ResultItem": [
                        {
                          "ContactItem": {
                            "Type": 1,
                            "To_Account": "user0"
                          },
                          "ResultCode": 0,
                          "ResultInfo": ""
                        }
                      ]
                    }
                  ],
                  "ActionStatus": "OK",
                  "ErrorCode": 0,
                  "ErrorInfo": "",
                  "ErrorDisplay": ""
                }
              }
            }
          }
        }
      },
      "UpdateContactGroupAnswer": {
        "description": "The group after the change and the outcome of each ContactUpdateItem.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/UpdateContactGroupAnswer"
            },
            "examples": {
              "unknown": {
                "summary": "OldGroupName names no group",
                "value": {
                  "ActionStatus": "FAIL",
                  "ErrorCode": 51009,
                  "ErrorInfo": "conversation group nope does not exist",
                  "ErrorDisplay": ""
                }
              }
            }
          }
        }
      },
      "DelContactGroupAnswer": {
        "description": "The deleted group.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/DelContactGroupAnswer"
            },
            "examples": {
              "ok": {
                "summary": "Deleted",
                "value": {
                  "GroupItem": [
                    {
                      "GroupName": "work",
                      "GroupId": 1
                    }
                  ],
                  "ActionStatus": "OK",
                  "ErrorCode": 0,
                  "ErrorInfo": "",
                  "ErrorDisplay": ""
                }
              }
            }
          }
        }
      },
      "SearchContactGroupAnswer": {
        "description": "The marks and groups of the named conversations, and the user's groups.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/SearchContactGroupAnswer"
            },
            "examples": {
              "ok": {
                "summary": "One grouped conversation",
                "value": {
                  "ContactResultItem": [
                    {
                      "Type": 1,
                      "To_Account": "user0",
                      "StandardMark": "0",
                      "ContactGroupId": [
                        1
                      ],
                      "Timestamp": 1672502400
                    }
                  ],
                  "GroupItem": [
                    {
                      "GroupName": "work",
                      "GroupId": 1
                    }
                  ],
                  "ActionStatus": "OK",
                  "ErrorCode": 0,
                  "ErrorInfo": "",
                  "ErrorDisplay": ""
                }
              }
            }
          }
        }
      },
      "AccountImportAnswer": {
        "description": "The envelope alone.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/AccountImportAnswer"
            },
            "examples": {
              "ok": {
                "summary": "Imported",
                "value": {
                  "ActionStatus": "OK",
                  "ErrorCode": 0,
                  "ErrorInfo": ""
                }
              }
            }
          }
        }
      },
      "MultiaccountImportAnswer": {
        "description": "The envelope and the accounts that could not be imported.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/MultiaccountImportAnswer"
            },
            "examples": {
              "ok": {
                "summary": "All imported",
                "value": {
                  "FailAccounts": [],
                  "ActionStatus": "OK",
                  "ErrorCode": 0,
                  "ErrorInfo": ""
                }
              }
            }
          }
        }
      },
      "CreateGroupAnswer": {
        "description": "The envelope and the id of the new group.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/CreateGroupAnswer"
            },
            "examples": {
              "ok": {
                "summary": "Created",
                "value": {
                  "GroupId": "team-1",
                  "ActionStatus": "OK",
                  "ErrorCode": 0,
                  "ErrorInfo": ""
                }
              }
            }
          }
        }
      },
      "DestroyGroupAnswer": {
        "description": "The envelope alone.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/DestroyGroupAnswer"
            },
            "examples": {
              "ok": {
                "summary": "Dissolved",
                "value": {
                  "ActionStatus": "OK",
                  "ErrorCode": 0,
                  "ErrorInfo": ""
                }
              }
            }
          }
        }
      }
    },
    "schemas": {
      "ActionStatus": {
        "type": "string",
        "enum": [
          "OK",
          "FAIL"
        ],
        "description": "`OK` when the request was processed (items may still have failed), `FAIL` otherwise."
      },
      "ResponseEnvelope": {
        "type": "object",
        "description": "The fields every answer carries, and the whole answer of a request that failed as a whole (including an unknown path, 60009). HTTP status is 200 for every API-level error.",
        "required": [
          "ActionStatus",
          "ErrorCode",
          "ErrorInfo"
        ],
        "properties": {
          "ActionStatus": {
            "$ref": "#/components/schemas/ActionStatus"
          },
          "ErrorCode": {
            "type": "integer",
            "description": "0 on success; otherwise a code of `x-error-codes`."
          },
          "ErrorInfo": {
            "type": "string",
            "description": "What went wrong, in words (empty on success)."
          },
          "ErrorDisplay": {
            "type": "string",
            "description": "A message meant for display (often empty)."
          }
        }
      },
      "UserID": {
        "type": "string",
        "minLength": 1,
        "maxLength": 32,
        "x-max-bytes": 32,
        "description": "An account's UserID (at most 32 bytes). A number here answers 60015."
      },
      "C2CContactItem": {
        "type": "object",
        "description": "A one-to-one conversation with another account.",
        "required": [
          "Type",
          "To_Account"
        ],
        "properties": {
          "Type": {
            "type": "integer",
            "const": 1,
            "description": "1 = C2C."
          },
          "To_Account": {
            "$ref": "#/components/schemas/UserID"
          }
        }
      },
      "GroupContactItem": {
        "type": "object",
        "description": "A group conversation.",
        "required": [
          "Type",
          "ToGroupId"
        ],
        "properties": {
          "Type": {
            "type": "integer",
            "const": 2,
            "description": "2 = group."
          },
          "ToGroupId": {
            "type": "string",
            "minLength": 1,
            "maxLength": 48,
            "x-max-bytes": 48,
            "description": "The group's id, at most 48 bytes (note the capital I and lowercase d of `ToGroupId`)."
          }
        }
      },
      "ContactItem": {
        "description": "The conversation an item is about, C2C (`Type` 1, `To_Account`) or group (`Type` 2, `ToGroupId`). The branch is decided by `Type`, an integer as the API sends it: each branch fixes it with `const`, and its required `To_Account` / `ToGroupId` decide as well. There is no OpenAPI `discriminator` on purpose: its tags are strings, and this API's `Type` is not.",
        "oneOf": [
          {
            "$ref": "#/components/schemas/C2CContactItem"
          },
          {
            "$ref": "#/components/schemas/GroupContactItem"
          }
        ]
      },
      "OptType": {
        "type": "integer",
        "enum": [
          1,
          2,
          3
        ],
        "description": "1 = set standard marks, 2 = set the custom mark, 3 = both.",
        "x-assumption": "OptType 1 needs SetMark or ClearMark (at least one position); OptType 2 needs CustomMark; OptType 3 needs both kinds. An item that breaks this fails alone with 50002."
      },
      "MarkPosition": {
        "type": "integer",
        "minimum": 1,
        "maximum": 64,
        "description": "A standard-mark bit position, 1..64. Bits 1..32 are reserved for IM (1 star, 2 marked unread, 3 folded, 4 hidden); bits 33..64 are the customer's. Position n is the value `1 << (n-1)` in the client SDKs.",
        "x-named-positions": {
          "Star": 1,
          "Unread": 2,
          "Fold": 3,
          "Hide": 4
        },
        "x-assumption": "Bit positions are integers 1..64; anything else (0, 65, -1, 1.5, \"1\") fails its item alone with 50002, and so does a position that one item both sets and clears."
      },
      "CustomMark": {
        "type": "string",
        "maxLength": 256,
        "x-max-bytes": 256,
        "description": "The conversation's custom mark, at most 256 **UTF-8 bytes** (`x-max-bytes`; `maxLength` only bounds characters). Over 256 bytes fails the item alone with 50002.",
        "x-assumption": "An empty CustomMark string clears the custom mark."
      },
      "MarkItem": {
        "type": "object",
        "description": "One conversation's mark change.",
        "required": [
          "OptType",
          "ContactItem"
        ],
        "x-assumption": "To_Account need not be an imported account (marks are independent of the recent-contacts list). A conversation left with no standard-mark bit, no custom mark and no conversation group is removed: it no longer counts against `x-limits.conversationsPerUser`, and marking it again puts it last in get_contact_group's order. mark_contact checks, in order: From_Account (50002 missing, 60015 not a string), the MarkItem count (51006), the edition (51013), From_Account imported (50001), then each item alone.",
        "properties": {
          "OptType": {
            "$ref": "#/components/schemas/OptType"
          },
          "ContactItem": {
            "$ref": "#/components/schemas/ContactItem"
          },
          "SetMark": {
            "type": "array",
            "description": "Standard-mark bit positions to set, at most 64 entries.",
            "maxItems": 64,
            "items": {
              "$ref": "#/components/schemas/MarkPosition"
            },
            "x-assumption": "SetMark and ClearMark hold at most 64 entries each (there are 64 positions): a longer list fails its item alone with 50002, before its entries are read. Within the 64, a position named twice counts once."
          },
          "ClearMark": {
            "type": "array",
            "description": "Standard-mark bit positions to clear, at most 64 entries (see SetMark).",
            "maxItems": 64,
            "items": {
              "$ref": "#/components/schemas/MarkPosition"
            }
          },
          "CustomMark": {
            "$ref": "#/components/schemas/CustomMark"
          }
        }
      },
      "MarkContactRequest": {
        "type": "object",
        "required": [
          "From_Account",
          "MarkItem"
        ],
        "properties": {
          "From_Account": {
            "$ref": "#/components/schemas/UserID"
          },
          "MarkItem": {
            "type": "array",
            "description": "The conversations to mark, 1..100 (51006 otherwise).",
            "minItems": 1,
            "maxItems": 100,
            "items": {
              "$ref": "#/components/schemas/MarkItem"
            }
          }
        }
      },
      "ContactItemEcho": {
        "type": "object",
        "description": "The ContactItem of a MarkItem as echoed in its ResultItem: complete for an applied item, and limited to the well-typed fields the request sent for a failed one.",
        "required": [
          "Type"
        ],
        "properties": {
          "Type": {
            "type": "integer",
            "enum": [
              1,
              2
            ],
            "description": "1 = C2C, 2 = group."
          },
          "To_Account": {
            "type": "string"
          },
          "ToGroupId": {
            "type": "string"
          }
        }
      },
      "MarkResultItem": {
        "type": "object",
        "description": "The outcome of one MarkItem, in request order.",
        "required": [
          "ResultCode",
          "ResultInfo"
        ],
        "x-assumption": "A ResultItem echoes its MarkItem's OptType and ContactItem. The echo leaves out what the request sent with an invalid type or value (an OptType of 4, a To_Account that is a number, a ContactItem that is not an object), so a failed item may carry an incomplete ContactItem or none; an applied item always carries both, complete.",
        "properties": {
          "OptType": {
            "$ref": "#/components/schemas/OptType"
          },
          "ContactItem": {
            "$ref": "#/components/schemas/ContactItemEcho"
          },
          "ResultCode": {
            "type": "integer",
            "description": "0 when this item was applied; otherwise an item-level code (50002, 51007, 51008, 60015)."
          },
          "ResultInfo": {
            "type": "string",
            "description": "What was wrong with this item (empty on success)."
          }
        }
      },
      "MarkContactAnswer": {
        "description": "The envelope, and on success one ResultItem per MarkItem.",
        "x-assumption": "Request-level failures (authentication, JSON, a missing or oversized MarkItem, an unknown From_Account, the edition) fail the whole request with a top-level ErrorCode, no ResultItem, and change nothing. Item-level failures (a bad bit position, a CustomMark over 256 bytes, a missing To_Account or ToGroupId, an unknown group, the 1000 cap) fail that item alone through its ResultCode; the request stays `ActionStatus: OK` and the other items are applied.",
        "allOf": [
          {
            "$ref": "#/components/schemas/ResponseEnvelope"
          },
          {
            "type": "object",
            "properties": {
              "ResultItem": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/MarkResultItem"
                }
              }
            }
          }
        ]
      },
      "GetContactGroupRequest": {
        "type": "object",
        "required": [
          "From_Account",
          "StartIndex"
        ],
        "properties": {
          "From_Account": {
            "$ref": "#/components/schemas/UserID"
          },
          "StartIndex": {
            "type": "integer",
            "format": "int64",
            "minimum": 0,
            "maximum": 9007199254740991,
            "description": "0 for the first page, then the previous answer's `NextStartIndex`. Past 2^53−1 → 50002."
          }
        }
      },
      "StandardMark": {
        "type": "string",
        "pattern": "^(0|1[01]{0,63})$",
        "description": "The 64-bit standard mark written in binary, most significant bit first.",
        "x-assumption": "Written without leading zeros (`\"0\"` when no bit is set); bit 1 is the last character, so bits 1, 2 and 3 read `\"111\"` and bit 4 alone reads `\"1000\"`."
      },
      "ContactMarks": {
        "type": "object",
        "description": "The marks and groups of a conversation, as get_contact_group answers them.",
        "required": [
          "StandardMark",
          "Timestamp"
        ],
        "properties": {
          "StandardMark": {
            "$ref": "#/components/schemas/StandardMark"
          },
          "CustomMark": {
            "type": "string",
            "description": "The custom mark, absent when none is set."
          },
          "ContactGroupId": {
            "type": "array",
            "description": "The ids (GroupItem.GroupId) of the conversation groups this conversation belongs to.",
            "items": {
              "type": "integer",
              "format": "int64"
            }
          },
          "Timestamp": {
            "type": "integer",
            "format": "int64",
            "minimum": 0,
            "description": "Unix seconds of the conversation's last mark or group change."
          }
        }
      },
      "C2CContactItemWithMarks": {
        "description": "A marked or grouped C2C conversation.",
        "allOf": [
          {
            "$ref": "#/components/schemas/C2CContactItem"
          },
          {
            "$ref": "#/components/schemas/ContactMarks"
          }
        ]
      },
      "GroupContactItemWithMarks": {
        "description": "A marked or grouped group conversation.",
        "allOf": [
          {
            "$ref": "#/components/schemas/GroupContactItem"
          },
          {
            "$ref": "#/components/schemas/ContactMarks"
          }
        ]
      },
      "ContactItemWithMarks": {
        "description": "A marked or grouped conversation, as get_contact_group answers it: a ContactItem (C2C or group, decided by the integer `Type`) with its marks (`ContactMarks`).",
        "oneOf": [
          {
            "$ref": "#/components/schemas/C2CContactItemWithMarks"
          },
          {
            "$ref": "#/components/schemas/GroupContactItemWithMarks"
          }
        ]
      },
      "GroupItem": {
        "type": "object",
        "description": "A conversation group of the user.",
        "required": [
          "GroupName",
          "GroupId"
        ],
        "properties": {
          "GroupName": {
            "type": "string"
          },
          "GroupId": {
            "type": "integer",
            "format": "int64",
            "description": "The group's id, referred to by ContactItem.ContactGroupId."
          }
        }
      },
      "GetContactGroupAnswer": {
        "description": "One page of marked and grouped conversations.",
        "allOf": [
          {
            "$ref": "#/components/schemas/ResponseEnvelope"
          },
          {
            "type": "object",
            "properties": {
              "ContactItem": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/ContactItemWithMarks"
                }
              },
              "GroupItem": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/GroupItem"
                }
              },
              "CompleteFlag": {
                "type": "integer",
                "enum": [
                  0,
                  1
                ],
                "description": "1 when this is the last page."
              },
              "NextStartIndex": {
                "type": "integer",
                "format": "int64",
                "minimum": 0,
                "description": "The StartIndex of the next page; 0 on the last page (CompleteFlag 1)."
              }
            }
          }
        ]
      },
      "ContactGroupName": {
        "type": "string",
        "minLength": 1,
        "maxLength": 32,
        "x-max-bytes": 32,
        "description": "A conversation group's name, 1..32 UTF-8 bytes (`x-max-bytes`), unique among the user's groups (case-sensitive). Breaking this answers 51011, not 50002."
      },
      "ContactGroupToCreate": {
        "type": "object",
        "description": "The one group of a create_contact_group request (sent on the wire as an entry of `GroupContactItem`; named differently here because `GroupContactItem` is the schema of a group conversation).",
        "required": [
          "GroupName",
          "ContactItem"
        ],
        "properties": {
          "GroupName": {
            "$ref": "#/components/schemas/ContactGroupName"
          },
          "ContactItem": {
            "type": "array",
            "description": "The conversations to put in the group, 0..100 (51006 over 100).",
            "maxItems": 100,
            "items": {
              "$ref": "#/components/schemas/ContactItem"
            }
          }
        }
      },
      "CreateContactGroupRequest": {
        "type": "object",
        "required": [
          "From_Account",
          "GroupContactItem"
        ],
        "properties": {
          "From_Account": {
            "$ref": "#/components/schemas/UserID"
          },
          "GroupContactItem": {
            "type": "array",
            "description": "Exactly one group to create.",
            "minItems": 1,
            "maxItems": 1,
            "items": {
              "$ref": "#/components/schemas/ContactGroupToCreate"
            }
          }
        }
      },
      "ContactGroupResultItem": {
        "type": "object",
        "description": "The outcome of one conversation of a group change, in request order.",
        "required": [
          "ResultCode",
          "ResultInfo"
        ],
        "properties": {
          "ContactOptType": {
            "$ref": "#/components/schemas/ContactOptType"
          },
          "ContactItem": {
            "$ref": "#/components/schemas/ContactItemEcho"
          },
          "ResultCode": {
            "type": "integer",
            "description": "0 when applied; otherwise an item-level code (50002, 51007, 51008, 60015)."
          },
          "ResultInfo": {
            "type": "string",
            "description": "What was wrong with this conversation (empty on success)."
          }
        }
      },
      "GroupResultItem": {
        "type": "object",
        "description": "A conversation group and the outcome of each conversation the request named for it.",
        "required": [
          "GroupItem",
          "ResultItem"
        ],
        "properties": {
          "GroupItem": {
            "$ref": "#/components/schemas/GroupItem"
          },
          "ResultItem": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ContactGroupResultItem"
            }
          }
        }
      },
      "CreateContactGroupAnswer": {
        "description": "The envelope and, on success, the one created group.",
        "allOf": [
          {
            "$ref": "#/components/schemas/ResponseEnvelope"
          },
          {
            "type": "object",
            "properties": {
              "GroupResultItem": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/GroupResultItem"
                }
              }
            }
          }
        ]
      },
      "ContactOptType": {
        "type": "integer",
        "enum": [
          1,
          2
        ],
        "description": "1 = add the conversation to the group, 2 = remove it.",
        "x-enum-varnames": [
          "CONTACT_OPT_ADD",
          "CONTACT_OPT_REMOVE"
        ]
      },
      "ContactUpdateItem": {
        "type": "object",
        "required": [
          "ContactOptType",
          "ContactItem"
        ],
        "properties": {
          "ContactOptType": {
            "$ref": "#/components/schemas/ContactOptType"
          },
          "ContactItem": {
            "$ref": "#/components/schemas/ContactItem"
          }
        }
      },
      "UpdateGroup": {
        "type": "object",
        "required": [
          "UpdateGroupType",
          "OldGroupName"
        ],
        "properties": {
          "UpdateGroupType": {
            "type": "integer",
            "enum": [
              1,
              2
            ],
            "description": "1 = rename, 2 = add or remove conversations."
          },
          "OldGroupName": {
            "type": "string",
            "description": "The group to change (51009 when the user has no group of that name)."
          },
          "NewGroupName": {
            "type": "string",
            "description": "The new name, for UpdateGroupType 1 (1..32 bytes, unique; 51011 otherwise)."
          },
          "ContactUpdateItem": {
            "type": "array",
            "description": "For UpdateGroupType 2, the conversations to add or remove, 1..100 (51006 otherwise).",
            "items": {
              "$ref": "#/components/schemas/ContactUpdateItem"
            }
          }
        }
      },
      "UpdateContactGroupRequest": {
        "type": "object",
        "required": [
          "From_Account",
          "UpdateType",
          "UpdateGroup"
        ],
        "properties": {
          "From_Account": {
            "$ref": "#/components/schemas/UserID"
          },
          "UpdateType": {
            "type": "integer",
            "const": 1,
            "description": "Always 1 (update a conversation group)."
          },
          "UpdateGroup": {
            "$ref": "#/components/schemas/UpdateGroup"
          }
        }
      },
      "UpdateContactGroupAnswer": {
        "description": "The envelope and, on success, the changed group.",
        "allOf": [
          {
            "$ref": "#/components/schemas/ResponseEnvelope"
          },
          {
            "type": "object",
            "properties": {
              "GroupResultItem": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/GroupResultItem"
                }
              }
            }
          }
        ]
      },
      "DelContactGroupRequest": {
        "type": "object",
        "required": [
          "From_Account",
          "GroupName"
        ],
        "properties": {
          "From_Account": {
            "$ref": "#/components/schemas/UserID"
          },
          "GroupName": {
            "type": "array",
            "description": "Exactly one group name.",
            "minItems": 1,
            "maxItems": 1,
            "items": {
              "type": "string"
            }
          }
        }
      },
      "DelContactGroupAnswer": {
        "description": "The envelope and, on success, the deleted group.",
        "allOf": [
          {
            "$ref": "#/components/schemas/ResponseEnvelope"
          },
          {
            "type": "object",
            "properties": {
              "GroupItem": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/GroupItem"
                }
              }
            }
          }
        ]
      },
      "SearchContactGroupRequest": {
        "type": "object",
        "required": [
          "From_Account",
          "ContactItem"
        ],
        "properties": {
          "From_Account": {
            "$ref": "#/components/schemas/UserID"
          },
          "ContactItem": {
            "type": "array",
            "description": "The conversations to look up, 1..300 (51006 otherwise).",
            "minItems": 1,
            "maxItems": 300,
            "items": {
              "$ref": "#/components/schemas/ContactItem"
            }
          }
        }
      },
      "SearchContactGroupAnswer": {
        "description": "The named conversations that have a mark or a group, and every group of the user.",
        "allOf": [
          {
            "$ref": "#/components/schemas/ResponseEnvelope"
          },
          {
            "type": "object",
            "properties": {
              "ContactResultItem": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/ContactItemWithMarks"
                }
              },
              "GroupItem": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/GroupItem"
                }
              }
            }
          }
        ]
      },
      "AccountImportRequest": {
        "type": "object",
        "required": [
          "UserID"
        ],
        "properties": {
          "UserID": {
            "$ref": "#/components/schemas/UserID"
          },
          "Identifier": {
            "$ref": "#/components/schemas/UserID",
            "deprecated": true,
            "description": "The older name of `UserID`, still sent by some SDKs. Send `UserID`."
          },
          "Nick": {
            "type": "string",
            "description": "Nickname."
          },
          "FaceUrl": {
            "type": "string",
            "description": "Avatar URL."
          }
        },
        "x-assumption": "`Identifier` is the older name of `UserID` (the 2020 edition of the page documents it, and SDKs still send it): the server also takes a body that names the account by `Identifier` alone, although this schema, written for what a client should send, requires `UserID`. Both at once with different values answer 70402; with the same value they are one account."
      },
      "ImportedAccount": {
        "type": "object",
        "description": "An entry of multiaccount_import's `AccountList`.",
        "required": [
          "UserID"
        ],
        "properties": {
          "UserID": {
            "$ref": "#/components/schemas/UserID"
          },
          "Nick": {
            "type": "string",
            "description": "Nickname."
          },
          "FaceUrl": {
            "type": "string",
            "description": "Avatar URL."
          }
        }
      },
      "AccountImportAnswer": {
        "$ref": "#/components/schemas/ResponseEnvelope"
      },
      "MultiaccountImportRequest": {
        "type": "object",
        "description": "The accounts to import, in one of two forms: plain UserIDs (`Accounts`, the older form) or `AccountList` entries with a nickname and an avatar (the newer form, official REST doc 269/4919; its international edition, tencentcloud.com/document/product/1047/34954, shows both forms and one sample answer). Both forms answer the same: `FailAccounts`, the UserIDs not imported.",
        "properties": {
          "Accounts": {
            "type": "array",
            "minItems": 1,
            "maxItems": 100,
            "description": "The UserIDs to import, 1..100 (the older form).",
            "items": {
              "$ref": "#/components/schemas/UserID"
            }
          },
          "AccountList": {
            "type": "array",
            "minItems": 1,
            "maxItems": 100,
            "description": "The accounts to import, 1..100 (the newer form).",
            "items": {
              "$ref": "#/components/schemas/ImportedAccount"
            }
          }
        },
        "x-assumption": "Exactly one of `Accounts` and `AccountList` is given (the schema leaves both optional, as generators cannot express \"one of two\" without turning the body into a union): neither answers 70402 `Accounts is required`, both non-empty answer 70402, and an empty list beside the other is left out (generated clients send a list they were not given as `[]`). An `AccountList` entry whose UserID is a string the schema refuses (empty, over 32 bytes) is answered in FailAccounts, as a refused `Accounts` entry is; an entry that is not an object, or whose UserID is not a string, answers 60015 for the whole call."
      },
      "MultiaccountImportAnswer": {
        "allOf": [
          {
            "$ref": "#/components/schemas/ResponseEnvelope"
          },
          {
            "type": "object",
            "properties": {
              "FailAccounts": {
                "type": "array",
                "description": "The UserIDs that could not be imported.",
                "items": {
                  "type": "string"
                }
              }
            }
          }
        ]
      },
      "GroupType": {
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
        "description": "The kind of group."
      },
      "CreateGroupRequest": {
        "type": "object",
        "required": [
          "Type",
          "Name"
        ],
        "properties": {
          "Owner_Account": {
            "$ref": "#/components/schemas/UserID"
          },
          "Type": {
            "$ref": "#/components/schemas/GroupType"
          },
          "Name": {
            "type": "string",
            "minLength": 1,
            "maxLength": 30,
            "x-max-bytes": 30,
            "description": "The group's name, at most 30 bytes."
          },
          "GroupId": {
            "type": "string",
            "minLength": 1,
            "maxLength": 48,
            "x-max-bytes": 48,
            "description": "A chosen group id; the server makes one up when absent. An id in use answers 10021."
          }
        }
      },
      "CreateGroupAnswer": {
        "allOf": [
          {
            "$ref": "#/components/schemas/ResponseEnvelope"
          },
          {
            "type": "object",
            "properties": {
              "GroupId": {
                "type": "string",
                "description": "The id of the new group."
              }
            }
          }
        ]
      },
      "DestroyGroupRequest": {
        "type": "object",
        "required": [
          "GroupId"
        ],
        "properties": {
          "GroupId": {
            "type": "string",
            "minLength": 1,
            "maxLength": 48,
            "x-max-bytes": 48,
            "description": "The group to dissolve, at most 48 bytes. Unknown → 10010."
          }
        }
      },
      "DestroyGroupAnswer": {
        "$ref": "#/components/schemas/ResponseEnvelope"
      }
    }
  }
};
