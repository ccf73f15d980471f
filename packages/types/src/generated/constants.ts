// GENERATED from openapi/openapi.yaml by packages/types/scripts/generate.mjs. Do not edit:
// change the spec and run `npm run generate`.

/** Every error code of the API, from `x-error-codes`: meaning, level (request / item / both), whether a retry can help. */
export const ERROR_CATALOGUE = {
  "0": {
    "code": 0,
    "name": "OK",
    "meaning": "Success.",
    "level": "request",
    "retryable": false,
    "scope": "common"
  },
  "10004": {
    "code": 10004,
    "name": "GROUP_INVALID_PARAMETER",
    "meaning": "Invalid parameter in a group command (group_open_http_svc).",
    "level": "request",
    "retryable": false,
    "scope": "group_open_http_svc"
  },
  "10010": {
    "code": 10010,
    "name": "GROUP_NOT_FOUND",
    "meaning": "The group does not exist or was dissolved (group_open_http_svc).",
    "level": "request",
    "retryable": false,
    "scope": "group_open_http_svc"
  },
  "10021": {
    "code": 10021,
    "name": "GROUP_ID_IN_USE",
    "meaning": "The requested GroupId is already used by another group (group_open_http_svc).",
    "level": "request",
    "retryable": false,
    "scope": "group_open_http_svc"
  },
  "50001": {
    "code": 50001,
    "name": "ACCOUNT_NOT_IMPORTED",
    "meaning": "The requesting UserID (From_Account) was never imported into Tencent Cloud IM; import it first.",
    "level": "request",
    "retryable": false,
    "scope": "recentcontact"
  },
  "50002": {
    "code": 50002,
    "name": "INVALID_PARAMETER",
    "meaning": "Invalid request parameter; ErrorInfo (or ResultInfo for an item) says which.",
    "level": "request-or-item",
    "retryable": false,
    "scope": "recentcontact"
  },
  "50003": {
    "code": 50003,
    "name": "ADMIN_REQUIRED",
    "meaning": "The request needs App admin rights.",
    "level": "request",
    "retryable": false,
    "scope": "recentcontact"
  },
  "50004": {
    "code": 50004,
    "name": "INTERNAL_ERROR",
    "meaning": "Internal server error; retry.",
    "level": "request",
    "retryable": true,
    "scope": "recentcontact"
  },
  "50005": {
    "code": 50005,
    "name": "NETWORK_TIMEOUT",
    "meaning": "Network timeout; retry later.",
    "level": "request",
    "retryable": true,
    "scope": "recentcontact"
  },
  "51006": {
    "code": 51006,
    "name": "MARK_ITEM_COUNT",
    "meaning": "The request names no conversation, or more than 100.",
    "level": "request",
    "retryable": false,
    "scope": "recentcontact"
  },
  "51007": {
    "code": 51007,
    "name": "GROUP_UNRESOLVED",
    "meaning": "Group conversation whose GroupID could not be resolved (internal error, or the group was dissolved).",
    "level": "item",
    "retryable": false,
    "scope": "recentcontact"
  },
  "51008": {
    "code": 51008,
    "name": "CONVERSATION_LIMIT",
    "meaning": "The user's conversations with marks or groups would exceed 1000.",
    "level": "item",
    "retryable": false,
    "scope": "recentcontact"
  },
  "51009": {
    "code": 51009,
    "name": "CONTACT_GROUP_NOT_FOUND",
    "meaning": "The conversation group does not exist (conversation-group commands).",
    "level": "request",
    "retryable": false,
    "scope": "recentcontact"
  },
  "51010": {
    "code": 51010,
    "name": "CONTACT_GROUP_COUNT",
    "meaning": "More than 20 conversation groups (conversation-group commands).",
    "level": "request",
    "retryable": false,
    "scope": "recentcontact"
  },
  "51011": {
    "code": 51011,
    "name": "CONTACT_GROUP_NAME",
    "meaning": "The conversation group name is empty or over 32 bytes (conversation-group commands).",
    "level": "request",
    "retryable": false,
    "scope": "recentcontact"
  },
  "51012": {
    "code": 51012,
    "name": "PINNED_LIMIT",
    "meaning": "The pinned-conversation limit is exceeded.",
    "level": "request",
    "retryable": false,
    "scope": "recentcontact"
  },
  "51013": {
    "code": 51013,
    "name": "NOT_ULTIMATE",
    "meaning": "Standard marks or conversation groups were changed by an app that is not Ultimate edition.",
    "level": "request",
    "retryable": false,
    "scope": "recentcontact"
  },
  "60002": {
    "code": 60002,
    "name": "HTTP_PARSE_ERROR",
    "meaning": "HTTP parse error (bad URL or query string).",
    "level": "request",
    "retryable": false,
    "scope": "common"
  },
  "60003": {
    "code": 60003,
    "name": "INVALID_JSON",
    "meaning": "The request body is not valid JSON (or is not a JSON object).",
    "level": "request",
    "retryable": false,
    "scope": "common"
  },
  "60004": {
    "code": 60004,
    "name": "ACCOUNT_OR_SIGNATURE",
    "meaning": "The account or the signature in the URL or the body is wrong.",
    "level": "request",
    "retryable": false,
    "scope": "common"
  },
  "60006": {
    "code": 60006,
    "name": "INVALID_SDKAPPID",
    "meaning": "The SDKAppID is invalid.",
    "level": "request",
    "retryable": false,
    "scope": "common"
  },
  "60007": {
    "code": 60007,
    "name": "RATE_LIMITED",
    "meaning": "The REST command's call frequency is over its limit.",
    "level": "request",
    "retryable": true,
    "scope": "common"
  },
  "60008": {
    "code": 60008,
    "name": "SERVICE_TIMEOUT",
    "meaning": "Service timeout, or a bad HTTP request format (wrong method, body too large, client too slow).",
    "level": "request",
    "retryable": false,
    "scope": "common"
  },
  "60009": {
    "code": 60009,
    "name": "UNKNOWN_RESOURCE",
    "meaning": "Bad request resource (the URL names no known command).",
    "level": "request",
    "retryable": false,
    "scope": "common"
  },
  "60010": {
    "code": 60010,
    "name": "NOT_ADMIN",
    "meaning": "The request needs App admin rights (identifier is not an App admin).",
    "level": "request",
    "retryable": false,
    "scope": "common"
  },
  "60011": {
    "code": 60011,
    "name": "APP_RATE_LIMITED",
    "meaning": "The SDKAppID's overall request frequency is over its limit.",
    "level": "request",
    "retryable": true,
    "scope": "common"
  },
  "60012": {
    "code": 60012,
    "name": "MISSING_SDKAPPID",
    "meaning": "The URL has no sdkappid.",
    "level": "request",
    "retryable": false,
    "scope": "common"
  },
  "60015": {
    "code": 60015,
    "name": "ACCOUNT_TYPE",
    "meaning": "An account field in the body has the wrong type (it must be a string).",
    "level": "request-or-item",
    "retryable": false,
    "scope": "common"
  },
  "70001": {
    "code": 70001,
    "name": "USERSIG_EXPIRED",
    "meaning": "The UserSig has expired; sign a new one.",
    "level": "request",
    "retryable": false,
    "scope": "common"
  },
  "70002": {
    "code": 70002,
    "name": "USERSIG_EMPTY",
    "meaning": "The UserSig is empty.",
    "level": "request",
    "retryable": false,
    "scope": "common"
  },
  "70003": {
    "code": 70003,
    "name": "USERSIG_INVALID",
    "meaning": "The UserSig is invalid (it cannot be decoded).",
    "level": "request",
    "retryable": false,
    "scope": "common"
  },
  "70009": {
    "code": 70009,
    "name": "USERSIG_SIGNATURE",
    "meaning": "The UserSig's signature does not verify (wrong secret key).",
    "level": "request",
    "retryable": false,
    "scope": "common"
  },
  "70013": {
    "code": 70013,
    "name": "USERSIG_IDENTIFIER",
    "meaning": "The UserSig was made for another identifier.",
    "level": "request",
    "retryable": false,
    "scope": "common"
  },
  "70014": {
    "code": 70014,
    "name": "USERSIG_SDKAPPID",
    "meaning": "The UserSig was made for another SDKAppID.",
    "level": "request",
    "retryable": false,
    "scope": "common"
  },
  "70402": {
    "code": 70402,
    "name": "ACCOUNT_INVALID_PARAMETER",
    "meaning": "Invalid parameter in an account command, such as an empty or over-long UserID (im_open_login_svc).",
    "level": "request",
    "retryable": false,
    "scope": "im_open_login_svc"
  }
} as const;

