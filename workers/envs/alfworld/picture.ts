/**
 * The room as a person playing sees it: every receptacle (from the intro), the agent's spot,
 * which receptacles are open, and what the agent holds. Nothing the agent has not been told.
 */
import type { TextPicture } from '../contract.ts';
import type { World } from './world.ts';

export function roomPicture(world: World): TextPicture {
  const lines = world.game.receptacles.map(([name, , loc, openable], r) => {
    const spot = loc === world.loc ? '▶ ' : '  ';
    const door = openable ? (world.opened[r] ? ' (open)' : ' (closed)') : '';
    return `${spot}${name}${door}`;
  });
  const held = world.held === null ? 'nothing' : world.game.objects[world.held][0];
  const where = world.game.receptacles.some((r) => r[2] === world.loc) ? '' : '▶ the middle of the room\n';
  return { kind: 'text', title: `Holding: ${held}`, body: `${where}${lines.join('\n')}` };
}
