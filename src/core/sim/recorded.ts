/** Jobs of a group whose batches are recorded one by one (the timeline's per-Job lanes). */
export const RECORDED_JOBS = 24;
