import type { Command } from 'commander';
import { consoleLogger } from '../../adapters/logger.js';
import { parseInventoryName, parseList } from '../../core/options.js';
import { parseSubject, type RbacSubject } from '../../core/rbac-manifests.js';
import { parsedOption } from '../parsed-option.js';
import { addRequestTimeoutOption } from '../request-timeout.js';
import type { CliIO } from '../io.js';

interface RbacFlags {
  dir: string;
  inventory: string;
  namespace?: string;
  subject: RbacSubject;
  pruneAllow?: string[];
  name?: string;
  kubeconfig?: string;
  context?: string;
  requestTimeout?: number;
}

export function rbacCommand(program: Command, io: CliIO): void {
  const command = program
    .command('rbac')
    .description(
      'print the Roles and bindings an identity needs to plan, apply (with prune and wait) and check drift of one set',
    )
    .requiredOption('-d, --dir <dir>', 'folder of manifests, as apply applies them')
    .addOption(
      parsedOption(
        '-i, --inventory <name>',
        'inventory (ApplySet) name used by ferry apply',
        parseInventoryName,
      ).makeOptionMandatory(),
    )
    .option(
      '-n, --namespace <ns>',
      "namespace for objects that name none, and of the inventory (default: the context's)",
    )
    .addOption(
      parsedOption(
        '--subject <who>',
        'who gets the rights: serviceaccount:NAMESPACE:NAME, user:NAME or group:NAME',
        parseSubject,
      ).makeOptionMandatory(),
    )
    .addOption(
      parsedOption(
        '--prune-allow <kinds>',
        'protected kinds apply --prune-allow lets prune delete (delete is granted on them too)',
        parseList,
      ),
    )
    .option(
      '--name <name>',
      'name of the Roles and bindings (default: ferry:<namespace>:<inventory>)',
    )
    .option(
      '--kubeconfig <path>',
      'kubeconfig file (default: $KUBECONFIG, ~/.kube/config, in-cluster)',
    )
    .option('--context <name>', 'kubeconfig context');
  addRequestTimeoutOption(command)
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
    .action(async (flags: RbacFlags) => {
      const { rbac } = await import('../../commands/cluster/access/rbac.js');
      const result = await rbac(
        {
          sets: [{ dir: flags.dir, inventory: flags.inventory, namespace: flags.namespace }],
          subject: flags.subject,
          pruneAllow: flags.pruneAllow,
          name: flags.name,
          kubeconfig: flags.kubeconfig,
          context: flags.context,
          requestTimeoutMs: flags.requestTimeout,
        },
        consoleLogger(io.stderr),
      );
      io.stdout.write(result.yaml);
    });
}
