// GENERATED from openapi/openapi.yaml by packages/types/scripts/generate.mjs. Do not edit:
// change the spec and run `npm run generate`.
/* eslint-disable */
export interface paths {
    "/v4/recentcontact/mark_contact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or update the standard and custom marks of conversations
         * @description Sets or clears standard-mark bits and sets the custom mark of up to 100 conversations of
         *     `From_Account` in one call. Marks are independent of the recent-contacts list; marks and
         *     conversation groups together cover at most 1000 conversations per user. Standard marks are
         *     for the Ultimate edition only (51013 otherwise); custom marks work on every edition.
         *     Limited to 200 calls per second per SDKAppID (`x-limits.callsPerSecondPerCommand`).
         */
        post: operations["markContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/recentcontact/get_contact_group": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Read the marked and grouped conversations of a user, page by page
         * @description Answers the conversations of `From_Account` that carry a mark or belong to a conversation
         *     group, with their standard mark, custom mark, group ids and time of last change, and the
         *     user's conversation groups. Start with `StartIndex` 0, then pass the previous answer's
         *     `NextStartIndex` until `CompleteFlag` is 1. Limited to 200 calls per second per SDKAppID.
         */
        post: operations["getContactGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/recentcontact/create_contact_group": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create one conversation group of a user, with its first conversations
         * @description Creates one conversation group (`GroupContactItem` holds exactly one) named `GroupName`
         *     and puts the listed conversations in it. A user has at most 20 groups (51010); the name is
         *     1..32 UTF-8 bytes and unique among the user's groups (51011). Grouped and marked
         *     conversations together are at most 1000 per user (51008, per conversation). Ultimate edition
         *     only (51013). Limited to 200 calls per second per SDKAppID.
         */
        post: operations["createContactGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/recentcontact/update_contact_group": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rename a conversation group, or add and remove its conversations
         * @description `UpdateType` is 1. `UpdateGroup.UpdateGroupType` 1 renames the group `OldGroupName` to
         *     `NewGroupName`; 2 adds (`ContactOptType` 1) or removes (`ContactOptType` 2) the conversations
         *     of `ContactUpdateItem`. An unknown `OldGroupName` answers 51009. Ultimate edition only
         *     (51013). Limited to 200 calls per second per SDKAppID.
         */
        post: operations["updateContactGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/recentcontact/del_contact_group": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Delete a conversation group by name
         * @description Deletes the group named in `GroupName` (one per call). Its conversations leave the group;
         *     those with no mark and no other group leave the 1000 count. An unknown name answers 51009.
         *     Ultimate edition only (51013). Limited to 200 calls per second per SDKAppID.
         */
        post: operations["delContactGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/recentcontact/search_contact_group": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Read the marks and groups of named conversations
         * @description Answers, for up to 300 named conversations, their marks and conversation groups shaped as
         *     get_contact_group's items, with the user's conversation groups. Works on every edition.
         *     Limited to 200 calls per second per SDKAppID.
         */
        post: operations["searchContactGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/im_open_login_svc/account_import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import one account
         * @description Imports one UserID so that it can mark conversations and be marked. Importing an existing account succeeds.
         */
        post: operations["accountImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/im_open_login_svc/multiaccount_import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import up to 100 accounts
         * @description Imports several UserIDs at once; the ones that could not be imported are answered in `FailAccounts`.
         */
        post: operations["multiaccountImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/group_open_http_svc/create_group": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a group
         * @description Creates a group, with the given `GroupId` or one the server chooses, so that group conversations can be marked.
         */
        post: operations["createGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/group_open_http_svc/destroy_group": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Dissolve a group
         * @description Dissolves a group; later marks of its conversation fail with 51007.
         */
        post: operations["destroyGroup"];
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
        /**
         * @description `OK` when the request was processed (items may still have failed), `FAIL` otherwise.
         * @enum {string}
         */
        ActionStatus: "OK" | "FAIL";
        /** @description The fields every answer carries, and the whole answer of a request that failed as a whole (including an unknown path, 60009). HTTP status is 200 for every API-level error. */
        ResponseEnvelope: {
            ActionStatus: components["schemas"]["ActionStatus"];
            /** @description 0 on success; otherwise a code of `x-error-codes`. */
            ErrorCode: number;
            /** @description What went wrong, in words (empty on success). */
            ErrorInfo: string;
            /** @description A message meant for display (often empty). */
            ErrorDisplay?: string;
        };
        /** @description An account's UserID (at most 32 bytes). A number here answers 60015. */
        UserID: string;
        /** @description A one-to-one conversation with another account. */
        C2CContactItem: {
            /**
             * @description 1 = C2C.
             * @constant
             */
            Type: 1;
            To_Account: components["schemas"]["UserID"];
        };
        /** @description A group conversation. */
        GroupContactItem: {
            /**
             * @description 2 = group.
             * @constant
             */
            Type: 2;
            /** @description The group's id, at most 48 bytes (note the capital I and lowercase d of `ToGroupId`). */
            ToGroupId: string;
        };
        /** @description The conversation an item is about, C2C (`Type` 1, `To_Account`) or group (`Type` 2, `ToGroupId`). The branch is decided by `Type`, an integer as the API sends it: each branch fixes it with `const`, and its required `To_Account` / `ToGroupId` decide as well. There is no OpenAPI `discriminator` on purpose: its tags are strings, and this API's `Type` is not. */
        ContactItem: components["schemas"]["C2CContactItem"] | components["schemas"]["GroupContactItem"];
        /**
         * @description 1 = set standard marks, 2 = set the custom mark, 3 = both.
         * @enum {integer}
         */
        OptType: 1 | 2 | 3;
        /** @description A standard-mark bit position, 1..64. Bits 1..32 are reserved for IM (1 star, 2 marked unread, 3 folded, 4 hidden); bits 33..64 are the customer's. Position n is the value `1 << (n-1)` in the client SDKs. */
        MarkPosition: number;
        /** @description The conversation's custom mark, at most 256 **UTF-8 bytes** (`x-max-bytes`; `maxLength` only bounds characters). Over 256 bytes fails the item alone with 50002. */
        CustomMark: string;
        /** @description One conversation's mark change. */
        MarkItem: {
            OptType: components["schemas"]["OptType"];
            ContactItem: components["schemas"]["ContactItem"];
            /** @description Standard-mark bit positions to set, at most 64 entries. */
            SetMark?: components["schemas"]["MarkPosition"][];
            /** @description Standard-mark bit positions to clear, at most 64 entries (see SetMark). */
            ClearMark?: components["schemas"]["MarkPosition"][];
            CustomMark?: components["schemas"]["CustomMark"];
        };
        MarkContactRequest: {
            From_Account: components["schemas"]["UserID"];
            /** @description The conversations to mark, 1..100 (51006 otherwise). */
            MarkItem: components["schemas"]["MarkItem"][];
        };
        /** @description The ContactItem of a MarkItem as echoed in its ResultItem: complete for an applied item, and limited to the well-typed fields the request sent for a failed one. */
        ContactItemEcho: {
            /**
             * @description 1 = C2C, 2 = group.
             * @enum {integer}
             */
            Type: 1 | 2;
            To_Account?: string;
            ToGroupId?: string;
        };
        /** @description The outcome of one MarkItem, in request order. */
        MarkResultItem: {
            OptType?: components["schemas"]["OptType"];
            ContactItem?: components["schemas"]["ContactItemEcho"];
            /** @description 0 when this item was applied; otherwise an item-level code (50002, 51007, 51008, 60015). */
            ResultCode: number;
            /** @description What was wrong with this item (empty on success). */
            ResultInfo: string;
        };
        /** @description The envelope, and on success one ResultItem per MarkItem. */
        MarkContactAnswer: components["schemas"]["ResponseEnvelope"] & {
            ResultItem?: components["schemas"]["MarkResultItem"][];
        };
        GetContactGroupRequest: {
            From_Account: components["schemas"]["UserID"];
            /**
             * Format: int64
             * @description 0 for the first page, then the previous answer's `NextStartIndex`. Past 2^53−1 → 50002.
             */
            StartIndex: number;
        };
        /** @description The 64-bit standard mark written in binary, most significant bit first. */
        StandardMark: string;
        /** @description The marks and groups of a conversation, as get_contact_group answers them. */
        ContactMarks: {
            StandardMark: components["schemas"]["StandardMark"];
            /** @description The custom mark, absent when none is set. */
            CustomMark?: string;
            /** @description The ids (GroupItem.GroupId) of the conversation groups this conversation belongs to. */
            ContactGroupId?: number[];
            /**
             * Format: int64
             * @description Unix seconds of the conversation's last mark or group change.
             */
            Timestamp: number;
        };
        /** @description A marked or grouped C2C conversation. */
        C2CContactItemWithMarks: components["schemas"]["C2CContactItem"] & components["schemas"]["ContactMarks"];
        /** @description A marked or grouped group conversation. */
        GroupContactItemWithMarks: components["schemas"]["GroupContactItem"] & components["schemas"]["ContactMarks"];
        /** @description A marked or grouped conversation, as get_contact_group answers it: a ContactItem (C2C or group, decided by the integer `Type`) with its marks (`ContactMarks`). */
        ContactItemWithMarks: components["schemas"]["C2CContactItemWithMarks"] | components["schemas"]["GroupContactItemWithMarks"];
        /** @description A conversation group of the user. */
        GroupItem: {
            GroupName: string;
            /**
             * Format: int64
             * @description The group's id, referred to by ContactItem.ContactGroupId.
             */
            GroupId: number;
        };
        /** @description One page of marked and grouped conversations. */
        GetContactGroupAnswer: components["schemas"]["ResponseEnvelope"] & {
            ContactItem?: components["schemas"]["ContactItemWithMarks"][];
            GroupItem?: components["schemas"]["GroupItem"][];
            /**
             * @description 1 when this is the last page.
             * @enum {integer}
             */
            CompleteFlag?: 0 | 1;
            /**
             * Format: int64
             * @description The StartIndex of the next page; 0 on the last page (CompleteFlag 1).
             */
            NextStartIndex?: number;
        };
        /** @description A conversation group's name, 1..32 UTF-8 bytes (`x-max-bytes`), unique among the user's groups (case-sensitive). Breaking this answers 51011, not 50002. */
        ContactGroupName: string;
        /** @description The one group of a create_contact_group request (sent on the wire as an entry of `GroupContactItem`; named differently here because `GroupContactItem` is the schema of a group conversation). */
        ContactGroupToCreate: {
            GroupName: components["schemas"]["ContactGroupName"];
            /** @description The conversations to put in the group, 0..100 (51006 over 100). */
            ContactItem: components["schemas"]["ContactItem"][];
        };
        CreateContactGroupRequest: {
            From_Account: components["schemas"]["UserID"];
            /** @description Exactly one group to create. */
            GroupContactItem: components["schemas"]["ContactGroupToCreate"][];
        };
        /** @description The outcome of one conversation of a group change, in request order. */
        ContactGroupResultItem: {
            ContactOptType?: components["schemas"]["ContactOptType"];
            ContactItem?: components["schemas"]["ContactItemEcho"];
            /** @description 0 when applied; otherwise an item-level code (50002, 51007, 51008, 60015). */
            ResultCode: number;
            /** @description What was wrong with this conversation (empty on success). */
            ResultInfo: string;
        };
        /** @description A conversation group and the outcome of each conversation the request named for it. */
        GroupResultItem: {
            GroupItem: components["schemas"]["GroupItem"];
            ResultItem: components["schemas"]["ContactGroupResultItem"][];
        };
        /** @description The envelope and, on success, the one created group. */
        CreateContactGroupAnswer: components["schemas"]["ResponseEnvelope"] & {
            GroupResultItem?: components["schemas"]["GroupResultItem"][];
        };
        /**
         * @description 1 = add the conversation to the group, 2 = remove it.
         * @enum {integer}
         */
        ContactOptType: 1 | 2;
        ContactUpdateItem: {
            ContactOptType: components["schemas"]["ContactOptType"];
            ContactItem: components["schemas"]["ContactItem"];
        };
        UpdateGroup: {
            /**
             * @description 1 = rename, 2 = add or remove conversations.
             * @enum {integer}
             */
            UpdateGroupType: 1 | 2;
            /** @description The group to change (51009 when the user has no group of that name). */
            OldGroupName: string;
            /** @description The new name, for UpdateGroupType 1 (1..32 bytes, unique; 51011 otherwise). */
            NewGroupName?: string;
            /** @description For UpdateGroupType 2, the conversations to add or remove, 1..100 (51006 otherwise). */
            ContactUpdateItem?: components["schemas"]["ContactUpdateItem"][];
        };
        UpdateContactGroupRequest: {
            From_Account: components["schemas"]["UserID"];
            /**
             * @description Always 1 (update a conversation group).
             * @constant
             */
            UpdateType: 1;
            UpdateGroup: components["schemas"]["UpdateGroup"];
        };
        /** @description The envelope and, on success, the changed group. */
        UpdateContactGroupAnswer: components["schemas"]["ResponseEnvelope"] & {
            GroupResultItem?: components["schemas"]["GroupResultItem"][];
        };
        DelContactGroupRequest: {
            From_Account: components["schemas"]["UserID"];
            /** @description Exactly one group name. */
            GroupName: string[];
        };
        /** @description The envelope and, on success, the deleted group. */
        DelContactGroupAnswer: components["schemas"]["ResponseEnvelope"] & {
            GroupItem?: components["schemas"]["GroupItem"][];
        };
        SearchContactGroupRequest: {
            From_Account: components["schemas"]["UserID"];
            /** @description The conversations to look up, 1..300 (51006 otherwise). */
            ContactItem: components["schemas"]["ContactItem"][];
        };
        /** @description The named conversations that have a mark or a group, and every group of the user. */
        SearchContactGroupAnswer: components["schemas"]["ResponseEnvelope"] & {
            ContactResultItem?: components["schemas"]["ContactItemWithMarks"][];
            GroupItem?: components["schemas"]["GroupItem"][];
        };
        AccountImportRequest: {
            UserID: components["schemas"]["UserID"];
            /**
             * @deprecated
             * @description The older name of `UserID`, still sent by some SDKs. Send `UserID`.
             */
            Identifier?: components["schemas"]["UserID"];
            /** @description Nickname. */
            Nick?: string;
            /** @description Avatar URL. */
            FaceUrl?: string;
        };
        /** @description An entry of multiaccount_import's `AccountList`. */
        ImportedAccount: {
            UserID: components["schemas"]["UserID"];
            /** @description Nickname. */
            Nick?: string;
            /** @description Avatar URL. */
            FaceUrl?: string;
        };
        AccountImportAnswer: components["schemas"]["ResponseEnvelope"];
        /** @description The accounts to import, in one of two forms: plain UserIDs (`Accounts`, the older form) or `AccountList` entries with a nickname and an avatar (the newer form, official REST doc 269/4919; its international edition, tencentcloud.com/document/product/1047/34954, shows both forms and one sample answer). Both forms answer the same: `FailAccounts`, the UserIDs not imported. */
        MultiaccountImportRequest: {
            /** @description The UserIDs to import, 1..100 (the older form). */
            Accounts?: components["schemas"]["UserID"][];
            /** @description The accounts to import, 1..100 (the newer form). */
            AccountList?: components["schemas"]["ImportedAccount"][];
        };
        MultiaccountImportAnswer: components["schemas"]["ResponseEnvelope"] & {
            /** @description The UserIDs that could not be imported. */
            FailAccounts?: string[];
        };
        /**
         * @description The kind of group.
         * @enum {string}
         */
        GroupType: "Public" | "Private" | "ChatRoom" | "AVChatRoom" | "Community" | "Work" | "Meeting";
        CreateGroupRequest: {
            Owner_Account?: components["schemas"]["UserID"];
            Type: components["schemas"]["GroupType"];
            /** @description The group's name, at most 30 bytes. */
            Name: string;
            /** @description A chosen group id; the server makes one up when absent. An id in use answers 10021. */
            GroupId?: string;
        };
        CreateGroupAnswer: components["schemas"]["ResponseEnvelope"] & {
            /** @description The id of the new group. */
            GroupId?: string;
        };
        DestroyGroupRequest: {
            /** @description The group to dissolve, at most 48 bytes. Unknown → 10010. */
            GroupId: string;
        };
        DestroyGroupAnswer: components["schemas"]["ResponseEnvelope"];
    };
    responses: {
        /** @description The result of every MarkItem, in request order (HTTP 200 also for every API-level error). */
        MarkContactAnswer: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["MarkContactAnswer"];
            };
        };
        /** @description One page of the user's marked conversations and their conversation groups. */
        GetContactGroupAnswer: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GetContactGroupAnswer"];
            };
        };
        /** @description The new group and the outcome of each of its conversations. */
        CreateContactGroupAnswer: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["CreateContactGroupAnswer"];
            };
        };
        /** @description The group after the change and the outcome of each ContactUpdateItem. */
        UpdateContactGroupAnswer: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["UpdateContactGroupAnswer"];
            };
        };
        /** @description The deleted group. */
        DelContactGroupAnswer: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["DelContactGroupAnswer"];
            };
        };
        /** @description The marks and groups of the named conversations, and the user's groups. */
        SearchContactGroupAnswer: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["SearchContactGroupAnswer"];
            };
        };
        /** @description The envelope alone. */
        AccountImportAnswer: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["AccountImportAnswer"];
            };
        };
        /** @description The envelope and the accounts that could not be imported. */
        MultiaccountImportAnswer: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["MultiaccountImportAnswer"];
            };
        };
        /** @description The envelope and the id of the new group. */
        CreateGroupAnswer: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["CreateGroupAnswer"];
            };
        };
        /** @description The envelope alone. */
        DestroyGroupAnswer: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["DestroyGroupAnswer"];
            };
        };
    };
    parameters: {
        /**
         * @description The app's SDKAppID, assigned by the IM console. Missing → 60012; unknown → 60006.
         * @example 1400000000
         */
        sdkappid: number;
        /**
         * @description The calling account; it must be an App admin (50003 on recentcontact commands, 60010 elsewhere).
         * @example administrator
         */
        identifier: string;
        /**
         * @description The UserSig of `identifier` (TLSSigAPIv2). Empty → 70002; undecodable → 70003; expired → 70001.
         * @example eJwtzM0KgkAUhmHvhbOX5QwmTGAJIJcbAIpwz0aIvOn
         */
        usersig: string;
        /**
         * @description A random unsigned 32-bit integer, new for each request.
         * @example 99999999
         */
        random: number;
        /**
         * @description The request format; always `json`.
         * @example json
         */
        contenttype: "json";
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    markContact: {
        parameters: {
            query: {
                /**
                 * @description The app's SDKAppID, assigned by the IM console. Missing → 60012; unknown → 60006.
                 * @example 1400000000
                 */
                sdkappid: components["parameters"]["sdkappid"];
                /**
                 * @description The calling account; it must be an App admin (50003 on recentcontact commands, 60010 elsewhere).
                 * @example administrator
                 */
                identifier: components["parameters"]["identifier"];
                /**
                 * @description The UserSig of `identifier` (TLSSigAPIv2). Empty → 70002; undecodable → 70003; expired → 70001.
                 * @example eJwtzM0KgkAUhmHvhbOX5QwmTGAJIJcbAIpwz0aIvOn
                 */
                usersig: components["parameters"]["usersig"];
                /**
                 * @description A random unsigned 32-bit integer, new for each request.
                 * @example 99999999
                 */
                random: components["parameters"]["random"];
                /**
                 * @description The request format; always `json`.
                 * @example json
                 */
                contenttype: components["parameters"]["contenttype"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MarkContactRequest"];
            };
        };
        responses: {
            200: components["responses"]["MarkContactAnswer"];
        };
    };
    getContactGroup: {
        parameters: {
            query: {
                /**
                 * @description The app's SDKAppID, assigned by the IM console. Missing → 60012; unknown → 60006.
                 * @example 1400000000
                 */
                sdkappid: components["parameters"]["sdkappid"];
                /**
                 * @description The calling account; it must be an App admin (50003 on recentcontact commands, 60010 elsewhere).
                 * @example administrator
                 */
                identifier: components["parameters"]["identifier"];
                /**
                 * @description The UserSig of `identifier` (TLSSigAPIv2). Empty → 70002; undecodable → 70003; expired → 70001.
                 * @example eJwtzM0KgkAUhmHvhbOX5QwmTGAJIJcbAIpwz0aIvOn
                 */
                usersig: components["parameters"]["usersig"];
                /**
                 * @description A random unsigned 32-bit integer, new for each request.
                 * @example 99999999
                 */
                random: components["parameters"]["random"];
                /**
                 * @description The request format; always `json`.
                 * @example json
                 */
                contenttype: components["parameters"]["contenttype"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GetContactGroupRequest"];
            };
        };
        responses: {
            200: components["responses"]["GetContactGroupAnswer"];
        };
    };
    createContactGroup: {
        parameters: {
            query: {
                /**
                 * @description The app's SDKAppID, assigned by the IM console. Missing → 60012; unknown → 60006.
                 * @example 1400000000
                 */
                sdkappid: components["parameters"]["sdkappid"];
                /**
                 * @description The calling account; it must be an App admin (50003 on recentcontact commands, 60010 elsewhere).
                 * @example administrator
                 */
                identifier: components["parameters"]["identifier"];
                /**
                 * @description The UserSig of `identifier` (TLSSigAPIv2). Empty → 70002; undecodable → 70003; expired → 70001.
                 * @example eJwtzM0KgkAUhmHvhbOX5QwmTGAJIJcbAIpwz0aIvOn
                 */
                usersig: components["parameters"]["usersig"];
                /**
                 * @description A random unsigned 32-bit integer, new for each request.
                 * @example 99999999
                 */
                random: components["parameters"]["random"];
                /**
                 * @description The request format; always `json`.
                 * @example json
                 */
                contenttype: components["parameters"]["contenttype"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateContactGroupRequest"];
            };
        };
        responses: {
            200: components["responses"]["CreateContactGroupAnswer"];
        };
    };
    updateContactGroup: {
        parameters: {
            query: {
                /**
                 * @description The app's SDKAppID, assigned by the IM console. Missing → 60012; unknown → 60006.
                 * @example 1400000000
                 */
                sdkappid: components["parameters"]["sdkappid"];
                /**
                 * @description The calling account; it must be an App admin (50003 on recentcontact commands, 60010 elsewhere).
                 * @example administrator
                 */
                identifier: components["parameters"]["identifier"];
                /**
                 * @description The UserSig of `identifier` (TLSSigAPIv2). Empty → 70002; undecodable → 70003; expired → 70001.
                 * @example eJwtzM0KgkAUhmHvhbOX5QwmTGAJIJcbAIpwz0aIvOn
                 */
                usersig: components["parameters"]["usersig"];
                /**
                 * @description A random unsigned 32-bit integer, new for each request.
                 * @example 99999999
                 */
                random: components["parameters"]["random"];
                /**
                 * @description The request format; always `json`.
                 * @example json
                 */
                contenttype: components["parameters"]["contenttype"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateContactGroupRequest"];
            };
        };
        responses: {
            200: components["responses"]["UpdateContactGroupAnswer"];
        };
    };
    delContactGroup: {
        parameters: {
            query: {
                /**
                 * @description The app's SDKAppID, assigned by the IM console. Missing → 60012; unknown → 60006.
                 * @example 1400000000
                 */
                sdkappid: components["parameters"]["sdkappid"];
                /**
                 * @description The calling account; it must be an App admin (50003 on recentcontact commands, 60010 elsewhere).
                 * @example administrator
                 */
                identifier: components["parameters"]["identifier"];
                /**
                 * @description The UserSig of `identifier` (TLSSigAPIv2). Empty → 70002; undecodable → 70003; expired → 70001.
                 * @example eJwtzM0KgkAUhmHvhbOX5QwmTGAJIJcbAIpwz0aIvOn
                 */
                usersig: components["parameters"]["usersig"];
                /**
                 * @description A random unsigned 32-bit integer, new for each request.
                 * @example 99999999
                 */
                random: components["parameters"]["random"];
                /**
                 * @description The request format; always `json`.
                 * @example json
                 */
                contenttype: components["parameters"]["contenttype"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DelContactGroupRequest"];
            };
        };
        responses: {
            200: components["responses"]["DelContactGroupAnswer"];
        };
    };
    searchContactGroup: {
        parameters: {
            query: {
                /**
                 * @description The app's SDKAppID, assigned by the IM console. Missing → 60012; unknown → 60006.
                 * @example 1400000000
                 */
                sdkappid: components["parameters"]["sdkappid"];
                /**
                 * @description The calling account; it must be an App admin (50003 on recentcontact commands, 60010 elsewhere).
                 * @example administrator
                 */
                identifier: components["parameters"]["identifier"];
                /**
                 * @description The UserSig of `identifier` (TLSSigAPIv2). Empty → 70002; undecodable → 70003; expired → 70001.
                 * @example eJwtzM0KgkAUhmHvhbOX5QwmTGAJIJcbAIpwz0aIvOn
                 */
                usersig: components["parameters"]["usersig"];
                /**
                 * @description A random unsigned 32-bit integer, new for each request.
                 * @example 99999999
                 */
                random: components["parameters"]["random"];
                /**
                 * @description The request format; always `json`.
                 * @example json
                 */
                contenttype: components["parameters"]["contenttype"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SearchContactGroupRequest"];
            };
        };
        responses: {
            200: components["responses"]["SearchContactGroupAnswer"];
        };
    };
    accountImport: {
        parameters: {
            query: {
                /**
                 * @description The app's SDKAppID, assigned by the IM console. Missing → 60012; unknown → 60006.
                 * @example 1400000000
                 */
                sdkappid: components["parameters"]["sdkappid"];
                /**
                 * @description The calling account; it must be an App admin (50003 on recentcontact commands, 60010 elsewhere).
                 * @example administrator
                 */
                identifier: components["parameters"]["identifier"];
                /**
                 * @description The UserSig of `identifier` (TLSSigAPIv2). Empty → 70002; undecodable → 70003; expired → 70001.
                 * @example eJwtzM0KgkAUhmHvhbOX5QwmTGAJIJcbAIpwz0aIvOn
                 */
                usersig: components["parameters"]["usersig"];
                /**
                 * @description A random unsigned 32-bit integer, new for each request.
                 * @example 99999999
                 */
                random: components["parameters"]["random"];
                /**
                 * @description The request format; always `json`.
                 * @example json
                 */
                contenttype: components["parameters"]["contenttype"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccountImportRequest"];
            };
        };
        responses: {
            200: components["responses"]["AccountImportAnswer"];
        };
    };
    multiaccountImport: {
        parameters: {
            query: {
                /**
                 * @description The app's SDKAppID, assigned by the IM console. Missing → 60012; unknown → 60006.
                 * @example 1400000000
                 */
                sdkappid: components["parameters"]["sdkappid"];
                /**
                 * @description The calling account; it must be an App admin (50003 on recentcontact commands, 60010 elsewhere).
                 * @example administrator
                 */
                identifier: components["parameters"]["identifier"];
                /**
                 * @description The UserSig of `identifier` (TLSSigAPIv2). Empty → 70002; undecodable → 70003; expired → 70001.
                 * @example eJwtzM0KgkAUhmHvhbOX5QwmTGAJIJcbAIpwz0aIvOn
                 */
                usersig: components["parameters"]["usersig"];
                /**
                 * @description A random unsigned 32-bit integer, new for each request.
                 * @example 99999999
                 */
                random: components["parameters"]["random"];
                /**
                 * @description The request format; always `json`.
                 * @example json
                 */
                contenttype: components["parameters"]["contenttype"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MultiaccountImportRequest"];
            };
        };
        responses: {
            200: components["responses"]["MultiaccountImportAnswer"];
        };
    };
    createGroup: {
        parameters: {
            query: {
                /**
                 * @description The app's SDKAppID, assigned by the IM console. Missing → 60012; unknown → 60006.
                 * @example 1400000000
                 */
                sdkappid: components["parameters"]["sdkappid"];
                /**
                 * @description The calling account; it must be an App admin (50003 on recentcontact commands, 60010 elsewhere).
                 * @example administrator
                 */
                identifier: components["parameters"]["identifier"];
                /**
                 * @description The UserSig of `identifier` (TLSSigAPIv2). Empty → 70002; undecodable → 70003; expired → 70001.
                 * @example eJwtzM0KgkAUhmHvhbOX5QwmTGAJIJcbAIpwz0aIvOn
                 */
                usersig: components["parameters"]["usersig"];
                /**
                 * @description A random unsigned 32-bit integer, new for each request.
                 * @example 99999999
                 */
                random: components["parameters"]["random"];
                /**
                 * @description The request format; always `json`.
                 * @example json
                 */
                contenttype: components["parameters"]["contenttype"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateGroupRequest"];
            };
        };
        responses: {
            200: components["responses"]["CreateGroupAnswer"];
        };
    };
    destroyGroup: {
        parameters: {
            query: {
                /**
                 * @description The app's SDKAppID, assigned by the IM console. Missing → 60012; unknown → 60006.
                 * @example 1400000000
                 */
                sdkappid: components["parameters"]["sdkappid"];
                /**
                 * @description The calling account; it must be an App admin (50003 on recentcontact commands, 60010 elsewhere).
                 * @example administrator
                 */
                identifier: components["parameters"]["identifier"];
                /**
                 * @description The UserSig of `identifier` (TLSSigAPIv2). Empty → 70002; undecodable → 70003; expired → 70001.
                 * @example eJwtzM0KgkAUhmHvhbOX5QwmTGAJIJcbAIpwz0aIvOn
                 */
                usersig: components["parameters"]["usersig"];
                /**
                 * @description A random unsigned 32-bit integer, new for each request.
                 * @example 99999999
                 */
                random: components["parameters"]["random"];
                /**
                 * @description The request format; always `json`.
                 * @example json
                 */
                contenttype: components["parameters"]["contenttype"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DestroyGroupRequest"];
            };
        };
        responses: {
            200: components["responses"]["DestroyGroupAnswer"];
        };
    };
}
