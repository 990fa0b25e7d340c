import type { AgentFormat } from '../contract.ts';

const instruction = `You will answer questions about an SQLite database by querying it. I describe the database first (its tables, their columns, primary keys and foreign keys), then ask one question.

Explain how you read the question and plan the query, then give one SQL statement whose result answers it. The statement is run once, and its result is your answer.

Reply in this form:
Thought: how you will answer.

Action: \`\`\`sql
SELECT name FROM some_table WHERE some_column = 'value';
\`\`\`

Rules: the SQL goes in a \`\`\`sql block with nothing else in it, on one line; exactly one statement; the database is read-only.`;

export const format: AgentFormat = {
  id: 'bird-ours-1',
  instruction,
  instructionReply: 'Ok.',
  extractAction(reply) {
    // As AgentGym's client: the text after the last "```sql" up to the next "```", stripped. A
    // reply without a fence is sent whole up to its first "```" (and usually fails as SQL).
    return { action: reply.split('```sql').at(-1)!.split('```')[0].trim() };
  },
};
