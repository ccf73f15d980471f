"""The round trip of openapi/generators/README.md, through the client openapi-python-client makes
from openapi/openapi.yaml (its default package name, from the spec's title)."""

import os
import random
import sys

from tencent_cloud_im_rest_api_conversation_marks_and_groups_client import Client
from tencent_cloud_im_rest_api_conversation_marks_and_groups_client.api.group_open_http_svc import create_group
from tencent_cloud_im_rest_api_conversation_marks_and_groups_client.api.im_open_login_svc import (
    account_import,
    multiaccount_import,
)
from tencent_cloud_im_rest_api_conversation_marks_and_groups_client.api.recentcontact import (
    get_contact_group,
    mark_contact,
)
from tencent_cloud_im_rest_api_conversation_marks_and_groups_client.models import (
    AccountImportRequest,
    ActionStatus,
    C2CContactItem,
    C2CContactItemWithMarks,
    CreateGroupRequest,
    GetContactGroupRequest,
    GroupContactItem,
    GroupContactItemWithMarks,
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


client = Client(base_url=env["TIM_STUB_URL"], raise_on_unexpected_status=True)

answer = account_import.sync(client=client, body=AccountImportRequest(user_id=owner), **query())
check("account_import ErrorCode", answer.error_code, 0)

answer = multiaccount_import.sync(client=client, body=MultiaccountImportRequest(accounts=[peer]), **query())
check("multiaccount_import ErrorCode", answer.error_code, 0)
check("multiaccount_import FailAccounts", answer.fail_accounts, [])

answer = create_group.sync(
    client=client,
    body=CreateGroupRequest(owner_account=owner, type_=GroupType.PUBLIC, name="Team", group_id=group),
    **query(),
)
check("create_group ErrorCode", answer.error_code, 0)
check("create_group GroupId", answer.group_id, group)

answer = mark_contact.sync(
    client=client,
    body=MarkContactRequest(
        from_account=owner,
        mark_item=[
            MarkItem(
                opt_type=OptType.VALUE_3,
                contact_item=C2CContactItem(type_=1, to_account=peer),
                set_mark=[1, 2, 3],
                custom_mark="c2c ✓",
            ),
            MarkItem(
                opt_type=OptType.VALUE_3,
                contact_item=GroupContactItem(type_=2, to_group_id=group),
                set_mark=[4],
                clear_mark=[1],
                custom_mark="group",
            ),
        ],
    ),
    **query(),
)
check("mark_contact ActionStatus", answer.action_status, ActionStatus.OK)
check("mark_contact ErrorCode", answer.error_code, 0)
results = answer.result_item or []
check("mark_contact ResultItem count", len(results), 2)
if len(results) == 2:
    check("mark_contact ResultItem[0] ResultCode", results[0].result_code, 0)
    check("mark_contact ResultItem[0] ContactItem", (results[0].contact_item.type_, results[0].contact_item.to_account), (1, peer))
    check("mark_contact ResultItem[1] ResultCode", results[1].result_code, 0)
    check("mark_contact ResultItem[1] ContactItem", (results[1].contact_item.type_, results[1].contact_item.to_group_id), (2, group))

answer = get_contact_group.sync(client=client, body=GetContactGroupRequest(from_account=owner, start_index=0), **query())
check("get_contact_group ErrorCode", answer.error_code, 0)
check("get_contact_group CompleteFlag", answer.complete_flag, 1)
check("get_contact_group NextStartIndex is an integer", isinstance(answer.next_start_index, int), True)
# ContactItem is a list of C2CContactItemWithMarks | GroupContactItemWithMarks, told apart by the const Type.
items = answer.contact_item or []
check("get_contact_group item count", len(items), 2)
c2c = next((item for item in items if isinstance(item, C2CContactItemWithMarks)), None)
grp = next((item for item in items if isinstance(item, GroupContactItemWithMarks)), None)
check("get_contact_group has the C2C and the group item", (c2c is not None, grp is not None), (True, True))
if c2c is not None:
    check("C2C item", (c2c.type_, c2c.to_account, c2c.standard_mark, c2c.custom_mark), (1, peer, "111", "c2c ✓"))
    check("C2C item Timestamp is Unix seconds", c2c.timestamp > 1_600_000_000, True)
if grp is not None:
    check("group item", (grp.type_, grp.to_group_id, grp.standard_mark, grp.custom_mark), (2, group, "1000", "group"))
    check("group item Timestamp is Unix seconds", grp.timestamp > 1_600_000_000, True)

# A request-level error: HTTP 200, the error in the answer body.
answer = mark_contact.sync(
    client=client,
    body=MarkContactRequest(
        from_account=ghost,
        mark_item=[MarkItem(opt_type=OptType.VALUE_2, contact_item=C2CContactItem(type_=1, to_account=peer), custom_mark="x")],
    ),
    **query(),
)
check("unknown From_Account ActionStatus", answer.action_status, ActionStatus.FAIL)
check("unknown From_Account ErrorCode", answer.error_code, 50001)
check("unknown From_Account has no ResultItem", not answer.result_item, True)

sys.exit(1 if failures else 0)
