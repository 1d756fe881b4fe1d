#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks a PDF made by gloss-make-pdf against its text source.

Usage: check-sample-pdf.py INPUT.txt OUTPUT.pdf

Fails (exit 1) unless the PDF has 2 to 4 pages, its title metadata is the
first line of the text, every page has its "Page N of M" footer, and the
text that pdftotext extracts is the input text with nothing lost, added or
reordered (white space, hyphens and bullet marks aside).
"""

import re
import subprocess
import sys


def squash(text):
    # pdftotext joins a word hyphenated at the end of a line ("step-" +
    # "down" gives "stepdown"), so hyphens are left out of the comparison.
    return ''.join(text.split()).replace('-', '')


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    txt_path, pdf_path = argv[1], argv[2]

    with open(txt_path, encoding='utf-8') as f:
        source = f.read()
    title = next(line.strip() for line in source.splitlines() if line.strip())

    info = subprocess.run(['pdfinfo', '-enc', 'UTF-8', pdf_path], check=True,
                          capture_output=True, text=True, encoding='utf-8').stdout
    fields = dict(line.split(':', 1) for line in info.splitlines() if ':' in line)
    pages = int(fields['Pages'].strip())
    problems = []
    if not 2 <= pages <= 4:
        problems.append(f'{pages} pages, expected 2 to 4')
    if fields.get('Title', '').strip() != title:
        problems.append(f'title metadata is {fields.get("Title")!r}, expected {title!r}')

    extracted = subprocess.run(['pdftotext', '-enc', 'UTF-8', pdf_path, '-'], check=True,
                               capture_output=True, text=True, encoding='utf-8').stdout
    body_lines = []
    footers = []
    for line in extracted.splitlines():
        m = re.fullmatch(r'\s*Page (\d+) of (\d+)\s*', line)
        if m:
            footers.append((int(m.group(1)), int(m.group(2))))
        else:
            body_lines.append(line)
    expected_footers = [(n, pages) for n in range(1, pages + 1)]
    if footers != expected_footers:
        problems.append(f'footers {footers}, expected {expected_footers}')

    def strip_bullets(lines):
        return '\n'.join(re.sub(r'^\s*(?:- |•\s*)', '', line) for line in lines)

    want = squash(strip_bullets(source.splitlines()))
    got = squash(strip_bullets(body_lines))
    if want != got:
        n = next((i for i, (a, b) in enumerate(zip(want, got)) if a != b), min(len(want), len(got)))
        problems.append('text differs at character %d:\n  expected …%s…\n  got      …%s…'
                        % (n, want[max(0, n - 40):n + 40], got[max(0, n - 40):n + 40]))

    for p in problems:
        print(f'{pdf_path}: {p}', file=sys.stderr)
    if not problems:
        print(f'{pdf_path}: {pages} pages, text complete')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
