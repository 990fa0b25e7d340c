import { toolFormat } from '../tools/format.ts';

const node = 'a paper title or an author name';

export const format = toolFormat(
  'academia-ours-1',
  'You answer questions about research papers and their authors from a DBLP-style database of two graphs. In PaperNet each node is a paper and its neighbours are papers linked to it by citation. In AuthorNet each node is an author and its neighbours are the co-authors. Load a graph before you query it.',
  [
    { name: 'loadPaperNet', args: {}, does: 'loads PaperNet.' },
    { name: 'loadAuthorNet', args: {}, does: 'loads AuthorNet.' },
    { name: 'neighbourCheck', args: { graph: '"PaperNet" or "AuthorNet"', node }, does: 'lists the neighbours of a node.' },
    { name: 'paperNodeCheck', args: { node: 'a paper title' }, does: "gives a paper's authors, year, venue, citation count, keywords and document type." },
    { name: 'authorNodeCheck', args: { node: 'an author name' }, does: "gives an author's name and organisation." },
    { name: 'authorEdgeCheck', args: { node1: 'an author name', node2: 'an author name' }, does: 'lists the papers two authors wrote together.' },
    { name: 'paperEdgeCheck', args: { node1: 'a paper title', node2: 'a paper title' }, does: 'gives the attributes of the link between two papers.' },
  ],
  'to find where a paper appeared, call loadPaperNet with Action Input: {}, then paperNodeCheck with Action Input: {"node": "<title>"}, then finish with Action Input: {"answer": "<venue>"}. Counts are numbers: {"answer": 3}, not {"answer": "3"}.',
);