/** Error codes by name, so that code reads `ErrorCode.RATE_LIMITED` instead of 60007. */
export const ErrorCode = {
  "OK": 0,
  "ACCOUNT_NOT_IMPORTED": 50001,
  "INVALID_PARAMETER": 50002,
  "ADMIN_REQUIRED": 50003,
  "INTERNAL_ERROR": 50004,
  "NETWORK_TIMEOUT": 50005,
  "MARK_ITEM_COUNT": 51006,
  "GROUP_UNRESOLVED": 51007,
  "CONVERSATION_LIMIT": 51008,
  "CONTACT_GROUP_NOT_FOUND": 51009,
  "CONTACT_GROUP_COUNT": 51010,
  "CONTACT_GROUP_NAME": 51011,
  "PINNED_LIMIT": 51012,
  "NOT_ULTIMATE": 51013,
  "HTTP_PARSE_ERROR": 60002,
  "INVALID_JSON": 60003,
  "ACCOUNT_OR_SIGNATURE": 60004,
  "INVALID_SDKAPPID": 60006,
  "RATE_LIMITED": 60007,
  "SERVICE_TIMEOUT": 60008,
  "UNKNOWN_RESOURCE": 60009,
  "NOT_ADMIN": 60010,
  "APP_RATE_LIMITED": 60011,
  "MISSING_SDKAPPID": 60012,
  "ACCOUNT_TYPE": 60015,
  "USERSIG_EXPIRED": 70001,
  "USERSIG_EMPTY": 70002,
  "USERSIG_INVALID": 70003,
  "USERSIG_SIGNATURE": 70009,
  "USERSIG_IDENTIFIER": 70013,
  "USERSIG_SDKAPPID": 70014,
  "GROUP_INVALID_PARAMETER": 10004,
  "GROUP_NOT_FOUND": 10010,
  "GROUP_ID_IN_USE": 10021,
  "ACCOUNT_INVALID_PARAMETER": 70402
} as const;

