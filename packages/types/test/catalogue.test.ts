import { describe, expect, it } from 'vitest';
import { COMMANDS, ERROR_CATALOGUE, ErrorCode, LIMITS, REGIONS, StandardMark } from '../src/index.js';

// The runtime constants are what the stub, the client and the load harness enforce: pin the
// values the official page and the facts file state, so that a careless spec edit is caught.
describe('generated catalogue', () => {
  it('carries the documented limits', () => {
    expect(LIMITS.markItemsPerCall).toBe(100);
    expect(LIMITS.conversationsPerUser).toBe(1000);
    expect(LIMITS.customMarkMaxBytes).toBe(256);
    expect([LIMITS.markPositionMin, LIMITS.markPositionMax]).toEqual([1, 64]);
    expect(LIMITS.callsPerSecondPerCommand).toBe(200);
    expect(LIMITS.randomMax).toBe(4294967295);
    expect(LIMITS.getContactGroupPageSize).toBeGreaterThan(1);
  });

  it('has every code of the facts file, with retryability', () => {
    const required = [
      50001, 50002, 50003, 50004, 50005, 51006, 51007, 51008, 51009, 51010, 51011, 51012, 51013, 60002, 60003,
      60004, 60006, 60007, 60008, 60009, 60010, 60011, 60012, 60015, 70001, 70002, 70003, 70009, 70013, 70014,
    ];
    for (const code of required) expect(ERROR_CATALOGUE, String(code)).toHaveProperty(String(code));
    const retryable = Object.values(ERROR_CATALOGUE)
      .filter((e) => e.retryable)
      .map((e) => e.code)
      .sort();
    expect(retryable).toEqual([50004, 50005, 60007, 60011]);
    expect(ERROR_CATALOGUE[51007].level).toBe('item');
    expect(ERROR_CATALOGUE[51008].level).toBe('item');
    expect(ErrorCode.RATE_LIMITED).toBe(60007);
  });

  it('names the nine regions and every command', () => {
    expect(Object.keys(REGIONS)).toHaveLength(9);
    expect(REGIONS.singapore).toBe('https://adminapisgp.im.qcloud.com');
    expect(COMMANDS.markContact).toBe('/v4/recentcontact/mark_contact');
    expect(Object.keys(COMMANDS)).toHaveLength(10);
    expect(COMMANDS.createContactGroup).toBe('/v4/recentcontact/create_contact_group');
  });

  it('names the IM-reserved mark positions', () => {
    expect(StandardMark).toEqual({ Star: 1, Unread: 2, Fold: 3, Hide: 4 });
  });
});
