import { describe, expect, it } from 'vitest';
import { call, openToolEnv, toolEnvBasics } from '../testing/tool-envs.ts';
import { todo } from './manifest.ts';
import { TEMPLATES } from './solutions.ts';

const HOMEWORK = '2203306141';
const SOLVE_ALGEBRA = '7025417001';

describe('TODOList', () => {
  toolEnvBasics(todo, TEMPLATES);

  it("reproduces AgentGym's answer on every split task", async () => {
    const env = await openToolEnv(todo);
    for (const i of todo.evalItems) {
      env.reset(i);
      expect(env.detail().answer, `item ${i}`).toEqual(env.detail().agentgymAnswer);
    }
  });

  it("answers with Todoist's shapes and Toolusage's texts", async () => {
    const env = await openToolEnv(todo);
    env.reset(0);
    expect(call(env, 'get_user_current_date', '{}')).toBe('2015-05-31');
    expect(call(env, 'get_projects', '{}')).toMatch(/^\[\{'id': '2203306141', 'order': 1, 'color': 'charcoal', 'name': 'Homework and Assignments', 'is_favorite': False\}, /);
    expect(call(env, 'get_tasks', `{"project_id": "${HOMEWORK}"}`)).toMatch(
      /^\[\{'id': '7025417001', 'order': 1, 'content': 'Solve algebra equations', 'is_completed': False, 'priority': 1, 'due_date': '2015-06-01'\}, \{'id': '7025417002', /,
    );
    expect(call(env, 'get_task_duration', `{"task_id": "${SOLVE_ALGEBRA}"}`)).toBe("{'id': '7025417001', 'content': 'Solve algebra equations', 'duration': '60(minute)'}");
    expect(call(env, 'get_task_description', `{"task_id": ${SOLVE_ALGEBRA}}`)).toMatch(/^\{'id': '7025417001', 'content': 'Solve algebra equations', 'description': '- Place: Library\\n/);
    expect(call(env, 'update_task', `{"task_id": "${SOLVE_ALGEBRA}", "due_date": "2015-06-31"}`)).toBe('Invalid argument value');
    expect(call(env, 'update_task', `{"task_id": "${SOLVE_ALGEBRA}", "due_date": "2015-06-30"}`)).toBe(
      "{'message': 'Update the task successfully', 'task': {'id': '7025417001', 'order': 1, 'content': 'Solve algebra equations', 'is_completed': False, 'priority': 1, 'due_date': '2015-06-30'}}",
    );
    expect(call(env, 'complete_task', `{"task_id": "${SOLVE_ALGEBRA}"}`)).toBe(
      "{'message': 'Complete task successfully.', 'task': {'id': '7025417001', 'order': 1, 'content': 'Solve algebra equations', 'priority': 1, 'due_date': '2015-06-30'}}",
    );
    expect(call(env, 'complete_task', `{"task_id": "${SOLVE_ALGEBRA}"}`)).toBe('Task 7025417001 is not exists.');
    expect(call(env, 'delete_task', '{"task_id": "1"}')).toBe('Task 1 is not exists.');
    expect(call(env, 'get_task_duration', `{"task_id": "${SOLVE_ALGEBRA}"}`)).toBe('Task not found');
    expect(call(env, 'update_project', `{"project_id": "${HOMEWORK}", "is_favorite": "True"}`)).toBe(
      "{'message': 'Update the project successfully.', 'project': {'id': '2203306141', 'order': 1, 'color': 'charcoal', 'name': 'Homework and Assignments', 'is_favorite': True}}",
    );
    expect(call(env, 'update_project', `{"project_id": "${HOMEWORK}"}`)).toBe("ERROR | KeyError('is_favorite')");
    expect(call(env, 'check_valid_actions', '{}')).toBe(
      "You can use following valid actions: ['get_user_current_date', 'get_user_current_location', 'get_projects', 'update_project', 'get_tasks', 'get_task_description', 'get_task_duration', 'complete_task', 'update_task', 'delete_task', 'check_valid_actions', 'finish']",
    );
  });

  it('restores the pristine account on reset', async () => {
    const env = await openToolEnv(todo);
    env.reset(85);
    call(env, 'delete_task', `{"task_id": "${SOLVE_ALGEBRA}"}`);
    env.reset(85);
    expect(call(env, 'get_tasks', `{"project_id": "${HOMEWORK}"}`)).toContain('Solve algebra equations');
  });

  it('scores the right answer with the wrong final account as 0 on the done step', async () => {
    const env = await openToolEnv(todo);
    // Item 0 asks a question: answering it right but deleting a task on the way fails.
    env.reset(0);
    call(env, 'delete_task', '{"task_id": "7025417003"}');
    expect(env.step('Action: finish with Action Input: {"answer": "2015-06-01"}')).toMatchObject({ reward: 0, done: true });
    env.reset(0);
    expect(env.step('Action: finish with Action Input: {"answer": "2015-06-01"}')).toMatchObject({ reward: 1, done: true });
    // Item 1 asks to complete a task: "done" without doing it is progress 1 but not success.
    env.reset(1);
    expect(env.step('Action: finish with Action Input: {"answer": "done"}')).toMatchObject({ reward: 0, done: true });
  });

  it('matches subgoals without ids: a tool result can equal the gold answer', async () => {
    const env = await openToolEnv(todo);
    env.reset(0); // gold '2015-06-01'; not done yet, so the raw progress is reported
    expect(env.step('Action: get_user_current_date with Action Input: {}')).toMatchObject({ reward: 0, done: false });
    env.reset(0);
    expect(call(env, 'finish', '{"answer": [{"a": 1}]}')).toBe("ERROR | KeyError('id')");
  });
});
