#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest by parsing it (it cannot be built offline).

Usage: check-manifest.py MANIFEST.json APP_ID

Fails (exit 1, saying why) unless the manifest is valid JSON, its app-id is
APP_ID, it runs the GNOME runtime with the gloss command, poppler-data and
poppler are built from the pinned release archives with their published
SHA-256, every archive source carries a checksum, and the last module is
gloss, built with meson from this source tree.
"""

import json
import re
import sys

PINNED = {
    'poppler-data': ('https://poppler.freedesktop.org/poppler-data-0.4.12.tar.gz',
                     'c835b640a40ce357e1b83666aabd95edffa24ddddd49b8daff63adb851cdab74'),
    'poppler': ('https://poppler.freedesktop.org/poppler-24.12.0.tar.xz',
                '1cf374c3146f3f685d9257701bf0c2866c61d6c202c14d1f5c01a1f3a089028a'),
}


def check(manifest, app_id):
    problems = []

    def expect(cond, message):
        if not cond:
            problems.append(message)

    expect(manifest.get('app-id', manifest.get('id')) == app_id,
           f'app-id is {manifest.get("app-id")!r}, expected {app_id!r}')
    expect(manifest.get('runtime') == 'org.gnome.Platform', 'runtime is not org.gnome.Platform')
    expect(manifest.get('sdk') == 'org.gnome.Sdk', 'sdk is not org.gnome.Sdk')
    expect(manifest.get('command') == 'gloss', 'command is not gloss')
    finish_args = manifest.get('finish-args', [])
    expect('--socket=wayland' in finish_args, 'finish-args lack --socket=wayland')
    expect('--filesystem=home' not in finish_args and '--filesystem=host' not in finish_args,
           'finish-args grant the whole home or host file system')

    modules = manifest.get('modules', [])
    names = [m.get('name') if isinstance(m, dict) else m for m in modules]
    expect(names[-1:] == ['gloss'], f'the last module is {names[-1:]}, expected gloss')
    for name in PINNED:
        expect(name in names, f'module {name} is missing')
    if 'poppler' in names and 'poppler-data' in names:
        expect(names.index('poppler-data') < names.index('poppler'),
               'poppler-data must come before poppler')

    for module in modules:
        if not isinstance(module, dict):
            continue
        name = module.get('name')
        sources = module.get('sources', [])
        for source in sources:
            if source.get('type') in ('archive', 'file'):
                expect(re.fullmatch(r'[0-9a-f]{64}', source.get('sha256', '')) is not None,
                       f'{name}: source {source.get("url")} has no sha256')
            if source.get('type') == 'git':
                expect('tag' in source or 'commit' in source,
                       f'{name}: git source {source.get("url")} is not pinned')
        if name in PINNED:
            url, sha256 = PINNED[name]
            expect(module.get('buildsystem') == 'cmake-ninja', f'{name}: buildsystem is not cmake-ninja')
            expect(any(s.get('url') == url and s.get('sha256') == sha256 for s in sources),
                   f'{name}: no archive source {url} with sha256 {sha256}')
        if name == 'poppler':
            opts = module.get('config-opts', [])
            for opt in ('-DENABLE_CPP=OFF', '-DENABLE_BOOST=OFF', '-DENABLE_QT5=OFF',
                        '-DENABLE_QT6=OFF', '-DENABLE_GOBJECT_INTROSPECTION=OFF',
                        '-DBUILD_GTK_TESTS=OFF', '-DBUILD_CPP_TESTS=OFF'):
                expect(opt in opts, f'poppler: config-opts lack {opt}')
        if name == 'gloss':
            expect(module.get('buildsystem') == 'meson', 'gloss: buildsystem is not meson')
            expect(any(s.get('type') == 'dir' and s.get('path') == '..' for s in sources),
                   'gloss: the source is not the directory ..')

    return problems


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print(f'{argv[1]}: {e}', file=sys.stderr)
        return 1
    problems = check(manifest, argv[2])
    for p in problems:
        print(f'{argv[1]}: {p}', file=sys.stderr)
    if not problems:
        print(f'{argv[1]}: OK ({len(manifest["modules"])} modules)')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
