import { expect, test } from '@playwright/test';
import { shot, startEpisode, watchErrors } from './helpers.ts';

test('a person answers a Weather task by calling tools; each call shows as a card', async ({ page }) => {
  const errors = watchErrors(page);
  // Nothing may leave for a real service: live mode is off unless switched on.
  const outside: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('http://127.0.0.1')) outside.push(r.url());
  });
  await page.goto('/');
  await startEpisode(page, 'Weather', 0);
  const live = page.getByTestId('live-mode');
  await expect(live.getByRole('checkbox')).not.toBeChecked();
  const envMessages = page.locator('article[data-from="env"] p.verbatim');
  await expect(envMessages.first()).toContainText('What was the average temperature in Celsius yesterday?');
  const picture = page.getByTestId('env-picture');
  await expect(picture).toContainText('Subgoals reached: 0 of 1 · no tool calls yet');

  const act = async (call: string) => {
    await page.getByLabel('Your action').fill(call);
    await page.getByLabel('Your action').press('Enter');
  };
  await act('Action: get_user_current_date with Action Input: {}');
  await expect(envMessages.last()).toHaveText('Observation: 2023-06-15\nGive me one action.');
  await act('Action: get_weather with Action Input: {"city": "New York"}');
  await expect(envMessages.last()).toContainText('Observation: ERROR | Invalid action: get_weather.');
  await act('Action: get_latitude_longitude with Action Input: {"name": "New York"}');
  await expect(envMessages.last()).toContainText("{'results': [{'name': 'New York'");
  await act('Action: get_historical_temp with Action Input: {"latitude": 40.71427, "longitude": -74.00597, "start_date": "2023-06-14", "end_date": "2023-06-14"}');
  await expect(envMessages.last()).toContainText("'temperature_2m_mean': [");

  const cards = picture.locator('li.card');
  await expect(cards).toHaveCount(4);
  await expect(cards.nth(0)).toHaveClass(/ok/);
  await expect(cards.nth(0)).toContainText('get_user_current_date');
  await expect(cards.nth(0)).toContainText('(no arguments)\n→ 2023-06-15');
  await expect(cards.nth(1)).toHaveClass(/error/);
  await expect(cards.nth(1)).toContainText("{'city': 'New York'}\n→ ERROR | Invalid action: get_weather.");
  await expect(cards.nth(3)).toContainText("latitude=40.71427, longitude=-74.00597, start_date='2023-06-14', end_date='2023-06-14'");
  await expect(cards.nth(3)).toContainText('call 4');

  // The mean of that day, read off the result, is the answer.
  const mean = /'temperature_2m_mean': \[(-?[\d.]+)\]/.exec((await envMessages.last().textContent()) ?? '')?.[1];
  expect(mean).toBeDefined();
  await act(`Action: finish with Action Input: {"answer": ${mean}}`);
  await expect(page.getByTestId('outcome')).toHaveText('Success');
  await expect(picture).toContainText('Subgoals reached: 1 of 1');
  await expect(cards).toHaveCount(5);
  await shot(page, 'weather-tool-cards');

  // Switching live mode on says what it costs; the finished offline episode is not marked live.
  await live.getByRole('checkbox').check();
  await expect(live).toContainText("can't be re-run");
  await expect(page.getByTestId('live-badge')).toHaveCount(0);
  await shot(page, 'weather-live-switch');
  await live.getByRole('checkbox').uncheck();
  expect(outside).toEqual([]);
  expect(errors).toEqual([]);
});

test('Settings lists live mode per env, off by default, and says Academia has no live source', async ({ page }) => {
  await page.goto('/#/settings');
  const section = page.getByRole('region', { name: 'Live mode' });
  await expect(section.getByRole('checkbox')).toHaveCount(2);
  for (const box of await section.getByRole('checkbox').all()) await expect(box).not.toBeChecked();
  await expect(section).toContainText('Academia: no live mode. It has no live source');
  await expect(section.getByLabel('TMDB API read-access token (for Movie)')).toBeVisible();
  await shot(page, 'settings-live-mode');
});

test('Weather in live mode asks open-meteo from the worker and marks the episode live', async ({ page, context }) => {
  const errors = watchErrors(page);
  const asked: string[] = [];
  // A stand-in for open-meteo: nothing reaches the real service.
  await context.route('https://**/*', (route) => {
    asked.push(route.request().url());
    const body = route.request().url().startsWith('https://geocoding-api.open-meteo.com/v1/search?')
      ? '{"results":[{"id":1,"name":"Gotham","latitude":40.5,"longitude":-74.25,"country_code":"US","country":"United States","admin1":"New Jersey"}],"generationtime_ms":0.5}'
      : '{"reason":"unexpected request","error":true}';
    return route.fulfill({ status: 200, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body });
  });
  await page.goto('/');
  await page.getByLabel('Environment').selectOption({ label: 'Weather' });
  await page.getByTestId('live-mode').getByRole('checkbox').check();
  await startEpisode(page, 'Weather', 0);
  await expect(page.getByTestId('live-badge')).toBeVisible();
  await page.getByLabel('Your action').fill('Action: get_latitude_longitude with Action Input: {"name": "Gotham"}');
  await page.getByLabel('Your action').press('Enter');
  const envMessages = page.locator('article[data-from="env"] p.verbatim');
  await expect(envMessages.last()).toContainText("{'results': [{'name': 'Gotham', 'latitude': 40.5, 'longitude': -74.25, 'country_code': 'US'}]}");
  expect(asked).toEqual(['https://geocoding-api.open-meteo.com/v1/search?name=Gotham&count=3&language=en&format=json']);
  await shot(page, 'weather-live-episode');
  // A rerun answers the same call from this browser's cache: nothing new is asked.
  await startEpisode(page, 'Weather', 0);
  await page.getByLabel('Your action').fill('Action: get_latitude_longitude with Action Input: {"name": "Gotham"}');
  await page.getByLabel('Your action').press('Enter');
  await expect(envMessages.last()).toContainText("{'results': [{'name': 'Gotham', 'latitude': 40.5, 'longitude': -74.25, 'country_code': 'US'}]}");
  expect(asked).toHaveLength(1);
  // Settings counts the kept replies and clears them.
  await page.goto('/#/settings');
  const cache = page.getByTestId('live-cache');
  await expect(cache).toContainText('1 reply kept');
  await shot(page, 'settings-live-cache');
  await cache.getByRole('button', { name: 'Clear cached replies' }).click();
  await expect(cache).toContainText('0 replies kept');
  expect(errors).toEqual([]);
});
