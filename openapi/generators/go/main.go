// The round trip of openapi/generators/README.md, through the client openapi-generator's `go`
// generator makes from openapi/openapi.yaml (package `openapi`, in ./client).
package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"

	openapi "github.com/GIT_USER_ID/GIT_REPO_ID"
)

var failures int

func check(what string, got, want any) {
	if reflect.DeepEqual(got, want) {
		fmt.Printf("  ok   %s\n", what)
		return
	}
	fmt.Printf("  FAIL %s: got %#v, want %#v\n", what, got, want)
	failures++
}

func must[T any](answer T, _ any, err error) T {
	if err != nil {
		fmt.Printf("  FAIL call: %v\n", err)
		os.Exit(1)
	}
	return answer
}

func main() {
	prefix := os.Getenv("TIM_PREFIX")
	owner, peer, group, ghost := prefix+"-owner", prefix+"-peer", prefix+"-team", prefix+"-ghost"
	var sdkAppID int64
	fmt.Sscan(os.Getenv("TIM_SDKAPPID"), &sdkAppID)

	cfg := openapi.NewConfiguration()
	cfg.Servers = openapi.ServerConfigurations{{URL: os.Getenv("TIM_STUB_URL")}}
	client := openapi.NewAPIClient(cfg)
	ctx := context.Background()
	// The five query parameters of every command; `random` is new for each request.
	identifier, usersig := os.Getenv("TIM_IDENTIFIER"), os.Getenv("TIM_USERSIG")
	random := func() int64 { return rand.Int64N(1 << 32) }

	imported := must(client.ImOpenLoginSvcAPI.AccountImport(ctx).Sdkappid(sdkAppID).Identifier(identifier).Usersig(usersig).Random(random()).Contenttype("json").
		AccountImportRequest(*openapi.NewAccountImportRequest(owner)).Execute())
	check("account_import ErrorCode", imported.ErrorCode, int32(0))

	// The body takes Accounts or AccountList (both optional in the schema): the older form here.
	accounts := openapi.NewMultiaccountImportRequest()
	accounts.SetAccounts([]string{peer})
	multi := must(client.ImOpenLoginSvcAPI.MultiaccountImport(ctx).Sdkappid(sdkAppID).Identifier(identifier).Usersig(usersig).Random(random()).Contenttype("json").
		MultiaccountImportRequest(*accounts).Execute())
	check("multiaccount_import ErrorCode", multi.ErrorCode, int32(0))
	check("multiaccount_import FailAccounts", len(multi.FailAccounts), 0)

	create := openapi.NewCreateGroupRequest(openapi.PUBLIC, "Team")
	create.SetOwnerAccount(owner)
	create.SetGroupId(group)
	created := must(client.GroupOpenHttpSvcAPI.CreateGroup(ctx).Sdkappid(sdkAppID).Identifier(identifier).Usersig(usersig).Random(random()).Contenttype("json").
		CreateGroupRequest(*create).Execute())
	check("create_group ErrorCode", created.ErrorCode, int32(0))
	check("create_group GroupId", created.GetGroupId(), group)

	c2cItem := openapi.NewMarkItem(openapi.OptType(3), openapi.C2CContactItemAsContactItem(openapi.NewC2CContactItem(1, peer)))
	c2cItem.SetSetMark([]int32{1, 2, 3})
	c2cItem.SetCustomMark("c2c ✓")
	groupItem := openapi.NewMarkItem(openapi.OptType(3), openapi.GroupContactItemAsContactItem(openapi.NewGroupContactItem(2, group)))
	groupItem.SetSetMark([]int32{4})
	groupItem.SetClearMark([]int32{1})
	groupItem.SetCustomMark("group")
	marked := must(client.RecentcontactAPI.MarkContact(ctx).Sdkappid(sdkAppID).Identifier(identifier).Usersig(usersig).Random(random()).Contenttype("json").
		MarkContactRequest(*openapi.NewMarkContactRequest(owner, []openapi.MarkItem{*c2cItem, *groupItem})).Execute())
	check("mark_contact ActionStatus", marked.ActionStatus, openapi.ActionStatus("OK"))
	check("mark_contact ErrorCode", marked.ErrorCode, int32(0))
	check("mark_contact ResultItem count", len(marked.ResultItem), 2)
	if len(marked.ResultItem) == 2 {
		r0, r1 := marked.ResultItem[0], marked.ResultItem[1]
		check("mark_contact ResultItem[0] ResultCode", r0.ResultCode, int32(0))
		check("mark_contact ResultItem[0] ContactItem", []any{r0.ContactItem.Type, r0.ContactItem.GetToAccount()}, []any{int32(1), peer})
		check("mark_contact ResultItem[1] ResultCode", r1.ResultCode, int32(0))
		check("mark_contact ResultItem[1] ContactItem", []any{r1.ContactItem.Type, r1.ContactItem.GetToGroupId()}, []any{int32(2), group})
	}

	page := must(client.RecentcontactAPI.GetContactGroup(ctx).Sdkappid(sdkAppID).Identifier(identifier).Usersig(usersig).Random(random()).Contenttype("json").
		GetContactGroupRequest(*openapi.NewGetContactGroupRequest(owner, 0)).Execute())
	check("get_contact_group ErrorCode", page.ErrorCode, int32(0))
	check("get_contact_group CompleteFlag", page.GetCompleteFlag(), int32(1))
	check("get_contact_group NextStartIndex is set", page.NextStartIndex != nil, true)
	// Each item is a ContactItemWithMarks: a oneOf with one pointer per branch, exactly one set.
	var c2c *openapi.C2CContactItemWithMarks
	var grp *openapi.GroupContactItemWithMarks
	for _, item := range page.ContactItem {
		if item.C2CContactItemWithMarks != nil {
			c2c = item.C2CContactItemWithMarks
		}
		if item.GroupContactItemWithMarks != nil {
			grp = item.GroupContactItemWithMarks
		}
	}
	check("get_contact_group item count", len(page.ContactItem), 2)
	check("get_contact_group has the C2C and the group item", []bool{c2c != nil, grp != nil}, []bool{true, true})
	if c2c != nil {
		check("C2C item Type", c2c.Type, int32(1))
		check("C2C item To_Account", c2c.ToAccount, peer)
		check("C2C item StandardMark", c2c.StandardMark, "111")
		check("C2C item CustomMark", c2c.GetCustomMark(), "c2c ✓")
		check("C2C item Timestamp is Unix seconds", c2c.Timestamp > 1_600_000_000, true)
	}
	if grp != nil {
		check("group item Type", grp.Type, int32(2))
		check("group item ToGroupId", grp.ToGroupId, group)
		check("group item StandardMark", grp.StandardMark, "1000")
		check("group item CustomMark", grp.GetCustomMark(), "group")
		check("group item Timestamp is Unix seconds", grp.Timestamp > 1_600_000_000, true)
	}

	// A request-level error: HTTP 200, the error in the answer body.
	ghostItem := openapi.NewMarkItem(openapi.OptType(2), openapi.C2CContactItemAsContactItem(openapi.NewC2CContactItem(1, peer)))
	ghostItem.SetCustomMark("x")
	refused := must(client.RecentcontactAPI.MarkContact(ctx).Sdkappid(sdkAppID).Identifier(identifier).Usersig(usersig).Random(random()).Contenttype("json").
		MarkContactRequest(*openapi.NewMarkContactRequest(ghost, []openapi.MarkItem{*ghostItem})).Execute())
	check("unknown From_Account ActionStatus", refused.ActionStatus, openapi.ActionStatus("FAIL"))
	check("unknown From_Account ErrorCode", refused.ErrorCode, int32(50001))
	check("unknown From_Account has no ResultItem", len(refused.ResultItem), 0)

	if failures > 0 {
		os.Exit(1)
	}
}
