// The round trip of openapi/generators/README.md, through a client openapi-generator's `java`
// generator makes from openapi/openapi.yaml (okhttp-gson, its default library, or native). The one
// line that differs between the two libraries, making the ApiClient, is in Client.java.
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.openapitools.client.ApiClient;
import org.openapitools.client.api.GroupOpenHttpSvcApi;
import org.openapitools.client.api.ImOpenLoginSvcApi;
import org.openapitools.client.api.RecentcontactApi;
import org.openapitools.client.model.*;

public class RoundTrip {
  static int failures = 0;

  static void check(String what, Object got, Object want) {
    if (Objects.equals(got, want)) {
      System.out.println("  ok   " + what);
    } else {
      System.out.println("  FAIL " + what + ": got " + got + ", want " + want);
      failures++;
    }
  }

  public static void main(String[] args) throws Exception {
    String prefix = System.getenv("TIM_PREFIX");
    String owner = prefix + "-owner", peer = prefix + "-peer", group = prefix + "-team", ghost = prefix + "-ghost";
    Long sdkAppId = Long.valueOf(System.getenv("TIM_SDKAPPID"));
    String identifier = System.getenv("TIM_IDENTIFIER"), usersig = System.getenv("TIM_USERSIG");
    ApiClient client = Client.create(System.getenv("TIM_STUB_URL"));
    ImOpenLoginSvcApi accounts = new ImOpenLoginSvcApi(client);
    GroupOpenHttpSvcApi groups = new GroupOpenHttpSvcApi(client);
    RecentcontactApi marks = new RecentcontactApi(client);

    // AccountImportAnswer is the ResponseEnvelope itself, so the generator answers a ResponseEnvelope.
    ResponseEnvelope imported =
        accounts.accountImport(sdkAppId, identifier, usersig, random(), "json", new AccountImportRequest().userID(owner));
    check("account_import ErrorCode", imported.getErrorCode(), 0);

    MultiaccountImportAnswer multi = accounts.multiaccountImport(
        sdkAppId, identifier, usersig, random(), "json", new MultiaccountImportRequest().accounts(List.of(peer)));
    check("multiaccount_import ErrorCode", multi.getErrorCode(), 0);
    check("multiaccount_import FailAccounts", multi.getFailAccounts(), List.of());

    CreateGroupAnswer created = groups.createGroup(sdkAppId, identifier, usersig, random(), "json",
        new CreateGroupRequest().ownerAccount(owner).type(GroupType.PUBLIC).name("Team").groupId(group));
    check("create_group ErrorCode", created.getErrorCode(), 0);
    check("create_group GroupId", created.getGroupId(), group);

    ContactItem c2cContact = new ContactItem(new C2CContactItem().type(C2CContactItem.TypeEnum.NUMBER_1).toAccount(peer));
    ContactItem groupContact =
        new ContactItem(new GroupContactItem().type(GroupContactItem.TypeEnum.NUMBER_2).toGroupId(group));
    MarkContactAnswer marked = marks.markContact(sdkAppId, identifier, usersig, random(), "json",
        new MarkContactRequest().fromAccount(owner).markItem(List.of(
            new MarkItem().optType(OptType.NUMBER_3).contactItem(c2cContact).setMark(List.of(1, 2, 3)).customMark("c2c ✓"),
            new MarkItem().optType(OptType.NUMBER_3).contactItem(groupContact).setMark(List.of(4)).clearMark(List.of(1))
                .customMark("group"))));
    check("mark_contact ActionStatus", marked.getActionStatus(), ActionStatus.OK);
    check("mark_contact ErrorCode", marked.getErrorCode(), 0);
    List<MarkResultItem> results = marked.getResultItem() == null ? List.of() : marked.getResultItem();
    check("mark_contact ResultItem count", results.size(), 2);
    if (results.size() == 2) {
      check("mark_contact ResultItem[0] ResultCode", results.get(0).getResultCode(), 0);
      check("mark_contact ResultItem[0] ContactItem",
          List.of(results.get(0).getContactItem().getType().getValue(), results.get(0).getContactItem().getToAccount()),
          List.of(1, peer));
      check("mark_contact ResultItem[1] ResultCode", results.get(1).getResultCode(), 0);
      check("mark_contact ResultItem[1] ContactItem",
          List.of(results.get(1).getContactItem().getType().getValue(), results.get(1).getContactItem().getToGroupId()),
          List.of(2, group));
    }

    GetContactGroupAnswer page = marks.getContactGroup(sdkAppId, identifier, usersig, random(), "json",
        new GetContactGroupRequest().fromAccount(owner).startIndex(0L));
    check("get_contact_group ErrorCode", page.getErrorCode(), 0);
    check("get_contact_group CompleteFlag", page.getCompleteFlag(), GetContactGroupAnswer.CompleteFlagEnum.NUMBER_1);
    check("get_contact_group NextStartIndex is set", page.getNextStartIndex() != null, true);
    List<ContactItemWithMarks> items = page.getContactItem() == null ? List.of() : page.getContactItem();
    check("get_contact_group item count", items.size(), 2);
    // Each item is a ContactItemWithMarks oneOf: its actual instance is the C2C or the group branch.
    C2CContactItemWithMarks c2c = null;
    GroupContactItemWithMarks grp = null;
    for (ContactItemWithMarks item : items) {
      if (item.getActualInstance() instanceof C2CContactItemWithMarks found) c2c = found;
      if (item.getActualInstance() instanceof GroupContactItemWithMarks found) grp = found;
    }
    check("get_contact_group has the C2C and the group item", List.of(c2c != null, grp != null), List.of(true, true));
    if (c2c != null) {
      check("C2C item", List.of(c2c.getType().getValue(), c2c.getToAccount(), c2c.getStandardMark(), c2c.getCustomMark()),
          List.of(1, peer, "111", "c2c ✓"));
      check("C2C item Timestamp is Unix seconds", c2c.getTimestamp() > 1_600_000_000L, true);
    }
    if (grp != null) {
      check("group item", List.of(grp.getType().getValue(), grp.getToGroupId(), grp.getStandardMark(), grp.getCustomMark()),
          List.of(2, group, "1000", "group"));
      check("group item Timestamp is Unix seconds", grp.getTimestamp() > 1_600_000_000L, true);
    }

    // A request-level error: HTTP 200, the error in the answer body.
    MarkContactAnswer refused = marks.markContact(sdkAppId, identifier, usersig, random(), "json",
        new MarkContactRequest().fromAccount(ghost).markItem(
            List.of(new MarkItem().optType(OptType.NUMBER_2).contactItem(c2cContact).customMark("x"))));
    check("unknown From_Account ActionStatus", refused.getActionStatus(), ActionStatus.FAIL);
    check("unknown From_Account ErrorCode", refused.getErrorCode(), 50001);
    check("unknown From_Account has no ResultItem", refused.getResultItem() == null || refused.getResultItem().isEmpty(), true);

    System.exit(failures > 0 ? 1 : 0);
  }

  /** `random`: a new unsigned 32-bit integer for each request. */
  static Long random() {
    return ThreadLocalRandom.current().nextLong(1L << 32);
  }
}
