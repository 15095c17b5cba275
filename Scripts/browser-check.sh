#!/usr/bin/env bash
# Checks the HTML report in a real browser. For every example (Examples/*.json, the CSV and Cerfa examples but the equivalents of a JSON one), in English and in
# French: renders `clusterkit check --format html`, validates it with tidy, then in headless Chromium renders it to PNG
# at 1280 px and at 375 px and prints it to PDF (A4), all in one Chromium per page (driven over the DevTools protocol
# by a python3 script of the standard library only, written out below). Fails when
#   - tidy reports anything (error or warning);
#   - the page refers to anything outside itself (a src/href/url()/@import that is not a fragment), or Chromium's
#     network log shows a request the page made to anything but the file (the host resolver is also disabled);
#   - the page logs anything to the console (Chromium's --enable-logging=stderr), in any of its loads;
#   - the layout is wider than the viewport (document scrollWidth > innerWidth, measured by a copy of the page with a
#     measuring script appended: the report itself has no script);
#   - a chart is missing: a chart not drawn (zero size), a budget without a chart, a history without its trajectory,
#     the pôle example without its mission categories;
#   - the PDF is not a PDF of at least one page.
# Installs chromium and tidy from the system's packages (Debian: apt-get) when they are missing.
#
#   Scripts/browser-check.sh            # outputs in .build-browser/
#   Scripts/browser-check.sh --images   # also refreshes the screenshots of Documentation/images/
#   BROWSER_CHECK_EXAMPLES="Examples/plab-2013.json" Scripts/browser-check.sh   # fewer examples
#   Scripts/browser-check.sh --self-test   # also checks that broken pages fail (a request, a console error, …)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${BROWSER_CHECK_OUT:-.build-browser}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

need() { # command package
  command -v "$1" >/dev/null 2>&1 && return 0
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "installing $2 (apt-get)…"
  $sudo apt-get -o DPkg::Lock::Timeout=900 update -q >/dev/null
  $sudo apt-get -o DPkg::Lock::Timeout=900 install -y -q "$2" >/dev/null
}
need chromium chromium
need tidy tidy
command -v python3 >/dev/null || { echo "browser-check: python3 is needed" >&2; exit 1; }

swift build --product clusterkit >"$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }
bin="$(swift build --show-bin-path)/clusterkit"

# Chromium without any background traffic of its own, and with no name resolving: nothing can leave the machine. A
# profile of its own, so that a Chromium already running cannot get in the way.
browser=(chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --no-default-browser-check "--user-data-dir=$out/profile"
  --disable-background-networking --disable-component-update --disable-sync --disable-default-apps --disable-extensions
  --enable-logging=stderr --v=0 "--host-resolver-rules=MAP * ~NOTFOUND" --net-log-capture-mode=Everything)

# One Chromium per page, driven over the DevTools protocol (--remote-debugging-pipe) by this script, which needs
# nothing but python3: it loads the measuring harness at both widths, takes both screenshots and prints the PDF in the
# one browser, whose console (stderr) and net log then cover every load of the page.
cat >"$out/driver.py" <<'DRIVER'
# One headless Chromium for one page, driven over --remote-debugging-pipe (the DevTools protocol: JSON messages
# ending in NUL, the browser reading fd 3 and writing fd 4). Reads requests on stdin, one a line, answers each with
# one line on stdout:
#   measure URL            -> the harness's data-check attribute after the load, or "" (a 1400 x 900 window)
#   screenshot URL W H PNG -> "ok" once the W x H viewport is written to PNG, or "error: …"
#   pdf URL PDF            -> "ok" once the page is printed to PDF (A4, as --print-to-pdf does; no header or footer),
#                             or "error: …"
# At the end of stdin, closes the browser, which writes its net log, and exits with its status.
# Usage: python3 driver.py chromium [flag…]   (chromium's stderr is this process's)
import base64, json, os, select, subprocess, sys, time

to_browser_r, to_browser_w = os.pipe()
from_browser_r, from_browser_w = os.pipe()

def child():  # the pipes may be fds 3 and 4 already, closed on exec: duplicates go in their place, open
    reading, writing = os.dup(to_browser_r), os.dup(from_browser_w)
    os.dup2(reading, 3)
    os.dup2(writing, 4)

browser = subprocess.Popen(sys.argv[1:] + ["--remote-debugging-pipe", "about:blank"], stdin=subprocess.DEVNULL,
                           stdout=subprocess.DEVNULL, close_fds=False, preexec_fn=child)
