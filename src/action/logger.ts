import * as core from '@actions/core';
import type { Logger } from '../adapters/logger.js';
import { redactSecrets } from '../adapters/secrets.js';

/** Logger backed by the Actions toolkit: phases become collapsible groups; credentials redacted. */
export const actionsLogger: Logger = {
  info: (message) => core.info(redactSecrets(message)),
  warning: (message) => core.warning(redactSecrets(message)),
  group: (title, work) => core.group(redactSecrets(title), work),
};
