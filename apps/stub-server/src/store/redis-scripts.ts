// The Lua scripts of the Redis store. Each write of the API is one script, so it is one atomic step
// on the Redis side whatever the number of stub replicas: the cap check and the write that depends on
// it cannot interleave with another replica's. Every script touches the keys of ONE hash tag (one
// Cluster slot): a user's scripts KEYS = that user's keys (tag {APP:USER}), the chat-group scripts
// KEYS = the app's keys (tag {APP}).
//
// A conversation is one field of the user's hash `c`, named TYPE:ID (1:alice, 2:@TGS#…), valued
// `HI:LO:TIMESTAMP:GROUPIDS:CUSTOM` (HI/LO the standard mark's 32-bit halves as signed integers, as
// JavaScript's bit operators give them; GROUPIDS ascending, comma-separated; CUSTOM last because it
// may hold any character, '' = none). Its position in the first-marked order is its score in the
// sorted set `o`, drawn from the counter `s`; ZCARD of `o` is the count the 1000 cap is held to.

/** Shared by the user scripts: parse and pack a conversation, read and write GROUPIDS. */
const PRELUDE = `
local function parse(v)
  local hi, lo, ts, groups, custom = string.match(v, '^(-?%d+):(-?%d+):(%d+):([%d,]*):(.*)$')
  return tonumber(hi), tonumber(lo), ts, groups, custom
end
local function pack(hi, lo, ts, groups, custom)
  return string.format('%d:%d:%s:%s:', hi, lo, ts, groups) .. custom
end
local function glist(s)
  local t = {}
  for id in string.gmatch(s, '%d+') do t[#t + 1] = tonumber(id) end
  return t
end
local function gjoin(t)
  table.sort(t)
  local parts = {}
  for i, v in ipairs(t) do parts[i] = string.format('%d', v) end
  return table.concat(parts, ',')
end
`;

/**
 * mark_contact. KEYS: account flag, c, o, s. ARGV: now, cap, then per op 8 values: TYPE:ID,
 * resolved (0 = a group that does not exist or was dissolved), setHi, setLo, clearHi, clearLo,
 * k|s (keep or set the custom mark), custom. Answers nil when the user was never imported, else one
 * outcome per op: 0 applied, 1 group unresolved, 2 over the cap.
 */
export const MARK_CONTACT = `${PRELUDE}
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local now, cap = ARGV[1], tonumber(ARGV[2])
local size = redis.call('ZCARD', KEYS[3])
local out = {}
for b = 3, #ARGV, 8 do
  local conv = ARGV[b]
  if ARGV[b + 1] == '0' then
    out[#out + 1] = 1
  else
    local cur = redis.call('HGET', KEYS[2], conv)
    local hi, lo, groups, custom = 0, 0, '', ''
    if cur then
      local h, l, t, g, c = parse(cur)
      hi, lo, groups, custom = h, l, g, c
    end
    hi = bit.band(bit.bor(hi, tonumber(ARGV[b + 2])), bit.bnot(tonumber(ARGV[b + 4])))
    lo = bit.band(bit.bor(lo, tonumber(ARGV[b + 3])), bit.bnot(tonumber(ARGV[b + 5])))
    if ARGV[b + 6] == 's' then custom = ARGV[b + 7] end
    local empty = hi == 0 and lo == 0 and custom == '' and groups == ''
    local outcome = 0
    if not cur then
      if not empty then
        if size >= cap then
          outcome = 2
        else
          size = size + 1
          redis.call('ZADD', KEYS[3], redis.call('INCR', KEYS[4]), conv)
          redis.call('HSET', KEYS[2], conv, pack(hi, lo, now, groups, custom))
        end
      end
    elseif empty then
      size = size - 1
      redis.call('HDEL', KEYS[2], conv)
      redis.call('ZREM', KEYS[3], conv)
    else
      redis.call('HSET', KEYS[2], conv, pack(hi, lo, now, groups, custom))
    end
    out[#out + 1] = outcome
  end
end
return out
`;

/**
 * get_contact_group's page, read in one step (a consistent snapshot). KEYS: account flag, c, o, g.
 * ARGV: start, count. Answers nil when never imported, else {total, fields, values, group hash}.
 */
export const CONTACT_PAGE = `
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local total = redis.call('ZCARD', KEYS[3])
local start = tonumber(ARGV[1])
local fields = redis.call('ZRANGE', KEYS[3], start, start + tonumber(ARGV[2]) - 1)
local values = {}
if #fields > 0 then values = redis.call('HMGET', KEYS[2], unpack(fields)) end
return {total, fields, values, redis.call('HGETALL', KEYS[4])}
`;

/** search_contact_group. KEYS: account flag, c, g. ARGV: TYPE:ID… Answers nil or {values, group hash}. */
export const SEARCH_CONTACTS = `
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local values = {}
if #ARGV > 0 then values = redis.call('HMGET', KEYS[2], unpack(ARGV)) end
return {values, redis.call('HGETALL', KEYS[3])}
`;

/**
 * create / update / del_contact_group. KEYS: account flag, c, o, s, g (g: GroupId → GroupName, and
 * `next`, the id the next group gets; ids are never reused). ARGV: now, conversation cap, group cap,
 * action (create | rename | members | del), name, new name, then per member op 3 values: TYPE:ID,
 * resolved, add (1) or remove (0). Answers {outcome} or {'done', GroupId, GroupName, member outcomes…}.
 */