export type ErrorCodeName = keyof typeof ErrorCode;
export type ErrorCodeValue = (typeof ErrorCode)[ErrorCodeName];
export type ErrorLevel = 'request' | 'item' | 'request-or-item';
export interface ErrorCatalogueEntry {
  readonly code: number;
  readonly name: string;
  readonly meaning: string;
  readonly level: ErrorLevel;
  readonly retryable: boolean;
  readonly scope: string;
}

/** The limits of `x-limits`. CustomMark and name limits count UTF-8 bytes. */
export const LIMITS = {
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
  "serverTimeoutMs": 3000
} as const;

/** The regional domains (`servers[].x-region`). */
export const REGIONS = {
  "china": "https://console.tim.qq.com",
  "singapore": "https://adminapisgp.im.qcloud.com",
  "seoul": "https://adminapikr.im.qcloud.com",
  "tokyo": "https://adminapijpn.im.qcloud.com",
  "frankfurt": "https://adminapiger.im.qcloud.com",
  "mumbai": "https://adminapiind.im.qcloud.com",
  "siliconvalley": "https://adminapiusa.im.qcloud.com",
  "jakarta": "https://adminapiidn.im.qcloud.com",
  "riyadh": "https://adminapiksa.im.qcloud.com"
} as const;
export type Region = keyof typeof REGIONS;

/** Where the tim-marks stub listens by default. */
export const LOCAL_STUB_URL = "http://127.0.0.1:8080";

/** Every command of the document: operationId → path. */
export const COMMANDS = {
  "markContact": "/v4/recentcontact/mark_contact",
  "getContactGroup": "/v4/recentcontact/get_contact_group",
  "createContactGroup": "/v4/recentcontact/create_contact_group",
  "updateContactGroup": "/v4/recentcontact/update_contact_group",
  "delContactGroup": "/v4/recentcontact/del_contact_group",
  "searchContactGroup": "/v4/recentcontact/search_contact_group",
  "accountImport": "/v4/im_open_login_svc/account_import",
  "multiaccountImport": "/v4/im_open_login_svc/multiaccount_import",
  "createGroup": "/v4/group_open_http_svc/create_group",
  "destroyGroup": "/v4/group_open_http_svc/destroy_group"
} as const;
export type CommandName = keyof typeof COMMANDS;
export type CommandPath = (typeof COMMANDS)[CommandName];

/** The IM-reserved standard-mark bit positions with a meaning (`MarkPosition.x-named-positions`). */
export const StandardMark = {
  "Star": 1,
  "Unread": 2,
  "Fold": 3,
  "Hide": 4
} as const;
export type StandardMarkName = keyof typeof StandardMark;
