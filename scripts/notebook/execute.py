"""Executes one notebook headless with Jupyter's nbclient and reports every code cell's reply.

Usage: python3 execute.py IN.ipynb OUT.ipynb REPORT.json --kernel tslab --timeout SECONDS

Every cell runs even after an error (allow_errors), so the report shows which cells tslab aborted.
REPORT.json holds {"replies": {cell_index: {"status", "execution_count"}}, "error": message or null};
the notebook with its outputs is written to OUT.ipynb. Judging the result is scripts/run-notebooks.mjs's job.
"""
import argparse
import json
import os
import sys

import nbformat
from nbclient import NotebookClient


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("source")
    parser.add_argument("target")
    parser.add_argument("report")
    parser.add_argument("--kernel", default="tslab")
    parser.add_argument("--timeout", type=int, default=120)
    args = parser.parse_args()

    notebook = nbformat.read(args.source, as_version=4)
    replies = {}

    def on_cell_executed(cell, cell_index, execute_reply):
        content = (execute_reply or {}).get("content", {})
        replies[cell_index] = {
            "status": content.get("status"),
            "execution_count": content.get("execution_count"),
        }

    client = NotebookClient(
        notebook,
        timeout=args.timeout,
        # No step may depend on how busy the machine is: the kernel's start-up and the outputs that follow
        # a cell's reply get the same allowance as the cell. nbclient waits only 4 s for those outputs by
        # default and then goes on without them, silently: a cell's error or a TypeScript diagnostic
        # printed late on a loaded machine was lost. Outputs still missing after the allowance are an error.
        startup_timeout=args.timeout,
        iopub_timeout=args.timeout,
        raise_on_iopub_timeout=True,
        kernel_name=args.kernel,
        allow_errors=True,
        record_timing=False,
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(args.source))}},
        on_cell_executed=on_cell_executed,
    )
    error = None
    try:
        client.execute()
    except Exception as exc:  # a timeout or a dead kernel: report it, keep the partial notebook
        error = "%s: %s" % (type(exc).__name__, exc)
    nbformat.write(notebook, args.target)
    with open(args.report, "w") as handle:
        json.dump({"replies": replies, "error": error}, handle)
    return 0


if __name__ == "__main__":
    sys.exit(main())
