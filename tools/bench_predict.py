"""Time digitnb's predictions: the `digitnb predict` command, `predict` once a model is loaded, a 12-megapixel photo, and the page.

A benchmark, not a test: it prints a table of times and memory and checks nothing. The README quotes its figures.
The model is a ten-digit CNN: the folder given, or one trained here with `train(range(10), 'cnn', epochs=2)`.
The images are made here: a 7 drawn on a 280×280 canvas, as the page's Sketchpad makes it, and the same 7 on a
shaded 4032×3024 page, saved as a JPEG (as phones do) and as a PNG.

Usage, from the repository root:

    python tools/bench_predict.py [--model DIR] [--repeat 20] [--no-page]
"""
import argparse, resource, socket, statistics, subprocess, sys, tempfile, time
from pathlib import Path

CHILD = """
import re, sys
from pathlib import Path
from digitnb.handwriting import prepare_image
kb = lambda key: int(re.search(key + r':\\s+(\\d+)', Path('/proc/self/status').read_text())[1])
Path('/proc/self/clear_refs').write_text('5')  # Linux: reset the peak (VmHWM) to the memory in use now
before = kb('VmRSS')
prepare_image(sys.argv[1])
print((kb('VmHWM') - before) / 1024)
"""  # the most memory `prepare_image` adds to a process that has imported digitnb, in MB

def images(folder:Path) -> dict:
    "The benchmark's images, written to `folder`: {name: path}"
    import numpy as np
    from PIL import Image, ImageDraw
    drawn = Image.new('RGB', (280, 280), 'white')
    ImageDraw.Draw(drawn).line([(90, 50), (200, 50), (120, 240)], fill='black', width=18, joint='curve')
    w, h = 4032, 3024
    shade = np.linspace(235, 150, w, dtype=np.float32)[None, :].repeat(h, 0)  # light from the left
    noise = np.random.default_rng(0).normal(0, 4, (h, w, 3)).astype(np.float32)  # a camera's sensor noise
    photo = Image.fromarray(np.clip(shade[..., None] + noise, 0, 255).astype(np.uint8))
    ImageDraw.Draw(photo).line([(1500, 700), (2600, 700), (1800, 2400)], fill=(40, 40, 50), width=60, joint='curve')
    out = dict(drawn=folder/'drawn.png', photo_jpeg=folder/'photo.jpg', photo_png=folder/'photo.png')
    drawn.save(out['drawn']); photo.save(out['photo_jpeg'], quality=90); photo.save(out['photo_png'])
    return out

def timed(f, n:int) -> float:
    "The median of `n` timings of `f()`, in seconds"
    ts = []
    for _ in range(n):
        t = time.perf_counter(); f(); ts.append(time.perf_counter() - t)
    return statistics.median(ts)

def child_rss() -> float:
    "The peak resident memory of the largest child process so far, in MB"
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--model', help='a ten-digit model folder (default: train one, about 30 s)')
    p.add_argument('--repeat', type=int, default=20, help='timings per in-process figure (median; default 20)')
    p.add_argument('--no-page', action='store_true', help='skip the page (it needs Gradio)')
    a = p.parse_args()
    import torch
    from digitnb import load_model, save_model, train
    from digitnb.handwriting import prepare_image
    from digitnb.inference import predict
    folder = Path(tempfile.mkdtemp(prefix='digitnb-bench-'))
    ims = images(folder)
    if a.model: model_dir = Path(a.model)
    else: model_dir = save_model(train(range(10), 'cnn', epochs=2), folder/'ten_digits')
    model = load_model(model_dir)
    rows = [('torch threads', torch.get_num_threads(), '')]

    # 1. The command: a fresh process that imports torch and fastai, loads the model and reads one image
    cmd = [sys.executable, '-m', 'digitnb.cli', 'predict', '--model', str(model_dir), str(ims['drawn'])]
    walls = []
    for _ in range(3):
        t = time.perf_counter(); r = subprocess.run(cmd, capture_output=True, text=True); walls.append(time.perf_counter() - t)
        assert r.returncode == 0, r.stderr
    rows.append(('`digitnb predict` on one 280×280 PNG (whole command)', f"{statistics.median(walls):.2f} s", f"{child_rss():.0f} MB peak"))
    imp = timed(lambda: subprocess.run([sys.executable, '-c', 'import digitnb.cli'], check=True), 3)
    rows.append(('of which starting Python and importing digitnb (torch, fastai)', f"{imp:.2f} s", ''))

    # 2. In this process, with the model loaded
    x = prepare_image(ims['drawn'])
    rows.append(('`predict` on a prepared 28×28 tensor', f"{timed(lambda: predict(model, x), a.repeat)*1000:.1f} ms", ''))
    rows.append(('`predict` on the 280×280 PNG (prepare and predict)', f"{timed(lambda: predict(model, ims['drawn']), a.repeat)*1000:.1f} ms", ''))

    # 3. A 12-megapixel phone photo: time in this process, memory in a fresh one (peak RSS before and after)
    for name, label in (('photo_jpeg', 'JPEG'), ('photo_png', 'PNG')):
        ms = timed(lambda: predict(model, ims[name]), max(3, a.repeat // 4)) * 1000
        extra = float(subprocess.run([sys.executable, '-c', CHILD, str(ims[name])], capture_output=True, text=True, check=True).stdout)
        rows.append((f"`predict` on a 4032×3024 {label} ({ims[name].stat().st_size/1e6:.1f} MB file)", f"{ms:.0f} ms", f"{extra:.0f} MB above the import"))

    # 4. The page: from the request to the answer, through gradio_client, as the browser calls it
    if not a.no_page:
        from gradio_client import Client, handle_file
        from digitnb.app import make_app
        page = make_app(model)
        with socket.socket() as s: s.bind(('127.0.0.1', 0)); port = s.getsockname()[1]
        _, url, _ = page.launch(server_name='127.0.0.1', server_port=port, prevent_thread_lock=True, quiet=True, inline=False)
        try:
            client = Client(url, verbose=False)
            for name, label in (('drawn', 'the 280×280 PNG'), ('photo_jpeg', 'the 12 MP JPEG')):
                f = handle_file(str(ims[name]))
                top = client.predict(f, api_name='/upload')[0]['label']
                assert top == '7', f"the page read {top} in {label}"
                rows.append((f"the page, /upload with {label}: request to answer", f"{timed(lambda: client.predict(f, api_name='/upload'), max(3, a.repeat // 2))*1000:.0f} ms", ''))
        finally: page.close()

    print('| what | time | memory |\n|---|---|---|')
    for r in rows: print('| ' + ' | '.join(map(str, r)) + ' |')

if __name__ == '__main__': main()
