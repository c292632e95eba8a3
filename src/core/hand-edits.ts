/**
 * Field managers that mean a person changed the object by hand (kubectl's defaults for each
 * verb, and `before-first-apply`, which the API server names the owner of fields set before an
 * object's first server-side apply). A plan that would overwrite their values says so.
 * https://kubernetes.io/docs/reference/using-api/server-side-apply/#upgrading-from-client-side-apply-to-server-side-apply
 */
export const HAND_EDIT_MANAGERS: readonly string[] = [
  'kubectl',
  'kubectl-edit',
  'kubectl-patch',
  'kubectl-set',
  'kubectl-scale',
  'kubectl-label',
  'kubectl-annotate',
  'kubectl-client-side-apply',
  'before-first-apply',
];

/**
 * Whether git wins over `manager`: kubectl's managers, and any the user named (`--git-wins-over`)
 * — apply takes their fields back, and a plan flags the overwrite.
 */
export function isHandEdit(
  manager: string | undefined,
  gitWinsOver: readonly string[] = [],
): boolean {
  return (
    manager !== undefined && (HAND_EDIT_MANAGERS.includes(manager) || gitWinsOver.includes(manager))
  );
}
