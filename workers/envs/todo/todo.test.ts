import { describe, expect, it } from 'vitest';
import { call, openToolEnv, playOracle, toolEnvBasics } from '../testing/tool-envs.ts';
import { todo } from './manifest.ts';
import { TEMPLATES } from './solutions.ts';

const HOMEWORK = '2203306141';
const SOLVE_ALGEBRA = '7025417001';

/**
 * Tasks whose AgentGym label (gold answer or expected final account) contradicts the task read
 * against its own account and current date. AgentGym scores by its label, so a program that does
 * what the task says cannot reach 1.0 on these; the list is asserted exactly so it cannot grow.
 */
const UNREACHABLE: Record<number, string> = {
  7: 'overdue on 2015-06-03: two tasks are due before it, the label says 4',
  13: "clear expired tasks on 2015-06-05: the expected account also drops 'Read and summarize a history chapter', due 06-06",
  18: 'the account has 15 tasks, the label says 17',
  29: 'overdue on 2015-06-01: no task is due before it, the label says 2',
  38: 'more than 2 hours: the longest tasks take exactly 120 minutes, the label says Yes',
  46: 'overdue on 2015-06-03: two tasks are due before it, the label says 4',
  50: "clear expired tasks on 2015-06-05: the expected account also drops 'Read and summarize a history chapter', due 06-06",
  53: "'Contact the teacher in advance' is in the chemistry experiment's description, the label says 'Solve algebra equations'",
  54: "three tasks take place in the Student Building, the label says []",
  58: 'four tasks are due before soccer practice (06-12), the label lists only the two in its project',
  70: "the label's description reads 'Textbook: Principles', the account's 'Textbook:Principles'",
  78: 'due before 2015-06-20: the label includes the task due on 06-20',
  109: "most tasks are due before 'Purchase picnic supplies' (06-23), the label says No",
  134: "clear expired tasks on 2015-06-03: the expected account keeps 'Rehearse with the school band', due 06-02",
  137: "due before 2015-06-23: the expected account completes 'Purchase picnic supplies', due on 06-23",
  142: 'the account still has 15 tasks after moving due dates, the label says 14',
  146: 'three tasks have priority 4, the label says 2',
  149: "less than 30 minutes: the expected account also deletes the 30-minute 'Tidy up the living room'",
  152: "tomorrow from 2015-06-20: the expected account's due dates are 2023-10-05",
  153: 'less than 45 minutes: no Homework task is (60, 90, 45), the expected account completes the 45-minute one',
};

describe('TODOList', () => {
  toolEnvBasics(todo, TEMPLATES);

  it("the oracle scores 1 on every task but those whose AgentGym label contradicts the task", async () => {
    const env = await openToolEnv(todo);
    const missed: number[] = [];
    for (let i = 0; i < todo.itemCount; i++) {
      const { last } = await playOracle(todo, env, i);
      if (last?.reward !== 1) missed.push(i);
    }
    expect(missed).toEqual(Object.keys(UNREACHABLE).map(Number));
    expect(todo.itemCount - missed.length).toBe(135);
  });

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
