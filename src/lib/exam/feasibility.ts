import { sum } from '../numbers.ts';
import type { Question } from '../questions/index.ts';
import { FlowNetwork } from './_flow.ts';

/** Slots to fill from a pool: one section of one selection. */
export interface SlotGroup {
  need: number;
  pool: readonly Question[];
}

/** What is still to be filled: slot groups that need distinct questions, and minimums per module. */
export interface FillProblem {
  groups: readonly SlotGroup[];
  /** Questions still needed per module (already placed ones subtracted); absent or ≤ 0: none. */
  minimum?: ReadonlyMap<string, number>;
  /** Questions that may not be used (already on the paper). */
  used?: ReadonlySet<string>;
}

/** Builds group → question → (module →) sink; returns the network and its nodes. */
function buildNetwork({ groups, minimum, used }: FillProblem) {
  const network = new FlowNetwork();
  const source = network.addNode();
  const sink = network.addNode();
  const groupNodes = groups.map(() => network.addNode());
  const questionNodes = new Map<string, number>();
  const moduleNodes = new Map<string, number>();
  for (const [g, group] of groups.entries()) {
    for (const question of group.pool) {
      if (used?.has(question.id)) continue;
      let node = questionNodes.get(question.id);
      if (node === undefined) {
        node = network.addNode();
        questionNodes.set(question.id, node);
        const needed = minimum?.get(question.module) ?? 0;
        if (needed > 0) {
          let moduleNode = moduleNodes.get(question.module);
          if (moduleNode === undefined) moduleNodes.set(question.module, (moduleNode = network.addNode()));
          network.addEdge(node, moduleNode, 1);
        } else {
          network.addEdge(node, sink, 1);
        }
      }
      network.addEdge(groupNodes[g]!, node, 1);
    }
  }
  return { network, source, sink, groupNodes, moduleNodes };
}

/**
 * Returns whether every group can get `need` distinct questions from its pool while every module
 * gets its minimum: a bipartite b-matching with lower bounds, solved as a feasible circulation.
 */
export function isFillable(problem: FillProblem): boolean {
  const { network, source, sink, groupNodes, moduleNodes } = buildNetwork(problem);
  // A module that still needs questions but has none left in any pool.
  for (const [module, needed] of problem.minimum ?? []) if (needed > 0 && !moduleNodes.has(module)) return false;
  // Lower bounds: a group's edge from the source must carry exactly `need`; a module's edge to the
  // sink at least its minimum. Each lower bound l on u→v becomes S*→v and u→T* of capacity l.
  const superSource = network.addNode();
  const superSink = network.addNode();
  let required = 0;
  for (const [g, group] of problem.groups.entries()) {
    if (group.need <= 0) continue;
    network.addEdge(superSource, groupNodes[g]!, group.need);
    network.addEdge(source, superSink, group.need);
    required += group.need;
  }
  for (const [module, node] of moduleNodes) {
    const needed = problem.minimum!.get(module)!;
    network.addEdge(superSource, sink, needed);
    network.addEdge(node, superSink, needed);
    network.addEdge(node, sink, Number.MAX_SAFE_INTEGER);
    required += needed;
  }
  network.addEdge(sink, source, Number.MAX_SAFE_INTEGER);
  return network.maxFlow(superSource, superSink) === required;
}

/**
 * Returns the groups that cannot all be filled with distinct questions (a smallest-cut set, by
 * Hall's theorem: together they need more questions than their pools hold), or `[]` when every
 * group can be filled. Module minimums are ignored.
 */
export function findOverbookedGroups(problem: FillProblem): number[] {
  const { network, source, sink, groupNodes } = buildNetwork({ groups: problem.groups, ...(problem.used ? { used: problem.used } : {}) });
  let required = 0;
  for (const [g, group] of problem.groups.entries()) {
    network.addEdge(source, groupNodes[g]!, Math.max(0, group.need));
    required += Math.max(0, group.need);
  }
  if (network.maxFlow(source, sink) === required) return [];
  const reachable = network.reachableFrom(source);
  return groupNodes.flatMap((node, g) => (reachable[node] ? [g] : []));
}

/** Returns the most questions of `module` the groups can hold together (distinct questions, each group at most `need`). */
export function maxFromModule(problem: FillProblem, module: string): number {
  const groups = problem.groups.map((group) => ({ need: group.need, pool: group.pool.filter((q) => q.module === module) }));
  const { network, source, sink, groupNodes } = buildNetwork({ groups, ...(problem.used ? { used: problem.used } : {}) });
  for (const [g, group] of groups.entries()) network.addEdge(source, groupNodes[g]!, Math.max(0, group.need));
  return network.maxFlow(source, sink);
}

/** Returns the number of distinct questions in the pools of `groups`. */
export function countDistinct(groups: readonly SlotGroup[], used?: ReadonlySet<string>): number {
  return new Set(groups.flatMap((g) => g.pool.filter((q) => !used?.has(q.id)).map((q) => q.id))).size;
}

/**
 * Returns the smallest (`order: 1`) or largest (`order: -1`) total difficulty of questions that
 * fill every group with distinct questions while meeting the module minimums: a minimum-cost flow
 * where filling a slot or a minimum earns a large bonus, so those come first. Assumes `isFillable`.
 */
export function extremeDifficulty(problem: FillProblem, order: 1 | -1): number {
  const BONUS = 1e6;
  const network = new FlowNetwork();
  const source = network.addNode();
  const sink = network.addNode();
  const questionNodes = new Map<string, number>();
  const moduleNodes = new Map<string, number>();
  let slots = 0;
  for (const group of problem.groups) {
    if (group.need <= 0) continue;
    const groupNode = network.addNode();
    network.addEdge(source, groupNode, group.need, -BONUS);
    slots += group.need;
    for (const question of group.pool) {
      if (problem.used?.has(question.id)) continue;
      let node = questionNodes.get(question.id);
      if (node === undefined) {
        questionNodes.set(question.id, (node = network.addNode()));
        let moduleNode = moduleNodes.get(question.module);
        if (moduleNode === undefined) {
          moduleNodes.set(question.module, (moduleNode = network.addNode()));
          const needed = Math.max(0, problem.minimum?.get(question.module) ?? 0);
          if (needed) network.addEdge(moduleNode, sink, needed, -BONUS);
          network.addEdge(moduleNode, sink, Number.MAX_SAFE_INTEGER, 0);
        }
        network.addEdge(node, moduleNode, 1, order * question.difficulty);
      }
      network.addEdge(groupNode, node, 1, 0);
    }
  }
  const minimums = sum([...moduleNodes.keys()].map((m) => Math.max(0, problem.minimum?.get(m) ?? 0)));
  const cost = network.minCost(source, sink) + BONUS * (slots + minimums);
  return order * cost;
}
