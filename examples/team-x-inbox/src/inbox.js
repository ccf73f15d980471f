// Team X's inbox service: it stars a conversation and lists the starred ones through the Tencent
// Cloud IM REST API (v4/recentcontact/*). Plain fetch, as a team without the typed client would write.
const STAR = 1;

function commandUrl(api, path) {
  const query = new URLSearchParams({
    sdkappid: String(api.sdkAppId),
    identifier: api.identifier,
    usersig: api.userSig,
    random: String(Math.floor(Math.random() * 4294967295)),
    contenttype: 'json',
  });
  return `${api.baseUrl}/v4/recentcontact/${path}?${query}`;
}

async function call(api, path, body) {
  const response = await fetch(commandUrl(api, path), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = await response.json();
  if (answer.ErrorCode !== 0) throw new Error(`${path}: ${answer.ErrorCode} ${answer.ErrorInfo}`);
  return answer;
}

/** Stars `peer` in `user`'s conversation list. */
export async function star(api, user, peer) {
  const answer = await call(api, 'mark_contact', {
    From_Account: user,
    MarkItem: [{ OptType: 1, ContactItem: { Type: 1, To_Account: peer }, SetMark: [STAR] }],
  });
  return answer.ResultItem[0].ResultCode === 0;
}

/**
 * The peers `user` has starred. StandardMark is the 64-bit mark as a binary string, position 1 the
 * last character.
 */
export async function starredPeers(api, user) {
  const answer = await call(api, 'get_contact_group', { From_Account: user, StartIndex: 0 });
  return answer.ContactItem.filter((item) => item.Type === 1 && item.StandardMark.endsWith('1')).map(
    (item) => item.To_Account,
  );
}

/** Version 2 (the deliberate mistake): reads StandardMark as a list of positions. */
export async function starredPeersV2(api, user) {
  const answer = await call(api, 'get_contact_group', { From_Account: user, StartIndex: 0 });
  return answer.ContactItem.filter((item) => item.StandardMark.includes(STAR)).map((item) => item.To_Account);
}
