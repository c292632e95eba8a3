import * as core from '@actions/core';
import type { Logger } from '../adapters/logger.js';

/** Logger backed by the Actions toolkit: phases become collapsible groups. */
export const actionsLogger: Logger = {
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  group: (title, work) => core.group(title, work),
};
