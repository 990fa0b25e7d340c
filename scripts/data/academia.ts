/**
 * Academia's offline world. AgentGym reads AgentBoard's pickled DBLP graphs, which are not public
 * any more, so we build a small DBLP-like graph around AgentGym's 20 tasks: every paper and author
 * a goal names exists, with the attributes its gold answer needs (planted below, task by task),
 * inside seeded neighbourhoods of invented authors and papers (names and titles from word lists,
 * years, venues, citation counts, keywords). The reference programs then recompute every answer
 * from the graph, and a test checks that all 20 agree with AgentGym's.
 */
import { AcademiaWorld, academiaSuite, type AcademiaData, type Paper } from '../../workers/envs/academia/world.ts';
import { solveAcademia } from '../../workers/envs/academia/solutions.ts';
import { Rng } from '../../workers/envs/rng.ts';
import type { DataGenerator } from './index.ts';
import { readTaskFile, recompute } from './tools-tasks.ts';

const FIRST = ['Lena', 'Marco', 'Priya', 'Tomas', 'Yuki', 'Omar', 'Sofia', 'Jonas', 'Mei', 'Carlos', 'Anika', 'Pavel', 'Hana', 'Diego', 'Ines', 'Ravi', 'Elif', 'Noah', 'Zara', 'Kenji'];
const LAST = ['Varga', 'Lindqvist', 'Okafor', 'Brandt', 'Moreau', 'Tanaka', 'Rossi', 'Haddad', 'Novak', 'Silva', 'Kowalski', 'Jensen', 'Duarte', 'Nakamura', 'Weber', 'Costa'];
const ORGS = ['ETH Zurich', 'University of Toronto', 'KAIST', 'TU Munich', 'University of Tokyo', 'Tsinghua University', 'EPFL', 'University of Oxford', 'Peking University', 'University of Washington'];
const VENUES = ['AAAI', 'IJCAI', 'NeurIPS', 'ICML', 'KDD', 'CVPR', 'Neurocomputing', 'IEEE Access', 'Pattern Recognit.', 'Inf. Sci.'];
const TOPICS = ['Graph Neural Networks', 'Federated Learning', 'Face Recognition', 'Anomaly Detection', 'Time Series Forecasting', 'Knowledge Graphs', 'Reinforcement Learning', 'Image Segmentation'];
const METHODS = ['A Robust Approach to', 'Revisiting', 'Scalable', 'On the Limits of', 'Self-Supervised', 'Efficient', 'Towards Explainable', 'Contrastive'];
const KEYWORDS = ['deep learning', 'optimization', 'benchmark', 'privacy', 'robustness', 'graphs', 'transformers', 'clustering'];

/** A paper as planted: only what a task pins down; the rest is seeded. */
type Plant = Pick<Paper, 'title' | 'authors'> & Partial<Paper>;

