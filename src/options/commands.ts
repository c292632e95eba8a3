import { APPLY_OPTIONS, DRIFT_OPTIONS, PLAN_OPTIONS } from './cluster.js';
import type { AnyOption } from './declare.js';
import { SETS_OPTIONS, STATUS_OPTIONS } from './sets.js';
import { RBAC_OPTIONS } from './rbac.js';
import { PROMOTE_OPTIONS, PROPOSE_OPTIONS, RENDER_OPTIONS, ROLLBACK_OPTIONS } from './env-repo.js';

/**
 * Every command with its options, in the order help, action.yml and the docs list them. The
 * action runs each of these (`command:` input); the CLI has them all as subcommands.
 */
export const COMMAND_OPTIONS = {
  render: RENDER_OPTIONS,
  propose: PROPOSE_OPTIONS,
  promote: PROMOTE_OPTIONS,
  rollback: ROLLBACK_OPTIONS,
  apply: APPLY_OPTIONS,
  plan: PLAN_OPTIONS,
  drift: DRIFT_OPTIONS,
  sets: SETS_OPTIONS,
  status: STATUS_OPTIONS,
  rbac: RBAC_OPTIONS,
} as const satisfies Record<string, readonly AnyOption[]>;

export type CommandName = keyof typeof COMMAND_OPTIONS;

/** The command names, in order. */
export const COMMAND_NAMES = Object.keys(COMMAND_OPTIONS) as CommandName[];
