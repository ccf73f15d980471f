// The round trip of openapi/generators/README.md, through the client oapi-codegen (default
// configuration) makes from openapi/openapi.yaml (package `timmarks`, in ./timmarks).
package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"

	"tim-marks.local/generators/oapi-codegen/timmarks"
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

// must stops at a transport or decoding error, and at an answer without a decoded JSON body.
func must[T any](answer interface{ GetJSON200() *T }, err error) *T {
	if err != nil {
		fmt.Printf("  FAIL call: %v\n", err)
		os.Exit(1)
	}
	if answer.GetJSON200() == nil {
		fmt.Printf("  FAIL call: no JSON answer decoded\n")
		os.Exit(1)
	}
	return answer.GetJSON200()
}

func main() {
	prefix := os.Getenv("TIM_PREFIX")
	owner, peer, group, ghost := prefix+"-owner", prefix+"-peer", prefix+"-team", prefix+"-ghost"
	var sdkAppID int64
	fmt.Sscan(os.Getenv("TIM_SDKAPPID"), &sdkAppID)
	identifier, usersig := os.Getenv("TIM_IDENTIFIER"), os.Getenv("TIM_USERSIG")
	random := func() int64 { return rand.Int64N(1 << 32) }

	client, err := timmarks.NewClientWithResponses(os.Getenv("TIM_STUB_URL"))
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	ctx := context.Background()

	imported := must(client.AccountImportWithResponse(ctx,
		&timmarks.AccountImportParams{Sdkappid: sdkAppID, Identifier: identifier, Usersig: usersig, Random: random(), Contenttype: timmarks.AccountImportParamsContenttypeJson},
		timmarks.AccountImportRequest{UserID: owner}))
	check("account_import ErrorCode", imported.ErrorCode, 0)

	multi := must(client.MultiaccountImportWithResponse(ctx,
		&timmarks.MultiaccountImportParams{Sdkappid: sdkAppID, Identifier: identifier, Usersig: usersig, Random: random(), Contenttype: timmarks.MultiaccountImportParamsContenttypeJson},
		// The body takes Accounts or AccountList (both optional in the schema): the older form here.
		timmarks.MultiaccountImportRequest{Accounts: &[]timmarks.UserID{peer}}))
	check("multiaccount_import ErrorCode", multi.ErrorCode, 0)
	check("multiaccount_import FailAccounts", multi.FailAccounts != nil && len(*multi.FailAccounts) == 0, true)

	created := must(client.CreateGroupWithResponse(ctx,
		&timmarks.CreateGroupParams{Sdkappid: sdkAppID, Identifier: identifier, Usersig: usersig, Random: random(), Contenttype: timmarks.CreateGroupParamsContenttypeJson},
		timmarks.CreateGroupRequest{OwnerAccount: &owner, Type: timmarks.Public, Name: "Team", GroupId: &group}))
	check("create_group ErrorCode", created.ErrorCode, 0)
	check("create_group GroupId", created.GroupId != nil && *created.GroupId == group, true)

	var c2cContact, groupContact timmarks.ContactItem
	if err := c2cContact.FromC2CContactItem(timmarks.C2CContactItem{Type: timmarks.C2CContactItemTypeN1, ToAccount: peer}); err != nil {
		panic(err)
	}
	if err := groupContact.FromGroupContactItem(timmarks.GroupContactItem{Type: timmarks.GroupContactItemTypeN2, ToGroupId: group}); err != nil {
		panic(err)
	}
	c2cMark, groupMark := "c2c ✓", "group"
	markParams := func() *timmarks.MarkContactParams {
		return &timmarks.MarkContactParams{Sdkappid: sdkAppID, Identifier: identifier, Usersig: usersig, Random: random(), Contenttype: timmarks.MarkContactParamsContenttypeJson}
	}
	marked := must(client.MarkContactWithResponse(ctx, markParams(), timmarks.MarkContactRequest{
		FromAccount: owner,
		MarkItem: []timmarks.MarkItem{
			{OptType: timmarks.OptTypeN3, ContactItem: c2cContact, SetMark: &[]timmarks.MarkPosition{1, 2, 3}, CustomMark: &c2cMark},
			{OptType: timmarks.OptTypeN3, ContactItem: groupContact, SetMark: &[]timmarks.MarkPosition{4}, ClearMark: &[]timmarks.MarkPosition{1}, CustomMark: &groupMark},
		},
	}))
	check("mark_contact ActionStatus", marked.ActionStatus, timmarks.OK)
	check("mark_contact ErrorCode", marked.ErrorCode, 0)
	var results []timmarks.MarkResultItem
	if marked.ResultItem != nil {
		results = *marked.ResultItem
	}
	check("mark_contact ResultItem count", len(results), 2)
	if len(results) == 2 {
		r0, r1 := results[0], results[1]
		check("mark_contact ResultItem[0] ResultCode", r0.ResultCode, 0)
		check("mark_contact ResultItem[0] ContactItem", []any{int(r0.ContactItem.Type), *r0.ContactItem.ToAccount}, []any{1, peer})
		check("mark_contact ResultItem[1] ResultCode", r1.ResultCode, 0)
		check("mark_contact ResultItem[1] ContactItem", []any{int(r1.ContactItem.Type), *r1.ContactItem.ToGroupId}, []any{2, group})
	}

	page := must(client.GetContactGroupWithResponse(ctx,
		&timmarks.GetContactGroupParams{Sdkappid: sdkAppID, Identifier: identifier, Usersig: usersig, Random: random(), Contenttype: timmarks.GetContactGroupParamsContenttypeJson},
		timmarks.GetContactGroupRequest{FromAccount: owner, StartIndex: 0}))
	check("get_contact_group ErrorCode", page.ErrorCode, 0)
	check("get_contact_group CompleteFlag", page.CompleteFlag != nil && *page.CompleteFlag == 1, true)
	check("get_contact_group NextStartIndex is set", page.NextStartIndex != nil, true)
	// Each item is a ContactItemWithMarks union: read its Type, then take the branch it names.
	var c2c *timmarks.C2CContactItemWithMarks
	var grp *timmarks.GroupContactItemWithMarks
	var items []timmarks.ContactItemWithMarks
	if page.ContactItem != nil {
		items = *page.ContactItem
	}
	for _, item := range items {
		asC2C, err := item.AsC2CContactItemWithMarks()
		if err != nil {
			panic(err)
		}
		switch int(asC2C.Type) {
		case 1:
			c2c = &asC2C
		case 2:
			asGroup, err := item.AsGroupContactItemWithMarks()
			if err != nil {
				panic(err)
			}
			grp = &asGroup
		}
	}
	check("get_contact_group item count", len(items), 2)
	check("get_contact_group has the C2C and the group item", []bool{c2c != nil, grp != nil}, []bool{true, true})
	if c2c != nil {
		check("C2C item To_Account", c2c.ToAccount, peer)
		check("C2C item StandardMark", c2c.StandardMark, "111")
		check("C2C item CustomMark", c2c.CustomMark != nil && *c2c.CustomMark == c2cMark, true)
		check("C2C item Timestamp is Unix seconds", c2c.Timestamp > 1_600_000_000, true)
	}
	if grp != nil {
		check("group item Type", int(grp.Type), 2)
		check("group item ToGroupId", grp.ToGroupId, group)
		check("group item StandardMark", grp.StandardMark, "1000")
		check("group item CustomMark", grp.CustomMark != nil && *grp.CustomMark == groupMark, true)
		check("group item Timestamp is Unix seconds", grp.Timestamp > 1_600_000_000, true)
	}

	// A request-level error: HTTP 200, the error in the answer body.
	x := "x"
	refused := must(client.MarkContactWithResponse(ctx, markParams(), timmarks.MarkContactRequest{
		FromAccount: ghost,
		MarkItem:    []timmarks.MarkItem{{OptType: timmarks.OptTypeN2, ContactItem: c2cContact, CustomMark: &x}},
	}))
	check("unknown From_Account ActionStatus", refused.ActionStatus, timmarks.FAIL)
	check("unknown From_Account ErrorCode", refused.ErrorCode, 50001)
	check("unknown From_Account has no ResultItem", refused.ResultItem == nil || len(*refused.ResultItem) == 0, true)

	if failures > 0 {
		os.Exit(1)
	}
}