os.close(to_browser_r)
os.close(from_browser_w)

buffer, events, next_id = b"", [], 0

def receive(timeout):
    """One message from the browser, or None after `timeout` seconds."""
    global buffer
    deadline = time.monotonic() + timeout
    while b"\0" not in buffer:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([from_browser_r], [], [], left)[0]:
            return None
        chunk = os.read(from_browser_r, 1 << 20)
        if not chunk:
            raise EOFError("the browser closed its pipe")
        buffer += chunk
    message, buffer = buffer.split(b"\0", 1)
    return json.loads(message)

def call(method, params=None, session=None, timeout=60):
    global next_id
    next_id += 1
    message = {"id": next_id, "method": method, "params": params or {}}
    if session:
        message["sessionId"] = session
    os.write(to_browser_w, json.dumps(message).encode() + b"\0")
    deadline = time.monotonic() + timeout
    while True:
        reply = receive(deadline - time.monotonic())
        if reply is None:
            raise TimeoutError(method)
        if reply.get("id") == next_id:
            if "error" in reply:
                raise RuntimeError("%s: %s" % (method, reply["error"].get("message")))
            return reply.get("result", {})
        events.append(reply)

def wait_for(method, session, timeout=60):
    deadline = time.monotonic() + timeout
    while True:
        for index, event in enumerate(events):
            if event.get("method") == method and event.get("sessionId") == session:
                del events[index]
                return event
        event = receive(deadline - time.monotonic())
        if event is None:
            raise TimeoutError(method)
        events.append(event)

def load(session, url, width, height):
    call("Emulation.setDeviceMetricsOverride",
         {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}, session)
    events.clear()
    result = call("Page.navigate", {"url": url}, session)
    if result.get("errorText"):
        raise RuntimeError("%s: %s" % (url, result["errorText"]))
    wait_for("Page.loadEventFired", session)

try:
    page = next(target for target in call("Target.getTargets")["targetInfos"] if target["type"] == "page")
    session = call("Target.attachToTarget", {"targetId": page["targetId"], "flatten": True})["sessionId"]
    call("Page.enable", {}, session)
except Exception as error:
    print("driver: the browser did not start: %s" % error, file=sys.stderr)
    browser.kill()
    sys.exit(1)

for line in sys.stdin:
    request = line.split()
    answer = "error: unknown request"
    try:
        if request[0] == "measure":
            load(session, request[1], 1400, 900)
            answer = ""
            for _ in range(50):  # the harness's script sets the attribute when the report's frame has loaded
                value = call("Runtime.evaluate", {"expression": "document.body && document.body.getAttribute('data-check')",
                                                  "returnByValue": True}, session)["result"].get("value")
                if value:
                    answer = 'data-check="%s"' % value
                    break
                time.sleep(0.1)
        elif request[0] == "screenshot":
            load(session, request[1], int(request[2]), int(request[3]))
            data = call("Page.captureScreenshot", {"format": "png"}, session)["data"]
            with open(request[4], "wb") as file:
                file.write(base64.b64decode(data))
            answer = "ok"
        elif request[0] == "pdf":
            call("Emulation.clearDeviceMetricsOverride", {}, session)
            events.clear()
            result = call("Page.navigate", {"url": request[1]}, session)
            if result.get("errorText"):
                raise RuntimeError(result["errorText"])
            wait_for("Page.loadEventFired", session)
            data = call("Page.printToPDF", {"displayHeaderFooter": False, "paperWidth": 8.2633, "paperHeight": 11.6933}, session, timeout=120)["data"]
            with open(request[2], "wb") as file:
                file.write(base64.b64decode(data))
            answer = "ok"
    except Exception as error:
        answer = "error: %s" % error
    print(answer, flush=True)

try:
    call("Browser.close", timeout=30)
except Exception:
    pass
try:
    sys.exit(browser.wait(timeout=30))
except subprocess.TimeoutExpired:
    browser.kill()
    sys.exit(1)
DRIVER

