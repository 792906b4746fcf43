// Types of check.mjs for the TypeScript tests.
export interface CellReply {
  status: string | null;
  execution_count: number | null;
}
export interface ExecutionReport {
  replies: Record<string, CellReply>;
  error: string | null;
}
export declare function checkNotebook(notebook: { cells: object[] }, report: ExecutionReport): string[];
