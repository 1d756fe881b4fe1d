#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the data files that no other validator covers.

Usage: check-data.py DATA_DIR APP_ID

Fails (exit 1, saying why) unless the MIME type file declares
application/x-gloss-project for *.gloss, the desktop file offers that type
and runs "gloss %F", and both icons are well-formed SVG of the right size
(128 px for the app icon, 16 px for the symbolic one).
"""

import os
import sys
import xml.etree.ElementTree as ET

MIME_NS = '{http://www.freedesktop.org/standards/shared-mime-info}'
SVG_NS = '{http://www.w3.org/2000/svg}'


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    data, app_id = argv[1], argv[2]
    problems = []

    try:
        root = ET.parse(os.path.join(data, app_id + '.mime.xml')).getroot()
        types = {t.get('type'): t for t in root.iter(MIME_NS + 'mime-type')}
        project = types.get('application/x-gloss-project')
        if project is None:
            problems.append('mime.xml: no application/x-gloss-project')
        elif '*.gloss' not in [g.get('pattern') for g in project.iter(MIME_NS + 'glob')]:
            problems.append('mime.xml: application/x-gloss-project has no *.gloss glob')
    except (OSError, ET.ParseError) as e:
        problems.append(f'mime.xml: {e}')

    with open(os.path.join(data, app_id + '.desktop.in'), encoding='utf-8') as f:
        entry = dict(line.rstrip('\n').split('=', 1) for line in f if '=' in line and not line.startswith('#'))
    if 'application/x-gloss-project' not in entry.get('MimeType', '').split(';'):
        problems.append('desktop file: MimeType lacks application/x-gloss-project')
    if entry.get('Exec') != 'gloss %F':
        problems.append(f'desktop file: Exec is {entry.get("Exec")!r}, expected "gloss %F"')
    if entry.get('Icon') != app_id:
        problems.append(f'desktop file: Icon is {entry.get("Icon")!r}, expected {app_id!r}')

    icons = [
        (f'icons/hicolor/scalable/apps/{app_id}.svg', '128'),
        (f'icons/hicolor/symbolic/apps/{app_id}-symbolic.svg', '16'),
    ]
    for path, size in icons:
        try:
            svg = ET.parse(os.path.join(data, path)).getroot()
        except (OSError, ET.ParseError) as e:
            problems.append(f'{path}: {e}')
            continue
        if svg.tag != SVG_NS + 'svg':
            problems.append(f'{path}: the root element is not <svg>')
        if (svg.get('width'), svg.get('height')) != (size, size):
            problems.append(f'{path}: size is {svg.get("width")}x{svg.get("height")}, expected {size}x{size}')
        if svg.get('viewBox') != f'0 0 {size} {size}':
            problems.append(f'{path}: viewBox is {svg.get("viewBox")!r}')

    for p in problems:
        print(p, file=sys.stderr)
    if not problems:
        print('data files OK')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
