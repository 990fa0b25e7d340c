/** Share links, episode files and replays: the public surface for the views. */
export { decodeFragment, episodeFragment, isReplayFragment, REPLAY_ROUTE } from './codec.ts';
export { EPISODE_FILE_SUFFIX, episodeToFile, fileTooLarge, parseEpisodeFile } from './file.ts';
export { LIMITS } from './limits.ts';
export { recordToShared, replayToRecord, shareEpisode, type ShareResult } from './record.ts';
export { replayEpisode, type Frame, type Replay, type Turn } from './replay.ts';
export type { Decoded, SharedAgent, SharedEpisode, SharedStep } from './types.ts';
export { validateEpisode } from './validate.ts';
