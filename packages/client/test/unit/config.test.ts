import { describe, expect, it } from 'vitest';
import { type ClientOptions, createClient, REGIONS, TimMarksConfigError } from '../../src/index.js';

const base = { sdkAppId: 1400000000, identifier: 'administrator', secretKey: 'k' };

describe('createClient', () => {
  it('sends to the region chosen, one of the spec', async () => {
    const client = createClient({ ...base, region: 'singapore' });
    expect(client.origin).toBe(REGIONS.singapore);
    await client.close();
  });

  it('sends to a base URL (the stub)', async () => {
    const client = createClient({ ...base, baseUrl: 'http://127.0.0.1:8080/' });
    expect(client.origin).toBe('http://127.0.0.1:8080');
    await client.close();
  });

  it.each([
    ['no region and no baseUrl', { ...base }],
    ['an unknown region', { ...base, region: 'mars' }],
    ['both region and baseUrl', { ...base, region: 'china', baseUrl: 'http://x' }],
    ['a baseUrl with a path', { ...base, baseUrl: 'http://x/api' }],
    ['a baseUrl that is not a URL', { ...base, baseUrl: 'nope' }],
    ['no secretKey and no userSig', { sdkAppId: 1, identifier: 'a', region: 'china' }],
    [
      'an undefined secretKey (an unset environment variable)',
      { ...base, secretKey: undefined, region: 'china' },
    ],
    ['both secretKey and userSig', { ...base, userSig: 's', region: 'china' }],
    ['no identifier', { ...base, identifier: '', region: 'china' }],
    ['a string sdkAppId', { ...base, sdkAppId: '1400000000', region: 'china' }],
    ['rateLimit 0', { ...base, region: 'china', rateLimit: 0 }],
    ['timeoutMs 0', { ...base, region: 'china', timeoutMs: 0 }],
    ['negative retries', { ...base, region: 'china', retry: { retries: -1 } }],
    [
      'maxDelayMs under minDelayMs',
      { ...base, region: 'china', retry: { minDelayMs: 500, maxDelayMs: 100 } },
    ],
  ])('refuses %s with TIM_CONFIG', (_, options) => {
    expect(() => createClient(options as unknown as ClientOptions)).toThrow(TimMarksConfigError);
    expect(() => createClient(options as unknown as ClientOptions)).toThrow(
      expect.objectContaining({ code: 'TIM_CONFIG' }),
    );
  });
});
