/** The built-in offline assistant model (no LLM needed). */
export { createOfflineModel, OFFLINE_MODEL_ID, OFFLINE_PROVIDER, type OfflineModelOptions } from "./model.ts";
export { formatClock, parseClock, type Clock } from "./clock.ts";
