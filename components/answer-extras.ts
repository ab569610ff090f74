/**
 * What the popup and the pause window add around the answer once the prompt is painted: "Last
 * time" and the feelings. One module, so the first paint carries one small request for both.
 */
export { FeelingPicker } from './FeelingPicker';
export { LastTime } from './LastTime';
