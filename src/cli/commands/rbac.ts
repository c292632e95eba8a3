import type { Command } from 'commander';
import { consoleLogger } from '../../adapters/logger.js';
import { RBAC_OPTIONS, rbacOptions } from '../../options/rbac.js';
import { addOptions, optionValues } from '../options.js';
import type { CliIO } from '../io.js';

export function rbacCommand(program: Command, io: CliIO): void {
  const command = program
    .command('rbac')
    .description(
      'print the Roles and bindings an identity needs to plan, apply (with prune and wait) and check drift of one set',
    );
  addOptions(command, RBAC_OPTIONS)
    .addHelpText(
      'after',
      `
Needs a cluster: each kind's resource name and scope come from the API server's discovery (kinds a
CRD of the set defines, from that CRD), and the inventory's record and members from the cluster.
It only reads. Review the YAML, then an admin applies it once: kubectl apply -f rbac.yaml

Examples:
  ferry rbac -d apps/guestbook/production -i guestbook-production -n guestbook \\
    --subject serviceaccount:ci:deployer > rbac.yaml
  ferry rbac -d rendered/ -i shop -n shop --subject group:deployers --prune-allow PersistentVolumeClaim
`,
    )
    .action(async () => {
      const values = optionValues(RBAC_OPTIONS, command);
      const { rbac } = await import('../../commands/cluster/access/rbac.js');
      const result = await rbac(rbacOptions(values), consoleLogger(io.stderr));
      io.stdout.write(result.yaml);
    });
}
