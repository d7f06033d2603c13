import { LifecycleStageValue as Stage } from '../products/product.entity';

/**
 * Allowed lifecycle moves. Forward along incubation → growth → mature → decline → exit; a test
 * that fails may exit straight from incubation or growth; a declining product may be revived
 * to mature. Exit is final.
 */
export const LIFECYCLE_TRANSITIONS: Readonly<Record<Stage, readonly Stage[]>> = {
  [Stage.INCUBATION]: [Stage.GROWTH, Stage.EXIT],
  [Stage.GROWTH]: [Stage.MATURE, Stage.DECLINE, Stage.EXIT],
  [Stage.MATURE]: [Stage.DECLINE],
  [Stage.DECLINE]: [Stage.MATURE, Stage.EXIT],
  [Stage.EXIT]: [],
};

export function mayMove(from: Stage, to: Stage): boolean {
  return LIFECYCLE_TRANSITIONS[from].includes(to);
}
