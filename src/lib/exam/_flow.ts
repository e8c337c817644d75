/**
 * A small max-flow (Dinic) and min-cost flow for deciding, before anything is drawn, whether a blueprint's sections
 * can be filled: sections need distinct questions from overlapping pools (a bipartite b-matching),
 * and modules may need a minimum number of them (lower bounds). Internal to `exam/`.
 */

interface Edge {
  to: number;
  capacity: number;
  /** Cost per unit of flow (only `minCost` reads it). */
  cost: number;
  /** Index of the reverse edge in `edges[to]`. */
  reverse: number;
}

/** A flow network with integer capacities and optional costs; nodes are numbers from `addNode`. */
export class FlowNetwork {
  private edges: Edge[][] = [];

  /** Returns a new node. */
  addNode(): number {
    this.edges.push([]);
    return this.edges.length - 1;
  }

  /** Adds an edge from `from` to `to`; `cost` (per unit of flow) matters only to `minCost`. */
  addEdge(from: number, to: number, capacity: number, cost = 0): void {
    this.edges[from]!.push({ to, capacity, cost, reverse: this.edges[to]!.length });
    this.edges[to]!.push({ to: from, capacity: 0, cost: -cost, reverse: this.edges[from]!.length - 1 });
  }

  /** Returns the maximum flow from `source` to `sink` and leaves the residual network in place. */
  maxFlow(source: number, sink: number): number {
    let total = 0;
    for (;;) {
      const level = this.levels(source);
      if (level[sink]! < 0) return total;
      const next = this.edges.map(() => 0);
      for (let pushed = this.push(source, sink, Infinity, level, next); pushed > 0; pushed = this.push(source, sink, Infinity, level, next)) total += pushed;
    }
  }

  /** Returns whether each node can still be reached from `source` in the residual network. */
  reachableFrom(source: number): boolean[] {
    return this.levels(source).map((l) => l >= 0);
  }

  /**
   * Returns the cost of a minimum-cost flow from `source` to `sink`, augmenting along shortest
   * (Bellman–Ford) paths while they lower the cost; the network must have no negative cycle.
   */
  minCost(source: number, sink: number): number {
    let total = 0;
    for (;;) {
      const distance = this.edges.map(() => Infinity);
      const via: ([number, number] | undefined)[] = this.edges.map(() => undefined);
      distance[source] = 0;
      const queue = [source];
      const queued = this.edges.map(() => false);
      queued[source] = true;
      while (queue.length) {
        const node = queue.shift()!;
        queued[node] = false;
        for (const [index, edge] of this.edges[node]!.entries()) {
          if (edge.capacity > 0 && distance[node]! + edge.cost < distance[edge.to]!) {
            distance[edge.to] = distance[node]! + edge.cost;
            via[edge.to] = [node, index];
            if (!queued[edge.to]) {
              queued[edge.to] = true;
              queue.push(edge.to);
            }
          }
        }
      }
      if (distance[sink] === Infinity || distance[sink]! >= 0) return total;
      let amount = Infinity;
      for (let node = sink; node !== source; node = via[node]![0]) amount = Math.min(amount, this.edges[via[node]![0]]![via[node]![1]]!.capacity);
      for (let node = sink; node !== source; node = via[node]![0]) {
        const edge = this.edges[via[node]![0]]![via[node]![1]]!;
        edge.capacity -= amount;
        this.edges[edge.to]![edge.reverse]!.capacity += amount;
      }
      total += amount * distance[sink]!;
    }
  }

  private levels(source: number): number[] {
    const level = this.edges.map(() => -1);
    level[source] = 0;
    const queue = [source];
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]!;
      for (const edge of this.edges[node]!) {
        if (edge.capacity > 0 && level[edge.to]! < 0) {
          level[edge.to] = level[node]! + 1;
          queue.push(edge.to);
        }
      }
    }
    return level;
  }

  private push(node: number, sink: number, limit: number, level: number[], next: number[]): number {
    if (node === sink) return limit;
    for (; next[node]! < this.edges[node]!.length; next[node]!++) {
      const edge = this.edges[node]![next[node]!]!;
      if (edge.capacity <= 0 || level[edge.to] !== level[node]! + 1) continue;
      const pushed = this.push(edge.to, sink, Math.min(limit, edge.capacity), level, next);
      if (pushed > 0) {
        edge.capacity -= pushed;
        this.edges[edge.to]![edge.reverse]!.capacity += pushed;
        return pushed;
      }
    }
    return 0;
  }
}
