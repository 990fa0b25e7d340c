import { expect, test } from '@playwright/test';
import { shot, startEpisode, typeAction, watchErrors } from './helpers.ts';

test('a person completes a TODOList task by tool calls and sees it marked on the board', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  // Task 1: mark "Read and summarize a history chapter" as completed.
  await startEpisode(page, 'TODOList', 1);
  const envMessages = page.locator('article[data-from="env"] p.verbatim');
  await expect(envMessages.first()).toContainText('please mark it as completed');
  const act = (call: string) => typeAction(page, call);
  const board = page.locator('figure.picture.board');
  const homework = board.getByRole('region', { name: 'Homework and Assignments' });
  const history = homework.locator('li', { hasText: 'Read and summarize a history chapter' });
  await expect(board.locator('section.lane')).toHaveCount(5);
  await expect(history).toContainText('due 2015-06-06 · priority 3 · 45 minutes');
  await expect(board.locator('.tag')).toHaveCount(0);

  await act('Action: get_projects with Action Input: {}');
  await expect(envMessages.last()).toContainText("'name': 'Homework and Assignments'");
  await act('Action: get_tasks with Action Input: {"project_id": "2203306141"}');
  await expect(envMessages.last()).toContainText("'content': 'Read and summarize a history chapter'");
  await act('Action: complete_task with Action Input: {"task_id": "7025417003"}');
  await expect(envMessages.last()).toContainText("'message': 'Complete task successfully.'");
  await expect(history).toHaveClass(/done/);
  await expect(history.locator('.tag')).toHaveText('completed');
  await expect(board.locator('.tag')).toHaveCount(1);
  await expect(board).toContainText('14 open tasks · this episode: 1 completed');
  await act('Action: finish with Action Input: {"answer": "done"}');
  await expect(page.getByTestId('outcome')).toHaveText('Success');
  await expect(page.getByTestId('reward')).toHaveText('1');
  await shot(page, 'todo-completed');
  await board.screenshot({ path: 'e2e/screenshots/todo-board.png' });
  expect(errors).toEqual([]);
});

test('a rescheduled and a deleted task are marked on the board', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  // Task 2: extend the chemistry experiment's due date to 2015-06-30.
  await startEpisode(page, 'TODOList', 2);
  const act = (call: string) => typeAction(page, call);
  const board = page.locator('figure.picture.board');
  const homework = board.getByRole('region', { name: 'Homework and Assignments' });
  await act('Action: update_task with Action Input: {"task_id": "7025417002", "due_date": "2015-06-30"}');
  const chemistry = homework.locator('li', { hasText: 'Conduct a chemistry experiment' });
  await expect(chemistry).toHaveClass(/changed/);
  await expect(chemistry.locator('.tag')).toHaveText('updated: due 2015-06-12 → 2015-06-30');
  await expect(chemistry).toContainText('due 2015-06-30 · priority 2');
  // A step too far: deleting a task leaves it on the board, struck out.
  await act('Action: delete_task with Action Input: {"task_id": "7025417001"}');
  const algebra = homework.locator('li', { hasText: 'Solve algebra equations' });
  await expect(algebra).toHaveClass(/removed/);
  await expect(algebra.locator('.tag')).toHaveText('deleted');
  await expect(board).toContainText('14 open tasks · this episode: 1 deleted, 1 updated');
  await homework.screenshot({ path: 'e2e/screenshots/todo-lane-marks.png' });
  expect(errors).toEqual([]);
});