trap '' PIPE # a browser that died fails the check of its page, not the script
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# Fails on any console message and on any request the page made (per Chromium's net log).
check_run() { # label stderr-file netlog-file
  if grep -q ':CONSOLE' "$2"; then fail "$1: console message: $(grep ':CONSOLE' "$2" | head -n 3)"; fi
  local requests
  requests=$(python3 - "$3" <<'EOF'
import json, sys
try:
    events = json.load(open(sys.argv[1])).get("events", [])
except Exception as error:  # a truncated log: Chromium was killed
    print("unreadable net log: %s" % error); sys.exit()
for event in events:
    params = event.get("params") or {}
    url = params.get("url", "")
    # Requests of the page carry its file:// isolation key; Chromium's own (none, with the flags above) do not.
    if url and "file://" in str(params.get("network_isolation_key", "")) and not url.startswith(("file:", "data:", "about:")):
        print(url)
EOF
)
  if [ -n "$requests" ]; then fail "$1: request leaving the file: $requests"; fi
}

# A harness page that holds the report in a frame exactly `width` CSS pixels wide (headless Chromium's windows are at
# least 500 px wide, so a 375 px phone is emulated by the frame), `zoom` times larger for a sharp screenshot. With a
# height, it only shows the report; without, its script measures it (the report itself has no script): the page's
# width against the frame's, its height, the charts drawn within the width, the budgets without a chart.
harness() { # report-file width [height zoom]
  local height="${3:-900}" zoom="${4:-1}"
  printf '<!DOCTYPE html><html><head><meta charset="utf-8"><title>harness</title></head><body style="margin:0">'
  printf '<iframe id="f" src="%s" style="border:0;width:%spx;height:%spx;transform:scale(%s);transform-origin:0 0"></iframe>' \
    "$(basename "$1")" "$2" "$height" "$zoom"
  if [ -n "${3:-}" ]; then printf '</body></html>'; return; fi
  cat <<'SCRIPT'
<script>
var frame = document.getElementById("f");
frame.addEventListener("load", function () {
  var page = frame.contentDocument, view = frame.contentWindow;
  var charts = page.querySelectorAll("svg.chart"), drawn = 0, bare = 0;
  for (var i = 0; i < charts.length; i++) {
    var box = charts[i].getBoundingClientRect();
    if (box.width > 0 && box.height > 0 && box.right <= view.innerWidth + 1) drawn++;
  }
  var sections = page.querySelectorAll("section.budget[id^=b]");
  for (var j = 0; j < sections.length; j++) { if (!sections[j].querySelector("svg.chart")) bare++; }
  document.body.setAttribute("data-check", "scrollWidth=" + page.documentElement.scrollWidth + " innerWidth=" + view.innerWidth
    + " height=" + page.documentElement.scrollHeight + " charts=" + charts.length + " drawn=" + drawn + " bare=" + bare);
});
</script></body></html>
SCRIPT
}

