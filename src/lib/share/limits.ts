/** Bounds on shared episodes, so a hostile link or file costs little to reject. */
export const LIMITS = {
  /** Characters of the URL fragment we even look at. */
  fragmentChars: 64 * 1024,
  /** Bytes of JSON after inflating (guards against zip bombs) and of an episode file. */
  payloadBytes: 1024 * 1024,
  /** Steps per episode: the re-run does bounded work. */
  steps: 500,
  /** Characters of one reply. */
  replyChars: 32 * 1024,
  /**
   * Characters of one recorded observation (links of nondeterministic envs carry them). A web
   * page's accessibility tree is tens of KB; the payload cap still bounds the whole episode.
   */
  observationChars: 128 * 1024,
  /** Characters of labels, model and provider names, versions. */
  labelChars: 200,
  /** A whole link longer than this is offered as a file instead (many chat apps cut longer URLs). */
  linkChars: 8 * 1024,
} as const;
