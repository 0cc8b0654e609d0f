#!/usr/bin/env python3
"""Adds (or refreshes) the README seed table's "example" column: links to each row's code in Tour.java.

Run after Tour.java changes: python3 scripts/readme-tour-links.py . (idempotent)."""
import re, sys
root = sys.argv[1]
tour_path = 'examples/src/main/java/io/reactives3/examples/Tour.java'
tour = open(f'{root}/{tour_path}').read().split('\n')
lines = {}
for i, l in enumerate(tour, 1):
    m = re.search(r'new Row\("([^"]+)", "([^"]+)"', l)
    if m:
        lines[(m.group(1), m.group(2))] = i
def link(number, title):
    for (n, t), i in lines.items():
        if n == number and (n != '-' or t == title):
            return i
    return None
readme = open(f'{root}/README.md').read().split('\n')
out = []
in_table = False
for l in readme:
    if l.startswith('| # | seed row |'):
        in_table = True
        if '| example |' not in l:
            l = l + ' example |'
        out.append(l); continue
    if in_table and l.startswith('|---'):
        if l.count('|') == 6:
            l = l + '---|'
        out.append(l); continue
    if in_table and l.startswith('|'):
        cells = l.split(' | ')
        number = cells[0].lstrip('| ').strip()
        title = cells[1].strip()
        l = re.sub(r' \[Tour[^|]*\|$| \[[A-Za-z]+Test[^|]*\|$', '', l) if l.count('|') == 7 else l
        if number == '-' and title.startswith('lifecycle'):
            refs = [(t, link('-', t)) for t in ('lifecycle', 'bucket policy')]
            ex = ', '.join(f'[Tour.java#L{i}]({tour_path}#L{i}) ({t})' for t, i in refs if i)
        elif number == '-':
            ex = ('[WaitersTest](core-async/src/test/java/io/reactives3/core/WaitersTest.java), '
                  '[MultipartUploadTest](resource-reactive/src/test/java/io/reactives3/resource/MultipartUploadTest.java)')
        else:
            i = link(number, title)
            ex = f'[Tour.java#L{i}]({tour_path}#L{i})' if i else ''
        out.append(l + ' ' + ex + ' |'); continue
    in_table = False
    out.append(l)
open(f'{root}/README.md', 'w').write('\n'.join(out))
