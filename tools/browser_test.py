"""Draw 1, 7, 0 and 4 on digitnb's page in a real browser, submit each, read the label, and save a screenshot.

The browser is Debian's headless Chromium (`apt-get install chromium chromium-driver`), driven by Selenium through
Debian's chromedriver; nothing downloads a browser. The page is `digitnb.app.make_app`, served in this process on a
free port of 127.0.0.1, with a ten-digit CNN: the model folder given, or one trained here with `train(range(10), 'cnn')`
(about a minute on 2 cores, on the bundled data unless DIGITNB_DATA says otherwise).

Usage, from the repository root (`.ci/run` runs the first):

    python tools/browser_test.py                                   # screenshot in $TMPDIR/digitnb-page.png
    python tools/browser_test.py --model DIR --screenshot nbs/images/app.png   # refresh the screenshot the docs show
"""
import argparse, math, os, socket, sys, tempfile, time
from pathlib import Path

SHAPES = {  # strokes in canvas pixels, from the centre of the 280×280 canvas
    '1': [[(0, -110), (0, 110)]],
    '7': [[(-75, -100), (75, -100), (-15, 110)]],
    '0': [[(round(60 * math.sin(2 * math.pi * i / 32)), round(-100 * math.cos(2 * math.pi * i / 32))) for i in range(33)]],
    '4': [[(40, 110), (40, -110), (-75, 40), (85, 40)]],
}

def free_port() -> int:
    with socket.socket() as s: s.bind(('127.0.0.1', 0)); return s.getsockname()[1]

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--model', help='a ten-digit model folder (default: train one)')
    p.add_argument('--screenshot', default=str(Path(tempfile.gettempdir())/'digitnb-page.png'), help='where to save the screenshot')
    a = p.parse_args()
    import digitnb
    from digitnb import load_model, train
    from digitnb.app import make_app
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.support.ui import WebDriverWait
    from selenium.common.exceptions import TimeoutException

    model = load_model(a.model) if a.model else train(range(10), 'cnn')
    page = make_app(model)
    _, url, _ = page.launch(server_name='127.0.0.1', server_port=free_port(), prevent_thread_lock=True, quiet=True, inline=False)
    opts = webdriver.ChromeOptions()
    opts.binary_location = '/usr/bin/chromium'
    for arg in ('--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--window-size=1100,1000'): opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service('/usr/bin/chromedriver'), options=opts)
    wait = WebDriverWait(driver, 30)
    button = lambda label: wait.until(lambda d: next((b for b in d.find_elements(By.TAG_NAME, 'button') if b.is_displayed()
                                                       and label in (b.get_attribute('aria-label'), b.text)), None))
    def label_text(d) -> str:
        "The digit the page's Label shows, or ''"
        els = d.find_elements(By.CSS_SELECTOR, '[data-testid="label-output-value"]')
        return els[0].text.strip() if els else ''
    read = {}
    try:
        driver.get(url)
        for digit, strokes in SHAPES.items():
            button('Clear canvas').click()
            button('Brush').click()  # the Sketchpad starts with no tool chosen
            canvas = wait.until(lambda d: d.find_elements(By.TAG_NAME, 'canvas')[-1])
            for stroke in strokes:
                chain = ActionChains(driver).move_to_element_with_offset(canvas, *stroke[0]).click_and_hold()
                for (x0, y0), (x1, y1) in zip(stroke, stroke[1:]): chain = chain.move_by_offset(x1 - x0, y1 - y0)
                chain.release().perform()
            old = label_text(driver)
            button('Read my digit').click()
            try: WebDriverWait(driver, 20).until(lambda d: label_text(d) not in ('', old))
            except TimeoutException: pass  # the same answer as before, or none: read what is there
            read[digit] = label_text(driver)
            print(f"drew {digit}: the page reads {read[digit]}", flush=True)
        driver.save_screenshot(a.screenshot)
        print(f"screenshot: {a.screenshot}")
    finally:
        driver.quit()
        page.close()
    wrong = {d: r for d, r in read.items() if r != d}
    if wrong: sys.exit(f"browser test: the page read {wrong} (drawn -> read)")
    print("browser test passed")

if __name__ == '__main__': main()
