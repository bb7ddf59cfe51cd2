#!/usr/bin/env python3
"""Where extraction spends its time, from a `perf record --call-graph dwarf` of `hoptac bench`.

Only samples under `hoptac_extract::Extractor::extract` count (corpus generation, the bare scan
and building the gazetteer are left out), and shares are of those samples:

  - self: the function the CPU was in (the leaf), with the extractor function that called it;
  - stage: the pipeline stage (the callee of `Extractor::extract`) the sample belongs to.

Usage (see BENCHMARKS.md):
  perf record -F 999 --call-graph dwarf,32768 -o extract.data target/release/hoptac bench
  perf script -i extract.data --no-inline -F comm,tid,ip,sym > extract.txt
  python3 services/bench/profile.py extract.txt
"""
import collections
import re
import sys

EXTRACT = "hoptac_extract::Extractor::extract"
TOP = 15


def samples(path):
    """Each sample's call chain, leaf first, as function names."""
    chain = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if not line.strip():
                if chain:
                    yield chain
                chain = []
            elif line[0] in " \t":
                parts = line.split(None, 1)
                if len(parts) == 2:
                    chain.append(re.sub(r"\+0x[0-9a-f]+$", "", parts[1].strip()))
    if chain:
        yield chain


def main(path):
    every = list(samples(path))
    ours = [s for s in every if EXTRACT in s]
    if not ours:
        sys.exit(f"no sample under {EXTRACT} in {path}")
    share = lambda n: f"{100 * n / len(ours):5.1f}%"
    print(f"{len(ours)} of {len(every)} samples are under {EXTRACT}\n")

    leaves = collections.Counter(s[0] for s in ours)
    callers = collections.defaultdict(collections.Counter)
    for s in ours:
        if s[0].startswith("hoptac_extract"):
            continue
        caller = next((f for f in s[1:] if f.startswith("hoptac_extract")), "?")
        callers[s[0]][caller] += 1
    print(f"top {TOP} functions by self time (called from)")
    for name, n in leaves.most_common(TOP):
        via = ", ".join(f"{c} {share(m).strip()}" for c, m in callers[name].most_common(2))
        print(f"{share(n)}  {name}" + (f"  ({via})" if via else ""))

    stages = collections.Counter()
    for s in ours:
        i = s.index(EXTRACT)
        stages[s[i - 1] if i > 0 else EXTRACT] += 1
    print("\nstages (time inside each, callees included)")
    for name, n in stages.most_common():
        print(f"{share(n)}  {name}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
