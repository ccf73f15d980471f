"""The round trip of openapi/generators/README.md, through the client openapi-generator's `python`
generator makes from openapi/openapi.yaml (package `openapi_client`, its default name)."""

import os
import random
import sys

import openapi_client as api
from openapi_client.models import (
    AccountImportRequest,
    C2CContactItem,
    ContactItem,
    CreateGroupRequest,
    GetContactGroupRequest,
    GroupContactItem,
    GroupType,
    MarkContactRequest,
    MarkItem,
    MultiaccountImportRequest,
    OptType,
)

env = os.environ
prefix = env["TIM_PREFIX"]
owner, peer, group, ghost = f"{prefix}-owner", f"{prefix}-peer", f"{prefix}-team", f"{prefix}-ghost"
failures = []


def check(what, got, want):
    if got == want:
        print(f"  ok   {what}")
    else:
        print(f"  FAIL {what}: got {got!r}, want {want!r}")
        failures.append(what)


def query():
    """The five query parameters of every command; `random` is new for each request."""
    return dict(
        sdkappid=int(env["TIM_SDKAPPID"]),
        identifier=env["TIM_IDENTIFIER"],
        usersig=env["TIM_USERSIG"],
        random=random.randrange(0, 2**32),
        contenttype="json",
    )


client = api.ApiClient(api.Configuration(host=env["TIM_STUB_URL"]))
accounts = api.ImOpenLoginSvcApi(client)
groups = api.GroupOpenHttpSvcApi(client)
marks = api.RecentcontactApi(client)

answer = accounts.account_import(**query(), account_import_request=AccountImportRequest(UserID=owner, Nick="Owner"))
check("account_import ErrorCode", answer.error_code, 0)

answer = accounts.multiaccount_import(**query(), multiaccount_import_request=MultiaccountImportRequest(Accounts=[peer]))
check("multiaccount_import ErrorCode", answer.error_code, 0)
check("multiaccount_import FailAccounts", answer.fail_accounts, [])

answer = groups.create_group(
    **query(),
    create_group_request=CreateGroupRequest(Owner_Account=owner, Type=GroupType.PUBLIC, Name="Team", GroupId=group),
)
check("create_group ErrorCode", answer.error_code, 0)
check("create_group GroupId", answer.group_id, group)

answer = marks.mark_contact(
    **query(),
    mark_contact_request=MarkContactRequest(
        From_Account=owner,
        MarkItem=[
            MarkItem(
                OptType=OptType.NUMBER_3,
                ContactItem=ContactItem(C2CContactItem(Type=1, To_Account=peer)),
                SetMark=[1, 2, 3],
                CustomMark="c2c ✓",
            ),
            MarkItem(
                OptType=OptType.NUMBER_3,
                ContactItem=ContactItem(GroupContactItem(Type=2, ToGroupId=group)),
                SetMark=[4],
                ClearMark=[1],
                CustomMark="group",
            ),
        ],
    ),
)
check("mark_contact ActionStatus", answer.action_status.value, "OK")
check("mark_contact ErrorCode", answer.error_code, 0)
results = answer.result_item or []
check("mark_contact ResultItem count", len(results), 2)
if len(results) == 2:
    check("mark_contact ResultItem[0] ResultCode", results[0].result_code, 0)
    check("mark_contact ResultItem[0] ContactItem", (results[0].contact_item.type, results[0].contact_item.to_account), (1, peer))
    check("mark_contact ResultItem[1] ResultCode", results[1].result_code, 0)
    check("mark_contact ResultItem[1] ContactItem", (results[1].contact_item.type, results[1].contact_item.to_group_id), (2, group))

answer = marks.get_contact_group(**query(), get_contact_group_request=GetContactGroupRequest(From_Account=owner, StartIndex=0))
check("get_contact_group ErrorCode", answer.error_code, 0)
check("get_contact_group CompleteFlag", answer.complete_flag, 1)
check("get_contact_group NextStartIndex is an integer", isinstance(answer.next_start_index, int), True)
# Each item is a ContactItemWithMarks: a oneOf whose actual_instance is the C2C or the group branch.
items = {item.actual_instance.type: item.actual_instance for item in (answer.contact_item or []) if item.actual_instance}
check("get_contact_group item types", sorted(items), [1, 2])
c2c, grp = items.get(1), items.get(2)
if c2c is not None:
    check("C2C item To_Account", c2c.to_account, peer)
    check("C2C item StandardMark", c2c.standard_mark, "111")
    check("C2C item CustomMark", c2c.custom_mark, "c2c ✓")
    check("C2C item Timestamp is Unix seconds", c2c.timestamp > 1_600_000_000, True)
if grp is not None:
    check("group item ToGroupId", grp.to_group_id, group)
    check("group item StandardMark", grp.standard_mark, "1000")
    check("group item CustomMark", grp.custom_mark, "group")
    check("group item Timestamp is Unix seconds", grp.timestamp > 1_600_000_000, True)

# A request-level error: HTTP 200, the error in the answer body.
answer = marks.mark_contact(
    **query(),
    mark_contact_request=MarkContactRequest(
        From_Account=ghost,
        MarkItem=[MarkItem(OptType=OptType.NUMBER_2, ContactItem=ContactItem(C2CContactItem(Type=1, To_Account=peer)), CustomMark="x")],
    ),
)
check("unknown From_Account ActionStatus", answer.action_status.value, "FAIL")
check("unknown From_Account ErrorCode", answer.error_code, 50001)
check("unknown From_Account has no ResultItem", not answer.result_item, True)

sys.exit(1 if failures else 0)
