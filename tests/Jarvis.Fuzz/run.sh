#!/usr/bin/env bash
# Coverage-guided fuzzing of one parser with SharpFuzz + afl-fuzz (docs/fuzzing.md).
#   tests/Jarvis.Fuzz/run.sh TARGET SECONDS     (TARGET from `jarvis-fuzz list`, or "all" for each in turn)
# Instruments a copy of the build output, seeds the corpus from the tests (plus tests/Jarvis.Fuzz/corpus/TARGET),
# runs afl-fuzz for SECONDS, then prints executions, coverage, crashes and hangs; every crash is replayed with its
# exception. Exit status: 0 clean, 1 crash or hang found, 2 set-up problem, 3 afl-fuzz missing.
# Environment: FUZZ_WORK (default /tmp/jarvis-fuzz) for the work folders, FUZZ_CONFIGURATION (Debug or Release),
# FUZZ_RESUME=1 to continue the previous run's queue in FUZZ_WORK (the new build is instrumented again),
# FUZZ_EXECS=N to stop after about N executions (SECONDS is then the upper bound).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
target="${1:?usage: run.sh TARGET SECONDS}"
seconds="${2:?usage: run.sh TARGET SECONDS}"
work_root="${FUZZ_WORK:-/tmp/jarvis-fuzz}"

command -v afl-fuzz >/dev/null || { echo "afl-fuzz is not installed (apt-get install afl++)"; exit 3; }

bin=""
for configuration in ${FUZZ_CONFIGURATION:-Release Debug}; do
  candidate="$here/bin/$configuration/net10.0"
  if [ -f "$candidate/Jarvis.Fuzz.dll" ]; then bin="$candidate"; break; fi
done
if [ -z "$bin" ]; then
  dotnet build "$here/Jarvis.Fuzz.csproj" -c Release -v q >/dev/null || { echo "build of Jarvis.Fuzz failed"; exit 2; }
  bin="$here/bin/Release/net10.0"
fi

if [ "$target" = all ]; then
  status=0
  for t in $(dotnet "$bin/Jarvis.Fuzz.dll" list | awk '{print $1}'); do
    "$0" "$t" "$seconds" || status=$?
  done
  exit "$status"
fi

work="$work_root/$target"
input="$work/seeds/$target"
if [ "${FUZZ_RESUME:-0}" = 1 ] && [ -d "$work/out/default/queue" ]; then
  input="-"
  rm -rf "$work/bin"
else
  rm -rf "$work" && mkdir -p "$work"
fi
cp -r "$bin" "$work/bin"
assemblies="$(dotnet "$bin/Jarvis.Fuzz.dll" assemblies "$target")" || { echo "unknown target $target"; exit 2; }
(cd "$root" && dotnet tool restore >/dev/null) || { echo "dotnet tool restore failed"; exit 2; }
for assembly in $assemblies; do
  (cd "$root" && dotnet tool run sharpfuzz "$work/bin/$assembly" >/dev/null) || { echo "sharpfuzz could not instrument $assembly"; exit 2; }
done

# Seeds come from the uninstrumented build: instrumented code only runs under Fuzzer.Run.
dotnet "$bin/Jarvis.Fuzz.dll" seed "$work/seeds" "$target" >/dev/null || exit 2
if [ -d "$here/corpus/$target" ]; then cp "$here/corpus/$target"/* "$work/seeds/$target/"; fi
# Every earlier crash input is replayed first: a fixed crash must stay fixed.
dotnet "$bin/Jarvis.Fuzz.dll" replay "$target" "$work/seeds/$target" >"$work/seeds.log" || { echo "$target: a seed crashes:"; grep -v '^   at ' "$work/seeds.log" | head -n 20; exit 1; }

export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
  AFL_AUTORESUME=0 AFL_FORKSRV_INIT_TMOUT=60000 DOTNET_TieredPGO=0
execs_limit=()
if [ -n "${FUZZ_EXECS:-}" ]; then execs_limit=(-E "$FUZZ_EXECS"); fi
afl-fuzz -V "$seconds" "${execs_limit[@]}" -i "$input" -o "$work/out" -t 5000 -m none \
  -- dotnet "$work/bin/Jarvis.Fuzz.dll" run "$target" >"$work/afl.log" 2>&1
afl_status=$?

stats="$work/out/default/fuzzer_stats"
if [ ! -f "$stats" ]; then
  echo "$target: afl-fuzz did not start (exit $afl_status); last lines of $work/afl.log:"; tail -n 20 "$work/afl.log"; exit 2
fi
stat() { sed -n "s/^$1 *: *//p" "$stats"; }
crashes=$(find "$work/out/default/crashes" -type f -name 'id:*' | wc -l)
hangs=$(find "$work/out/default/hangs" -type f -name 'id:*' | wc -l)
echo "$target: $(stat execs_done) execs in $(stat run_time)s ($(stat execs_per_sec)/s), edges $(stat edges_found) of $(stat total_edges) map ($(stat bitmap_cvg)), corpus $(stat corpus_count), crashes $crashes, hangs $hangs"
if [ "$crashes" -gt 0 ]; then
  dotnet "$bin/Jarvis.Fuzz.dll" replay "$target" "$work/out/default/crashes" | grep -v '^   at ' | head -n 40
fi
if [ "$hangs" -gt 0 ]; then
  echo "$target: hang inputs in $work/out/default/hangs"
fi
[ "$crashes" -eq 0 ] && [ "$hangs" -eq 0 ]
