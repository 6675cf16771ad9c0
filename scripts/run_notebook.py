"""Execute a notebook from a clean kernel; fail on the first cell that raises.

    python scripts/run_notebook.py docs/tutorial.ipynb [--out build/notebooks]

The executed copy (with outputs) is written to the --out folder for review;
the notebook in docs/ stays stripped of outputs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebook", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "notebooks")
    args = parser.parse_args()
    book = nbformat.read(args.notebook, as_version=4)
    client = NotebookClient(
        book,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(args.notebook.parent)}},
    )
    try:
        client.execute()
    except CellExecutionError as error:
        print(f"run_notebook: {args.notebook}: {error}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / args.notebook.name
    nbformat.write(book, target)
    cells = sum(1 for cell in book.cells if cell.cell_type == "code")
    print(f"run_notebook: {cells} code cells ran; executed copy in {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
