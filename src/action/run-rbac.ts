import * as core from '@actions/core';
import { codeSpan } from '../core/markdown.js';
import { rbacOptions } from '../options/rbac.js';
import { prepareKubeconfig } from './kubeconfig.js';
import { actionsLogger } from './logger.js';
import type { RbacSettings } from './settings.js';

/**
 * `command: rbac`: output `rbac` is the YAML of the Roles and bindings the subject needs; the job
 * summary shows it for review. It only reads the cluster.
 */
export async function runRbac({ values }: RbacSettings): Promise<void> {
  const { rbac } = await import('../commands/cluster/access/rbac.js');
  const kubeconfig = await prepareKubeconfig(values.kubeconfig);
  const result = await core.group('ferry rbac', () =>
    rbac({ ...rbacOptions(values), kubeconfig }, actionsLogger),
  );
  core.setOutput('rbac', result.yaml);
  await core.summary
    .addRaw(`### ferry rbac for ${codeSpan(values.inventory)}\n\n`)
    .addRaw(`Review, then apply once as an admin: ${codeSpan('kubectl apply -f rbac.yaml')}\n\n`)
    .addRaw(`\`\`\`\`yaml\n${result.yaml}\`\`\`\`\n`)
    .write();
}
