#!/usr/bin/env python3
"""Opens orgmodel's HTML report in headless Chromium and checks it as a reader's browser sees it.

usage: browser_check.py <orgmodel program> <source dir> <work dir>

Writes <work dir>/report.html with `orgmodel report --format html -o`, opens it from the file and
asserts: no console error, no request besides the page itself (and none failed), every chart has a
non-empty bounding box, no two text labels of a chart overlap (getBoundingClientRect), every
bundled model with governance bodies has its org chart, and the page prints to PDF. With
ORGMODEL_SCREENSHOTS=<dir> it also saves PNGs of BRO's and SBA's org charts, IiN's funding flows
and the seven models for Västmanland. Every chart, the comparison included, is checked for a
non-empty box and overlapping labels.
Exits 77 (skipped) when Chromium, chromedriver or Selenium is missing.
"""
import base64
import glob
import json
import os
import shutil
import subprocess
import sys

SKIP = 77


def find_browser():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


# Label overlap, measured in the page: every pair of <text> boxes inside one <svg.chart> whose
# intersection is larger than half a pixel each way.
OVERLAP_JS = """
const out = [];
for (const svg of document.querySelectorAll('svg.chart')) {
  const boxes = [...svg.querySelectorAll('text')].map(t => [t.getBoundingClientRect(), t.textContent]);
  for (let i = 0; i < boxes.length; ++i) for (let j = i + 1; j < boxes.length; ++j) {
    const [a, ta] = boxes[i], [b, tb] = boxes[j];
    const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    if (w > 0.5 && h > 0.5) out.push([svg.id, ta, tb]);
  }
}
return out;
"""

CHARTS_JS = """
return [...document.querySelectorAll('svg.chart')].map(s => {
  const r = s.getBoundingClientRect();
  return [s.id, r.width, r.height, s.querySelector(':scope > title') !== null, s.querySelector(':scope > desc') !== null];
});
"""


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        return 2
    program, source, work = sys.argv[1:4]
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        print("SKIP: python3-selenium is not installed")
        return SKIP
    browser, driver_path = find_browser(), shutil.which("chromedriver") or "/usr/bin/chromedriver"
    if not browser or not os.path.exists(driver_path):
        print("SKIP: chromium or chromium-driver is not installed")
        return SKIP

    os.makedirs(work, exist_ok=True)
    page = os.path.abspath(os.path.join(work, "report.html"))
    subprocess.run([program, "report", "--format", "html", "-o", page], check=True)
    size = os.path.getsize(page)
    failures = []
    if size >= 2 * 1024 * 1024:
        failures.append(f"report.html is {size} bytes, not under 2 MB")

    opts = webdriver.ChromeOptions()
    opts.binary_location = browser
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1500,1200"):
        opts.add_argument(a)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=opts)
    # A loaded machine renders slowly: chromedriver's renderer timeout follows these.
    driver.set_page_load_timeout(240)
    driver.set_script_timeout(240)
    try:
        url = "file://" + page
        driver.get(url)

        for entry in driver.get_log("browser"):
            if entry.get("level") == "SEVERE":
                failures.append("console error: " + entry.get("message", ""))
        for entry in driver.get_log("performance"):
            msg = json.loads(entry["message"])["message"]
            if msg["method"] == "Network.loadingFailed":
                failures.append("failed request: " + json.dumps(msg["params"]))
            if msg["method"] == "Network.requestWillBeSent":
                req = msg["params"]["request"]["url"]
                if req != url:
                    failures.append("request other than the page itself: " + req[:200])

        charts = driver.execute_script(CHARTS_JS)
        if not charts:
            failures.append("no chart in the page")
        for cid, w, h, has_title, has_desc in charts:
            if not (w > 0 and h > 0):
                failures.append(f"chart {cid} has an empty bounding box ({w}×{h})")
            if not (has_title and has_desc):
                failures.append(f"chart {cid} lacks <title> or <desc>")
        for cid, a, b in driver.execute_script(OVERLAP_JS):
            failures.append(f"labels overlap in {cid}: {a!r} / {b!r}")

        # Every bundled model with governance bodies has its org chart (read from the model files,
        # not from the report).
        ids = {c[0] for c in charts}
        expected = 0
        for path in sorted(glob.glob(os.path.join(source, "data", "models", "*.json"))):
            with open(path, encoding="utf-8") as f:
                model = json.load(f)
            if model.get("bodies"):
                expected += 1
                mid = model["id"]
                if "org-" + mid not in ids:
                    failures.append(f"no org chart for {mid}")
        # The seven models for Västmanland side by side (the study's own question).
        if "compare-vastmanland" not in ids:
            failures.append("no comparison chart of the seven models for Västmanland (compare-vastmanland)")
        if expected < 9:
            failures.append(f"only {expected} bundled models with bodies found under {source}/data/models")

        pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": False})["data"])
        if not pdf.startswith(b"%PDF") or len(pdf) < 10000:
            failures.append(f"printing to PDF gave {len(pdf)} bytes")

        shots = os.environ.get("ORGMODEL_SCREENSHOTS")
        if shots:
            os.makedirs(shots, exist_ok=True)
            for cid, name in (("org-business-region-orebro", "org-chart-bro.png"),
                              ("org-stockholm-business-alliance", "org-chart-sba.png"),
                              ("funding-invest-in-norrbotten", "funding-iin.png"),
                              ("compare-vastmanland", "compare-vastmanland.png")):
                r = driver.execute_script(
                    "const r = document.getElementById(arguments[0]).getBoundingClientRect();"
                    "return [r.left + window.scrollX, r.top + window.scrollY, r.width, r.height];", cid)
                shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
                    "format": "png", "captureBeyondViewport": True,
                    "clip": {"x": r[0], "y": r[1], "width": r[2], "height": r[3], "scale": 1}})
                with open(os.path.join(shots, name), "wb") as f:
                    f.write(base64.b64decode(shot["data"]))
                print("saved", os.path.join(shots, name))
    finally:
        driver.quit()

    print(f"report.html: {size} bytes, {len(charts)} charts")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
