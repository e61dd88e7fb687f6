/** The slice of autocannon's programmatic API that bench-api.ts uses (the package ships no types). */
declare module 'autocannon' {
  export interface Options {
    url: string;
    connections?: number;
    duration?: number;
    headers?: Record<string, string>;
  }

  export interface Stats {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    p50: number;
    p90: number;
    p99: number;
  }

  export interface Result {
    url: string;
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    statusCodeStats: Record<string, { count: number }>;
    latency: Stats;
    requests: Stats & { total: number; sent: number };
    throughput: Stats;
  }

  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
