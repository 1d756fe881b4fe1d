#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Codes the demo project's passages listed in a TSV file.

Usage: demo-codings.py GLOSS-CLI PROJECT CODINGS.tsv

Each line of the TSV file (lines starting with # are comments) gives a
document, a code path, a coder and a passage.  The passage is looked for in
the document's canonical text (as gloss-cli text prints it), where any run
of spaces and line breaks matches any other, and the passage found is coded
with gloss-cli code.  A passage that is not found stops the script.
"""

import re
import subprocess
import sys


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__.strip().splitlines()[2])
    cli, project, table = sys.argv[1:]
    texts = {}
    n = 0
    with open(table, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            document, code, coder, passage = line.split("\t")
            if document not in texts:
                texts[document] = subprocess.run(
                    [cli, "text", project, document], check=True,
                    capture_output=True, text=True).stdout
            pattern = r"\s+".join(re.escape(word) for word in passage.split())
            found = re.search(pattern, texts[document])
            if found is None:
                sys.exit(f"{table}:{number}: passage not found in {document}")
            # Python's string offsets are code points, as Gloss's are.
            subprocess.run([cli, "code", project, document, code,
                            str(found.start()), str(found.end()),
                            "--coder", coder],
                           check=True, stdout=subprocess.DEVNULL)
            n += 1
    print(f"demo-codings: coded {n} passages")


if __name__ == "__main__":
    main()
