import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);

// src/core/concurrency.ts
async function mapLimit(items, limit, work) {
  let next = 0;
  const errors = [];
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      try {
        await work(item);
      } catch (error) {
        errors.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (errors.length > 0) throw errors[0];
}

// src/core/crd-kinds.ts
function crdsOf(objects) {
  return objects.filter(
    (o) => o.kind === "CustomResourceDefinition" && o.apiVersion.startsWith("apiextensions.k8s.io/")
  );
}
function crdKinds(objects) {
  return crdsOf(objects).flatMap((crd) => {
    const spec = crd.spec ?? {};
    const group = spec.group ?? "";
    const kind = spec.names?.kind;
    if (!kind) return [];
    return (spec.versions ?? []).flatMap(
      (v) => v.name ? [
        {
          apiVersion: `${group}/${v.name}`,
          group,
          version: v.name,
          kind,
          resource: spec.names?.plural,
          namespaced: spec.scope !== "Cluster",
          statusSubresource: v.subresources?.status !== void 0
        }
      ] : []
    );
  });
}

export {
  mapLimit,
  crdsOf,
  crdKinds
};
//# sourceMappingURL=chunk-S7UZDVDB.js.map