/** What AgentGym's goals name, with the facts their gold answers rest on. */
const PLANTED: Plant[] = [
  // 0, 4: two shared papers (30 + 21 citations), one co-author each, so two mutual collaborators.
  { title: 'Template-Driven Knowledge Distillation for Compact Face Recognition', authors: ['Florian Kirchbuchner', 'Fadi Boutros', 'Lena Varga'], n_citation: 30 },
  { title: 'Unsupervised Quality Estimation of Face Images', authors: ['Fadi Boutros', 'Florian Kirchbuchner', 'Marco Lindqvist'], n_citation: 21 },
  { title: 'Sensor Fusion for Smart Living Environments', authors: ['Florian Kirchbuchner', 'Priya Okafor'] },
  { title: 'Margin Penalties for Masked Face Verification', authors: ['Fadi Boutros', 'Tomas Brandt'] },
  // 1, 2, 5: the most cited paper and the most frequent co-author.
  { title: 'Efficient Graph Convolution for Joint Node Representation Learning and Clustering', authors: ['Chakib Fettal', 'Lazhar Labiod', 'Mohamed Nadif'], n_citation: 40 },
  { title: 'Spectral Co-Clustering of Sparse Document Matrices', authors: ['Lazhar Labiod', 'Mohamed Nadif'], n_citation: 12 },
  { title: 'Deep Embedded Clustering with Autoencoder Priors', authors: ['Mohamed Nadif', 'Lazhar Labiod', 'Yuki Tanaka'], n_citation: 5 },
  // 3: three of four papers at one venue.
  { title: 'Explainable Agents through Symbolic Knowledge Extraction', authors: ['Andrea Omicini', 'Omar Haddad'], venue: 'EXPLAINABLE AND TRANSPARENT AI AND MULTI-AGENT SYSTEMS, EXTRAAMAS 2022' },
  { title: 'Logic Programming for Transparent Multi-Agent Systems', authors: ['Omar Haddad', 'Andrea Omicini', 'Sofia Rossi'], venue: 'EXPLAINABLE AND TRANSPARENT AI AND MULTI-AGENT SYSTEMS, EXTRAAMAS 2022' },
  { title: 'Symbolic Knowledge Injection in Neural Agents', authors: ['Andrea Omicini', 'Sofia Rossi'], venue: 'EXPLAINABLE AND TRANSPARENT AI AND MULTI-AGENT SYSTEMS, EXTRAAMAS 2022' },
  { title: 'Coordination Artifacts for Pervasive Systems', authors: ['Andrea Omicini', 'Jonas Novak'], venue: 'Inf. Sci.' },
  // 6: its authors' organisations.
  { title: 'mToFNet: Object Anti-Spoofing with Mobile Time-of-Flight Data', authors: ['Yonghyun Jeong', 'Doyeon Kim', 'Jongwon Choi'] },
  // 7: the keyword on three of four papers.
  { title: 'Byzantine Fault Tolerance inside Trusted Enclaves', authors: ['Correia Miguel', 'Mei Silva'], keywords: ['Intel SGX', 'Byzantine Fault Tolerance'] },
  { title: 'Attested Execution for Permissioned Ledgers', authors: ['Correia Miguel', 'Carlos Kowalski'], keywords: ['Intel SGX', 'blockchain'] },
  { title: 'Side-Channel Resilient State Machine Replication', authors: ['Mei Silva', 'Correia Miguel', 'Carlos Kowalski'], keywords: ['Intel SGX', 'replication'] },
  { title: 'Consensus Protocols for Open Blockchains', authors: ['Correia Miguel', 'Anika Jensen'], keywords: ['blockchain'] },
  // 8
  { title: 'Density Ratio Estimation via Infinitesimal Classification', authors: ['Chenlin Meng', 'Yang Song_2', 'Stefano Ermon'] },
  // 9: a shared author.
  { title: 'Decoupled Dynamic Spatial-Temporal Graph Neural Network for Traffic Forecasting._2', authors: ['Zezhi Shao', 'Pavel Duarte', 'Hana Nakamura'] },
  { title: 'Evolutionary Clustering of Moving Objects', authors: ['Hana Nakamura', 'Diego Weber'] },
  // 10, 11
  { title: 'Faithful Saliency Maps for Text Classifiers', authors: ['Yilun Zhou', 'Ines Costa'] },
  { title: 'Multi-Agent Credit Assignment with Role Decomposition', authors: ['Tonghan Wang_2', 'Ravi Varga'] },
  { title: 'Out-of-Distribution Generalisation on Dynamic Graphs', authors: ['Zeyang Zhang', 'Elif Okafor'] },
  // 12: eight citation links (added below).
  { title: 'Joint extraction of entities and overlapping relations by improved graph convolutional networks', authors: ['Noah Brandt', 'Zara Moreau'] },
  // 13, 14, 15, 16, 17
  { title: 'Stability and Risk Bounds of Iterative Hard Thresholding', authors: ['Kenji Tanaka', 'Lena Rossi'], n_citation: 25 },
  { title: 'Compressive Wideband Spectrum Sensing and Signal Recovery With Unknown Multipath Channels', authors: ['Marco Haddad', 'Priya Novak'], n_citation: 9 },
  { title: 'Topology optimization of structures undergoing brittle fracture', authors: ['Tomas Silva', 'Yuki Kowalski'], year: 2018 },
  { title: 'Classification Model for IDS Using Auto Cryptographic Denoising Technique', authors: ['Omar Jensen', 'Sofia Duarte'], year: 2021 },
  { title: 'Road Traffic Forecast Based on Meteorological Information through Deep Learning Methods', authors: ['Jonas Nakamura', 'Mei Weber'], venue: 'Sensors', year: 2022 },
  { title: 'Dynamic Selection Techniques for Detecting GPS Spoofing Attacks on UAVs', authors: ['Carlos Costa', 'Anika Varga'], venue: 'Sensors', year: 2022 },
  { title: 'Sliding Mode FTC of an Octoplane UAV transition mode', authors: ['Pavel Lindqvist', 'Hana Okafor'], doc_type: 'Conference' },
  { title: 'Panoptic Visual Analytics of Eye Tracking Data', authors: ['Diego Brandt', 'Ines Moreau'], doc_type: 'Conference' },
  // 18, 19: collaborators by organisation.
  { title: 'Synthetic Data for Robust Perception', authors: ['Jay Leverett', 'Daeil Kim', 'Ravi Tanaka'] },
  { title: 'Domain Randomisation at Scale', authors: ['Aayush Prakash', 'Jay Leverett'] },
  { title: 'Procedural Scene Generation for Training Detectors', authors: ['Jay Leverett', 'Elif Rossi'] },
  { title: 'Learning-Augmented Frequency Estimation', authors: ['Fred Zhang', 'Justin Y. Chen', 'Sandeep Silwal_3'] },
  { title: 'Sublinear Algorithms with Predictions', authors: ['Ali Vakilian', 'Fred Zhang', 'Noah Haddad'] },
];

