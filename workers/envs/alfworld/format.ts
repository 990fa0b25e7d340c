import type { AgentFormat } from '../contract.ts';
import { agentgymReactAction, LMRLGYM_ACKNOWLEDGEMENT } from '../react-format.ts';
import { introActions } from './texts.ts';

const instruction = `You are a helper robot in a house, and you must carry out the household task you are given.
First you get a description of the room and your task; after each action you get what you see or what happened.
With the first description comes the list of actions you can take; they follow these patterns:
go to <receptacle>, open <receptacle>, close <receptacle>, take <object> from <receptacle>, put <object> in/on <receptacle>, clean <object> with <receptacle>, heat <object> with <receptacle>, cool <object> with <receptacle>, use <object>, examine <something>, inventory, look.
Write an action exactly like that, with the numbers the objects and receptacles are given (e.g. "take mug 1 from countertop 2"); anything else does nothing, and you are told "Nothing happens.".
Reply with your reasoning after "Thought:", then exactly one action after "Action:", for example:
Thought: a mug is often kept in a cabinet.
Action: go to cabinet 1`;

export const format: AgentFormat = {
  id: 'alfworld-ours-1',
  instruction,
  // AgentGym's ALFWorld client has the same canned reply as its LMRL-Gym ones.
  instructionReply: LMRLGYM_ACKNOWLEDGEMENT,
  extractAction: (reply) => ({ action: agentgymReactAction(reply) }),
  // The client's first turn is the observation and the admissible commands, comma-joined; later
  // turns are bare observations.
  opening: (instruction, first) => [
    { role: 'user', content: instruction },
    { role: 'assistant', content: format.instructionReply },
    { role: 'user', content: `${first}\nAVAILABLE ACTIONS: ${introActions(first).join(',')}` },
  ],
};
