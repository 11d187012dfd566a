#!/usr/bin/env python3
"""The message catalogues against the code: every key the code names exists in every compiled
catalogue (read back by Python's own gettext reader from the .mo files msgfmt wrote), every
catalogue key is named by the code, and each translation keeps the German text's placeholders
({0} … and printf's %s %d %zu %.1f). Usage: catalogue_test.py SOURCE_DIR BUILD_DIR"""
import gettext
import pathlib
import re
import sys

source, build = map(pathlib.Path, sys.argv[1:3])
failures = []

# Keys written in the code: tr(lang, "key") and the view's T(s, "key"), plus the tables that
# name keys and the families built at run time (prefix + a data value).
code = {p: p.read_text(encoding='utf-8') for p in (source / 'src').rglob('*.[ch]pp')}
used = set()
for text in code.values():
    used |= set(re.findall(r'\btr\([^,()]+,\s*"([a-z0-9_.]+)"\)', text))
    used |= set(re.findall(r'\bT\([a-z]+,\s*"([a-z0-9_.]+)"\)', text))
    for call in re.findall(r'\b(?:tr|T)\([^,()]+,\s*([^()]*\?[^()]*)\)', text):
        used |= set(re.findall(r'"([a-z0-9_]+\.[a-z0-9_.]+)"', call))  # T(s, c ? "a.b" : "a.c")
# Any string literal of the code may name a key (tables, edit kinds kept as data).
literals = set()
for text in code.values():
    literals |= set(re.findall(r'"([a-z0-9_.]+)"', text))
# Families of keys whose last part is a value from the data ("gaps.finding." + a finding's
# kind): named when that part is a string literal of the code (the kind an analysis sets).
families = ('field_name.', 'figure.', 'figure_column.', 'gaps.finding.', 'gaps.reason.', 'compare.finding.', 'compare.gap.',
            'compare.summary.', 'history.', 'metric_name.', 'layout_name.')
always = ('language.', 'format.')  # read by core/i18n.cpp under names built there


def family_named(key):
    for prefix in families:
        if key.startswith(prefix):
            return key[len(prefix):].split('.')[0] in literals
    return False

placeholder = re.compile(r'\{[0-9]\}|%[-+ 0#]*[0-9]*(?:\.[0-9]+)?(?:zu|ld|lu|s|d|f|g|u|c|%)')

catalogues = {}
for mo in sorted((build / 'i18n').glob('*.mo')):
    with mo.open('rb') as f:
        catalogues[mo.stem] = gettext.GNUTranslations(f)._catalog
if 'de' not in catalogues or 'en' not in catalogues:
    print(f'FAIL: no compiled de.mo and en.mo in {build / "i18n"}')
    sys.exit(1)
de = {k: v for k, v in catalogues['de'].items() if k}

for key in sorted(used):
    for lang, cat in catalogues.items():
        if key not in cat:
            failures.append(f'{lang}: no text for key "{key}" (named in the code)')
for key, text in sorted(de.items()):
    named = key in used or key in literals or family_named(key) or key.startswith(always)
    if not named:
        failures.append(f'de.po: key "{key}" is named nowhere in the code (stale)')
    want = sorted(placeholder.findall(text))
    for lang, cat in catalogues.items():
        if key in cat and sorted(placeholder.findall(cat[key])) != want:
            failures.append(f'{lang}: "{key}" has placeholders {sorted(placeholder.findall(cat[key]))}, German has {want}')
        if key not in cat:
            failures.append(f'{lang}: no text for key "{key}" (German has one)')

print(f'{len(catalogues)} catalogues ({", ".join(catalogues)}), {len(de)} keys, {len(used)} named in the code')
for f in failures:
    print('FAIL:', f)
sys.exit(1 if failures else 0)
