import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

/**
 * Polls until `check` holds. For what the page does after a pause of its own (the customer
 * search 300 ms after typing stops, the what-if 300 ms after a lever stops), where there is
 * no element to wait for.
 */
export async function eventually(what: string, check: () => Promise<boolean>, timeout = 10_000): Promise<void> {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`timed out waiting for ${what}`);
}

/** A GET through the page's session cookie: what the API says, to compare the screen with. */
export async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`/api/v1${path}`);
  assert.equal(response.status(), 200, `GET ${path}`);
  return (await response.json()) as T;
}
