"""Keep each notebook's "Open in Colab" badge and Colab setup cell in step with pyproject.toml.

The repository URL lives in one place, `[project.urls] Repository` in pyproject.toml. This script writes it into
two cells right after each notebook's H1 title: a markdown cell with the badge, and a code cell that installs digitnb
only when it runs in Colab and then imports it. A fork changes that one line of pyproject.toml and runs:

    python tools/colab.py            # rewrite the cells where they differ
    python tools/colab.py --check    # exit 1, naming the notebooks, if any is out of step (CI runs this)
"""
import json, re, sys, tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BADGE_MARK, SETUP_MARK = 'colab-badge.svg', '# Colab setup'

def repo_url() -> str:
    "The repository URL from pyproject.toml, without a trailing slash or .git"
    url = tomllib.loads((ROOT/'pyproject.toml').read_text())['project']['urls']['Repository']
    return re.sub(r'(\.git)?/*$', '', url)

def colab_cells(nb_name:str, url:str) -> tuple:
    "The badge cell's and the setup cell's source for notebook `nb_name`"
    m = re.match(r'https://github\.com/([^/]+/[^/]+)$', url)
    if not m: raise SystemExit(f"pyproject.toml: Repository must be https://github.com/OWNER/NAME for Colab, got {url}")
    badge = (f"[![Open in Colab](https://colab.research.google.com/assets/{BADGE_MARK})]"
             f"(https://colab.research.google.com/github/{m[1]}/blob/main/nbs/{nb_name})")
    setup = (f"{SETUP_MARK}: in Colab, install digitnb from its repository; anywhere else this cell only imports it.\n"
             "import sys, subprocess\n"
             "if 'google.colab' in sys.modules:\n"
             f"    subprocess.run([sys.executable, '-m', 'pip', 'install', '-q', 'git+{url}'], check=True)\n"
             "import digitnb")
    return badge, setup

def _src(c): return ''.join(c['source'])
def _lines(s): return s.splitlines(keepends=True)

def sync(nb_path:Path, url:str) -> bool:
    "Insert or update the two cells in `nb_path`; True if the file changed"
    text = nb_path.read_text()
    nb = json.loads(text)
    cells = nb['cells']
    badge, setup = colab_cells(nb_path.name, url)
    cells[:] = [c for c in cells if not (BADGE_MARK in _src(c) and c['cell_type'] == 'markdown')
                and not (c['cell_type'] == 'code' and _src(c).startswith(SETUP_MARK))]
    title = next((i for i, c in enumerate(cells) if c['cell_type'] == 'markdown' and _src(c).lstrip().startswith('# ')), None)
    if title is None: raise SystemExit(f"{nb_path}: no H1 title cell to put the Colab badge under")
    new = [dict(cell_type='markdown', id='colab-badge', metadata={}, source=_lines(badge)),
           dict(cell_type='code', execution_count=None, id='colab-setup', metadata={}, outputs=[], source=_lines(setup))]
    cells[title+1:title+1] = new
    out = json.dumps(nb, indent=1, ensure_ascii=False) + '\n'
    if out == text: return False
    nb_path.write_text(out)
    return True

def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    check = '--check' in argv
    files = [Path(a).resolve() for a in argv if not a.startswith('--')] or sorted((ROOT/'nbs').glob('[0-9]*.ipynb'))
    url, stale = repo_url(), []
    for f in files:
        if check:
            nb = json.loads(f.read_text())
            badge, setup = colab_cells(f.name, url)
            srcs = [_src(c) for c in nb['cells']]
            if badge not in srcs or setup not in srcs: stale.append(str(f.relative_to(ROOT)))
        elif sync(f, url): print(f"updated {f.relative_to(ROOT)}")
    if stale:
        print("Colab badge or setup cell missing or out of step with pyproject.toml in: " + ', '.join(stale)
              + "\nRun: python tools/colab.py", file=sys.stderr)
        sys.exit(1)

if __name__ == '__main__': main()
