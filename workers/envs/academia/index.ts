/**
 * Academia (AgentGym's agentenv-tool, Toolusage's academia env) on AgentGym's 20 tasks. AgentGym
 * reads AgentBoard's DBLP graphs, which are not public any more; ours is a small DBLP-like graph
 * built around the tasks (scripts/data/academia.ts), and every answer is recomputed from it by the
 * reference programs (solutions.ts) and equals AgentGym's. Differences: author nodes hold name and
 * org only; citation links are undirected and carry no attributes (paperEdgeCheck returns {}).
 */
import { toolModule } from '../tools/module.ts';
import { solveAcademia } from './solutions.ts';
import { AcademiaWorld, academiaSuite, type AcademiaData } from './world.ts';

export const module = toolModule('tools-academia.json', (d) => academiaSuite(new AcademiaWorld(d as unknown as AcademiaData)), solveAcademia);
