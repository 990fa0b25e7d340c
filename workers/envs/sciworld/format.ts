import type { AgentFormat } from '../contract.ts';
import { agentgymReactAction, LMRLGYM_ACKNOWLEDGEMENT } from '../react-format.ts';

const instruction = `You are an agent in a simulated science world: a house with a kitchen, workshop, greenhouse and more, plus the outside. You are given a science task; each turn you see what happened and reply with one action.
Actions (OBJ is an object you can see, LOC a place):
open OBJ / close OBJ: open or close a container or door
activate OBJ / deactivate OBJ: turn a device on or off
connect OBJ to OBJ / disconnect OBJ: electrical connections
use OBJ [on OBJ]: use a device, e.g. use thermometer on water
look around: describe where you are; look at OBJ; look in OBJ; examine OBJ
read OBJ; eat OBJ; flush OBJ; mix OBJ
move OBJ to OBJ; pick up OBJ; put down OBJ; pour OBJ into OBJ; dunk OBJ into OBJ
go to LOC: walk through an open door to the next room
focus on OBJ: commit to the object the task is about (a wrong focus can end the task)
wait: let 10 steps of time pass; wait1: let one pass
task: repeat the task; inventory: list what you carry
When a reply is ambiguous you get numbered choices; answer with the number.
Reply with your reasoning, then the action, in this shape:
Thought:
<your thoughts>

Action:
<your next action>`;

export const format: AgentFormat = {
  id: 'sciworld-ours-1',
  instruction,
  instructionReply: LMRLGYM_ACKNOWLEDGEMENT,
  extractAction: (reply) => ({ action: agentgymReactAction(reply) }),
};
