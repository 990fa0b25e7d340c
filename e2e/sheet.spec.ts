import { expect, test } from '@playwright/test';
import { shot, startEpisode, typeAction, watchErrors } from './helpers.ts';

test('a person tidies a sheet with tool calls and watches the grid change', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  // Task 3: delete the empty row and column of "Sheet4", then merge the first two titles.
  await startEpisode(page, 'Sheet', 3);
  const envMessages = page.locator('article[data-from="env"] p.verbatim');
  await expect(envMessages.first()).toContainText('In "Sheet4", delete the empty rows and columns');
  const act = (call: string) => typeAction(page, call);
  const picture = page.locator('figure.picture.table');

  await act('Action: open_sheet with Action Input: {"name": "Sheet4"}');
  await expect(envMessages.last()).toHaveText(/^Observation: <Worksheet 'Sheet4' id:\d+>/);
  await expect(picture.locator('table')).toContainText('Product Rating');
  await expect(picture.locator('table tr')).toHaveCount(15); // header row + 14 rows, one empty

  const highlighted = picture.locator('td.highlight');
  await expect(highlighted).toHaveCount(0); // opening changes no cell

  await act('Action: delete_batch_data with Action Input: {"dimension": "row", "index_list": [8]}');
  await expect(picture.locator('table tr')).toHaveCount(14);
  // The rows below the deleted one moved up: their cells are highlighted, the rows above are not.
  await expect(picture.locator('tbody tr').nth(8).locator('td.highlight').first()).toBeVisible();
  await expect(picture.locator('tbody tr').nth(0).locator('td.highlight')).toHaveCount(0);
  await act('Action: delete_batch_data with Action Input: {"dimension": "col", "index_list": [3]}');
  await act('Action: merge_cells with Action Input: {"start_position": "A1", "end_position": "B1"}');
  await expect(picture).toContainText('merged A1:B1');
  // The merged title is one cell two columns wide, and the only one the merge changed that shows.
  await expect(highlighted).toHaveCount(1);
  await expect(highlighted).toHaveAttribute('colspan', '2');
  await expect(picture).toContainText('2 cells changed by the last step');
  await act('Action: update_note with Action Input: {"position": "A2", "content": "checked by hand"}');
  const noted = picture.locator('td.noted');
  await expect(noted).toHaveCount(1);
  await expect(noted).toHaveAttribute('title', 'checked by hand');
  await expect(picture.locator('tbody tr').nth(1).locator('td').first()).toHaveClass(/noted/);
  await shot(page, 'sheet-changed-cells');
  await picture.screenshot({ path: 'e2e/screenshots/sheet-grid.png' });
  await act('Action: get_all_values with Action Input: {}');
  await expect(highlighted).toHaveCount(0);
  await act('Action: finish with Action Input: {}');
  await expect(page.getByTestId('outcome')).toHaveText('Success');
  await expect(page.getByTestId('reward')).toHaveText('1');
  await shot(page, 'sheet-solved');
  expect(errors).toEqual([]);
});
