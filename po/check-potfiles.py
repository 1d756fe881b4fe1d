#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks po/POTFILES.in against the sources.

Usage: check-potfiles.py [--update] [SOURCE_ROOT]

Scans app/, ui/ and data/ for files that mark strings for translation
(_(" N_(" C_( ngettext ( or translatable="yes") and fails (exit 1), listing
them, if any is missing from po/POTFILES.in.  Also fails if POTFILES.in
lists a file that does not exist.

With --update, rewrites POTFILES.in instead: it keeps the comments and the
listed files that exist (such as the data files, whose strings are found
through ITS rules rather than markers), drops the others, and adds the
missing ones, sorted.
"""

import os
import re
import sys

SCANNED_DIRS = ('app', 'ui', 'data')
MARKERS = re.compile(r'(?<![A-Za-z0-9_])(?:N?_\(\s*"|N?C_\()|ngettext\s*\(|translatable="yes"')
# Files whose strings are translated through ITS rules rather than markers:
# they are listed in POTFILES.in by hand and need no marker.
SKIPPED_DIRS = {'samples', 'screenshots', 'icons'}
TEXT_SUFFIXES = ('.c', '.h', '.ui', '.xml', '.in', '.blp', '.py', '.js', '.vala')


def read_potfiles(path):
    entries = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#'):
                entries.append(line)
    return entries


def files_with_markers(root):
    found = []
    for top in SCANNED_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames[:] = sorted(d for d in dirnames if d not in SKIPPED_DIRS and not d.startswith('.'))
            for name in sorted(filenames):
                if not name.endswith(TEXT_SUFFIXES):
                    continue
                path = os.path.join(dirpath, name)
                try:
                    with open(path, encoding='utf-8', errors='replace') as f:
                        text = f.read()
                except OSError:
                    continue
                if MARKERS.search(text):
                    found.append(os.path.relpath(path, root).replace(os.sep, '/'))
    return found


def update(root, potfiles_path, listed):
    with open(potfiles_path, encoding='utf-8') as f:
        comments = [line.rstrip('\n') for line in f if line.startswith('#')]
    keep = {f for f in listed if os.path.isfile(os.path.join(root, f))}
    entries = sorted(keep | set(files_with_markers(root)),
                     key=lambda f: (SCANNED_DIRS.index(f.split('/')[0]) if f.split('/')[0] in SCANNED_DIRS
                                    else len(SCANNED_DIRS), f))
    with open(potfiles_path, 'w', encoding='utf-8') as f:
        f.write(''.join(line + '\n' for line in comments + entries))
    print(f'{potfiles_path}: {len(entries)} files')
    return 0


def main(argv):
    args = argv[1:]
    do_update = '--update' in args
    args = [a for a in args if a != '--update']
    root = args[0] if args else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
    potfiles_path = os.path.normpath(os.path.join(root, 'po', 'POTFILES.in'))
    try:
        listed = read_potfiles(potfiles_path)
    except OSError as e:
        print(f'{potfiles_path}: {e}', file=sys.stderr)
        return 1
    if do_update:
        return update(root, potfiles_path, listed)

    missing = [f for f in files_with_markers(root) if f not in listed]
    absent = [f for f in listed if not os.path.isfile(os.path.join(root, f))]
    duplicates = sorted({f for f in listed if listed.count(f) > 1})

    if missing:
        print('Files with translatable strings missing from po/POTFILES.in:', file=sys.stderr)
        for f in missing:
            print(f'  {f}', file=sys.stderr)
    if absent:
        print('Files listed in po/POTFILES.in that do not exist:', file=sys.stderr)
        for f in absent:
            print(f'  {f}', file=sys.stderr)
    if duplicates:
        print('Files listed more than once in po/POTFILES.in:', file=sys.stderr)
        for f in duplicates:
            print(f'  {f}', file=sys.stderr)
    if missing or absent or duplicates:
        print('Run po/check-potfiles.py --update to fix po/POTFILES.in.', file=sys.stderr)
        return 1

    print(f'po/POTFILES.in lists all {len(listed)} files with translatable strings')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
