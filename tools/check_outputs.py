"""Fail if a notebook's stored outputs hold what a reader on GitHub should not see.

Checks every output stored in nbs/*.ipynb for: an absolute path, a warning, anything written to stderr (GitHub shows
it as a red error box), an empty HTML repr (the text `<IPython.core.display.HTML object>` with no HTML behind it),
a pandas Styler (GitHub drops its colours, and it stores a random id), the same table stored more than once in a cell
(fastprogress), and float noise (a number printed with nine or more decimals, such as 0.9650000000000001). CI runs
it; run it yourself after re-executing a notebook:

    python tools/check_outputs.py [NOTEBOOK ...]
    python tools/check_outputs.py --tidy NOTEBOOK ...   # first drop outputs that show nothing, merge split prints
"""
import json, re, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ABS_PATH = re.compile(r"(?<![\w.~])(/root|/home|/Users|/tmp|/work|/usr|/opt|/var|/private|/mnt|[A-Z]:\\\\)[/\\\\]")
WARNING = re.compile(r"\b\w*Warning\b|warnings\.warn")
FLOAT_NOISE = re.compile(r"\d\.\d{9,}")

STYLE_ONLY = re.compile(r"^\s*(<style[^>]*>.*?</style>\s*)+$", re.S)

def is_blank_html(o:dict) -> bool:
    "An HTML output a reader sees as nothing: empty, or only a <style> block (fastprogress writes one beside its table)"
    data = o.get('data', {})
    if 'text/html' not in data or set(data) - {'text/html', 'text/plain'}: return False
    html = ''.join(data['text/html'])
    return not html.strip() or bool(STYLE_ONLY.match(html))

def output_text(o:dict) -> str:
    "The text a reader sees for output `o` (stream text, plain text and HTML)"
    data = o.get('data', {})
    return ''.join(o.get('text', '')) + ''.join(data.get('text/plain', '')) + ''.join(data.get('text/html', '')) + ''.join(o.get('traceback', []))

def problems(nb_path:Path) -> list:
    "A line for each stored output of `nb_path` that a reader should not see"
    res = []
    for i, c in enumerate(json.loads(Path(nb_path).read_text())['cells']):
        tables = [''.join(o.get('data', {}).get('text/html', '')) for o in c.get('outputs', []) if '<table' in ''.join(o.get('data', {}).get('text/html', ''))]
        if len(tables) > 1: res.append((i, 'a table stored more than once', tables[0][:60]))
        for o in c.get('outputs', []):
            if o.get('name') == 'stderr': res.append((i, 'stderr', ''.join(o.get('text', '')).strip()[:80]))
            if 'T_' in ''.join(o.get('data', {}).get('text/html', '')) and '<style type="text/css">' in ''.join(o.get('data', {}).get('text/html', '')):
                res.append((i, 'a pandas Styler', ''))
            t, data = output_text(o), o.get('data', {})
            plain = ''.join(data.get('text/plain', ''))
            if ABS_PATH.search(t): res.append((i, 'an absolute path', ABS_PATH.search(t)[0]))
            if o.get('name') == 'stderr' and WARNING.search(t) or 'Warning:' in t: res.append((i, 'a warning', t.strip()[:80]))
            if is_blank_html(o): res.append((i, 'an empty HTML repr', plain.strip()[:60]))
            if 'image/png' not in data and FLOAT_NOISE.search(t): res.append((i, 'float noise', FLOAT_NOISE.search(t)[0]))
    return [f"{Path(nb_path).name} cell {i}: {what}: {ex!r}" for i, what, ex in res]

def drop_blank_html(nb_path:Path) -> int:
    "Remove the outputs of `nb_path` that show nothing (see `is_blank_html`) and merge prints split into pieces; returns how many went"
    text = Path(nb_path).read_text()
    nb, n = json.loads(text), 0
    for c in nb['cells']:
        if 'outputs' in c:
            keep = []
            for o in c['outputs']:
                if is_blank_html(o): continue
                if keep and o.get('output_type') == 'stream' and keep[-1].get('output_type') == 'stream' and keep[-1]['name'] == o['name']:
                    keep[-1]['text'] = ''.join(keep[-1]['text']) + ''.join(o['text'])
                else: keep.append(o)
            n, c['outputs'] = n + len(c['outputs']) - len(keep), keep
    if n: Path(nb_path).write_text(json.dumps(nb, indent=1, ensure_ascii=False) + '\n')
    return n

def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in ('--tidy', '--drop-blank-html'):
        for f in argv[1:]: drop_blank_html(Path(f))
        argv = argv[1:]
    files = [Path(a) for a in argv] or sorted((ROOT/'nbs').glob('*.ipynb'))
    bad = [p for f in files for p in problems(f)]
    for p in bad: print(p, file=sys.stderr)
    if bad: sys.exit(f"{len(bad)} stored output(s) a reader should not see (see above)")
    print(f"stored outputs clean in {len(files)} notebooks")

if __name__ == '__main__': main()