# Every check of one page: tidy, what it refers to, its charts, then in Chromium at 1280 px and 375 px and in PDF.
check_page() { # html-file label example-file
  local html="$1" label="$2" file="$3" before="$failures"
  local charts probe check scroll inner height count drawn bare png pdf pdfpages width
  tidy -e -q "$html" >"${html%.html}.tidy" 2>&1 || fail "$label: tidy: $(head -n 5 "${html%.html}.tidy")"
  # The one URL allowed is the SVG namespace, a name that is never fetched (an address in the provenance of the
  # figures is text, on its own line).
  if grep -Eq '(src|href)="[^#"]|url\([^#)]|@import|<script|<link|<img|<iframe' "$html"; then
    fail "$label: the page refers to something outside itself"
  fi
  if [ "$(grep -v '^<p class="provenance">' "$html" | grep -o 'http' | wc -l)" != "$(grep -o 'xmlns="http://www.w3.org/2000/svg"' "$html" | wc -l)" ]; then
    fail "$label: the page holds a URL"
  fi
  charts=$(grep -o '<svg ' "$html" | wc -l)
  # A history (a document with years) shows its trajectory; a budget of a fiscal year named 2024-2025 is no history.
  if [ "${file%.json}" != "$file" ] && grep -q '"years"' "$file"; then
    grep -q 'class="chart trajectory"' "$html" || fail "$label: no trajectory chart"
  fi
  case "$file" in
    *pole-categories-example.json) grep -q 'class="chart categories"' "$html" || fail "$label: no mission categories chart" ;;
  esac
  grep -q 'class="chart resources"' "$html" || [ "${file%.csv}" != "$file" ] || grep -q 'trajectory' "$html" \
    || fail "$label: no resources chart"

  # The browser, started once for the page: requests go to its driver on one pipe, the answers come back on another.
  rm -f "$out/net.json"
  coproc BROWSER { python3 "$out/driver.py" "${browser[@]}" --allow-file-access-from-files --log-net-log="$out/net.json" \
    2>"$out/chromium.log"; }
  local driver="$BROWSER_PID" to="${BROWSER[1]}" from="${BROWSER[0]}" answer
  ask() { echo "$*" 2>/dev/null >&"$to" && read -r answer <&"$from" || answer=""; }
  for width in 1280 375; do
    probe="${html%.html}.harness-$width.html"
    harness "$html" "$width" >"$probe"
    ask measure "file://$probe"
    check="$answer"
    [ "${check#data-check=}" != "$check" ] || { fail "$label at $width px: the page could not be measured $check"; continue; }
    read -r scroll inner height count drawn bare < <(echo "$check" | sed 's/[^0-9 ]//g')
    [ "$inner" = "$width" ] || fail "$label: the viewport is $inner px, not $width px"
    [ "$scroll" -le "$inner" ] || fail "$label at $width px: the layout is $scroll px wide, wider than the $inner px viewport"
    [ "$count" = "$charts" ] && [ "$drawn" = "$charts" ] || fail "$label at $width px: $drawn of $charts charts drawn within the viewport"
    [ "$bare" = 0 ] || fail "$label at $width px: $bare budget(s) without a chart"
    png="${html%.html}.$width.png"
    rm -f "$png"
    if [ "$width" = 1280 ]; then
      ask screenshot "file://$html" "$width" "$height" "$png"
    else
      # The phone at twice its size, as its screen shows it.
      probe="${html%.html}.phone.html"
      harness "$html" "$width" "$height" 2 >"$probe"
      ask screenshot "file://$probe" "$((width * 2))" "$((height * 2))" "$png"
    fi
    [ -s "$png" ] || fail "$label at $width px: no screenshot ($answer)"
  done
  pdf="${html%.html}.pdf"
  rm -f "$pdf"
  ask pdf "file://$html" "$pdf"
  # The end of its requests closes the browser, which writes its net log.
  exec {to}>&- {from}<&-
  wait "$driver" || true
  check_run "$label" "$out/chromium.log" "$out/net.json"
  pdfpages=$(python3 -c 'import re,sys; print(len(re.findall(rb"/Type\s*/Page[^s]", open(sys.argv[1],"rb").read())))' "$pdf" 2>/dev/null || echo 0)
  if [ "$(head -c 4 "$pdf" 2>/dev/null)" != "%PDF" ] || [ "$pdfpages" -lt 1 ]; then fail "$label: no PDF"; fi
  [ "$failures" -gt "$before" ] || echo "ok: $label — $charts chart(s), 1280 px and 375 px, PDF of $pdfpages page(s)"
}

