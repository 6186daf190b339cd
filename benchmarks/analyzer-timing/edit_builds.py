#!/usr/bin/env python3
"""Builds a project written by generate.py the way a user's `dotnet build` does after an edit, and reports each Flagon
analyzer's and generator's time from -p:ReportAnalyzer=true.

`dotnet build` compiles in the shared compiler server: it stays up between builds, keeps the analyzers and generators
loaded and JIT-compiled, and keeps each project's generator driver, so a build after an edit runs the generator
incrementally, as the IDE does. The server is asked for explicitly (UseSharedCompilation=true), since an environment
may turn it off. The first builds start and warm the server; each timed build follows one edit:

  view body:       the text a view returns changes (no rule changes);
  app rule:        the rule of an app view changes;
  blueprint rule:  the rule of a blueprint view changes.

usage: edit_builds.py FOLDER [--rounds N] [--generator-cache] [--smoke]
"""
import re
import statistics
import subprocess
import sys

folder = sys.argv[1]
rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 3
# --generator-cache: the compiler server keeps the project's generator driver between builds and runs generators
# incrementally, as the IDE does (the compiler's enable-generator-cache feature; off unless asked for).
generator_cache = "--generator-cache" in sys.argv
# --smoke: only check that the builds run and their times are read (the test suite's check): a running compiler
# server is left alone, and a build it turns down (it had loaded another build of the analyzers) is timed all the same.
smoke = "--smoke" in sys.argv

EDITS = [
    ("view body", "Views3.cs", '=> "c3 0"', '=> "c3 0 edit{n}"'),
    ("app rule", "Views3.cs", '[Route("/c3/0")]', '[Route("/c3/0e{n}")]'),
    ("blueprint rule", "Blueprint0.cs", '[Route("/c12/0")]', '[Route("/c12/0e{n}")]'),
]
LINE = re.compile(r"^\s+([0-9.<]+)\s+[0-9<]+\s+((?:Flagon\.(?:Analyzers|Generators)\.[A-Za-z]+)|Flagon\.EditTiming\.BindingProbe)(?:\s|$)")


def build(log_name, dependencies=False):
    command = ["dotnet", "build", "-c", "Release", "-nologo", "-clp:NoSummary", "-v:detailed",
               "-p:ReportAnalyzer=true", "-p:UseSharedCompilation=true"] + ([] if dependencies else ["--no-dependencies"]) \
        + (["-p:Features=enable-generator-cache"] if generator_cache else [])
    result = subprocess.run(command, cwd=folder, capture_output=True, text=True)
    with open(f"{folder}/{log_name}", "w") as log:
        log.write(result.stdout)
    if result.returncode != 0:
        sys.exit(f"build failed:\n{result.stdout[-4000:]}")
    if "CompilerServer: server failed" in result.stdout and not smoke:
        sys.exit("the compiler server did not compile this build (see the log); its times would be a cold compiler's")
    times = {}
    for line in result.stdout.splitlines():
        match = LINE.match(line)
        if match:
            value = match.group(1)
            times[match.group(2)] = 0.0 if value.startswith("<") else float(value) * 1000
    return times


def edit(file, old, new, n):
    path = f"{folder}/{file}"
    with open(path) as f:
        text = f.read()
    if n > 0:
        old = new.format(n=n - 1)
    if old not in text:
        sys.exit(f"edit target {old!r} not found in {file}")
    with open(path, "w") as f:
        f.write(text.replace(old, new.format(n=n), 1))


# A server started before the analyzers were last built would refuse them: start a fresh one. The first build
# starts it; a first round of edits, not timed, warms it (the runtime compiles hot code again, optimized, after its
# first calls), as a day of editing would.
if not smoke:
    subprocess.run(["dotnet", "build-server", "shutdown"], capture_output=True)
build("full.log", dependencies=True)

originals = {}
for _, file, _, _ in EDITS:
    with open(f"{folder}/{file}") as f:
        originals[file] = f.read()

timed = {}  # component -> list of (kind, ms)
count = 0
for n in range(rounds + 1):
    for kind, file, old, new in EDITS:
        edit(file, old, new, n)
        times = build(f"edit-{n}-{kind.replace(' ', '-')}.log")
        if n == 0:
            continue
        count += 1
        for component, ms in times.items():
            timed.setdefault(component, []).append((kind, ms))


# The project as it was, for whatever times it next.
for file, text in originals.items():
    with open(f"{folder}/{file}", "w") as f:
        f.write(text)


def short(component):
    return component.split(".")[-1]


print(f"{count} builds after an edit ({rounds} of each kind), warm compiler server; ms per component:")
print(f"{'component':<28} {'median':>7} {'max':>7}   " + "   ".join(f"{kind} (median)" for kind, *_ in EDITS))
for component, values in sorted(timed.items(), key=lambda item: -statistics.median(v for _, v in item[1])):
    all_ms = [v for _, v in values]
    per_kind = [statistics.median([v for k, v in values if k == kind] or [0]) for kind, *_ in EDITS]
    print(f"{short(component):<28} {statistics.median(all_ms):7.0f} {max(all_ms):7.0f}   "
          + "   ".join(f"{ms:{len(kind) + 9}.0f}" for ms, (kind, *_) in zip(per_kind, EDITS)))
