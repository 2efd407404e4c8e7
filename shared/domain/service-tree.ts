/**
 * Services form trees: a user's permissions "will apply to the services and the child services
 * underneath them" (seed 000, "Account permissions"). These helpers walk that tree.
 */
export interface TreeNode {
  id: string;
  parentId: string | null;
}

export function childrenIndex<T extends TreeNode>(services: readonly T[]): Map<string | null, T[]> {
  const index = new Map<string | null, T[]>();
  for (const s of services) {
    const list = index.get(s.parentId) ?? [];
    list.push(s);
    index.set(s.parentId, list);
  }
  return index;
}

/** Every service under `rootId` (children, their children, …), not including the root. */
export function descendants<T extends TreeNode>(rootId: string, index: Map<string | null, T[]>): T[] {
  const out: T[] = [];
  const seen = new Set<string>([rootId]);
  const stack = [...(index.get(rootId) ?? [])];
  while (stack.length) {
    const next = stack.pop()!;
    if (seen.has(next.id)) continue; // guards against a cycle in imported data
    seen.add(next.id);
    out.push(next);
    stack.push(...(index.get(next.id) ?? []));
  }
  return out;
}

/**
 * The services a user's Relationship-based roles reach: each chosen service and every service
 * under it, each counted once.
 */
export function servicesCovered<T extends TreeNode>(chosen: readonly string[], services: readonly T[]): Set<string> {
  const index = childrenIndex(services);
  const known = new Set(services.map((s) => s.id));
  const covered = new Set<string>();
  for (const id of chosen) {
    if (!known.has(id)) continue;
    covered.add(id);
    for (const d of descendants(id, index)) covered.add(d.id);
  }
  return covered;
}

/** True when making `parentId` the parent of `id` would put a service under itself. */
export function wouldCycle<T extends TreeNode>(id: string, parentId: string | null, services: readonly T[]): boolean {
  if (!parentId) return false;
  if (parentId === id) return true;
  return descendants(id, childrenIndex(services)).some((d) => d.id === parentId);
}

/** Services in tree order with their depth, for indented lists. */
export function flattenTree<T extends TreeNode & { name: string }>(
  services: readonly T[],
): { service: T; depth: number; descendants: number }[] {
  const index = childrenIndex(services);
  const known = new Set(services.map((s) => s.id));
  const roots = services.filter((s) => !s.parentId || !known.has(s.parentId));
  const out: { service: T; depth: number; descendants: number }[] = [];
  const seen = new Set<string>();
  const visit = (s: T, depth: number) => {
    if (seen.has(s.id)) return;
    seen.add(s.id);
    out.push({ service: s, depth, descendants: descendants(s.id, index).length });
    for (const c of [...(index.get(s.id) ?? [])].sort((a, b) => a.name.localeCompare(b.name))) visit(c, depth + 1);
  };
  for (const r of [...roots].sort((a, b) => a.name.localeCompare(b.name))) visit(r, 0);
  return out;
}