pages=0
# BROWSER_CHECK_EXAMPLES may name fewer files (the --images screenshots need Cosmetic Valley, Mecabourg 2013 and
# Silicon Sentier). Mecabourg's two CSVs are left out by default: GoldenReportTests.equivalentInputs holds their HTML
# to mecabourg-2013.json's byte for byte (the file's name aside), so their pages are that page.
for file in ${BROWSER_CHECK_EXAMPLES:-Examples/*.json Examples/csv/cosmetic-valley-2013.csv Examples/cerfa/*.csv}; do
  stem=$(echo "${file#Examples/}" | tr '/.' '--')
  for language in en fr; do
    html="$out/$stem.$language.html"
    status=0
    "$bin" check "$file" --format html --language "$language" >"$html" 2>"$out/$stem.$language.stderr" || status=$?
    [ "$status" -le 1 ] || { fail "$file ($language): clusterkit exited with $status"; continue; }
    pages=$((pages + 1))
    check_page "$html" "$file ($language)" "$file"
  done
done

# A funder's folder: every example and the made-up grappe of three years, on one page grouped by cluster — the clusters
# table with a trend line per cluster, the memento's map of profiles with every cluster placed, each cluster's reports.
# BROWSER_CHECK_FUNDER=0 leaves it out (it is left out when BROWSER_CHECK_EXAMPLES names fewer files, unless it is 1).
if [ "${BROWSER_CHECK_FUNDER:-$([ -z "${BROWSER_CHECK_EXAMPLES:-}" ] && echo 1 || echo 0)}" = 1 ]; then
  for language in en fr; do
    html="$out/funder.$language.html"
    status=0
    "$bin" check Examples Tests/Fixtures/funder --format html --language "$language" >"$html" 2>"$out/funder.$language.stderr" || status=$?
    [ "$status" -le 1 ] || { fail "funder's folder ($language): clusterkit exited with $status"; continue; }
    pages=$((pages + 1))
    clusters=$(grep -o '<tr><td class="number" data-label="[^"]*">[0-9]*</td><th scope="row" id="c[0-9]*-row"' "$html" | wc -l)
    [ "$clusters" -ge 12 ] || fail "funder's folder ($language): $clusters clusters in the table, not 12"
    [ "$(grep -o 'class="chart sparkline"' "$html" | wc -l)" = "$clusters" ] || fail "funder's folder ($language): a cluster without its trend line"
    [ "$(grep -o 'class="cluster-mark"' "$html" | wc -l)" = "$clusters" ] || fail "funder's folder ($language): a cluster not on the map"
    grep -q 'class="chart profile-map"' "$html" || fail "funder's folder ($language): no map of profiles"
    check_page "$html" "funder's folder ($language)" "Examples"
  done
fi

if [ "${1:-}" = "--self-test" ]; then
  # The checks must be able to fail: each broken copy of a real page must fail its check.
  base="$out/cosmetic-valley-2013-json.en.html"
  [ -s "$base" ] || { echo "self-test: $base is missing" >&2; exit 1; }
  expect_failure() { # name sed-expression what
    local page="$out/broken-$1.html" was="$failures"
    sed "$2" "$base" >"$page"
    check_page "$page" "broken page ($1)" "Examples/cosmetic-valley-2013.json" 2>"$out/broken-$1.log"
    if [ "$failures" -gt "$was" ] && grep -q "$3" "$out/broken-$1.log"; then
      echo "self-test: the $1 page fails as it must ($3)"; failures="$was"
    else
      echo "self-test: the $1 page passed the check" >&2; failures=$((was + 1)); selffailed=1
    fi
  }
  selffailed=0
  expect_failure request 's#<main>#<main><img src="http://example.invalid/x.png" alt="">#' 'request leaving the file'
  expect_failure console 's#</body>#<p id="x">x</p><script>console.error("broken")</script></body>#' 'console message'
  expect_failure wide 's#<main>#<main><div style="width:900px">wide</div>#' 'wider than the 375 px viewport'
  expect_failure hidden 's#<svg xmlns#<svg style="display:none" xmlns#' 'charts drawn'
  expect_failure invalid 's#<main>#<main><p><div>x</p>#' 'tidy'
  [ "$selffailed" = 0 ] || exit 1
  echo "browser check self-test passed."
fi

if [ "${1:-}" = "--images" ]; then
  # The README's screenshots: the top of the page (the summary and the charts) at 1280 px, a phone's screen at 375 px,
  # and one history's trajectory chart alone.
  images=Documentation/images
  mkdir -p "$images"
  for name in cosmetic-valley-2013-json.fr mecabourg-2013-json.fr; do
    "${browser[@]}" --window-size=1280,1250 --screenshot="$images/report-${name%%-json*}.${name##*.}-1280.png" \
      "file://$out/$name.html" >/dev/null 2>&1
  done
  harness "$out/cosmetic-valley-2013-json.en.html" 375 1500 2 >"$out/phone.html"
  "${browser[@]}" --window-size=750,3000 --screenshot="$images/report-cosmetic-valley-2013.en-375.png" \
    "file://$out/phone.html" >/dev/null 2>&1
  python3 - "$out/silicon-sentier-2011-2013-json.en.html" "$out/trajectory.html" <<'PYTHON'
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
figure = re.search(r'<figure class="chart-figure trajectory".*?</figure>', page, re.S).group(0)
head = page[:page.index("<body>") + len("<body>")]
open(sys.argv[2], "w", encoding="utf-8").write(head + '<main style="max-width:600px">' + figure + "</main></body></html>")
PYTHON
  "${browser[@]}" --window-size=630,760 --screenshot="$images/report-silicon-sentier-trajectory.en.png" \
    "file://$out/trajectory.html" >/dev/null 2>&1
  echo "screenshots written to $images/"
fi

[ "$pages" -gt 0 ] || fail "no page rendered"
if [ "$failures" -gt 0 ]; then echo "browser check: $failures failure(s)" >&2; exit 1; fi
echo "browser check passed: $pages pages, each at 1280 px and 375 px and in PDF."