/** Organisations the answers rest on; everyone else gets a seeded one. */
const PLANTED_ORGS: Record<string, string> = {
  'Yonghyun Jeong': 'Chung-Ang University',
  'Doyeon Kim': 'Line+',
  'Jongwon Choi': 'Chung-Ang University',
  'Yilun Zhou': 'MIT',
  'Tonghan Wang_2': 'Tsinghua University',
  'Zeyang Zhang': 'Tsinghua University',
  'Jay Leverett': 'Microsoft',
  'Daeil Kim': 'Microsoft',
  'Aayush Prakash': 'Microsoft',
  'Ravi Tanaka': 'University of Toronto',
  'Elif Rossi': 'EPFL',
  'Fred Zhang': 'UC Berkeley',
  'Noah Haddad': 'UC Berkeley',
  'Justin Y. Chen': 'MIT',
  'Sandeep Silwal_3': 'University of Washington',
  'Ali Vakilian': 'TTIC',
};

/** Seeded filler: papers among invented authors only, so no planted neighbourhood changes. */
const FILLER_PAPERS = 60;

export function buildAcademiaData(): AcademiaData {
  const rng = new Rng('academia-world-1');
  const seeded = (p: Plant): Paper => ({
    year: p.year ?? 2015 + rng.int(9),
    venue: p.venue ?? rng.pick(VENUES),
    // Planted counts are the maxima their tasks need; seeded ones stay below every planted one.
    n_citation: p.n_citation ?? rng.int(5),
    keywords: p.keywords ?? rng.shuffle(KEYWORDS).slice(0, 1 + rng.int(3)),
    doc_type: p.doc_type ?? rng.pick(['Conference', 'Journal']),
    ...p,
  });
  const papers = PLANTED.map(seeded);
  const titles = new Set(papers.map((p) => p.title));
  const plantedAuthors = new Set(papers.flatMap((p) => p.authors));
  const fillerNames = FIRST.flatMap((f) => LAST.map((l) => `${f} ${l}`)).filter((n) => !plantedAuthors.has(n));
  while (papers.length < PLANTED.length + FILLER_PAPERS) {
    const title = `${rng.pick(METHODS)} ${rng.pick(TOPICS)}${rng.next() < 0.5 ? '' : ` with ${rng.pick(TOPICS)}`}`;
    if (titles.has(title)) continue;
    titles.add(title);
    const authors = rng.shuffle(fillerNames).slice(0, 2 + rng.int(3));
    papers.push(seeded({ title, authors }));
  }
  const index = (t: string) => papers.findIndex((p) => p.title === t);
  const cited = index('Joint extraction of entities and overlapping relations by improved graph convolutional networks');
  const citations: [number, number][] = [];
  for (let k = 0; k < 8; k++) citations.push([PLANTED.length + k, cited]);
  // Seeded citation links among the filler papers.
  for (let k = 0; k < 40; k++) {
    const a = PLANTED.length + 8 + rng.int(FILLER_PAPERS - 8);
    const b = PLANTED.length + 8 + rng.int(FILLER_PAPERS - 8);
    if (a !== b && !citations.some(([x, y]) => (x === a && y === b) || (x === b && y === a))) citations.push([a, b]);
  }
  const orgs: Record<string, string> = {};
  for (const a of [...new Set(papers.flatMap((p) => p.authors))]) orgs[a] = PLANTED_ORGS[a] ?? rng.pick(ORGS);
  return { papers, citations, orgs };
}

export const academiaData: DataGenerator = () => {
  const data = buildAcademiaData();
  const tasks = recompute(readTaskFile('academia'), academiaSuite(new AcademiaWorld(data)), solveAcademia);
  return { 'tools-academia.json': JSON.stringify({ ...data, tasks }) + '\n' };
};