export const CONTACT_GROUP = `${PRELUDE}
if redis.call('EXISTS', KEYS[1]) == 0 then return {'not-imported'} end
local now, cap, action, name = ARGV[1], tonumber(ARGV[2]), ARGV[4], ARGV[5]
local all = redis.call('HGETALL', KEYS[5])
local count, byName = 0, {}
for i = 1, #all, 2 do
  if all[i] ~= 'next' then
    count = count + 1
    byName[all[i + 1]] = tonumber(all[i])
  end
end
local gid = byName[name]
if action == 'create' then
  if gid then return {'name-taken'} end
  if count >= tonumber(ARGV[3]) then return {'too-many'} end
  gid = tonumber(redis.call('HGET', KEYS[5], 'next') or '1')
  redis.call('HSET', KEYS[5], 'next', gid + 1, gid, name)
elseif not gid then
  return {'not-found'}
elseif action == 'rename' then
  local new = ARGV[6]
  if new == name then return {'done', gid, name} end
  if byName[new] then return {'name-taken'} end
  redis.call('HSET', KEYS[5], gid, new)
  return {'done', gid, new}
elseif action == 'del' then
  local rows = redis.call('HGETALL', KEYS[2])
  for i = 1, #rows, 2 do
    local hi, lo, ts, groups, custom = parse(rows[i + 1])
    local kept, had = {}, false
    for _, id in ipairs(glist(groups)) do
      if id == gid then had = true else kept[#kept + 1] = id end
    end
    if had then
      if #kept == 0 and hi == 0 and lo == 0 and custom == '' then
        redis.call('HDEL', KEYS[2], rows[i])
        redis.call('ZREM', KEYS[3], rows[i])
      else
        redis.call('HSET', KEYS[2], rows[i], pack(hi, lo, now, gjoin(kept), custom))
      end
    end
  end
  redis.call('HDEL', KEYS[5], gid)
  return {'done', gid, name}
end
local size = redis.call('ZCARD', KEYS[3])
local out = {'done', gid, name}
for b = 7, #ARGV, 3 do
  local conv, add = ARGV[b], ARGV[b + 2] == '1'
  if add and ARGV[b + 1] == '0' then
    out[#out + 1] = 1
  else
    local cur = redis.call('HGET', KEYS[2], conv)
    local hi, lo, groups, custom = 0, 0, '', ''
    if cur then
      local h, l, t, g, c = parse(cur)
      hi, lo, groups, custom = h, l, g, c
    end
    local list, member = glist(groups), false
    for _, id in ipairs(list) do if id == gid then member = true end end
    local outcome = 0
    if add and not member then
      if not cur then
        if size >= cap then
          outcome = 2
        else
          size = size + 1
          redis.call('ZADD', KEYS[3], redis.call('INCR', KEYS[4]), conv)
        end
      end
      if outcome == 0 then
        list[#list + 1] = gid
        redis.call('HSET', KEYS[2], conv, pack(hi, lo, now, gjoin(list), custom))
      end
    elseif member and not add then
      local kept = {}
      for _, id in ipairs(list) do if id ~= gid then kept[#kept + 1] = id end end
      if #kept == 0 and hi == 0 and lo == 0 and custom == '' then
        size = size - 1
        redis.call('HDEL', KEYS[2], conv)
        redis.call('ZREM', KEYS[3], conv)
      else
        redis.call('HSET', KEYS[2], conv, pack(hi, lo, now, gjoin(kept), custom))
      end
    end
    out[#out + 1] = outcome
  end
end
return out
`;

/** Everything of one user, for the export. KEYS: account flag, c, o, g. Answers nil or {order with scores, c, g}. */
export const USER_DUMP = `
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
return {redis.call('ZRANGE', KEYS[3], 0, -1), redis.call('HGETALL', KEYS[2]), redis.call('HGETALL', KEYS[4])}
`;

/**
 * Adds accounts to the app's index (a sorted set in import order, for the export). KEYS: index,
 * its counter. ARGV: UserIDs. The account itself is the flag key in the user's own slot.
 */
export const INDEX_ACCOUNTS = `
for _, id in ipairs(ARGV) do
  if not redis.call('ZSCORE', KEYS[1], id) then
    redis.call('ZADD', KEYS[1], redis.call('INCR', KEYS[2]), id)
  end
end
return 1
`;

/**
 * create_group. KEYS: the app's groups hash (GroupId → SEQ|JSON record), its counter. ARGV: GroupId,
 * JSON. Answers 1 when created, 0 when the id is taken (a dissolved group keeps its id).
 */
export const CREATE_GROUP = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], redis.call('INCR', KEYS[2]) .. '|' .. ARGV[2])
return 1
`;

/** destroy_group. KEYS: groups hash, dissolved set. ARGV: GroupId. Answers 1 when it was live. */
export const DESTROY_GROUP = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 0 end
return redis.call('SADD', KEYS[2], ARGV[1])
`;

/** Which groups exist and are not dissolved. KEYS: groups hash, dissolved set. ARGV: GroupIds. Answers 1/0 each. */
export const GROUPS_ALIVE = `
local out = {}
for i, id in ipairs(ARGV) do
  if redis.call('HEXISTS', KEYS[1], id) == 1 and redis.call('SISMEMBER', KEYS[2], id) == 0 then
    out[i] = 1
  else
    out[i] = 0
  end
end
return out
`;
