// The setup commands: account_import, multiaccount_import, create_group, destroy_group.
import { ErrorCode } from '@tim-marks/types';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Stub } from '../src/stub.js';
import { c2c, call, testStub } from './helpers.js';

let stub: Stub;
beforeAll(async () => {
  stub = await testStub({ rateLimit: 0 });
});
afterAll(() => stub.close());
beforeEach(async () => {
  await stub.control.reset();
});

const canMark = async (from: string) =>
  (await call(stub, 'markContact', { From_Account: from, MarkItem: [c2c('x')] })).ErrorCode;

describe('account_import', () => {
  it('imports an account, idempotently', async () => {
    expect(await canMark('alice')).toBe(ErrorCode.ACCOUNT_NOT_IMPORTED);
    const first = await call(stub, 'accountImport', {
      UserID: 'alice',
      Nick: 'Alice',
      FaceUrl: 'http://x/a.png',
    });
    expect(first).toEqual({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' });
    expect((await call(stub, 'accountImport', { UserID: 'alice' })).ErrorCode).toBe(0);
    expect(await canMark('alice')).toBe(0);
  });

  it('refuses invalid UserIDs: 70402, or 60015 for a non-string', async () => {
    const cases: [unknown, number][] = [
      [{}, ErrorCode.ACCOUNT_INVALID_PARAMETER],
      [{ UserID: '' }, ErrorCode.ACCOUNT_INVALID_PARAMETER],
      [{ UserID: 'x'.repeat(33) }, ErrorCode.ACCOUNT_INVALID_PARAMETER],
      [{ UserID: '账'.repeat(11) }, ErrorCode.ACCOUNT_INVALID_PARAMETER],
      [{ UserID: 42 }, ErrorCode.ACCOUNT_TYPE],
    ];
    for (const [body, code] of cases) {
      const answer = await call(stub, 'accountImport', body);
      expect(answer.ErrorCode, JSON.stringify(body)).toBe(code);
      expect(answer.ErrorInfo).toMatch(/UserID/);
    }
    expect((await call(stub, 'accountImport', { UserID: 'x'.repeat(32) })).ErrorCode).toBe(0);
  });
});

describe('multiaccount_import', () => {
  it('imports the valid ids and lists the others in FailAccounts', async () => {
    const answer = await call(stub, 'multiaccountImport', {
      Accounts: ['bob', '', 'carol', 'y'.repeat(40), 'bob'],
    });
    expect(answer).toEqual({
      ActionStatus: 'OK',
      ErrorCode: 0,
      ErrorInfo: '',
      FailAccounts: ['', 'y'.repeat(40)],
    });
    expect(await canMark('bob')).toBe(0);
    expect(await canMark('carol')).toBe(0);
  });

  it('refuses a bad Accounts list as a whole', async () => {
    const cases: [unknown, number][] = [
      [{}, ErrorCode.ACCOUNT_INVALID_PARAMETER],
      [{ Accounts: [] }, ErrorCode.ACCOUNT_INVALID_PARAMETER],
      [{ Accounts: 'bob' }, ErrorCode.ACCOUNT_INVALID_PARAMETER],
      [{ Accounts: Array.from({ length: 101 }, (_, i) => `u${i}`) }, ErrorCode.ACCOUNT_INVALID_PARAMETER],
      [{ Accounts: ['bob', 7] }, ErrorCode.ACCOUNT_TYPE],
    ];
    for (const [body, code] of cases) {
      expect(
        (await call(stub, 'multiaccountImport', body)).ErrorCode,
        JSON.stringify(body).slice(0, 40),
      ).toBe(code);
    }
    expect(await canMark('bob')).toBe(ErrorCode.ACCOUNT_NOT_IMPORTED);
  });
});

describe('create_group and destroy_group', () => {
  it('creates a group with the given GroupId, or makes one up like @TGS#...', async () => {
    const given = await call(stub, 'createGroup', {
      Owner_Account: 'user0',
      Type: 'Work',
      Name: 'Team',
      GroupId: 'team-1',
    });
    expect(given).toEqual({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', GroupId: 'team-1' });
    const made = await call(stub, 'createGroup', { Type: 'Public', Name: 'Anything' });
    expect(made.GroupId).toMatch(/^@TGS#[0-9A-Z]+$/);
    const other = await call(stub, 'createGroup', { Type: 'Public', Name: 'Anything' });
    expect(other.GroupId).not.toBe(made.GroupId);
  });

  it('answers 10021 for a GroupId in use, dissolved ones included', async () => {
    await call(stub, 'createGroup', { Type: 'Public', Name: 'A', GroupId: 'g' });
    expect((await call(stub, 'createGroup', { Type: 'Public', Name: 'B', GroupId: 'g' })).ErrorCode).toBe(
      ErrorCode.GROUP_ID_IN_USE,
    );
    await call(stub, 'destroyGroup', { GroupId: 'g' });
    expect((await call(stub, 'createGroup', { Type: 'Public', Name: 'B', GroupId: 'g' })).ErrorCode).toBe(
      ErrorCode.GROUP_ID_IN_USE,
    );
  });

  it('requires Owner_Account, when given, to be imported (10004), and a string (60015)', async () => {
    const unknown = await call(stub, 'createGroup', { Owner_Account: 'stranger', Type: 'Public', Name: 'A' });
    expect(unknown.ErrorCode).toBe(ErrorCode.GROUP_INVALID_PARAMETER);
    expect(unknown.ErrorInfo).toContain('stranger');
    expect((await call(stub, 'createGroup', { Owner_Account: 1, Type: 'Public', Name: 'A' })).ErrorCode).toBe(
      ErrorCode.ACCOUNT_TYPE,
    );
  });

  it('answers 10004 for invalid fields', async () => {
    const cases: unknown[] = [
      { Name: 'A' },
      { Type: 'Club', Name: 'A' },
      { Type: 'Public' },
      { Type: 'Public', Name: '' },
      { Type: 'Public', Name: 'n'.repeat(31) },
      { Type: 'Public', Name: 'A', GroupId: '' },
      { Type: 'Public', Name: 'A', GroupId: 'g'.repeat(49) },
    ];
    for (const body of cases) {
      const answer = await call(stub, 'createGroup', body);
      expect(answer.ErrorCode, JSON.stringify(body)).toBe(ErrorCode.GROUP_INVALID_PARAMETER);
      expect(answer.ErrorInfo).not.toBe('');
    }
  });

  it('dissolves a group once; unknown or already dissolved → 10010', async () => {
    await call(stub, 'createGroup', { Type: 'Public', Name: 'A', GroupId: 'g' });
    expect(await call(stub, 'destroyGroup', { GroupId: 'g' })).toEqual({
      ActionStatus: 'OK',
      ErrorCode: 0,
      ErrorInfo: '',
    });
    expect((await call(stub, 'destroyGroup', { GroupId: 'g' })).ErrorCode).toBe(ErrorCode.GROUP_NOT_FOUND);
    expect((await call(stub, 'destroyGroup', { GroupId: 'never' })).ErrorCode).toBe(
      ErrorCode.GROUP_NOT_FOUND,
    );
    expect((await call(stub, 'destroyGroup', {})).ErrorCode).toBe(ErrorCode.GROUP_INVALID_PARAMETER);
  });
});
