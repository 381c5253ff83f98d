import { GlobalPosition } from '../global-position';

/** Where a subscription that the store manages keeps the position of the last batch it handled. */
export interface CheckpointStore {
  load(subscriptionId: string): Promise<GlobalPosition | null>;
  save(subscriptionId: string, position: GlobalPosition): Promise<void>;
}
